// With no ADMIN_API_KEY configured, a new installation would be locked: create one admin key and
// leave it in DATA_DIR (0600) so the operator can start using the API. The key itself is never logged
// or printed (logs are shipped and kept; a terminal may be recorded): the log says which file holds it.
import { writeFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { and, eq, isNull } from 'drizzle-orm';
import { apiKeysTable } from '../../models/schema.ts';
import type { Db } from '../db/client.ts';
import type { Logger } from '../logger.ts';
import { generateKey, hashKey } from './keys.ts';

export async function ensureAdminKey(db: Db, dataDir: string, logger: Logger): Promise<void> {
  const [existing] = await db
    .select({ id: apiKeysTable.id })
    .from(apiKeysTable)
    .where(and(eq(apiKeysTable.role, 'admin'), isNull(apiKeysTable.revokedAt)))
    .limit(1);
  if (existing) return;
  const key = generateKey();
  const [row] = await db
    .insert(apiKeysTable)
    .values({
      keyHash: hashKey(key),
      prefix: key.slice(0, 10),
      role: 'admin',
      label: 'bootstrap admin key',
      createdBy: 'system',
    })
    .returning({ id: apiKeysTable.id });
  mkdirSync(dataDir, { recursive: true });
  const file = resolve(dataDir, 'admin-api-key.txt');
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  logger.warn(
    { file, keyId: row.id },
    `no ADMIN_API_KEY set: created an admin API key and saved it to ${file} (readable by this user only); the key is not logged`,
  );
}
