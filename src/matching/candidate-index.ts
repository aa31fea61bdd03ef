// In-memory retrieval over candidate tables. In SQL, narrowing the eligible rows to the best few
// hundred costs ~2–3 µs per eligible row before any ranking: each is a visit to a wide heap row and
// its rule subqueries (BENCHMARKS.md, "Where the time goes"). Here each candidate table is held as
// its rows' columns, normalised vectors and keyword ids, and a call applies the recipe's rules and
// ranks the admitted rows by the two channels of the SQL path (the k nearest ∪ the k best keyword
// matches, keywordRank's measure), exactly. Rules are answered without visiting each row where their
// form allows (keyed: per-key bitsets; excluding: the ids' slots; ranged: a column of numbers); the
// others are checked on the rows those leave. The keyword channel counts from per-word slot lists, the
// vector channel runs as WebAssembly SIMD (vector-scan.ts).
//
// Eligibility never depends on this copy: the engine reads the returned ids back with the full SQL
// rules (and(where, idIn)), so a stale or missing row can only cost recall, never admit a row the
// rules exclude. Rules over other tables' rows (`live`: capacity and seats, which introductions and
// enrolments change) are left to that SQL check. What scoring needs of a row besides the
// vector similarity (its columns, inferred topics, keywords shared with the source) comes from here:
// reading it back from SQL was most of a call's cost.
//
// Freshness: rows carry the id of the transaction that last wrote them (changed_xid, migration 0011).
// A refresh reads the rows written since the snapshot of the previous one; it runs before the next
// call after a table's NOTIFY match_data (every process, at commit) or an own write (invalidate()).
// Deleted rows are dropped by a periodic count check (they only occupy retrieval slots meanwhile).
import { getHeapStatistics } from 'node:v8';
import { and, eq, getTableName, sql } from 'drizzle-orm';
import { embeddingsTable } from '../../models/schema.ts';
import { kindOfTable, type EmbeddedTable } from '../../models/embeddings/entities.ts';
import { entityColumns } from '../../models/common/columns.ts';
import type { Database } from '../db/client.ts';
import { resultRows } from '../db/errors.ts';
import type { Logger } from '../logger.ts';
import { MinHeap } from '../min-heap.ts';
import type { Keyed, Profile, Ranged } from './types.ts';
import { VectorScan } from './vector-scan.ts';

type Row = Record<string, any>;
/** Checks of a row (as the index holds it) by the rules it cannot look up. */
type Admits = (c: { row: Row }) => boolean;

export interface Narrowing {
  model: string;
  /** Keyed rules (types.ts) with the source's values: a row passes each by holding one of them (null: any row). */
  keyed: { of: Keyed<unknown>['of']; values: readonly string[] | null }[];
  /** Ids excluded by excluding rules (types.ts): already introduced, already enrolled. */
  excluded: ReadonlySet<string>[];
  /** Ranged rules (types.ts) with the source's range: a row passes each with no number or one within it (null: any row). */
  ranged: { of: Ranged<unknown>['of']; within: readonly [number, number] | null }[];
  /** The source's vector of `model`, or null (then only the keyword channel runs). */
  vector: number[] | null;
  /** The words to rank keyword matches by (searchable: distinct, no quotes). */
  words: string[];
  /** The source's keywords: each picked row comes with those it shares. */
  lexemes: ReadonlySet<string>;
  exactLimit: number;
  k: number;
}

/** A row the index picked, with what scoring needs of it besides the vector similarity. */
export interface Picked {
  /** The entity's columns, as profiles read them (shared, not to be changed). */
  row: Row;
  inferredTopics: Profile['inferredTopics'];
  inferredSectors: Profile['inferredSectors'];
  /** Its keywords among Narrowing.lexemes, and how many it has (keyword_count): the lexical feature's inputs. */
  shared: Set<string>;
  keywordCount: number;
  /**
   * Cosine similarity to Narrowing.vector from the index's float32 copies (null without both
   * vectors): close to pgvector's, not equal to the bit; the read-back gets pgvector's (see best-first.ts).
   */
  similarity: number | null;
}

export interface CandidateIndexStats {
  tables: number;
  rows: number;
  bytes: number;
  /** Rows read from the database since start (first loads and refreshes). */
  loaded: number;
  /** Whether tables are still being loaded ahead of their first call (warm). */
  warming: boolean;
}

