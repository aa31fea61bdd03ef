// Metrics of the center registry itself (issue 22): how many centers operate, per county, on a day —
// the same figure as coverage.operatingCenters (one read, coverage.ts), under the registry's own series
// name. A center operates on day D when its center_status_history row with the latest `since <= D`
// (ties: latest recorded_at) says `operating`, so past days are computed exactly (backfill).
import type { Executor } from '../resources/types.ts';
import { operatingByRegion } from './coverage.ts';
import type { Metric, MetricRow } from './metrics.ts';
import type { SharedReads } from './shared-reads.ts';

export const centersOperating: Metric = {
  name: 'registry.centersOperating',
  labels: { zh: '运营中的双创中心', en: 'Operating centers', bo: 'འཁོར་སྐྱོད་བྱེད་བཞིན་པའི་ལྟེ་གནས།' },
  perCenter: false,
  async compute(db: Executor, day: string, reads?: SharedReads): Promise<MetricRow[]> {
    return [...(await operatingByRegion(db, day, reads))].map(([regionCode, value]) => ({
      regionCode,
      centerKey: '',
      value,
    }));
  },
};

export const registryMetrics: Metric[] = [centersOperating];
