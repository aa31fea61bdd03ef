import { and, asc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { apiKeysTable, centersTable, foundersTable, investorsTable, mentorsTable } from '../../../models/schema.ts';
import { actorLabel } from '../../auth/actor.ts';
import { audit } from '../../audit/record.ts';
import { generateKey, hashKey } from '../../auth/keys.ts';
import type { Db } from '../../db/client.ts';
import { notFound, unprocessable } from '../../errors.ts';

const subjectTables = { founder: foundersTable, mentor: mentorsTable, investor: investorsTable } as const;
const publicFields = {
  id: apiKeysTable.id,
  prefix: apiKeysTable.prefix,
  role: apiKeysTable.role,
  subjectId: apiKeysTable.subjectId,
  centerId: apiKeysTable.centerId,
  label: apiKeysTable.label,
  createdAt: apiKeysTable.createdAt,
  revokedAt: apiKeysTable.revokedAt,
};

export function apiKeyHandlers(db: Db) {
  return {
    async create(c: any) {
      const body = c.req.valid('json');
      // The binding must name a real record, so a key can never act for a subject that does not exist.
      if (body.role in subjectTables) {
        const t = subjectTables[body.role as keyof typeof subjectTables];
        // An erased founder is a tombstone (PIPL erasure); a removed (archived) mentor or investor is
        // unknown, its keys were revoked with it: no key may act for either again.
        const live =
          t === foundersTable ? isNull(foundersTable.erasedAt) : 'archivedAt' in t ? isNull(t.archivedAt) : undefined;
        const [s] = await db
          .select({ id: t.id })
          .from(t)
          .where(and(eq(t.id, body.subjectId), live))
          .limit(1);
        if (!s) throw unprocessable([{ path: 'subjectId', message: `unknown ${body.role} / ${body.role} 不存在` }]);
      }
      if (body.role === 'center_staff') {
        const [center] = await db
          .select({ id: centersTable.id })
          .from(centersTable)
          .where(eq(centersTable.id, body.centerId))
          .limit(1);
        if (!center) throw unprocessable([{ path: 'centerId', message: 'unknown center / 双创中心不存在' }]);
      }
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
            subjectId: body.role === 'admin' || body.role === 'center_staff' ? null : body.subjectId,
            centerId: body.role === 'center_staff' ? body.centerId : null,
            createdBy: actorLabel(actor),
          })
          .returning(publicFields);
        await audit(tx, actor, [
          {
            action: 'api_key.create',
            entityKind: 'api_key',
            entityId: created.id,
            centerId: created.centerId,
            detail: { role: created.role, subjectId: created.subjectId, label: created.label },
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
      const id = c.req.valid('param').id;
      if (!z.uuid().safeParse(id).success) throw notFound('api key');
      const rows = await db
        .update(apiKeysTable)
        .set({ revokedAt: new Date() })
        .where(and(eq(apiKeysTable.id, id), isNull(apiKeysTable.revokedAt)))
        .returning({ id: apiKeysTable.id });
      if (!rows.length) throw notFound('api key');
      return c.body(null, 204);
    },
  };
}
