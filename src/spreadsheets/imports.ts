// Imports as records: the dry run keeps the file and its report; "import now" runs the kept file in
// process after the request returned, its progress readable meanwhile (in memory while it runs).
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { importsTable } from '../../models/imports/table.ts';
import type { ImportRecord } from '../../models/imports/index.ts';
import { actorLabel, type Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { conflict, notFound } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { SHEET_RESOURCE_NAMES, STAFF_IMPORTS, type SheetResource } from './columns.ts';
import { type ImportDeps, type ImportIssue, type ImportOutcome, importLockKey, importTable } from './import.ts';
import { msg, SheetError } from './messages.ts';
import { readTable, sniff, type Table } from './read.ts';

/** At most this many report entries are kept (a clerk fixes the first ones and uploads again). */
export const REPORT_MAX = 1000;

/** Which resources this actor may import (others: 404, as for any page or record out of scope). */
export function importableBy(actor: Actor): readonly SheetResource[] {
  if (actor.role === 'admin') return SHEET_RESOURCE_NAMES;
  if (actor.role === 'center_staff') return STAFF_IMPORTS;
  return [];
}

export function assertMayImport(actor: Actor, resource: string): asserts resource is SheetResource {
  if (!(importableBy(actor) as readonly string[]).includes(resource)) throw notFound('import');
}

/** Imports the actor may see: admins all, center staff their center's. */
function scope(actor: Actor): SQL | undefined | null {
  if (actor.role === 'admin') return undefined;
  if (actor.role === 'center_staff' && actor.centerId) return eq(importsTable.centerId, actor.centerId);
  return null;
}

/** Rows gone through the repository, and the file's data rows once read, of the imports running here. */
const progress = new Map<string, { processed: number; total: number | null }>();
const running = new Map<string, Promise<void>>();

/** Resolves when the background run of this import (if any) has finished: for tests and shutdown. */
export const settled = (id: string) => running.get(id) ?? Promise.resolve();

export async function getImport(db: Db, actor: Actor, id: string): Promise<ImportRecord> {
  const where = scope(actor);
  if (where === null || !/^[0-9a-f-]{36}$/i.test(id)) throw notFound('import');
  const [row] = await db
    .select()
    .from(importsTable)
    .where(and(eq(importsTable.id, id), where))
    .limit(1);
  if (!row) throw notFound('import');
  const live = row.status === 'running' ? progress.get(id) : undefined;
  if (live) {
    row.processed = live.processed;
    row.totalRows = live.total ?? row.totalRows;
  }
  return row;
}

export async function listImports(db: Db, actor: Actor, limit = 20): Promise<ImportRecord[]> {
  const where = scope(actor);
  if (where === null) return [];
  return db.select().from(importsTable).where(where).orderBy(desc(importsTable.createdAt)).limit(limit);
}

interface Checked {
  table?: Table;
  outcome: ImportOutcome;
}

/** Reads and checks a file; a file that cannot be read is one report entry (row 0). */
async function check(deps: ImportDeps, actor: Actor, resource: SheetResource, file: Uint8Array): Promise<Checked> {
  let table: Table;
  try {
    table = await readTable(file);
  } catch (e) {
    if (!(e instanceof SheetError)) throw e;
    const issues: ImportIssue[] = [{ row: 0, column: null, message: e.messages }];
    return { outcome: { total: 0, created: 0, updated: 0, unchanged: 0, issues, committed: false } };
  }
  return { table, outcome: await importTable(deps, actor, resource, table, { dryRun: true }) };
}

const fileTypeOf = (file: Uint8Array) => {
  try {
    return sniff(file);
  } catch {
    return 'unknown';
  }
};

const counts = (o: ImportOutcome) => ({
  totalRows: o.total,
  created: o.created,
  updated: o.updated,
  unchanged: o.unchanged,
  errorCount: o.issues.length,
  report: o.issues.slice(0, REPORT_MAX),
});

/** The dry run: checks the file, writes nothing but the import record (the file kept when it is clean). */
export async function checkFile(
  deps: ImportDeps,
  actor: Actor,
  resource: string,
  file: Uint8Array,
  fileName: string | null,
): Promise<ImportRecord> {
  assertMayImport(actor, resource);
  const { outcome } = await check(deps, actor, resource, file);
  const clean = !outcome.issues.length;
  const [row] = await deps.db
    .insert(importsTable)
    .values({
      resource,
      status: clean ? 'checked' : 'invalid',
      dryRun: true,
      fileName,
      fileType: fileTypeOf(file),
      file: clean ? Buffer.from(file).toString('base64') : null,
      processed: outcome.total,
      ...counts(outcome),
      actor: actorLabel(actor),
      centerId: actor.centerId,
      finishedAt: new Date(),
    })
    .returning();
  return row;
}

/** A background import also logs what went wrong (the clerk reads the record, the operator the log). */
export interface RunDeps extends ImportDeps {
  logger: Logger;
}

const failedOutcome = (message: ImportIssue['message']): ImportOutcome => ({
  total: 0,
  created: 0,
  updated: 0,
  unchanged: 0,
  issues: [{ row: 0, column: null, message }],
  committed: false,
});

/** Runs a file in the background; the record says `running` until it is done (or failed: nothing written). */
function runInBackground(deps: RunDeps, actor: Actor, row: ImportRecord, file: Uint8Array): void {
  const id = row.id;
  progress.set(id, { processed: 0, total: row.totalRows || null });
  const work = (async () => {
    let outcome: ImportOutcome;
    try {
      const table = await readTable(file);
      progress.set(id, { processed: 0, total: table.rows.length });
      outcome = await importTable(deps, actor, row.resource as SheetResource, table, {
        dryRun: false,
        importId: id,
        onProgress: (n) => progress.set(id, { processed: n, total: table.rows.length }),
      });
    } catch (e) {
      if (e instanceof SheetError) outcome = failedOutcome(e.messages);
      else {
        deps.logger.error({ err: e, importId: id, resource: row.resource }, 'import failed');
        outcome = failedOutcome(msg('sheets.err.server'));
      }
    }
    try {
      await deps.db
        .update(importsTable)
        .set({
          status: outcome.committed ? 'done' : 'failed',
          processed: outcome.total,
          ...counts(outcome),
          file: null,
          finishedAt: new Date(),
        })
        .where(eq(importsTable.id, id));
    } catch (e) {
      // The record stays `running` until the next start marks it interrupted (failInterrupted).
      deps.logger.error({ err: e, importId: id, committed: outcome.committed }, 'import: recording the outcome failed');
    }
  })().finally(() => {
    progress.delete(id);
    running.delete(id);
  });
  running.set(id, work);
}

/** "Import now" for a clean dry run: the kept file, not a new upload. 409 unless the dry run was clean and not yet run. */
export async function startImport(deps: RunDeps, actor: Actor, id: string): Promise<ImportRecord> {
  await getImport(deps.db, actor, id);
  const [row] = await deps.db
    .update(importsTable)
    .set({ status: 'running', dryRun: false, processed: 0, finishedAt: null })
    .where(and(eq(importsTable.id, id), eq(importsTable.status, 'checked')))
    .returning();
  if (!row?.file)
    throw conflict('This import is not a clean dry run waiting to be imported / 该导入不是待导入的已检查文件');
  assertMayImport(actor, row.resource);
  runInBackground(deps, actor, row, Buffer.from(row.file, 'base64'));
  return row;
}

/** The API's import without a dry run first: recorded as running, checked and written in the background. */
export async function importFile(
  deps: RunDeps,
  actor: Actor,
  resource: string,
  file: Uint8Array,
  fileName: string | null,
): Promise<ImportRecord> {
  assertMayImport(actor, resource);
  const [row] = await deps.db
    .insert(importsTable)
    .values({
      resource,
      status: 'running',
      dryRun: false,
      fileName,
      fileType: fileTypeOf(file),
      actor: actorLabel(actor),
      centerId: actor.centerId,
    })
    .returning();
  runInBackground(deps, actor, row, file);
  return row;
}

/**
 * At boot: imports recorded as `running` that no transaction is running (their advisory lock is free:
 * the process that ran them stopped) become `failed`, "interrupted by a restart". The import is one
 * transaction, so nothing of it was written. Returns how many were marked.
 */
export async function failInterrupted(db: Db, logger: Logger): Promise<number> {
  const stale = await db.select({ id: importsTable.id }).from(importsTable).where(eq(importsTable.status, 'running'));
  let marked = 0;
  for (const { id } of stale) {
    if (running.has(id)) continue;
    const done = await db.transaction(async (tx) => {
      const lock = await tx.execute(sql`select pg_try_advisory_xact_lock(hashtext(${importLockKey(id)})) as free`);
      const rows = ((lock as { rows?: { free: boolean }[] }).rows ?? (lock as unknown as { free: boolean }[])) as {
        free: boolean;
      }[];
      if (!rows[0]?.free) return false;
      const updated = await tx
        .update(importsTable)
        .set({
          status: 'failed',
          errorCount: 1,
          report: failedOutcome(msg('sheets.err.interrupted')).issues,
          file: null,
          finishedAt: new Date(),
        })
        .where(and(eq(importsTable.id, id), eq(importsTable.status, 'running')))
        .returning({ id: importsTable.id });
      return updated.length > 0;
    });
    if (done) marked++;
  }
  if (marked) logger.warn({ count: marked }, 'imports interrupted by a restart marked failed');
  return marked;
}