export interface CandidateIndex {
  /**
   * The rows to score: every row that passes the keyed, excluding and ranged rules and `admits` (the other
   * rules' checks; null: none) when at most `exactLimit`, else the k nearest ∪ the k best
   * keyword matches among them. Null when the index does not serve `t` (over its memory budget): the
   * engine then narrows in SQL.
   */
  narrow(t: EmbeddedTable, admits: Admits | null, n: Narrowing): Promise<Picked[] | null>;
  /**
   * Loads, one after the other, each of `tables` holding more than `minRows` rows, ahead of its first
   * call (which would otherwise wait for it: seconds at 100k rows). `dims`: the model's, for the size estimate.
   */
  warm(tables: EmbeddedTable[], model: string, dims: number, minRows: number): Promise<void>;
  /** Every table may have changed (an own write, before its notification arrives). */
  invalidate(): void;
  stats(): CandidateIndexStats;
  close(): Promise<void>;
}

/** Retrieval stays in SQL (MATCH_INDEX_MAX_MB = 0). */
export const noCandidateIndex: CandidateIndex = {
  narrow: async () => null,
  warm: async () => {},
  invalidate() {},
  stats: () => ({ tables: 0, rows: 0, bytes: 0, loaded: 0, warming: false }),
  close: async () => {},
};

/**
 * Estimated bytes of a row besides its vector and keyword ids: its columns as JS values, the map entry,
 * the keyword array's own objects, its inferred-topic lists (heap growth measured loading 100k
 * projects and 20k mentors: ~2.3 KB a row in all with 100-dimensional vectors).
 */
const ROW_BYTES = 1500;
/** Per keyword of a row: its id in the row's array and in the word's slot list (grown by doubling). */
const KEYWORD_BYTES = 10;
/** Rows per statement when loading. */
const LOAD_CHUNK = 10_000;
/** How often a refresh also counts the table's rows to notice deletions (by default). */
const SWEEP_INTERVAL_MS = 60_000;
/**
 * Share of the JS heap's limit the rows may take (vectors live outside it): a budget larger than the
 * heap (node's default limit is ~4 GB) would otherwise end the process out of memory, not in SQL.
 */
const HEAP_SHARE = 0.6;

/**
 * Memory-resident retrieval within `maxBytes` and HEAP_SHARE of the heap; a table that does not fit is
 * left to SQL (logged once). `heapLimitBytes`: the heap's limit (tests set a small one).
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
  const stores = new Map<string, TableStore | 'sql'>();
  const terms = new Vocabulary();
  const shared: Shared = { strings: new Map(), inferred: new Map() };
  const live = () => [...stores.values()].filter((s): s is TableStore => s !== 'sql');
  const dirtyAll = () => {
    for (const s of live()) s.dirty = true;
  };
  const used = () => live().reduce((a, x) => a + x.bytes, 0);
  const heapBudget = HEAP_SHARE * heapLimitBytes;
  const onHeap = () => live().reduce((a, x) => a + x.heapBytes, 0);
  const fits = () => used() <= maxBytes && onHeap() <= heapBudget;
  const stop = await database
    .listen(
      'match_data',
      (table) => {
        const s = stores.get(table);
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
        heapMb: Math.round(heapBudget / 2 ** 20),
      },
      'candidate index: table does not fit in MATCH_INDEX_MAX_MB or the JS heap, narrowed in SQL',
    );
    stores.set(name, 'sql');
    return null;
  };
  /**
   * The table's store, refreshed; null when it does not fit (then for good: it is left to SQL), or when
   * it is not loaded yet and holds at most `minRows` rows (warm leaves those to their first call).
   */
  async function current(t: EmbeddedTable, model: string, dims: number, minRows = -1): Promise<TableStore | null> {
    const name = getTableName(t);
    let store = stores.get(name);
    if (store === 'sql') return null;
    if (!store || store.model !== model) {
      const [{ n }] = await database.db.select({ n: sql<number>`count(*)::int` }).from(t);
      if (Number(n) <= minRows) return null;
      // A table that cannot fit is not loaded at all (at 1M projects, most of it would be read for nothing).
      if (used() + Number(n) * (ROW_BYTES + dims * 4) > maxBytes || onHeap() + Number(n) * ROW_BYTES > heapBudget)
        return leaveToSql(name);
      store = new TableStore(database, t, model, terms, shared, fits, sweepIntervalMs);
      stores.set(name, store);
    }
    if (store.stale || !stop) await store.refresh();
    return fits() ? store : leaveToSql(name);
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
        rows: s.reduce((a, x) => a + x.size, 0),
        bytes: used(),
        loaded: s.reduce((a, x) => a + x.loaded, 0),
        warming: warming > 0,
      };
    },
    close: async () => {
      await stop?.();
    },
  };
}

