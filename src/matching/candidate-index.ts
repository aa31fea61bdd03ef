// In-memory retrieval over candidate tables (the facade; its parts in candidate-index/). In SQL,
// narrowing the eligible rows to the best few hundred costs ~2–3 µs per eligible row before any
// ranking: each is a visit to a wide heap row and its rule subqueries (BENCHMARKS.md, "Where the time
// goes"). Here each candidate table is held as its rows' columns, normalised vectors and keyword ids,
// and a call applies the recipe's rules and ranks the admitted rows by the two channels of the SQL
// path (the k nearest ∪ the k best keyword matches, keywordRank's measure), exactly:
// - table-store.ts: a table's rows in slots, and a call's narrowing of them;
// - rule-columns.ts: the rules answered without visiting each row (keyed: per-key bitsets; ranged: a
//   column of numbers; excluding ones clear the ids' slots); the others are checked on the rows left;
// - keyword-postings.ts, slot-vectors.ts: the keyword channel (per-word slot lists) and the vector
//   channel (WebAssembly SIMD, vector-scan.ts);
// - compact.ts: rows kept small (shared short strings and inferred-topic entries, keyword ids);
// - freshness.ts: loading and refreshing by changed_xid, and dropping deleted rows;
// - budget.ts: the memory estimate and budget.
//
// Eligibility never depends on this copy: the engine reads the returned ids back with the full SQL
// rules (pipeline/read-back.ts), so a stale or missing row can only cost recall, never admit a row the
// rules exclude. Rules over other tables' rows (`live`: capacity and seats, which introductions and
// enrolments change) are left to that SQL check. What scoring needs of a row besides the vector
// similarity (its columns, inferred topics, keywords shared with the source) comes from here:
// reading it back from SQL was most of a call's cost.
import { getHeapStatistics } from 'node:v8';
import { getTableName, sql } from 'drizzle-orm';
import type { EmbeddedTable } from '../../models/embeddings/entities.ts';
import type { Database } from '../db/client.ts';
import type { Logger } from '../logger.ts';
import { Budget } from './candidate-index/budget.ts';
import { type Shared, Vocabulary } from './candidate-index/compact.ts';
import { FreshTable } from './candidate-index/freshness.ts';
import { TableStore } from './candidate-index/table-store.ts';
import type { CandidateIndex } from './candidate-index/types.ts';

export type {
  Admits,
  CandidateIndex,
  CandidateIndexStats,
  Narrowing,
  Picked,
} from './candidate-index/types.ts';

/** Retrieval stays in SQL (MATCH_INDEX_MAX_MB = 0). */
export const noCandidateIndex: CandidateIndex = {
  narrow: async () => null,
  warm: async () => {},
  invalidate() {},
  stats: () => ({ tables: 0, rows: 0, bytes: 0, loaded: 0, warming: false }),
  close: async () => {},
};

/** How often a refresh also counts the table's rows to notice deletions (by default). */
const SWEEP_INTERVAL_MS = 60_000;

/**
 * Memory-resident retrieval within `maxBytes` and a share of the JS heap (budget.ts); a table that
 * does not fit is left to SQL (logged once). `heapLimitBytes`: the heap's limit (tests set a small one).
 */
export async function createCandidateIndex(
  database: Database,
  maxBytes: number,
  logger?: Logger,
  {
    sweepIntervalMs = SWEEP_INTERVAL_MS,
    heapLimitBytes = getHeapStatistics().heap_size_limit,
  }: { sweepIntervalMs?: number; heapLimitBytes?: number } = {},
): Promise<CandidateIndex> {
  if (maxBytes <= 0) return noCandidateIndex;
  const byName = new Map<string, FreshTable | 'sql'>();
  const shared: Shared & { terms: Vocabulary } = { strings: new Map(), inferred: new Map(), terms: new Vocabulary() };
  const live = () => [...byName.values()].filter((s): s is FreshTable => s !== 'sql');
  const dirtyAll = () => {
    for (const s of live()) s.dirty = true;
  };
  const budget = new Budget(maxBytes, heapLimitBytes, () => live().map((s) => s.store));
  const fits = () => budget.fits();
  const stop = await database
    .listen(
      'match_data',
      (table) => {
        const s = byName.get(table);
        if (s && s !== 'sql') s.dirty = true;
      },
      dirtyAll,
    )
    .catch((e: unknown) => {
      // Without notifications, every call refreshes (a range read of the rows written since the last).
      logger?.warn({ err: e }, 'candidate index: no change notifications, refreshing on every call');
      return null;
    });

  const leaveToSql = (name: string) => {
    logger?.warn(
      {
        table: name,
        maxMb: Math.round(maxBytes / 2 ** 20),
        heapMb: Math.round(budget.heapBytes / 2 ** 20),
      },
      'candidate index: table does not fit in MATCH_INDEX_MAX_MB or the JS heap, narrowed in SQL',
    );
    byName.set(name, 'sql');
    return null;
  };
  /**
   * The table's store, refreshed; null when it does not fit (then for good: it is left to SQL), or when
   * it is not loaded yet and holds at most `minRows` rows (warm leaves those to their first call).
   */
  async function current(t: EmbeddedTable, model: string, dims: number, minRows = -1): Promise<TableStore | null> {
    const name = getTableName(t);
    let table = byName.get(name);
    if (table === 'sql') return null;
    if (!table || table.model !== model) {
      const [{ n }] = await database.db.select({ n: sql<number>`count(*)::int` }).from(t);
      if (Number(n) <= minRows) return null;
      // A table that cannot fit is not loaded at all (at 1M projects, most of it would be read for nothing).
      if (!budget.admits(Number(n), dims)) return leaveToSql(name);
      table = new FreshTable(database, t, model, new TableStore(shared), fits, sweepIntervalMs);
      byName.set(name, table);
    }
    if (table.stale || !stop) await table.refresh();
    return fits() ? table.store : leaveToSql(name);
  }
  let warming = 0;

  return {
    async narrow(t, admits, n) {
      return (await current(t, n.model, n.vector?.length ?? 0))?.narrow(admits, n) ?? null;
    },
    async warm(tables, model, dims, minRows) {
      warming++;
      try {
        for (const t of tables) await current(t, model, dims, minRows);
      } finally {
        warming--;
      }
    },
    invalidate: dirtyAll,
    stats() {
      const s = live();
      return {
        tables: s.length,
        rows: s.reduce((a, x) => a + x.store.size, 0),
        bytes: budget.used(),
        loaded: s.reduce((a, x) => a + x.loaded, 0),
        warming: warming > 0,
      };
    },
    close: async () => {
      await stop?.();
    },
  };
}
