// The import of one file: cells → request bodies → the resource's Repository, every row in ONE
// transaction. The dry run is the same run rolled back, so it reports exactly what the import would
// (the zod schema, reference checks and write policies of the repository), and nothing is written.
import { and, inArray, isNotNull, or, sql } from 'drizzle-orm';
import { centersTable } from '../../models/centers/table.ts';
import { foundersTable } from '../../models/founders/table.ts';
import { audit } from '../audit/record.ts';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { AppError, notFound } from '../errors.ts';
import { readContext } from '../resources/context.ts';
import type { EmbeddingHooks } from '../resources/embedding-hooks.ts';
import { Repository } from '../resources/repository.ts';
import type { Row } from '../resources/types.ts';
import { isEmptyCell, parseCell } from './cells.ts';
import { type Column, columnsOf, SHEET_RESOURCES, type SheetResource } from './columns.ts';
import { mapHeaders } from './headers.ts';
import { domainMsg, type Localized, msg, zodMsgs } from './messages.ts';
import type { Table } from './read.ts';

const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

export interface ImportIssue {
  /** The row in the file (1 is the header row, 0 the file as a whole). */
  row: number;
  /** The column's field code, or null for the row or the file. */
  column: string | null;
  message: Localized;
}

export interface ImportOutcome {
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  issues: ImportIssue[];
  /** True when the rows were written (a clean real import). */
  committed: boolean;
}

export interface ImportDeps {
  db: Db;
  embeddingHooks: EmbeddingHooks;
}

interface Parsed {
  row: number;
  /** The row's key: its externalId, else the id an export wrote. */
  externalId: string;
  id: string | null;
  body: Row;
}

class Rollback extends Error {}

/** The advisory lock a running import holds in its transaction (hashed to the lock's integer key). */
export const importLockKey = (importId: string) => `import:${importId}`;

/** The column of an issue path (`contact.email`, `founderIds.0`, `groups`). */
function columnOfPath(cols: Column[], path: string): string | null {
  const hit = cols.find((c) => c.key === path || path.startsWith(`${c.key}.`) || c.key.startsWith(`${path}.`));
  return hit?.key ?? null;
}

/** Cells → body; nested columns (contact.phone) become objects; empty optional cells clear nullable fields. */
function rowBody(
  columns: (Column | null)[],
  cells: Table['rows'][number]['cells'],
  issues: ImportIssue[],
  row: number,
): Row {
  const body: Row = {};
  const nested: Record<string, Row> = {};
  columns.forEach((col, i) => {
    if (!col) return;
    const cell = cells[i] ?? null;
    const [head, part] = col.key.split('.');
    if (isEmptyCell(cell)) {
      // An empty list cell is an empty list (e.g. an investor's sectors: "all"); the schema says if that is allowed.
      if (!part && (col.kind === 'enumList' || col.kind === 'regionList' || col.kind === 'founders')) {
        body[col.key] = [];
        return;
      }
      // A row is keyed by externalId or (an exported row) id: checked by the caller.
      if (col.required && col.key !== 'externalId')
        issues.push({ row, column: col.key, message: msg('field.required') });
      else if (col.nullable && !part) body[col.key] = null;
      return;
    }
    const p = parseCell(col, cell);
    if (!p.ok) {
      issues.push({ row, column: col.key, message: p.message });
      return;
    }
    if (part) (nested[head] ??= {})[part] = p.value;
    else body[col.key] = p.value;
  });
  // An object column group: all its cells empty clears the object.
  const groups = new Set(columns.filter((c) => c?.key.includes('.')).map((c) => c!.key.split('.')[0]));
  for (const g of groups) body[g] = nested[g] ?? null;
  return body;
}

/** Center and founder references by id or externalId → ids (existence only: the repository checks visibility). */
async function resolveRefs(db: Db, parsed: Parsed[], issues: ImportIssue[]): Promise<void> {
  const centerTexts = [
    ...new Set(parsed.map((p) => p.body.centerId).filter((v): v is string => typeof v === 'string')),
  ];
  const founderTexts = [...new Set(parsed.flatMap((p) => (Array.isArray(p.body.founderIds) ? p.body.founderIds : [])))];
  const lookup = async (table: typeof centersTable | typeof foundersTable, texts: string[]) => {
    const out = new Map<string, string>();
    for (let i = 0; i < texts.length; i += 1000) {
      const chunk = texts.slice(i, i + 1000);
      const ids = chunk.filter(isUuid);
      const rows = await db
        .select({ id: table.id, externalId: table.externalId })
        .from(table)
        .where(or(inArray(table.externalId, chunk), ids.length ? inArray(table.id, ids) : undefined));
      for (const r of rows) {
        out.set(r.id, r.id);
        if (r.externalId) out.set(r.externalId, r.id);
      }
    }
    return out;
  };
  const centers = centerTexts.length ? await lookup(centersTable, centerTexts) : new Map();
  const founders = founderTexts.length ? await lookup(foundersTable, founderTexts) : new Map();
  for (const p of parsed) {
    const c = p.body.centerId;
    if (typeof c === 'string') {
      if (centers.has(c)) p.body.centerId = centers.get(c);
      else issues.push({ row: p.row, column: 'centerId', message: msg('sheets.err.center', { value: c }) });
    }
    if (Array.isArray(p.body.founderIds)) {
      p.body.founderIds = p.body.founderIds.map((f: string) => {
        if (founders.has(f)) return founders.get(f);
        issues.push({ row: p.row, column: 'founderIds', message: msg('sheets.err.founder', { value: f }) });
        return f;
      });
    }
  }
}