/** Values every table's rows share one instance of (both maps only grow: bounded by the distinct values). */
interface Shared {
  strings: Map<string, string>;
  inferred: Map<string, Inferred>;
}

/** Longer strings (ids, prose) are kept as read; shorter ones (codes, enum values, languages) are shared. */
const SHARED_STRING_MAX = 24;

/**
 * A row as the rule checks read it, for every call over every row: a fresh object whose short strings
 * (alone or in arrays) are shared instances. Rows as parsed lie scattered between the load's garbage
 * with their own copies of 'zh' or '5401'; compacted, checking 20k mentors took ~3 ms instead of ~7.
 */
function compactRow(row: Row, strings: Map<string, string>): Row {
  const share = (v: unknown) => intern(v, strings);
  const out: Row = {};
  for (const k in row) {
    const v = row[k];
    out[k] = Array.isArray(v) ? v.map(share) : share(v);
  }
  return out;
}

/** `v` itself, or the instance of it already held when it is a short string. */
function intern<T>(v: T, strings: Map<string, string>): T {
  if (typeof v !== 'string' || v.length > SHARED_STRING_MAX) return v;
  const had = strings.get(v);
  if (had !== undefined) return had as T;
  strings.set(v, v);
  return v;
}

type Inferred = Profile['inferredTopics'][number] | Profile['inferredSectors'][number];
/** The list of a row without inferred topics (or sectors): one instance for all of them. */
const NONE: never[] = [];
/**
 * Inferred topics or sectors as shared entries: a topic, its score and the phrases that matched come
 * from infer.ts's fixed vocabulary, so the same entries recur across rows. Held per row, they were a
 * third of the index's memory (~850 bytes a row at 100k).
 */
const compactInferred = <T extends Inferred>(list: T[] | null, entries: Map<string, Inferred>): T[] =>
  !list?.length
    ? NONE
    : list.map((x) => {
        // A sector may bear a topic's name: the key says which it is.
        const key = `${'topic' in x ? `t:${x.topic}` : `s:${x.sector}`}|${x.score}|${x.evidence.join('|')}`;
        const had = entries.get(key);
        if (had) return had as T;
        entries.set(key, x);
        return x;
      });

/** Word ↔ small integer, shared by all tables (each row's keywords are kept as ids). */
class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly words: string[] = [];
  id(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      this.ids.set(word, (id = this.words.length));
      this.words.push(word);
    }
    return id;
  }
  word(id: number): string {
    return this.words[id];
  }
  /** The id of a known word, undefined for one no row has (no row can share it). */
  known(word: string): number | undefined {
    return this.ids.get(word);
  }
  get size() {
    return this.ids.size;
  }
}

