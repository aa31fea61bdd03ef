// Funnels per center and region over a period (issue 22, shared/API.md "Statistics"): projects
// submitted → reviewed → admitted → graduated; introductions requested → accepted → ended per kind;
// training seats offered → filled. Every step counts EVENTS whose day (Asia/Shanghai) lies in
// [from, to], so a period's count is the sum of its days' counts (the snapshot series add up).
//
// Where a step happens, and for which center ("a project counts for the center that took the step",
// so a moved project counts for the center it was with at the time):
// - submitted: an audit entry `project.status`/`project.resubmitted` with detail.to = submitted (its
//   center_id: the project's center after the change), or a project created as submitted (creations
//   write no entry; the creation status is the `from` of the project's first status entry, or its
//   current status when it has none) on projects.created_at, for the center before that first entry
//   (its detail.fromCenterId when it moved the project, e.g. an admission elsewhere, else its center_id),
//   else the project's current center. (A move of a submitted project writes no entry: it is credited
//   to the center the project had at its next status change.)
// - reviewed: the center's decision on it: a vetting (`project.status` to vetted or rejected) on the
//   entry's day and center, or an application decided (applications.decided_at, any decision) for the
//   application's center.
// - admitted: an application decided `admitted` (decided_at, the application's center).
// - graduated: an incubation ended `graduated` (incubations.ended_on, the incubation's center).
// - introductions (per kind, mentor or investor): requested on created_at; accepted on decided_at when it
//   was accepted (status accepted, or ended after a decision); ended on ended_at when it had been
//   accepted (a request closed unanswered ended nothing). The center: for an acceptance the one that
//   decided (introductions.decided_center_id, the project's center then); for a request or an end that of
//   the step's audit entry (`introduction.request`/`.end`) when there is one, else the project's current center.
// - trainings: seats of the trainings starting in the period (archived ones too), and their enrolments,
//   by the training's region (a training belongs to no center: a center's figure is its region's).
// Region: an event counts in region R when its center's region (else, with no center, the project's)
// lies in R (by prefix, models/regions/codes.ts).
import { eq, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { centersTable } from '../../models/centers/table.ts';
import { regionPrefix } from '../../models/regions/codes.ts';
import { resultRows } from '../db/errors.ts';
import { todayInShanghai } from '../lifecycle/access.ts';
import type { Executor } from '../resources/types.ts';
import { planPeriod, storedSums } from './period-sums.ts';

export const PROJECT_STEPS = ['submitted', 'reviewed', 'admitted', 'graduated'] as const;
export const INTRODUCTION_STEPS = ['requested', 'accepted', 'ended'] as const;
export const INTRODUCTION_KINDS = ['mentor', 'investor'] as const;
export const TRAINING_STEPS = ['seatsOffered', 'seatsFilled'] as const;

const count = z.number().int().min(0);
const introSteps = z.object({ requested: count, accepted: count, ended: count });

export const funnelSchema = z
  .object({
    from: z.string().describe('first day (YYYY-MM-DD, Asia/Shanghai), inclusive'),
    to: z.string().describe('last day, inclusive'),
    regionCode: z.string(),
    centerId: z.string().nullable(),
    projects: z
      .object({ submitted: count, reviewed: count, admitted: count, graduated: count })
      .describe('project events in the period, for the center that took the step'),
    introductions: z.object({ mentor: introSteps, investor: introSteps }),
    trainings: z
      .object({ seatsOffered: count, seatsFilled: count })
      .describe('trainings starting in the period in the region (a center: its region)'),
  })
  .meta({ id: 'Funnel' });
export type Funnel = z.infer<typeof funnelSchema>;

export interface FunnelQuery {
  regionCode: string;
  centerId: string | null;
  from: string;
  to: string;
}

/** The default period: the current year (Asia/Shanghai) up to today. */
export function defaultPeriod(now = new Date()): { from: string; to: string } {
  const today = todayInShanghai(now);
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

const TZ = sql.raw(`'Asia/Shanghai'`);
const dayOf = (col: SQL) => sql`(${col} at time zone ${TZ})::date`;
/** ts within the days [from, to] in Asia/Shanghai (index-friendly bounds). */
const within = (col: SQL, from: string, to: string) =>
  sql`${col} >= (${from}::date::timestamp at time zone ${TZ}) and ${col} < ((${to}::date + 1)::timestamp at time zone ${TZ})`;

/**
 * Every project and introduction event of [from, to]: step, kind ('' for projects), center_id (or
 * null), region_code (the center's, else the project's), day, project_id and target_id (an
 * introduction's mentor or investor). One row per event.
 */
export function eventsSql(from: string, to: string): SQL {
  return sql`
  with raw as (
    -- submitted (audited changes) and vetting decisions
    select case when a.detail->>'to' = 'submitted' then 'submitted' else 'reviewed' end as step, '' as kind,
           a.center_id, a.entity_id::uuid as project_id, ${dayOf(sql`a.created_at`)} as day, null::uuid as target_id
      from audit_log a
     where a.entity_kind = 'project' and a.action in ('project.status', 'project.resubmitted')
       and (a.detail->>'to' = 'submitted' or (a.action = 'project.status' and a.detail->>'to' in ('vetted', 'rejected')))
       and ${within(sql`a.created_at`, from, to)}
    union all
    -- created as submitted (no audit entry for a creation)
    select 'submitted', '', case when f.found then f.center_id else p.center_id end, p.id, ${dayOf(sql`p.created_at`)}, null
      from projects p
      left join lateral (
        select true as found, a.detail->>'from' as from_status,
               case when a.detail ? 'fromCenterId' then (a.detail->>'fromCenterId')::uuid else a.center_id end as center_id
          from audit_log a
         where a.entity_id = p.id::text and a.entity_kind = 'project'
           and a.action in ('project.status', 'project.resubmitted')
         order by a.created_at, a.id limit 1
      ) f on true
     where ${within(sql`p.created_at`, from, to)}
       and (case when f.found then f.from_status else p.status::text end) = 'submitted'
    union all
    select 'reviewed', '', ap.center_id, ap.project_id, ${dayOf(sql`ap.decided_at`)}, null
      from applications ap where ap.decided_at is not null and ${within(sql`ap.decided_at`, from, to)}
    union all
    select 'admitted', '', ap.center_id, ap.project_id, ${dayOf(sql`ap.decided_at`)}, null
      from applications ap where ap.decision = 'admitted' and ${within(sql`ap.decided_at`, from, to)}
    union all
    select 'graduated', '', n.center_id, n.project_id, n.ended_on, null
      from incubations n where n.end = 'graduated' and n.ended_on between ${from}::date and ${to}::date
    union all
    ${introductionEventsSql(from, to)}
  )
  select raw.step, raw.kind, raw.center_id, coalesce(c.region_code, p.region_code) as region_code, raw.day, raw.project_id, raw.target_id
    from raw
    join projects p on p.id = raw.project_id
    left join centers c on c.id = raw.center_id`;
}

/**
 * The introduction events of [from, to] (the funnel's `raw` rows: step, kind = the target kind,
 * center_id, project_id, day, target_id). Filtered by step and kind outside, PostgreSQL reads only
 * those (the conditions reach the VALUES list and the introductions scan).
 */
function introductionEventsSql(from: string, to: string): SQL {
  return sql`
    select s.step, i.target_kind::text as kind,
           case when s.step = 'accepted' then i.decided_center_id when au.found then au.center_id else p.center_id end
             as center_id,
           i.project_id, s.day, i.target_id
      from introductions i
      join projects p on p.id = i.project_id
      cross join lateral (values
        ('requested', 'introduction.request', ${dayOf(sql`i.created_at`)}, ${within(sql`i.created_at`, from, to)}),
        ('accepted', 'introduction.accept', ${dayOf(sql`i.decided_at`)},
          i.decided_at is not null and i.status in ('accepted', 'ended') and ${within(sql`i.decided_at`, from, to)}),
        ('ended', 'introduction.end', ${dayOf(sql`i.ended_at`)},
          i.decided_at is not null and i.ended_at is not null and ${within(sql`i.ended_at`, from, to)})
      ) as s(step, action, day, happened)
      left join lateral (
        select true as found, a.center_id from audit_log a
         where s.step <> 'accepted' and a.entity_id = i.id::text and a.action = s.action order by a.created_at limit 1
      ) au on true
     where s.happened
       -- one of its steps in the period: three index ranges (introductions_*_idx), not the whole table
       and (${within(sql`i.created_at`, from, to)} or ${within(sql`i.decided_at`, from, to)}
         or ${within(sql`i.ended_at`, from, to)})`;
}

/** Trainings starting in [from, to]: one row per training with its region, day, seats and enrolments. */
export function trainingsSql(from: string, to: string): SQL {
  return sql`
  select t.region_code, t.starts_on as day, t.seats,
         (select count(*) from enrollments e where e.training_id = t.id)::int as filled
    from trainings t where t.starts_on between ${from}::date and ${to}::date`;
}

const prefixCondition = (column: SQL, regionCode: string) => sql`${column} like ${`${regionPrefix(regionCode)}%`}`;

/** The daily snapshot metric of each event step (funnel-metrics.ts computes them). */
export const EVENT_METRICS: Record<string, { step: string; kind: '' | (typeof INTRODUCTION_KINDS)[number] }> = {
  'funnel.projectsSubmitted': { step: 'submitted', kind: '' },
  'funnel.projectsReviewed': { step: 'reviewed', kind: '' },
  'funnel.projectsAdmitted': { step: 'admitted', kind: '' },
  'funnel.projectsGraduated': { step: 'graduated', kind: '' },
  'funnel.mentorRequested': { step: 'requested', kind: 'mentor' },
  'funnel.mentorAccepted': { step: 'accepted', kind: 'mentor' },
  'funnel.mentorEnded': { step: 'ended', kind: 'mentor' },
  'funnel.investorRequested': { step: 'requested', kind: 'investor' },
  'funnel.investorAccepted': { step: 'accepted', kind: 'investor' },
  'funnel.investorEnded': { step: 'ended', kind: 'investor' },
};
/** … and of the training steps. */
export const SEAT_METRICS: Record<(typeof TRAINING_STEPS)[number], string> = {
  seatsOffered: 'funnel.seatsOffered',
  seatsFilled: 'funnel.seatsFilled',
};

function emptyFunnel(q: FunnelQuery): Funnel {
  return {
    from: q.from,
    to: q.to,
    regionCode: q.regionCode,
    centerId: q.centerId,
    projects: { submitted: 0, reviewed: 0, admitted: 0, graduated: 0 },
    introductions: {
      mentor: { requested: 0, accepted: 0, ended: 0 },
      investor: { requested: 0, accepted: 0, ended: 0 },
    },
    trainings: { seatsOffered: 0, seatsFilled: 0 },
  };
}

function addEvents(out: Funnel, step: string, kind: string, n: number) {
  if (kind === 'mentor' || kind === 'investor')
    out.introductions[kind][step as (typeof INTRODUCTION_STEPS)[number]] += n;
  else out.projects[step as (typeof PROJECT_STEPS)[number]] += n;
}

/**
 * The funnel of a region, or of one center (whose trainings are its region's). Past days come from
 * the daily snapshots where every funnel metric was recorded; today and unrecorded days are counted
 * live from the tables (period-sums.ts).
 */
export async function funnel(db: Executor, q: FunnelQuery): Promise<Funnel> {
  let trainingRegion = q.regionCode;
  if (q.centerId) {
    const [c] = await db
      .select({ regionCode: centersTable.regionCode })
      .from(centersTable)
      .where(eq(centersTable.id, q.centerId));
    if (c) trainingRegion = c.regionCode;
  }
  const eventMetrics = Object.keys(EVENT_METRICS);
  const seatMetrics = Object.values(SEAT_METRICS);
  const plan = await planPeriod(db, [...eventMetrics, ...seatMetrics], q.from, q.to);
  const out = emptyFunnel(q);
  const events = await storedSums(
    db,
    plan,
    eventMetrics,
    q.centerId ? { centerId: q.centerId } : { regionCode: q.regionCode },
  );
  for (const [name, n] of events) addEvents(out, EVENT_METRICS[name].step, EVENT_METRICS[name].kind, n);
  const seats = await storedSums(db, plan, seatMetrics, { regionCode: trainingRegion });
  out.trainings.seatsOffered += seats.get(SEAT_METRICS.seatsOffered) ?? 0;
  out.trainings.seatsFilled += seats.get(SEAT_METRICS.seatsFilled) ?? 0;
  for (const [from, to] of plan.live) await addLive(db, out, q, trainingRegion, from, to);
  return out;
}

/** The events and seats of [from, to] counted from the tables, added to `out`. */
async function addLive(db: Executor, out: Funnel, q: FunnelQuery, trainingRegion: string, from: string, to: string) {
  const where = q.centerId ? sql`e.center_id = ${q.centerId}` : prefixCondition(sql`e.region_code`, q.regionCode);
  const events = resultRows<{ step: string; kind: string; n: number | string }>(
    await db.execute(sql`
      select e.step, e.kind, count(*)::int as n from (${eventsSql(from, to)}) e
       where ${where} group by e.step, e.kind`),
  );
  for (const r of events) addEvents(out, r.step, r.kind, Number(r.n));
  const [seats] = resultRows<{ offered: number | string | null; filled: number | string | null }>(
    await db.execute(sql`
      select sum(t.seats)::int as offered, sum(t.filled)::int as filled from (${trainingsSql(from, to)}) t
       where ${prefixCondition(sql`t.region_code`, trainingRegion)}`),
  );
  out.trainings.seatsOffered += Number(seats?.offered ?? 0);
  out.trainings.seatsFilled += Number(seats?.filled ?? 0);
}
