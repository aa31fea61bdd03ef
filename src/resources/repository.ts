// The one data-access layer for the contract resources. Every read and write goes through it,
// so the visibility rules (scope, hidden fields, write checks) cannot be forgotten by a route.
import { and, asc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { pgErrorCode, retryOnDeadlock, UNIQUE_VIOLATION, FOREIGN_KEY_VIOLATION } from '../db/errors.ts';
import { AppError, badRequest, conflict, forbidden, notFound, unprocessable, type FieldIssue } from '../errors.ts';
import { embeddingsTable } from '../../models/schema.ts';
import { entityColumns } from '../../models/common/columns.ts';
import { audit } from '../audit/record.ts';
import type { ReadContext, ResourceDef, Row, Tx } from './types.ts';
import type { EmbeddingHooks } from './embedding-hooks.ts';
import { zodIssues } from './zod-issues.ts';

export interface ListQuery {
  limit: number;
  cursor?: string;
  filters: Row;
}

export interface Page {
  items: Row[];
  nextCursor: string | null;
}

const isUuid = (s: string) => z.uuid().safeParse(s).success;
const encodeCursor = (id: string) => Buffer.from(id).toString('base64url');
function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString();
  if (!isUuid(id))
    throw badRequest('Invalid cursor / 无效的分页游标', [
      { path: 'cursor', message: 'not a cursor returned by this API' },
    ]);
  return id;
}

export class Repository {
  private readonly columns: Record<string, any>;

  constructor(
    readonly def: ResourceDef,
    private readonly db: Db,
    private readonly embeddings: EmbeddingHooks,
  ) {
    // Match columns (vector, keywords) are the embedding pipeline's: never read or written here.
    this.columns = entityColumns(def.table);
  }

  private get t(): any {
    return this.def.table;
  }

  /** The read scope as a WHERE condition, or null when the actor sees nothing. */
  private scopeWhere(actor: Actor): SQL | undefined | null {
    const s = this.def.policy.scope(actor);
    if (s === 'none') return null;
    return s === 'all' ? undefined : s;
  }

  /** The list's WHERE: scope AND filters; null when the actor sees nothing. */
  private listWhere(actor: Actor, filters: Row): SQL | undefined | null {
    const scope = this.scopeWhere(actor);
    if (scope === null) return null;
    const conds: (SQL | undefined)[] = [scope];
    for (const f of this.def.filters) {
      const v = filters[f.name];
      if (v !== undefined) conds.push(f.where(v));
    }
    return and(...conds);
  }

  async list(ctx: ReadContext, q: ListQuery): Promise<Page> {
    const where = this.listWhere(ctx.actor, q.filters);
    if (where === null) return { items: [], nextCursor: null };
    const rows = await this.db
      .select(this.columns)
      .from(this.t)
      .where(and(where, q.cursor ? gt(this.t.id, decodeCursor(q.cursor)) : undefined))
      .orderBy(asc(this.t.id))
      .limit(q.limit + 1);
    const more = rows.length > q.limit;
    const page = more ? rows.slice(0, q.limit) : rows;
    return { items: await this.present(ctx, page), nextCursor: more ? encodeCursor(page[page.length - 1].id) : null };
  }

  /** How many rows the list with these filters holds for this actor (the total beside a paged list). */
  async count(ctx: ReadContext, filters: Row): Promise<number> {
    const where = this.listWhere(ctx.actor, filters);
    return where === null ? 0 : countRows(this.db, this.t, where);
  }

  /**
   * Every row of the list, as the API presents them, in pages of `batch` (keyset by id): exports
   * stream these so memory stays flat however long the list is.
   */
  async *pages(ctx: ReadContext, filters: Row, batch = 1000): AsyncGenerator<Row[]> {
    const where = this.listWhere(ctx.actor, filters);
    if (where === null) return;
    let after: string | null = null;
    for (;;) {
      const rows: Row[] = await this.db
        .select(this.columns)
        .from(this.t)
        .where(and(where, after ? gt(this.t.id, after) : undefined))
        .orderBy(asc(this.t.id))
        .limit(batch);
      if (!rows.length) return;
      yield await this.present(ctx, rows);
      if (rows.length < batch) return;
      after = rows[rows.length - 1].id as string;
    }
  }

