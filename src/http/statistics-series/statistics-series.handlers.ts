import type { Db } from '../../db/client.ts';
import { listMetrics, readSeries } from '../../statistics/series.ts';

/** Thin handlers: the query in, src/statistics/series.ts, JSON out. */
export function statisticsSeriesHandlers(db: Db) {
  return {
    series: async (c: any) => c.json(await readSeries(db, c.get('actor'), c.req.valid('query')), 200),
    metrics: async (c: any) => c.json({ items: listMetrics(c.get('actor')) }, 200),
  };
}