const canon = (v: unknown): string => {
  if (v === undefined || v === null) return 'null';
  if (v instanceof Date) return JSON.stringify(v.toISOString());
  if (Array.isArray(v)) return `[${v.map(canon).join(',')}]`;
  if (typeof v === 'object') {
    const entries = Object.entries(v as Row)
      .filter(([, x]) => x !== undefined && x !== null)
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canon(x)}`).join(',')}}`;
  }
  return JSON.stringify(v);
};

/** Would writing `body` change the stored (presented) row? Unchanged rows are not written at all: no audit, no re-embedding. */
function changes(existing: Row, body: Row): boolean {
  for (const [k, v] of Object.entries(body)) {
    let a: unknown = existing[k];
    let b: unknown = v;
    if (k === 'consent') {
      a = (a as Row | null)?.shareContact ?? null;
      b = (b as Row | null)?.shareContact ?? null;
    }
    if (k === 'founderIds') {
      a = [...((a as string[]) ?? [])].sort();
      b = [...((b as string[]) ?? [])].sort();
    }
    if (canon(a) !== canon(b)) return true;
  }
  return false;
}

/**
 * Runs (or, with `dryRun`, checks) the import of a read table. All or nothing: any issue and nothing
 * is written. `onProgress(processed)` is called as rows go through the repository.
 */
