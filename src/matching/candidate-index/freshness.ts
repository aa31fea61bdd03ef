// Loading a table into its store and keeping it fresh. Rows carry the id of the transaction that
// last wrote them (changed_xid, migration 0011). A refresh reads the rows written since the snapshot
// of the previous one (all of them the first time); it runs before the next call after the table's
// NOTIFY match_data (every process, at commit) or an own write (invalidate()). Deleted rows are
// dropped by a periodic count check (they only occupy retrieval slots meanwhile).
import { and, eq, getTableName, sql } from 'drizzle-orm';
import { embeddingsTable } from '../../../models/schema.ts';
import { kindOfTable, type EmbeddedTable } from '../../../models/embeddings/entities.ts';
import { entityColumns } from '../../../models/common/columns.ts';
import type { Database } from '../../db/client.ts';
import { resultRows } from '../../db/errors.ts';
import type { TableStore } from './table-store.ts';
import type { Row } from './types.ts';

/** Rows per statement when loading. */
const LOAD_CHUNK = 10_000;

/** A table's store and what keeps it fresh. */
export class FreshTable {
  dirty = true;
  /** Rows read since start (first load and refreshes). */
  loaded = 0;
  /** Snapshot xmin of the last refresh: rows written by transactions from it on may be new to us. */
  private watermark: string | null = null;
  private refreshing: Promise<void> | null = null;
  private sweptAt = Date.now();

  constructor(
    private readonly database: Database,
    private readonly t: EmbeddedTable,
    readonly model: string,
    readonly store: TableStore,
    /** Whether every table's rows still fit the budget: a load stops at the first chunk beyond it. */
    private readonly fits: () => boolean,
    private readonly sweepIntervalMs: number,
  ) {}

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
          this.store.put(
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
    if (Number(n) >= this.store.size) return;
    const ids = new Set((await db.select({ id: this.t.id }).from(this.t)).map((r) => r.id as string));
    for (const id of this.store.ids()) if (!ids.has(id)) this.store.remove(id);
  }
}
