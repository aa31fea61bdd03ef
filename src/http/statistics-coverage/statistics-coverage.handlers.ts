import type { Db } from '../../db/client.ts';
import { coverage } from '../../statistics/coverage.ts';
import { graduates } from '../../statistics/graduates.ts';
import { resolveStatsFilter } from '../../statistics/scope.ts';

/** Thin handlers: scope check (regional figures: center staff 404), figure call, JSON out. */
export function statisticsCoverageHandlers(db: Db) {
  const scoped = async (c: any) => {
    const q = c.req.valid('query');
    const filter = await resolveStatsFilter(
      db,
      c.get('actor'),
      { regionCode: q.regionCode || null },
      { centerFigures: false },
    );
    return { ...q, regionCode: filter.regionCode };
  };
  return {
    coverage: async (c: any) => c.json(await coverage(db, await scoped(c)), 200),
    graduates: async (c: any) => c.json(await graduates(db, await scoped(c)), 200),
  };
}
