// Metrics of the center registry itself (issue 22): how many centers operate, per county, on a day.
// A center operates on day D when its center_status_history row with the latest `since <= D`
// (ties: latest recorded_at) says `operating` — so past days are computed exactly (backfill).
import { sql } from 'drizzle-orm';
import { resultRows } from '../db/errors.ts';
import type { Executor } from '../resources/types.ts';
import type { Metric, MetricRow } from './metrics.ts';

export const centersOperating: Metric = {
  name: 'registry.centersOperating',
  labels: { zh: '运营中的双创中心', en: 'Operating centers', bo: 'འཁོར་སྐྱོད་བྱེད་བཞིན་པའི་ལྟེ་གནས།' },
  perCenter: false,
  async compute(db: Executor, day: string): Promise<MetricRow[]> {
    const rows = await db.execute(sql`
      select c.region_code, count(*)::int as value
      from centers c
      join lateral (
        select h.status from center_status_history h
        where h.center_id = c.id and h.since <= ${day}::date
        order by h.since desc, h.recorded_at desc
        limit 1
      ) s on true
      where s.status = 'operating'
      group by c.region_code`);
    return resultRows<{ region_code: string; value: number }>(rows).map((r) => ({
      regionCode: r.region_code,
      centerKey: '',
      value: Number(r.value),
    }));
  },
};

export const registryMetrics: Metric[] = [centersOperating];
