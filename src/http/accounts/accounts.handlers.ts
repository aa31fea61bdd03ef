import { createAccount, disableAccount, getAccount, listAccounts, reissueInvitation } from '../../accounts/accounts.ts';
import type { Db } from '../../db/client.ts';

/** Thin handlers: validated input in, domain call, JSON out. */
export function accountHandlers(db: Db, opts: { ttlHours: number }) {
  return {
    async create(c: any) {
      return c.json(await createAccount(db, c.get('actor'), c.req.valid('json'), opts), 201);
    },
    async list(c: any) {
      return c.json(await listAccounts(db, c.get('actor'), c.req.valid('query')), 200);
    },
    async get(c: any) {
      return c.json(await getAccount(db, c.get('actor'), c.req.valid('param').id), 200);
    },
    async reissue(c: any) {
      return c.json(await reissueInvitation(db, c.get('actor'), c.req.valid('param').id, opts), 200);
    },
    async disable(c: any) {
      return c.json(await disableAccount(db, c.get('actor'), c.req.valid('param').id), 200);
    },
  };
}
