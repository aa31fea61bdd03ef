import { asc } from 'drizzle-orm';
import { apiKeysTable } from '../../../models/schema.ts';
import { actorLabel } from '../../auth/actor.ts';
import { audit } from '../../audit/record.ts';
import { keyColumns, revokeKeyWhere } from '../../accounts/own-keys.ts';
import { checkBinding } from '../../auth/binding.ts';
import { generateKey, hashKey } from '../../auth/keys.ts';
import type { Db } from '../../db/client.ts';

const publicFields = keyColumns;

export function apiKeyHandlers(db: Db) {
  return {
    async create(c: any) {
      const body = c.req.valid('json');
      // The binding must name a live record, so a key can never act for a subject that does not exist.
      const binding = await checkBinding(db, body);
      const key = generateKey();
      const actor = c.get('actor');
      const row = await db.transaction(async (tx) => {
        const [created] = await tx
          .insert(apiKeysTable)
          .values({
            keyHash: hashKey(key),
            prefix: key.slice(0, 10),
            role: body.role,
            label: body.label,
            subjectId: binding.subjectId,
            centerId: binding.centerId,
            regionCode: binding.regionCode,
            createdBy: actorLabel(actor),
          })
          .returning(publicFields);
        await audit(tx, actor, [
          {
            action: 'api_key.create',
            entityKind: 'api_key',
            entityId: created.id,
            centerId: created.centerId,
            detail: {
              role: created.role,
              subjectId: created.subjectId,
              regionCode: created.regionCode,
              label: created.label,
            },
          },
        ]);
        return created;
      });
      return c.json({ ...row, key }, 201);
    },
    async list(c: any) {
      const items = await db.select(publicFields).from(apiKeysTable).orderBy(asc(apiKeysTable.id));
      return c.json({ items, nextCursor: null }, 200);
    },
    async revoke(c: any) {
      // Audited (api_key.revoke) like every other change.
      await revokeKeyWhere(db, c.get('actor'), c.req.valid('param').id, undefined);
      return c.body(null, 204);
    },
  };
}