/** One table's rows in slots: parallel arrays grown by doubling, freed slots reused. */
class TableStore {
  dirty = true;
  loaded = 0;
  private rowBytes = 0;
  private readonly slots = new Map<string, number>();
  /** What rule checks see, per slot (null: a free slot). */
  private views: ({ row: Row } | null)[] = [];
  /** The rest of what scoring needs, per slot (apart: rule checks walk `views` and should stay small). */
  private topics: Profile['inferredTopics'][] = [];
  private sectors: Profile['inferredSectors'][] = [];
  private keywords: (Int32Array | null)[] = [];
  /** Per word id (the shared Vocabulary's), the slots whose keywords hold it: the keyword channel's inverted lists. */
  private wordSlots: (SlotList | undefined)[] = [];
  /** Scratch of the keyword channel: words shared with the source, per slot (all zero between calls). */
  private sharedCounts = new Int32Array(0);
  private keywordCounts = new Int32Array(0);
  /** 1/√max(keyword count, 1): keywordRank's denominator. */
  private keywordNorm = new Float64Array(0);
  /** Normalised vectors by slot (created with the first vector, whose length is the model's). */
  private vectors: VectorScan | null = null;
  private hasVector = new Uint8Array(0);
  /**
   * Per keyed rule (its `of`), the slots holding each key as a bitset: a call combines the bitsets of
   * the source's values instead of checking every row (a check reads the row object, a cache miss per
   * row in a running server). Built on a rule's first call, then kept up to date by put and sweep.
   */
  private readonly postings = new Map<KeyOf, Map<string, Uint32Array>>();
  /** Per ranged rule (its `of`), each slot's number (NaN: none), built on the rule's first call and kept by put. */
  private readonly numbers = new Map<Ranged<unknown>['of'], Float64Array>();
  /** The slots holding a row, as a bitset (the rows a call starts from when no keyed rule applies). */
  private occupied = new Uint32Array(0);
  private free: number[] = [];
  /** Snapshot xmin of the last refresh: rows written by transactions from it on may be new to us. */
  private watermark: string | null = null;
  private refreshing: Promise<void> | null = null;
  private sweptAt = Date.now();

  constructor(
    private readonly database: Database,
    private readonly t: EmbeddedTable,
    readonly model: string,
    private readonly terms: Vocabulary,
    private readonly shared: Shared,
    /** Whether every table's rows still fit the budget: a load stops at the first chunk beyond it. */
    private readonly fits: () => boolean,
    private readonly sweepIntervalMs: number,
  ) {}

  get size() {
    return this.slots.size;
  }

  /** Estimated memory: the rows, and the flat arrays as allocated (capacity grows by doubling). */
  get bytes() {
    let columns = this.occupied.byteLength + this.sharedCounts.byteLength;
    for (const byKey of this.postings.values()) for (const b of byKey.values()) columns += b.byteLength;
    for (const numbers of this.numbers.values()) columns += numbers.byteLength;
    return (
      this.rowBytes +
      (this.vectors?.bytes ?? 0) +
      this.hasVector.byteLength +
      this.keywordNorm.byteLength +
      this.keywordCounts.byteLength +
      columns
    );
  }

  /** The part of `bytes` in the JS heap (the rows; vectors and the flat arrays are buffers outside it). */
  get heapBytes() {
    return this.rowBytes;
  }

  /** True while the rows may lag the table: changed since the last refresh, or a refresh under way. */
  get stale() {
    return this.dirty || this.refreshing !== null;
  }

  /**
   * Reads the rows written since the last refresh (all of them the first time), one refresh at a
   * time; a change notified during one is read by a second (at most two: steady writes do not hold
   * a call).
   */
  async refresh(): Promise<void> {
    for (let round = 0; round < 2 && (round === 0 || this.dirty); round++) {
      this.refreshing ??= this.readChanges().finally(() => (this.refreshing = null));
      await this.refreshing;
    }
  }

  private async readChanges() {
    this.dirty = false; // a notification arriving meanwhile sets it again
    try {
      const { db } = this.database;
      const t = this.t;
      const e = embeddingsTable;
      const [{ w }] = resultRows<{ w: string }>(
        await db.execute(sql`select pg_snapshot_xmin(pg_current_snapshot())::text as w`),
      );
      const columns = entityColumns(t);
      const changed = this.watermark
        ? sql`${sql.identifier(getTableName(t))}.changed_xid >= ${this.watermark}::xid8`
        : sql`true`;
      // In id order, LOAD_CHUNK rows at a time: a first load of 100k+ rows never sits in memory twice.
      for (let after = ''; ; ) {
        const rows = (await db
          .select({
            ...columns,
            _vector: sql<string | null>`case when ${t.vectorModel} = ${this.model} then ${t.vector}::text end`,
            _keywords: sql<string[] | null>`tsvector_to_array(${t.keywords})`,
            _keywordCount: t.keywordCount,
            // Written with the entity's row (embedding-hooks, in its transaction), so changed_xid covers them.
            _topics: e.inferredTopics,
            _sectors: e.inferredSectors,
          })
          .from(t)
          .leftJoin(e, and(eq(e.entityKind, kindOfTable(t)), eq(e.entityId, t.id)))
          .where(after ? sql`${changed} and ${t.id} > ${after}` : changed)
          .orderBy(t.id)
          .limit(LOAD_CHUNK)) as Row[];
        for (const { _vector, _keywords, _keywordCount, _topics, _sectors, ...row } of rows) {
          this.put(
            row,
            _vector ? (JSON.parse(_vector) as number[]) : null,
            _keywords ?? [],
            _keywordCount,
            _topics,
            _sectors,
          );
        }
        this.loaded += rows.length;
        if (rows.length < LOAD_CHUNK || !this.fits()) break;
        after = rows[rows.length - 1].id;
      }
      this.watermark = w;
      if (Date.now() - this.sweptAt >= this.sweepIntervalMs) await this.sweep();
    } catch (e) {
      this.dirty = true;
      throw e;
    }
  }

