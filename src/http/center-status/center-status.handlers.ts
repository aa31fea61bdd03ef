import type { Db } from '../../db/client.ts';
import { centerStatusHistory } from '../../statistics/center-history.ts';

export function centerStatusHandlers(db: Db) {
  return {
    async history(c: any) {
      const { id } = c.req.valid('param');
      return c.json({ centerId: id, items: await centerStatusHistory(db, c.get('actor'), id) }, 200);
    },
  };
}
