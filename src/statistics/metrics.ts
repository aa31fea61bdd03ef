// Every figure that has a history: the daily snapshot job (src/statistics/snapshots.ts) computes each
// metric for a day and stores its rows in stat_snapshots. A figure module adds its metrics here.
import type { Executor } from '../resources/types.ts';
import { funnelMetrics, scorecardMetrics } from './funnel-metrics.ts';

/** One value of a metric on a day: for a region code ('540000', a prefecture, a county), optionally one center. */
export interface MetricRow {
  regionCode: string;
  /** A center id, or '' for a region-wide value. */
  centerKey: string;
  value: number;
}

export interface Metric {
  /** Stable name, e.g. `coverage.foundersInCenters`: the key of the series API and of stored rows. */
  name: string;
  /** The metric's rows as of the end of `day` (YYYY-MM-DD), from the live tables. */
  compute(db: Executor, day: string): Promise<MetricRow[]>;
}

/** The registry: each figure module exports its metrics and is spread in here (one import, one line). */
export const METRICS: Metric[] = [...funnelMetrics, ...scorecardMetrics];
