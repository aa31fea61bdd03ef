// Every figure that has a history: the daily snapshot job (src/statistics/snapshots.ts) computes each
// metric for a day and stores its rows in stat_snapshots. A figure module adds its metrics here.
//
// Rows (common22.md): at the FINEST region level (the record's own regionCode); readers sum by region
// prefix. Rows with centerKey '' are region figures (what a region's series sums); rows with a center
// id are that center's figures (read when a center is asked for, never added to region sums), so a
// metric with per-center values emits both. Rates are never stored: numerator and denominator are two metrics.
import type { Lang } from '../../models/enums.ts';
import type { Executor } from '../resources/types.ts';
import type { SharedReads } from './shared-reads.ts';
import { coverageMetrics } from './coverage.ts';
import { funnelMetrics, scorecardMetrics } from './funnel-metrics.ts';
import { graduateMetrics } from './graduates.ts';
import { registryMetrics } from './registry-metrics.ts';

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
  /**
   * The metric's rows as of the end of `day` (YYYY-MM-DD), from the live tables; `reads`: what the
   * snapshot run's other metrics of the day have read already (shared-reads.ts).
   */
  compute(db: Executor, day: string, reads?: SharedReads): Promise<MetricRow[]>;
  /** Its name for people (GET /v1/stats/metrics, the trends page); the name itself when absent. */
  labels?: Record<Lang, string>;
  /** Whether it has per-center rows (centerKey = a center id). Default true; false: a regional figure only. */
  perCenter?: boolean;
}

/** The registry: each figure module exports its metrics and is spread in here (one import, one line). */
export const METRICS: Metric[] = [
  ...coverageMetrics,
  ...graduateMetrics,
  ...registryMetrics,
  ...funnelMetrics,
  ...scorecardMetrics,
];

export const metricByName = (name: string): Metric | undefined => METRICS.find((m) => m.name === name);
