// The funnel's and the scorecard's daily metrics for the snapshot job (src/statistics/metrics.ts):
// events of the day per center (centerKey = center id, regionCode = the center's) and per region
// (centerKey '', the finest region: the center's, else the project's; trainings: the training's).
// Readers sum region rows by prefix and centers' rows by id; a period's count is the sum of its days.
import { sql } from 'drizzle-orm';
import { resultRows } from '../db/errors.ts';
import type { Executor } from '../resources/types.ts';
import { EVENT_METRICS, eventsSql, SEAT_METRICS, trainingsSql } from './funnel.ts';
import type { Metric, MetricRow } from './metrics.ts';
import { type SharedReads, sharedRead } from './shared-reads.ts';

type DayEvent = { step: string; kind: string; center_id: string | null; region_code: string; n: number };
/** The day's events grouped by step, kind, center and region (eleven metrics read them: shared per run). */
const dayEvents = (db: Executor, day: string, reads?: SharedReads) =>
  sharedRead(reads, `funnel.events:${day}`, async () =>
    resultRows<DayEvent>(
      await db.execute(sql`
        select e.step, e.kind, e.center_id, e.region_code, count(*)::int as n
          from (${eventsSql(day, day)}) e group by e.step, e.kind, e.center_id, e.region_code`),
    ),
  );

/** Region rows (centerKey '') summed over centers, plus one row per center. */
function rowsOf(items: { center_id: string | null; region_code: string; n: number }[]): MetricRow[] {
  const regions = new Map<string, number>();
  const out: MetricRow[] = [];
  for (const r of items) {
    regions.set(r.region_code, (regions.get(r.region_code) ?? 0) + Number(r.n));
    if (r.center_id) out.push({ regionCode: r.region_code, centerKey: r.center_id, value: Number(r.n) });
  }
  for (const [regionCode, value] of regions) out.push({ regionCode, centerKey: '', value });
  return out;
}

export const funnelMetrics: Metric[] = [
  ...Object.entries(EVENT_METRICS).map(
    ([name, { step, kind }]): Metric => ({
      name,
      async compute(db, day, reads) {
        return rowsOf((await dayEvents(db, day, reads)).filter((r) => r.step === step && r.kind === kind));
      },
    }),
  ),
  ...(Object.keys(SEAT_METRICS) as (keyof typeof SEAT_METRICS)[]).map(
    (what): Metric => ({
      name: SEAT_METRICS[what],
      async compute(db, day) {
        const rows = resultRows<{ region_code: string; seats: number; filled: number }>(
          await db.execute(sql`
            select t.region_code, sum(t.seats)::int as seats, sum(t.filled)::int as filled
              from (${trainingsSql(day, day)}) t group by t.region_code`),
        );
        return rows.map((r) => ({
          regionCode: r.region_code,
          centerKey: '',
          value: Number(what === 'seatsOffered' ? r.seats : r.filled),
        }));
      },
    }),
  ),
];

/**
 * The scorecard's daily flows per center: coaching activities (accepted mentor introductions +
 * enrolments of the center's founders made that day). Levels (jobs) and distinct counts (mentors) are
 * not additive over days; admitted/graduated are the funnel's metrics.
 */
export const scorecardMetrics: Metric[] = [
  {
    name: 'scorecard.coachingActivities',
    async compute(db, day, reads) {
      const accepted = (await dayEvents(db, day, reads)).filter(
        (r) => r.step === 'accepted' && r.kind === 'mentor' && r.center_id,
      );
      const enrolments = resultRows<{ center_id: string; region_code: string; n: number }>(
        await db.execute(sql`
          select f.center_id, c.region_code, count(*)::int as n
            from enrollments en join founders f on f.id = en.founder_id join centers c on c.id = f.center_id
           where en.created_at >= (${day}::date::timestamp at time zone 'Asia/Shanghai')
             and en.created_at < ((${day}::date + 1)::timestamp at time zone 'Asia/Shanghai')
           group by f.center_id, c.region_code`),
      );
      const byCenter = new Map<string, MetricRow>();
      for (const r of [...accepted, ...enrolments]) {
        const id = r.center_id!;
        const row = byCenter.get(id) ?? { regionCode: r.region_code, centerKey: id, value: 0 };
        row.value += Number(r.n);
        byCenter.set(id, row);
      }
      const regions = new Map<string, number>();
      for (const r of byCenter.values()) regions.set(r.regionCode, (regions.get(r.regionCode) ?? 0) + r.value);
      return [
        ...byCenter.values(),
        ...[...regions].map(([regionCode, value]) => ({ regionCode, centerKey: '', value })),
      ];
    },
  },
  {
    name: 'scorecard.jobsCreated',
    async compute(db, day) {
      // As of the day: per project of a center, its latest month reported up to the day's month.
      const rows = resultRows<{ center_id: string; region_code: string; n: number }>(
        await db.execute(sql`
          select p.center_id, c.region_code, sum(o.employees)::int as n
            from (select distinct on (o.project_id) o.project_id, o.employees from project_outcomes o
                   where o.period <= ${day.slice(0, 7)} order by o.project_id, o.period desc) o
            join projects p on p.id = o.project_id join centers c on c.id = p.center_id
           group by p.center_id, c.region_code`),
      );
      return rowsOf(rows);
    },
  },
];