  /** Every row matching `where` that the actor may read, as a GET by id shows it (for side doors, e.g. exports). */
  async readAll(ctx: ReadContext, where: SQL): Promise<Row[]> {
    const scope = this.scopeWhere(ctx.actor);
    if (scope === null) return [];
    const rows = await this.db.select(this.columns).from(this.t).where(and(where, scope)).orderBy(asc(this.t.id));
    return this.present(ctx, rows);
  }

  /** A visible row, or 404. */
  private async findVisible(ctx: ReadContext, where: SQL, db: Db | Tx = this.db, lock = false): Promise<Row> {
    const scope = this.scopeWhere(ctx.actor);
    if (scope === null) throw notFound(this.def.singular);
    let query: any = db.select(this.columns).from(this.t).where(and(where, scope)).limit(1);
    if (lock) query = query.for('update');
    const [row] = await query;
    if (!row) throw notFound(this.def.singular);
    return row;
  }

  async get(ctx: ReadContext, id: string): Promise<Row> {
    if (!isUuid(id)) throw notFound(this.def.singular);
    const row = await this.findVisible(ctx, eq(this.t.id, id));
    const [out] = await this.present(ctx, [row]);
    return out;
  }

  /** The record a create would insert, after every check a create makes before writing (422, 403). */
  private async checkedForCreate(ctx: ReadContext, body: Row): Promise<Row> {
    let record = this.def.policy.defaults ? this.def.policy.defaults(ctx.actor, body) : body;
    if (this.def.prepare) record = this.def.prepare(null, record, ctx.actor);
    await this.validateRecord(ctx, record);
    const why = this.def.policy.checkWrite(ctx.actor, 'create', null, record);
    if (why) throw forbidden(why);
    return record;
  }

  async create(ctx: ReadContext, body: Row): Promise<Row> {
    const record = await this.checkedForCreate(ctx, body);
    const id = await this.write(async (tx, embed) => {
      const [row] = (await tx.insert(this.t).values(this.columnValues(record)).returning(this.columns)) as Row[];
      await this.afterWrite(tx, embed, ctx.actor, null, { ...row, ...this.relationValues(record) });
      return row.id as string;
    });
    return this.get(ctx, id);
  }

  /**
   * Creates many records in the caller's transaction (this repository built on it) with the checks of
   * `create`, written in multi-row inserts: bulk imports (src/spreadsheets/). Returns the failures by
   * index (422/403 from the checks); the others are written. Nothing is re-read or presented.
   */
  async createMany(ctx: ReadContext, bodies: Row[]): Promise<{ index: number; error: AppError }[]> {
    const failures: { index: number; error: AppError }[] = [];
    const records: Row[] = [];
    for (const [index, body] of bodies.entries()) {
      try {
        records.push(await this.checkedForCreate(ctx, body));
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        failures.push({ index, error: e });
      }
    }
    const tx = this.db as unknown as Tx;
    const embed: string[] = [];
    for (let i = 0; i < records.length; i += 500) {
      const chunk = records.slice(i, i + 500);
      const rows = (await tx
        .insert(this.t)
        .values(chunk.map((r) => this.columnValues(r)))
        .returning(this.columns)) as Row[];
      // RETURNING follows the VALUES order; matched by externalId where there is one all the same.
      const byExternalId = new Map(chunk.filter((r) => r.externalId).map((r) => [r.externalId, r]));
      const afters = rows.map((row, j) => ({
        ...row,
        ...this.relationValues((row.externalId && byExternalId.get(row.externalId)) || chunk[j]),
      }));
      const markMany = this.embeddings.markPendingMany;
      if (!this.def.embedded || !markMany) {
        for (const after of afters) await this.afterWrite(tx, embed, ctx.actor, null, after);
        continue;
      }
      // What afterWrite does per row, with the embedding marks in one batch.
      const entries = [];
      for (const after of afters) {
        if (this.def.relations) await this.def.relations.save(tx, after.id, after, ctx.actor);
        const entry = this.def.audit?.(null, after);
        if (entry)
          entries.push({ ...entry, entityKind: this.def.singular, entityId: after.id, centerId: after.centerId });
      }
      embed.push(...(await markMany.call(this.embeddings, tx, this.def.embedded, afters)));
      await audit(tx, ctx.actor, entries);
    }
    if (this.def.embedded && embed.length) this.embeddings.schedule(this.def.embedded, embed);
    return failures;
  }

