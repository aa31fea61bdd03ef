// "An account can see and revoke the keys bound to its own subject" (issue 19): the API keys with the
// caller's role and binding (subjectId; centerId for center staff). Any other key is 404. The console's
// account page calls these; /v1/api-keys stays admin-only (a leaked key must not revoke its owner's
// other integrations, and the hardening tests hold non-admins to 404 there).
import { and, asc, eq, isNull, type SQL } from 'drizzle-orm';
import { apiKeysTable } from '../../models/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { audit } from '../audit/record.ts';
import type { Db } from '../db/client.ts';
import { isUuid } from '../engagement/shared.ts';
import { notFound } from '../errors.ts';

const k = apiKeysTable;

/** What is shown of a key: never the key or its hash. */
export const keyColumns = {
  id: k.id,
  prefix: k.prefix,
  role: k.role,
  subjectId: k.subjectId,
  centerId: k.centerId,
  regionCode: k.regionCode,
  label: k.label,
  createdAt: k.createdAt,
  revokedAt: k.revokedAt,
};

export type PublicKey = Pick<typeof apiKeysTable.$inferSelect, keyof typeof keyColumns>;

/** Keys bound exactly as the actor is. */
function ownKeys(actor: Actor): SQL {
  const bound = (col: typeof k.subjectId | typeof k.centerId | typeof k.regionCode, v: string | null | undefined) =>
    v ? eq(col, v) : isNull(col);
  return and(
    eq(k.role, actor.role),
    bound(k.subjectId, actor.subjectId),
    bound(k.centerId, actor.centerId),
    bound(k.regionCode, actor.regionCode),
  )!;
}

/** The keys bound to the actor's own subject (center for center staff), revoked ones too, oldest first. */
export async function listOwnKeys(db: Db, actor: Actor): Promise<PublicKey[]> {
  return db.select(keyColumns).from(k).where(ownKeys(actor)).orderBy(asc(k.id));
}

/** Revokes one of them at once (audited `api_key.revoke`); 404 for any other key or one already revoked. */
export async function revokeOwnKey(db: Db, actor: Actor, id: string, now = new Date()): Promise<PublicKey> {
  return revokeKeyWhere(db, actor, id, ownKeys(actor), now);
}

/** Revokes a live key matching `scope` (undefined: any key, for admins); 404 otherwise. */
export async function revokeKeyWhere(
  db: Db,
  actor: Actor,
  id: string,
  scope: SQL | undefined,
  now = new Date(),
): Promise<PublicKey> {
  if (!isUuid(id)) throw notFound('api key');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(k)
      .set({ revokedAt: now })
      .where(and(eq(k.id, id), isNull(k.revokedAt), scope))
      .returning(keyColumns);
    if (!row) throw notFound('api key');
    await audit(tx, actor, [
      {
        action: 'api_key.revoke',
        entityKind: 'api_key',
        entityId: row.id,
        centerId: row.centerId,
        detail: { role: row.role, subjectId: row.subjectId },
      },
    ]);
    return row;
  });
}
