import type { EmbeddedKind } from '../models/embeddings/table.ts';

/**
 * Where embedding work goes after a write commits. The database is the source of truth (rows are
 * `pending` until embedded), so a queue may lose a message — the reconciler finds the row again.
 */
export interface EmbeddingQueue {
  readonly kind: 'inline' | 'bullmq';
  /** Entities just marked pending. Never throws and never blocks the caller. */
  schedule(kind: EmbeddedKind, ids: string[]): void;
  /** Re-enqueues rows left pending (after a crash or a Redis outage); returns how many. */
  reconcile(olderThanMs?: number): Promise<number>;
  /** Resolves once nothing is pending (tests, seeding, reindex CLI). */
  drained(timeoutMs?: number): Promise<void>;
  /** Jobs waiting, running… in this queue (BullMQ: its job counts; inline: the drain in progress). */
  depth(): Promise<Record<string, number>>;
  /**
   * Takes no more work and waits for the running job: true when it finished within `timeoutMs`
   * (default: as long as it takes inline, 10 s for a BullMQ worker).
   */
  close(timeoutMs?: number): Promise<boolean>;
}
