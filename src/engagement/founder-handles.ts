// Pseudonymous founder handles: what a trainer choosing a cohort sees instead of who a founder is.
// A handle is the founder id encrypted (AES-256, one block: a keyed permutation of the 16 id bytes)
// under a key derived per trainer (HMAC-SHA256 of the trainer's provider name) from a secret in the
// database, which every process shares (migration 0013). So it is stable for one trainer and
// founder, differs between trainers (two trainers cannot correlate), and only the server turns it
// back into the founder — an invitation by handle needs no lookup table.
import { createCipheriv, createDecipheriv, createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { serverSecretsTable } from '../../models/server-secrets/table.ts';
import type { Db } from '../db/client.ts';

const PREFIX = 'fh_';
const SHAPE = /^fh_[A-Za-z0-9_-]{22}$/;

export interface TrainerHandles {
  handle(founderId: string): string;
  /** The founder id behind a handle of this trainer; null when it is not one (then no founder has it). */
  founderOf(handle: string): string | null;
}

const secrets = new WeakMap<Db, Promise<Buffer>>();

/** The installation's handle secret, read once per process (a failed read is retried next time). */
function secret(db: Db): Promise<Buffer> {
  let s = secrets.get(db);
  if (!s) {
    s = db
      .select({ value: serverSecretsTable.value })
      .from(serverSecretsTable)
      .where(eq(serverSecretsTable.name, 'founder_handle'))
      .then(([row]) => {
        if (!row) throw new Error('server secret founder_handle is missing (migration 0013 not applied?)');
        return Buffer.from(row.value, 'hex');
      });
    s.catch(() => secrets.delete(db));
    secrets.set(db, s);
  }
  return s;
}

/** Handles as one trainer (its provider name, the key's subjectId) sees them. */
export async function trainerHandles(db: Db, provider: string): Promise<TrainerHandles> {
  const key = createHmac('sha256', await secret(db))
    .update(`founder-handle\0${provider}`)
    .digest();
  return {
    handle(founderId) {
      const c = createCipheriv('aes-256-ecb', key, null).setAutoPadding(false);
      const block = Buffer.concat([c.update(Buffer.from(founderId.replace(/-/g, ''), 'hex')), c.final()]);
      return PREFIX + block.toString('base64url');
    },
    founderOf(handle) {
      if (!SHAPE.test(handle)) return null;
      const block = Buffer.from(handle.slice(PREFIX.length), 'base64url');
      // 22 base64url characters carry 132 bits: reject the spellings that are not the canonical one.
      if (block.length !== 16 || PREFIX + block.toString('base64url') !== handle) return null;
      const d = createDecipheriv('aes-256-ecb', key, null).setAutoPadding(false);
      const hex = Buffer.concat([d.update(block), d.final()]).toString('hex');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    },
  };
}
