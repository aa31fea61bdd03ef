// The center scorecard per period (issue 22): one row per center in scope with the indicators of the
// region's assessment of 双创 carriers, configurable by admins (scorecard_indicators; defaults below),
// and a weighted score where targets exist. Definitions (period = [from, to], Asia/Shanghai days; its
// months = the YYYY-MM outcome periods inside it):
// - admittedProjects, graduatedProjects: the funnel's admitted and graduated events of the center
//   (src/statistics/funnel.ts: the center that took the step).
// - jobsCreated, graduatesHired, localHires: over the center's projects (projects.center_id), each
//   project's latest reported month inside the period (project_outcomes): employees, graduates hired,
//   local hires, summed. No outcome reported in the period: not collected.
// - mentorsEngaged: distinct mentors with an introduction to the center's projects accepted in the
//   period (the funnel's mentor `accepted` events of the center).
// - coachingActivities: accepted mentor introductions (as above, counted each) + training enrolments
//   made in the period by founders of the center (founders.center_id; erased founders count).
// - fundingRaisedCny: the sum of fundingRaisedCny of the center's projects' outcomes of the period's
//   months. No outcome reported: not collected.
// - satisfaction: not collected (no data source yet).
// An indicator without data says `notCollected: true` with value null, never a 0 by accident.
// Score: Σ weight·min(value / target′, 1) / Σ weight × 100 over the enabled indicators with a target
// and a value, target′ = the yearly target × months of the period / 12; null when there is none.
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { centersTable } from '../../models/centers/table.ts';
import { CENTER_STATUSES } from '../../models/enums.ts';
import { regionPrefix } from '../../models/regions/codes.ts';
import {
  type IndicatorSetting,
  type IndicatorSettingsBody,
  indicatorSettingsBodySchema,
  SCORECARD_INDICATORS,
  type ScorecardIndicatorKey,
  scorecardIndicatorsTable,
} from '../../models/scorecard-indicators/index.ts';
import { audit } from '../audit/record.ts';
import { type Actor, actorLabel } from '../auth/actor.ts';
import { resultRows } from '../db/errors.ts';
import { unprocessable } from '../errors.ts';
import { parseBody, todayInShanghai } from '../lifecycle/access.ts';
import type { Db } from '../db/client.ts';
import type { Executor } from '../resources/types.ts';
import { eventsSql } from './funnel.ts';
import { planPeriod, storedSumsByCenter } from './period-sums.ts';

/** The defaults (no row for a key): every indicator on, weights after the region's assessment, no targets. */
export const DEFAULT_INDICATORS: Record<ScorecardIndicatorKey, Omit<IndicatorSetting, 'key'>> = {
  admittedProjects: { enabled: true, weight: 15, target: null },
  graduatedProjects: { enabled: true, weight: 15, target: null },
  jobsCreated: { enabled: true, weight: 15, target: null },
  graduatesHired: { enabled: true, weight: 10, target: null },
  localHires: { enabled: true, weight: 10, target: null },
  mentorsEngaged: { enabled: true, weight: 10, target: null },
  coachingActivities: { enabled: true, weight: 10, target: null },
  fundingRaisedCny: { enabled: true, weight: 10, target: null },
  satisfaction: { enabled: true, weight: 5, target: null },
};

