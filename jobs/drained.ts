import { and, count, eq, lt } from 'drizzle-orm';
import { embeddingsTable } from '../models/schema.ts';
import type { Db } from '../src/db/client.ts';
import { MAX_ATTEMPTS } from './embeddings/processor.ts';

export async function countPending(db: Db): Promise<number> {
  const [{ n }] = await db
    .select({ n: count() })
    .from(embeddingsTable)
    .where(and(eq(embeddingsTable.status, 'pending'), lt(embeddingsTable.attempts, MAX_ATTEMPTS)));
  return Number(n);
}

/** Polls until no row is pending (retryable), or throws after `timeoutMs`. */
export async function waitUntilNothingPending(
  db: Db,
  timeoutMs: number,
  settle: () => Promise<void> = async () => {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await settle();
    const n = await countPending(db);
    if (n === 0) return;
    if (Date.now() > deadline) throw new Error(`embeddings still pending after ${timeoutMs} ms: ${n}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
