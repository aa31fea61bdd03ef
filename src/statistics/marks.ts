// The per-day mark of a metric in stat_snapshots (snapshots.ts): a leaf module, so that readers of the
// snapshots need not import the metric registry (which imports every figure module).

/** The metric name of a metric's per-day mark (a colon never appears in metric names). */
export const markOf = (metric: string) => `snapshot:${metric}`;