export async function importTable(
  deps: ImportDeps,
  actor: Actor,
  resource: SheetResource,
  table: Table,
  opts: { dryRun: boolean; importId?: string; onProgress?: (processed: number) => void },
): Promise<ImportOutcome> {
  const def = SHEET_RESOURCES[resource];
  const cols = columnsOf(resource);
  const outcome: ImportOutcome = {
    total: table.rows.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    issues: [],
    committed: false,
  };
  const issues = outcome.issues;

  const headers = mapHeaders(resource, table.headers);
  if (headers.issues.length) {
    issues.push(...headers.issues.map((message) => ({ row: 1, column: null, message })));
    return outcome;
  }
  for (const i of table.issues)
    issues.push({ row: i.row, column: headers.columns[i.col]?.key ?? null, message: i.message });

  // Cells → bodies; duplicate externalIds in the file are refused (which row would win is a guess).
  const candidates: Parsed[] = [];
  const parsed: Parsed[] = [];
  const firstRow = new Map<string, number>();
  for (const r of table.rows) {
    const before = issues.length;
    const body = rowBody(headers.columns, r.cells, issues, r.row);
    const externalId = typeof body.externalId === 'string' ? body.externalId.trim() : '';
    const id = typeof body.id === 'string' && isUuid(body.id.trim()) ? body.id.trim() : null;
    delete body.id;
    if (!externalId && !id) issues.push({ row: r.row, column: 'externalId', message: msg('field.required') });
    else if (!externalId) body.externalId = undefined;
    if (externalId) {
      const first = firstRow.get(externalId);
      if (first !== undefined)
        issues.push({
          row: r.row,
          column: 'externalId',
          message: msg('sheets.err.duplicate', { value: externalId, row: first }),
        });
      else firstRow.set(externalId, r.row);
    }
    // Center staff write into their own center: a blank center cell is theirs (another center is refused by the policy).
    if (actor.role === 'center_staff' && cols.some((c) => c.key === 'centerId') && !body.centerId)
      body.centerId = actor.centerId;
    if (issues.length === before)
      candidates.push({ row: r.row, externalId, id, body: externalId ? { ...body, externalId } : body });
    else {
      // The row's other problems too (one upload shows them all); references are resolved later.
      const reported = new Set(issues.slice(before).map((i) => i.column));
      const checked = def.bodySchema.safeParse(body);
      if (!checked.success)
        for (const [path, message] of zodMsgs(checked.error)) {
          const column = columnOfPath(cols, path);
          if (
            column &&
            !reported.has(column) &&
            column !== 'centerId' &&
            column !== 'founderIds' &&
            column !== 'externalId'
          )
            issues.push({ row: r.row, column, message });
        }
    }
  }
  await resolveRefs(deps.db, candidates, issues);
  const unresolved = new Set(issues.map((i) => i.row));
  for (const c of candidates) {
    if (unresolved.has(c.row)) continue;
    // The API's request validation: the resource's body schema (the repository checks the rest).
    const checked = def.bodySchema.safeParse(c.body);
    if (!checked.success) {
      for (const [path, message] of zodMsgs(checked.error))
        issues.push({ row: c.row, column: columnOfPath(cols, path), message });
      continue;
    }
    parsed.push({ ...c, body: checked.data as Row });
  }
  const failed = new Set(issues.map((i) => i.row));

  const scheduled: string[] = [];
  const hooks: EmbeddingHooks = {
    markPending: deps.embeddingHooks.markPending,
    markPendingMany: deps.embeddingHooks.markPendingMany,
    // Scheduled only once the whole file committed (a rolled-back row must not be queued).
    schedule: (_kind, ids) => scheduled.push(...ids),
  };
  const t = def.table as any;
  const reportError = (row: number, e: AppError) => {
    if (e.errors.length)
      for (const fi of e.errors)
        issues.push({ row, column: columnOfPath(cols, fi.path), message: domainMsg(fi.message) });
    else issues.push({ row, column: null, message: domainMsg(e.message) });
  };
  try {
    await deps.db.transaction(async (tx) => {
      const txDb = tx as unknown as Db;
      // Held until the commit: a booting instance leaves an import whose lock is taken alone (imports.ts).
      if (opts.importId) await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${importLockKey(opts.importId)}))`);
      const repo = new Repository(def, txDb, hooks);
      const ctx = readContext(txDb, actor);
      let processed = 0;
      for (let i = 0; i < parsed.length; i += 500) {
        const chunk = parsed.slice(i, i + 500).filter((p) => !failed.has(p.row));
        const ids = chunk.map((p) => p.externalId).filter(Boolean);
        const byId = chunk.flatMap((p) => (p.externalId ? [] : [p.id!]));
        const visible = new Map<string, Row>();
        const taken = new Set<string>();
        if (byId.length) for (const r of await repo.readAll(ctx, inArray(t.id, byId))) visible.set(r.id, r);
        if (ids.length) {
          for (const r of await repo.readAll(ctx, inArray(t.externalId, ids))) visible.set(r.externalId, r);
          const all = await tx
            .select({ e: t.externalId })
            .from(t)
            .where(and(isNotNull(t.externalId), inArray(t.externalId, ids)));
          for (const r of all as { e: string }[]) taken.add(r.e);
        }
        const fresh: Parsed[] = [];
        for (const p of chunk) {
          const existing = visible.get(p.externalId || p.id!);
          try {
            if (!existing && !p.externalId) {
              issues.push({ row: p.row, column: 'id', message: domainMsg(notFound(def.singular).message) });
              continue;
            }
            if (existing) {
              if (!changes(existing, p.body)) outcome.unchanged++;
              else {
                await repo.update(ctx, existing.id, p.body);
                outcome.updated++;
              }
            } else if (taken.has(p.externalId)) {
              issues.push({
                row: p.row,
                column: 'externalId',
                message: msg('sheets.err.taken', { value: p.externalId }),
              });
            } else fresh.push(p);
          } catch (e) {
            if (!(e instanceof AppError) || e.status >= 500) throw e;
            reportError(p.row, e);
          }
        }
        // New rows in bulk (multi-row inserts, the same checks as a create).
        const failures = await repo.createMany(
          ctx,
          fresh.map((p) => p.body),
        );
        outcome.created += fresh.length - failures.length;
        for (const { index, error } of failures) reportError(fresh[index].row, error);
        processed += parsed.slice(i, i + 500).length;
        opts.onProgress?.(processed);
      }
      if (opts.dryRun || issues.length) throw new Rollback();
      await audit(tx, actor, [
        {
          action: 'import.run',
          entityKind: 'import',
          entityId: opts.importId ?? resource,
          centerId: actor.centerId,
          detail: {
            resource,
            rows: outcome.total,
            created: outcome.created,
            updated: outcome.updated,
            unchanged: outcome.unchanged,
          },
        },
      ]);
    });
    outcome.committed = true;
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
  }
  if (outcome.committed && def.embedded && scheduled.length) deps.embeddingHooks.schedule(def.embedded, scheduled);
  issues.sort((a, b) => a.row - b.row);
  return outcome;
}