  /** Drops rows deleted from the table, when its count says there are some. */
  private async sweep() {
    this.sweptAt = Date.now();
    const { db } = this.database;
    const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(this.t);
    if (Number(n) >= this.slots.size) return;
    const ids = new Set((await db.select({ id: this.t.id }).from(this.t)).map((r) => r.id as string));
    for (const [id, s] of this.slots) {
      if (ids.has(id)) continue;
      this.slots.delete(id);
      this.rowBytes -= ROW_BYTES + (this.keywords[s]?.length ?? 0) * KEYWORD_BYTES;
      this.unpost(s);
      this.unlist(s, null);
      clearBit(this.occupied, s);
      this.views[s] = this.keywords[s] = null;
      this.topics[s] = this.sectors[s] = NONE;
      this.hasVector[s] = 0;
      this.free.push(s);
    }
  }

  private put(
    row: Row,
    vector: number[] | null,
    words: string[],
    keywordCount: number | null,
    topics: Profile['inferredTopics'] | null,
    sectors: Profile['inferredSectors'] | null,
  ) {
    if (vector && !this.vectors) (this.vectors = new VectorScan(vector.length)).grow(this.hasVector.length);
    let s = this.slots.get(row.id);
    if (s === undefined) {
      s = this.free.pop() ?? this.views.length;
      this.slots.set(row.id, s);
      this.rowBytes += ROW_BYTES;
    } else this.rowBytes -= (this.keywords[s]?.length ?? 0) * KEYWORD_BYTES;
    this.grow(s + 1);
    this.unpost(s);
    const compact = compactRow(row, this.shared.strings);
    this.views[s] = { row: compact };
    setBit(this.occupied, s);
    for (const [of, byKey] of this.postings) for (const k of of(compact)) setBit(this.bitset(byKey, k), s);
    for (const [of, column] of this.numbers) column[s] = of(compact) ?? NaN;
    this.topics[s] = compactInferred(topics, this.shared.inferred);
    this.sectors[s] = compactInferred(sectors, this.shared.inferred);
    const kw = Int32Array.from(new Set(words.map((w) => this.terms.id(w))));
    this.unlist(s, kw);
    this.keywords[s] = kw;
    this.rowBytes += kw.length * KEYWORD_BYTES;
    this.keywordCounts[s] = keywordCount ?? 0;
    this.keywordNorm[s] = 1 / Math.sqrt(Math.max(keywordCount ?? 0, 1));
    // A vector of another length (a misconfigured model) is as good as none: it is never compared.
    this.hasVector[s] = vector && vector.length === this.vectors?.dims ? 1 : 0;
    if (this.hasVector[s]) this.vectors!.set(s, vector!);
  }