  async update(ctx: ReadContext, id: string, patch: Row): Promise<Row> {
    if (!isUuid(id)) throw notFound(this.def.singular);
    return this.updateWhere(ctx, eq(this.t.id, id), patch);
  }

  private async updateWhere(ctx: ReadContext, where: SQL, body: Row): Promise<Row> {
    const id = await this.write(async (tx, embed) => {
      const row = await this.findVisible(ctx, where, tx, true);
      const before = { ...row, ...(await this.loadRelations(tx, [row.id])).get(row.id) };
      const patch = this.def.prepare ? this.def.prepare(before, body, ctx.actor) : body;
      const after = { ...before, ...patch };
      // Reference checks read through the transaction: PGlite has one connection, so a query on
      // the pool while this transaction holds it would wait forever.
      await this.validateRecord({ ...ctx, db: tx as unknown as Db }, after, patch);
      const why = this.def.policy.checkWrite(ctx.actor, 'update', before, after);
      if (why) throw forbidden(why);
      const [updated] = await tx
        .update(this.t)
        .set({ ...this.columnValues(patch), updatedAt: new Date() })
        .where(eq(this.t.id, row.id))
        .returning(this.columns);
      await this.afterWrite(tx, embed, ctx.actor, before, { ...updated, ...this.relationValues(after) }, patch);
      return row.id as string;
    });
    return this.get(ctx, id);
  }

  async remove(ctx: ReadContext, id: string): Promise<void> {
    if (!isUuid(id)) throw notFound(this.def.singular);
    await this.write(async (tx) => {
      const row = await this.findVisible(ctx, eq(this.t.id, id), tx, true);
      // Already deleted (archived with its history, retire.ts): a second DELETE is 404 as for a wiped row.
      if (row.archivedAt) throw notFound(this.def.singular);
      // Policies decide on relations too (a project's founderIds), as for updates.
      const before = { ...row, ...(await this.loadRelations(tx, [row.id])).get(row.id) };
      const why = this.def.policy.checkWrite(ctx.actor, 'delete', before, null);
      if (why) throw forbidden(why);
      if (this.def.erase) return this.def.erase(tx, ctx.actor, before);
      if (this.def.retire && (await this.def.retire(tx, ctx.actor, before))) return;
      await tx.delete(this.t).where(eq(this.t.id, id));
      if (this.def.embedded) {
        await tx
          .delete(embeddingsTable)
          .where(and(eq(embeddingsTable.entityKind, this.def.embedded), eq(embeddingsTable.entityId, id)));
        await this.embeddings.removed?.(tx, this.def.embedded, before);
      }
    });
  }

  /** PUT by-external-id: update the row with this externalId, or create it. */
  async upsertByExternalId(ctx: ReadContext, externalId: string, body: Row): Promise<{ created: boolean; item: Row }> {
    const record = { ...body, externalId };
    const [existing] = await this.db
      .select({ id: this.t.id })
      .from(this.t)
      .where(eq(this.t.externalId, externalId))
      .limit(1);
    if (!existing) {
      try {
        return { created: true, item: await this.create(ctx, record) };
      } catch (e) {
        // Lost a race with a concurrent upsert of the same externalId: update the winner instead.
        if (!(e instanceof AppError && e.status === 409)) throw e;
      }
    }
    try {
      return { created: false, item: await this.updateWhere(ctx, eq(this.t.externalId, externalId), record) };
    } catch (e) {
      if (!(e instanceof AppError && e.status === 404)) throw e;
      // Taken by a row the caller cannot see: answer exactly what a POST of this record would (its
      // 422 or 403 first, else the same 409), so the upsert reveals no more about other centers'
      // rows than a create does, and nothing when the caller could not have created the record.
      await this.checkedForCreate(ctx, record);
      throw this.externalIdTaken();
    }
  }