export const indicatorViewSchema = z.object({
  key: z.enum(SCORECARD_INDICATORS),
  enabled: z.boolean(),
  weight: z.number(),
  target: z.number().nullable(),
  /** false: the default (no admin set it) */
  configured: z.boolean(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type IndicatorView = z.infer<typeof indicatorViewSchema>;
export const indicatorListSchema = z
  .object({ items: z.array(indicatorViewSchema) })
  .meta({ id: 'ScorecardIndicators' });

/** Every indicator with its setting: the stored row or the default. */
export async function readIndicators(db: Executor): Promise<IndicatorView[]> {
  const rows = await db.select().from(scorecardIndicatorsTable);
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return SCORECARD_INDICATORS.map((key) => {
    const row = byKey.get(key);
    return row
      ? {
          key,
          enabled: row.enabled,
          weight: row.weight,
          target: row.target,
          configured: true,
          updatedAt: row.updatedAt.toISOString(),
          updatedBy: row.updatedBy,
        }
      : { key, ...DEFAULT_INDICATORS[key], configured: false, updatedAt: null, updatedBy: null };
  });
}

/** `PUT /v1/stats/scorecard/indicators` (admins: the caller checks): upserts the given keys, audited. */
export async function putIndicators(db: Db, actor: Actor, input: unknown): Promise<IndicatorView[]> {
  const body: IndicatorSettingsBody = parseBody(indicatorSettingsBodySchema, input);
  const now = new Date();
  await db.transaction(async (tx) => {
    for (const item of body.items)
      await tx
        .insert(scorecardIndicatorsTable)
        .values({ ...item, updatedAt: now, updatedBy: actorLabel(actor) })
        .onConflictDoUpdate({
          target: scorecardIndicatorsTable.key,
          set: {
            enabled: item.enabled,
            weight: item.weight,
            target: item.target,
            updatedAt: now,
            updatedBy: actorLabel(actor),
          },
        });
    await audit(tx, actor, [
      {
        action: 'scorecard_indicators.update',
        entityKind: 'scorecard_indicators',
        entityId: 'all',
        detail: { items: body.items },
      },
    ]);
  });
  return readIndicators(db);
}

// --- periods ---

export interface Period {
  period: string;
  from: string;
  to: string;
  /** YYYY-MM of its first and last month */
  firstMonth: string;
  lastMonth: string;
  months: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** `YYYY`, `YYYY-Qn` or `YYYY-MM` → its days; 422 for another form or a period that has not begun. */
export function parsePeriod(period: string, now = new Date()): Period {
  const m = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/.exec(period);
  if (!m)
    throw unprocessable([
      { path: 'period', message: 'must be YYYY, YYYY-Qn or YYYY-MM / 统计期须为 YYYY、YYYY-Qn 或 YYYY-MM' },
    ]);
  const y = Number(m[1]);
  const [first, last] = m[2] ? [Number(m[2]) * 3 - 2, Number(m[2]) * 3] : m[3] ? [Number(m[3]), Number(m[3])] : [1, 12];
  const out: Period = {
    period,
    from: `${y}-${pad(first)}-01`,
    to: `${y}-${pad(last)}-${pad(lastDay(y, last))}`,
    firstMonth: `${y}-${pad(first)}`,
    lastMonth: `${y}-${pad(last)}`,
    months: last - first + 1,
  };
  if (y < 2000 || out.from > todayInShanghai(now))
    throw unprocessable([{ path: 'period', message: 'the period has not begun / 该统计期尚未开始' }]);
  return out;
}

/** The current year (Asia/Shanghai). */
export const defaultPeriodKey = (now = new Date()) => todayInShanghai(now).slice(0, 4);

// --- the scorecard ---

const cell = z.object({
  value: z.number().nullable(),
  notCollected: z.boolean(),
  /** the target for this period (the yearly target × months / 12), null without one */
  target: z.number().nullable(),
  /** value / target, capped at 1; null without a target or a value */
  attainment: z.number().nullable(),
});
export type ScorecardCell = z.infer<typeof cell>;

export const scorecardSchema = z
  .object({
    period: z.string(),
    from: z.string(),
    to: z.string(),
    regionCode: z.string(),
    centerId: z.string().nullable(),
    indicators: z.array(indicatorViewSchema).describe('the enabled indicators, in order'),
    items: z.array(
      z.object({
        centerId: z.string(),
        name: z.string(),
        regionCode: z.string(),
        status: z.enum(CENTER_STATUSES),
        values: z.record(z.string(), cell).describe('by indicator key (enabled ones)'),
        score: z.number().nullable().describe('0–100, weighted over indicators with a target; null without any'),
      }),
    ),
  })
  .meta({ id: 'Scorecard' });
export type Scorecard = z.infer<typeof scorecardSchema>;

type Raw = Partial<Record<ScorecardIndicatorKey, number | null>>;

/** The snapshot metrics of the scorecard's daily flows (funnel-metrics.ts computes them per center). */
const FLOW_METRICS = {
  admittedProjects: 'funnel.projectsAdmitted',
  graduatedProjects: 'funnel.projectsGraduated',
  coachingActivities: 'scorecard.coachingActivities',
} as const;
type Flow = keyof typeof FLOW_METRICS;

/**
 * The raw indicator values of the centers (null: not collected), keyed by center id. The daily flows
 * (admitted, graduated, coaching activities) come from the snapshots of the period's recorded days plus
 * today's (and unrecorded days') events counted live; distinct mentors and the outcomes are not sums of
 * days and are read from their tables. The three reads are independent and run side by side.
 */
export async function scorecardValues(db: Executor, centerIds: string[], p: Period): Promise<Map<string, Raw>> {
  const out = new Map<string, Raw>(centerIds.map((id) => [id, {}]));
  if (!centerIds.length) return out;
  const ids = sql.join(
    centerIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  // The period up to today (its later days have no events yet).
  const [to] = [p.to, todayInShanghai()].sort();
  const [flows, mentorsOf, outcomesOf] = await Promise.all([
    flowsOf(db, centerIds, ids, p.from, to),
    mentorsEngaged(db, ids, p.from, to),
    outcomesIn(db, ids, p),
  ]);
  for (const id of centerIds) {
    const f = flows.get(id)!;
    const o = outcomesOf.get(id);
    out.set(id, {
      admittedProjects: f.admittedProjects,
      graduatedProjects: f.graduatedProjects,
      jobsCreated: o ? o.employees : null,
      graduatesHired: o ? o.graduates : null,
      localHires: o ? o.locals : null,
      mentorsEngaged: mentorsOf.get(id) ?? 0,
      coachingActivities: f.coachingActivities,
      fundingRaisedCny: o ? o.funding : null,
      satisfaction: null,
    });
  }
  return out;
}

/** The daily flows of each center over [from, to]: stored days from the snapshots, the others live. */
async function flowsOf(
  db: Executor,
  centerIds: string[],
  ids: SQL,
  from: string,
  to: string,
): Promise<Map<string, Record<Flow, number>>> {
  const plan = await planPeriod(db, Object.values(FLOW_METRICS), from, to);
  const stored = await storedSumsByCenter(db, plan, Object.values(FLOW_METRICS), centerIds);
  const flows = new Map<string, Record<Flow, number>>(
    centerIds.map((id) => {
      const s = stored.get(id);
      const of = (f: Flow) => s?.get(FLOW_METRICS[f]) ?? 0;
      return [
        id,
        {
          admittedProjects: of('admittedProjects'),
          graduatedProjects: of('graduatedProjects'),
          coachingActivities: of('coachingActivities'),
        },
      ];
    }),
  );
  for (const [first, last] of plan.live) {
    const live = resultRows<{ center_id: string; admitted: number; graduated: number; coaching: number }>(
      await db.execute(sql`
        with e as (
          select e.center_id,
                 count(*) filter (where e.step = 'admitted')::int as admitted,
                 count(*) filter (where e.step = 'graduated')::int as graduated,
                 count(*) filter (where e.step = 'accepted' and e.kind = 'mentor')::int as accepted
            from (${eventsSql(first, last)}) e where e.center_id in (${ids}) group by e.center_id),
        en as (
          select f.center_id, count(*)::int as n
            from enrollments en join founders f on f.id = en.founder_id
           where f.center_id in (${ids})
             and en.created_at >= (${first}::date::timestamp at time zone 'Asia/Shanghai')
             and en.created_at < ((${last}::date + 1)::timestamp at time zone 'Asia/Shanghai')
           group by f.center_id)
        select coalesce(e.center_id, en.center_id) as center_id, coalesce(e.admitted, 0) as admitted,
               coalesce(e.graduated, 0) as graduated, coalesce(e.accepted, 0) + coalesce(en.n, 0) as coaching
          from e full join en on en.center_id = e.center_id`),
    );
    for (const r of live) {
      const f = flows.get(r.center_id);
      if (!f) continue;
      f.admittedProjects += Number(r.admitted);
      f.graduatedProjects += Number(r.graduated);
      f.coachingActivities += Number(r.coaching);
    }
  }
  return flows;
}

/** Distinct mentors per center: the funnel's mentor `accepted` events (funnel.ts), written out. */
async function mentorsEngaged(db: Executor, ids: SQL, from: string, to: string): Promise<Map<string, number>> {
  const rows = resultRows<{ center_id: string; n: number }>(
    await db.execute(sql`
      select i.decided_center_id as center_id, count(distinct i.target_id)::int as n
        from introductions i
       where i.target_kind = 'mentor' and i.status in ('accepted', 'ended')
         and i.decided_at >= (${from}::date::timestamp at time zone 'Asia/Shanghai')
         and i.decided_at < ((${to}::date + 1)::timestamp at time zone 'Asia/Shanghai')
         and i.decided_center_id in (${ids})
       group by i.decided_center_id`),
  );
  return new Map(rows.map((r) => [r.center_id, Number(r.n)]));
}

type Outcomes = { employees: number; graduates: number; locals: number; funding: number };

/**
 * Per center, over its projects' outcomes of the period's months: each project's latest month's
 * employees, graduates hired and local hires, and the funding of every month. Centers without any: absent.
 */
async function outcomesIn(db: Executor, ids: SQL, p: Period): Promise<Map<string, Outcomes>> {
  const rows = resultRows<{ center_id: string; employees: number; graduates: number; locals: number; funding: string }>(
    await db.execute(sql`
      select pr.center_id, sum(o.employees)::int as employees, sum(o.graduates_hired)::int as graduates,
             sum(o.local_hires)::int as locals, sum(per.funding)::bigint as funding
        from (select project_id, max(period) as latest, sum(funding_raised_cny) as funding from project_outcomes
               where period between ${p.firstMonth} and ${p.lastMonth} group by project_id) per
        join project_outcomes o on o.project_id = per.project_id and o.period = per.latest
        join projects pr on pr.id = per.project_id
       where pr.center_id in (${ids})
       group by pr.center_id`),
  );
  return new Map(
    rows.map((r) => [
      r.center_id,
      {
        employees: Number(r.employees),
        graduates: Number(r.graduates),
        locals: Number(r.locals),
        funding: Number(r.funding),
      },
    ]),
  );
}

/** The weighted score of a row (0–100, one decimal), or null when no indicator has a target and a value. */
export function scoreOf(cells: Record<string, ScorecardCell>, indicators: IndicatorView[]): number | null {
  let sum = 0;
  let weights = 0;
  for (const ind of indicators) {
    const c = cells[ind.key];
    if (!c || c.attainment === null || ind.weight <= 0) continue;
    sum += ind.weight * c.attainment;
    weights += ind.weight;
  }
  return weights > 0 ? Math.round((sum / weights) * 1000) / 10 : null;
}

/** The scorecard of the centers in a region (by prefix of the center's region), or of one center. */
export async function scorecard(
  db: Executor,
  q: { regionCode: string; centerId: string | null; period: Period },
): Promise<Scorecard> {
  const indicators = (await readIndicators(db)).filter((i) => i.enabled);
  const where: SQL | undefined = q.centerId
    ? eq(centersTable.id, q.centerId)
    : sql`${centersTable.regionCode} like ${`${regionPrefix(q.regionCode)}%`}`;
  const centers = await db
    .select({
      id: centersTable.id,
      name: centersTable.name,
      regionCode: centersTable.regionCode,
      status: centersTable.status,
    })
    .from(centersTable)
    .where(and(where))
    .orderBy(asc(centersTable.regionCode), asc(centersTable.name));
  const values = await scorecardValues(
    db,
    centers.map((c) => c.id),
    q.period,
  );
  const share = q.period.months / 12;
  const items = centers.map((c) => {
    const raw = values.get(c.id) ?? {};
    const cells: Record<string, ScorecardCell> = {};
    for (const ind of indicators) {
      const value = raw[ind.key] ?? null;
      const target = ind.target === null ? null : Math.round(ind.target * share * 100) / 100;
      cells[ind.key] = {
        value,
        notCollected: value === null,
        target,
        attainment: value === null || !target ? null : Math.min(value / target, 1),
      };
    }
    return {
      centerId: c.id,
      name: c.name,
      regionCode: c.regionCode,
      status: c.status,
      values: cells,
      score: scoreOf(cells, indicators),
    };
  });
  return {
    period: q.period.period,
    from: q.period.from,
    to: q.period.to,
    regionCode: q.regionCode,
    centerId: q.centerId,
    indicators,
    items,
  };
}
