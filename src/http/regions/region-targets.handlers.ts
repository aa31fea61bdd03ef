import type { Db } from '../../db/client.ts';
import { listRegionTargets, parseTargetYear, putRegionTarget } from '../../statistics/targets.ts';

/** Thin handlers: validated input in, src/statistics/targets.ts, JSON out. */
export function regionTargetHandlers(db: Db) {
  return {
    async put(c: any) {
      const { code, year } = c.req.valid('param');
      const row = await putRegionTarget(db, c.get('actor'), code, parseTargetYear(year), c.req.valid('json'));
      return c.json(row, 200);
    },
    async list(c: any) {
      const { code } = c.req.valid('param');
      return c.json({ regionCode: code, items: await listRegionTargets(db, c.get('actor'), code) }, 200);
    },
  };
}
