import type { Db } from '../../db/client.ts';
import { exportFounder } from '../../privacy/export.ts';
import { introductionContacts } from '../../privacy/contacts.ts';

export function privacyHandlers(db: Db) {
  return {
    async export(c: any) {
      return c.json(await exportFounder(db, c.get('actor'), c.req.valid('param').id), 200);
    },
    async contacts(c: any) {
      return c.json(await introductionContacts(db, c.get('actor'), c.req.valid('param').id), 200);
    },
  };
}