  /** The one answer to a taken externalId, whoever's row holds it (unique per resource type). */
  private externalIdTaken(): AppError {
    return conflict(`A ${this.def.singular} with this externalId already exists / 该 externalId 已被使用`, [
      { path: 'externalId', message: 'already in use / 已被使用' },
    ]);
  }

  /** Zod invariants on the merged record and reference checks; 422 with every failing path. */
  private async validateRecord(ctx: ReadContext, record: Row, patch?: Row): Promise<void> {
    const issues: FieldIssue[] = [];
    if (this.def.invariants) {
      const r = this.def.invariants.safeParse(record);
      if (!r.success) issues.push(...zodIssues(r.error));
    }
    if (this.def.checkRefs) issues.push(...(await this.def.checkRefs(ctx, patch ?? record)));
    if (issues.length) throw unprocessable(issues);
  }

  /** Runs a write transaction; entities it marked for embedding are scheduled once it committed. */
  private async write<T>(fn: (tx: Tx, embed: string[]) => Promise<T>): Promise<T> {
    let embed: string[] = [];
    try {
      const result = await retryOnDeadlock(() => {
        embed = [];
        return this.db.transaction((tx) => fn(tx, embed));
      });
      if (this.def.embedded && embed.length) this.embeddings.schedule(this.def.embedded, embed);
      return result;
    } catch (e) {
      const code = pgErrorCode(e);
      if (code === UNIQUE_VIOLATION) throw this.externalIdTaken();
      if (code === FOREIGN_KEY_VIOLATION)
        throw unprocessable([{ path: '', message: 'references a record that does not exist' }]);
      throw e;
    }
  }

  private async afterWrite(
    tx: Tx,
    embed: string[],
    actor: Actor,
    before: Row | null,
    after: Row,
    patch?: Row,
  ): Promise<void> {
    if (this.def.relations && (!patch || this.def.relations.fields.some((f) => f in patch))) {
      await this.def.relations.save(tx, after.id, after, actor);
    }
    if (this.def.embedded && (await this.embeddings.markPending(tx, this.def.embedded, after, before)))
      embed.push(after.id);
    const entry = this.def.audit?.(before, after);
    if (entry) {
      await audit(tx, actor, [
        {
          action: entry.action,
          entityKind: this.def.singular,
          entityId: after.id,
          centerId: after.centerId,
          detail: entry.detail,
        },
      ]);
    }
  }

  private columnValues(record: Row): Row {
    const out: Row = {};
    for (const [k, v] of Object.entries(record)) if (k in this.columns && k !== 'id' && v !== undefined) out[k] = v;
    return out;
  }

  private relationValues(record: Row): Row {
    const out: Row = {};
    for (const f of this.def.relations?.fields ?? []) if (record[f] !== undefined) out[f] = record[f];
    return out;
  }

  private async loadRelations(db: Db | Tx, ids: string[], actor?: Actor): Promise<Map<string, Row>> {
    return this.def.relations && ids.length ? this.def.relations.load(db, ids, actor) : new Map();
  }

  /** Rows as the API returns them: relations joined, embedding state attached, hidden fields removed. */
  private async present(ctx: ReadContext, rows: Row[]): Promise<Row[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id as string);
    const relations = await this.loadRelations(this.db, ids, ctx.actor);
    const embedding = new Map<string, { status: string; model: string | null }>();
    if (this.def.embedded) {
      const es = await this.db
        .select({ id: embeddingsTable.entityId, status: embeddingsTable.status, model: embeddingsTable.model })
        .from(embeddingsTable)
        .where(and(eq(embeddingsTable.entityKind, this.def.embedded), inArray(embeddingsTable.entityId, ids)));
      for (const e of es) embedding.set(e.id, { status: e.status, model: e.status === 'ready' ? e.model : null });
    }
    return Promise.all(
      rows.map(async (row) => {
        const out: Row = { ...row, ...relations.get(row.id) };
        if (this.def.embedded) out.embedding = embedding.get(row.id) ?? { status: 'pending', model: null };
        for (const f of (await this.def.policy.hidden?.(ctx, out)) ?? []) delete out[f];
        return out;
      }),
    );
  }
}

export const countRows = (db: Db, table: any, where?: SQL) =>
  db
    .select({ n: sql<number>`count(*)::int` })
    .from(table)
    .where(where)
    .then((r) => r[0].n);