  narrow(admits: Admits | null, n: Narrowing): Picked[] {
    const admitted: number[] = [];
    const within = this.keyedSlots(n.keyed) ?? this.occupied.slice();
    for (const ids of n.excluded) {
      for (const id of ids) {
        const s = this.slots.get(id);
        if (s !== undefined) clearBit(within, s);
      }
    }
    const ranges = n.ranged.flatMap(({ of, within: range }) =>
      range ? [{ numbers: this.numbersOf(of), lo: range[0], hi: range[1] }] : [],
    );
    for (let w = 0; w < within.length; w++) {
      rows: for (let bits = within[w]; bits !== 0; bits &= bits - 1) {
        const s = w * 32 + 31 - Math.clz32(bits & -bits);
        for (const { numbers, lo, hi } of ranges) if (numbers[s] < lo || numbers[s] > hi) continue rows; // NaN (no number) passes
        if (!admits || admits(this.views[s]!)) admitted.push(s);
      }
    }
    // The source's vector normalised as the rows' are; none of another length (never compared).
    const q = n.vector && n.vector.length === this.vectors?.dims ? this.vectors.query(n.vector) : null;
    let picked: Iterable<number> = admitted;
    if (admitted.length > n.exactLimit) {
      const union = new Set<number>(q ? this.nearest(admitted, q, n.k) : []);
      for (const s of this.bestKeywordMatches(admitted, n.words, n.k)) union.add(s);
      picked = union;
    }
    const lexemes = this.marks(n.lexemes);
    const slots = [...picked];
    const similarities = q ? this.vectors!.dots(q, slots) : null;
    const out: Picked[] = [];
    for (let j = 0; j < slots.length; j++) {
      const s = slots[j];
      const kw = this.keywords[s]!;
      const shared = new Set<string>();
      if (lexemes) for (let i = 0; i < kw.length; i++) if (lexemes[kw[i]]) shared.add(this.terms.word(kw[i]));
      out.push({
        row: this.views[s]!.row,
        inferredTopics: this.topics[s],
        inferredSectors: this.sectors[s],
        shared,
        keywordCount: this.keywordCounts[s],
        similarity: similarities && this.hasVector[s] ? similarities[j] : null,
      });
    }
    return out;
  }

  /**
   * Lists slot `s` under each of its new keywords `kw` and drops it from its old ones (all of them
   * when `kw` is null: the row is gone). Nothing to do when they are the same, as when only the
   * vector changed (the embedding job's write).
   */
  private unlist(s: number, kw: Int32Array | null) {
    const old = this.keywords[s];
    if (old && kw && old.length === kw.length && old.every((w, i) => w === kw[i])) return;
    if (old) for (const w of old) this.wordSlots[w]!.remove(s);
    if (kw) for (const w of kw) (this.wordSlots[w] ??= new SlotList()).add(s);
  }

  /** The slots passing every keyed rule that applies, as a bitset; null when none applies. */
  private keyedSlots(keyed: Narrowing['keyed']): Uint32Array | null {
    let within: Uint32Array | null = null;
    for (const { of, values } of keyed) {
      if (values === null) continue;
      const byKey = this.postingsOf(of);
      const any = new Uint32Array(this.words);
      for (const k of values) {
        const b = byKey.get(k);
        if (b) for (let w = 0; w < any.length; w++) any[w] |= b[w];
      }
      if (within) for (let w = 0; w < any.length; w++) within[w] &= any[w];
      else within = any;
    }
    return within;
  }

  /** A ranged rule's numbers, read from the rows held on its first call. */
  private numbersOf(of: Ranged<unknown>['of']): Float64Array {
    let column = this.numbers.get(of);
    if (!column) {
      this.numbers.set(of, (column = new Float64Array(this.hasVector.length).fill(NaN)));
      for (let s = 0; s < this.views.length; s++) {
        const v = this.views[s];
        if (v) column[s] = of(v.row) ?? NaN;
      }
    }
    return column;
  }

  /** A keyed rule's bitsets, built over the rows held on its first call. */
  private postingsOf(of: KeyOf): Map<string, Uint32Array> {
    let byKey = this.postings.get(of);
    if (!byKey) {
      this.postings.set(of, (byKey = new Map()));
      for (let s = 0; s < this.views.length; s++) {
        const v = this.views[s];
        if (v) for (const k of of(v.row)) setBit(this.bitset(byKey, k), s);
      }
    }
    return byKey;
  }

  private bitset(byKey: Map<string, Uint32Array>, key: string): Uint32Array {
    let b = byKey.get(key);
    if (!b) byKey.set(key, (b = new Uint32Array(this.words)));
    return b;
  }

  /** Clears a slot's bits, before its row is replaced or dropped. */
  private unpost(s: number) {
    const v = this.views[s];
    if (!v) return;
    for (const [of, byKey] of this.postings) for (const k of of(v.row)) clearBit(byKey.get(k)!, s);
  }

