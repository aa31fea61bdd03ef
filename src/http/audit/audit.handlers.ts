import type { Db } from '../../db/client.ts';
import { listAudit } from '../../audit/query.ts';

export function auditHandlers(db: Db) {
  return {
    async list(c: any) {
      return c.json(await listAudit(db, c.get('actor'), c.req.valid('query')), 200);
    },
  };
}
