// API keys: random, shown once, stored as SHA-256 (a fast hash is right for 256-bit random
// secrets: there is nothing to brute-force). Comparison with the env admin key is constant-time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Executor } from '../resources/types.ts';
import type { Role } from '../../models/enums.ts';
import { apiKeysTable } from '../../models/schema.ts';
import type { Actor } from './actor.ts';

export const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');
export const generateKey = () => `sck_${randomBytes(32).toString('base64url')}`;

function sameSecret(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

/** Resolves a bearer key to an actor, or null when it is unknown or revoked. */
export async function resolveKey(db: Db, key: string, adminKey: string | undefined): Promise<Actor | null> {
  if (adminKey && sameSecret(key, adminKey))
    return { role: 'admin', keyId: null, subjectId: null, centerId: null, regionCode: null };
  const [row] = await db
    .select()
    .from(apiKeysTable)
    .where(and(eq(apiKeysTable.keyHash, hashKey(key)), isNull(apiKeysTable.revokedAt)))
    .limit(1);
  if (!row) return null;
  return {
    role: row.role,
    keyId: row.id,
    subjectId: row.subjectId,
    centerId: row.centerId,
    regionCode: row.regionCode,
  };
}

/**
 * Revokes every live key bound to a subject that no longer exists (an erased founder, a removed
 * mentor or investor), in the caller's transaction: keys are resolved per request, so they stop
 * working at once. Returns the revoked keys' ids.
 */
export async function revokeSubjectKeys(db: Executor, role: Role, subjectId: string, now: Date): Promise<string[]> {
  const rows = await db
    .update(apiKeysTable)
    .set({ revokedAt: now })
    .where(and(eq(apiKeysTable.role, role), eq(apiKeysTable.subjectId, subjectId), isNull(apiKeysTable.revokedAt)))
    .returning({ id: apiKeysTable.id });
  return rows.map((r) => r.id);
}