  /** Words of a bitset over the slots' capacity. */
  private get words() {
    return Math.ceil(this.hasVector.length / 32);
  }

  /** One mark per vocabulary word among `words` (a typed-array read per keyword, where a Set lookup cost ~10× more); null when no row has any. */
  private marks(words: Iterable<string>): Uint8Array | null {
    const marked = new Uint8Array(this.terms.size);
    let any = false;
    for (const w of words) {
      const id = this.terms.known(w);
      if (id === undefined) continue;
      marked[id] = 1;
      any = true;
    }
    return any ? marked : null;
  }

  /** The k slots nearest to the normalised query by cosine distance among those holding a vector. */
  private nearest(slots: number[], q: Float32Array, k: number): number[] {
    const withVector = slots.filter((s) => this.hasVector[s]);
    const dots = this.vectors!.dots(q, withVector);
    const top = new TopK(k);
    for (let j = 0; j < withVector.length; j++) top.offer(withVector[j], dots[j]);
    return top.slots();
  }

  /** The k slots sharing the most of `words` per √(keyword count); rows sharing none are left out. */
  private bestKeywordMatches(slots: number[], words: string[], k: number): number[] {
    // Shared words counted from the words' slot lists: their lengths, not every slot's keywords.
    const shared = this.sharedCounts;
    let any = false;
    for (const w of new Set(words)) {
      const id = this.terms.known(w);
      const list = id === undefined ? undefined : this.wordSlots[id];
      if (!list) continue;
      any = true;
      for (let i = 0; i < list.length; i++) shared[list.items[i]]++;
    }
    if (!any) return [];
    const top = new TopK(k);
    for (const s of slots) if (shared[s]) top.offer(s, shared[s] * this.keywordNorm[s]);
    shared.fill(0);
    return top.slots();
  }

  private grow(n: number) {
    const cap0 = this.hasVector.length;
    if (n <= cap0) return;
    const cap = Math.max(1024, cap0 * 2, n);
    this.vectors?.grow(cap);
    const has = new Uint8Array(cap);
    has.set(this.hasVector);
    this.hasVector = has;
    const norms = new Float64Array(cap);
    norms.set(this.keywordNorm);
    this.keywordNorm = norms;
    const counts = new Int32Array(cap);
    counts.set(this.keywordCounts);
    this.keywordCounts = counts;
    this.sharedCounts = new Int32Array(cap);
    const resized = (b: Uint32Array) => {
      const bigger = new Uint32Array(this.words);
      bigger.set(b);
      return bigger;
    };
    this.occupied = resized(this.occupied);
    for (const [of, column] of this.numbers) {
      const bigger = new Float64Array(cap).fill(NaN);
      bigger.set(column);
      this.numbers.set(of, bigger);
    }
    for (const byKey of this.postings.values()) for (const [k, b] of byKey) byKey.set(k, resized(b));
  }
}

type KeyOf = Keyed<unknown>['of'];

/** Slots in no order, grown by doubling; a removal moves the last one into the gap. */
class SlotList {
  items = new Int32Array(4);
  length = 0;
  add(s: number) {
    if (this.length === this.items.length) {
      const bigger = new Int32Array(this.length * 2);
      bigger.set(this.items);
      this.items = bigger;
    }
    this.items[this.length++] = s;
  }
  remove(s: number) {
    const i = this.items.subarray(0, this.length).indexOf(s);
    if (i >= 0) this.items[i] = this.items[--this.length];
  }
}
const setBit = (b: Uint32Array, s: number) => (b[s >>> 5] |= 1 << (s & 31));
const clearBit = (b: Uint32Array, s: number) => (b[s >>> 5] &= ~(1 << (s & 31)));

/** The k highest-scoring slots offered: a min-heap of the best so far, whose root the next better one replaces. */
class TopK {
  private readonly heap: MinHeap;
  constructor(private readonly k: number) {
    this.heap = new MinHeap(Math.max(k, 1));
  }
  offer(slot: number, score: number) {
    if (this.heap.size < this.k) this.heap.push(slot, score);
    else if (this.k > 0 && score > this.heap.minKey) {
      this.heap.pop();
      this.heap.push(slot, score);
    }
  }
  slots(): number[] {
    return this.heap.nodesHeld();
  }
}
