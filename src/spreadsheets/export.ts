// Exports: the rows and fields the reader may read (Repository.pages presents them with hidden
// fields removed), streamed page by page so memory stays flat however long the list; headers and
// enumeration labels in the reader's language; text that would run as a formula neutralised.
import { PassThrough, Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { Lang } from '../../models/enums.ts';
import { badRequest } from '../errors.ts';
import type { Db } from '../db/client.ts';
import type { EmbeddingHooks } from '../resources/embedding-hooks.ts';
import { Repository } from '../resources/repository.ts';
import type { ReadContext, Row } from '../resources/types.ts';
import { formatCell } from './cells.ts';
import { type Column, columnsOf, SHEET_RESOURCES, type SheetResource } from './columns.ts';
import { headerOf } from './headers.ts';

export type ExportFormat = 'xlsx' | 'csv';

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** The list's filters from query parameters, checked with the list's own schemas (400 naming the parameter). */
export function exportFilters(resource: SheetResource, query: Record<string, string | undefined>): Row {
  const filters: Row = {};
  for (const f of SHEET_RESOURCES[resource].filters) {
    const raw = query[f.name];
    if (raw === undefined || raw === '') continue;
    const r = (f.schema as z.ZodType).safeParse(raw);
    if (!r.success)
      throw badRequest(`Invalid filter ${f.name} / 筛选条件无效`, [{ path: f.name, message: f.description }]);
    filters[f.name] = r.data;
  }
  return filters;
}

/** `id` first (an export re-imported finds its rows by `externalId`; the id is for reference). */
const exportColumns = (resource: SheetResource): (Column | { key: 'id'; kind: 'text' })[] => [
  { key: 'id', kind: 'text' },
  ...columnsOf(resource),
];

function rowCells(cols: ReturnType<typeof exportColumns>, row: Row, lang: Lang) {
  return cols.map((c) => {
    const [head, part] = c.key.split('.');
    const v = part ? (row[head] as Row | null | undefined)?.[part] : row[c.key];
    return c.key === 'id' ? (v as string) : formatCell(c as Column, v, lang);
  });
}

export const exportFileName = (resource: SheetResource, format: ExportFormat) =>
  `${resource}-${new Date().toISOString().slice(0, 10)}.${format}`;

/** Bytes a Node stream holds on either side (written, not yet read). */
export const held = (s: unknown): number => {
  const st = s as { readableLength?: number; writableLength?: number } | undefined;
  return (st?.readableLength ?? 0) + (st?.writableLength ?? 0);
};

/** Bytes exceljs holds for a sheet that its zip writer has not taken yet (its StreamBuf's buffers). */
export const sheetQueued = (ws: unknown): number =>
  ((ws as { stream?: { buffers?: { length: number }[] } }).stream?.buffers ?? []).reduce((n, b) => n + b.length, 0);

/**
 * Waits while more than `limit` bytes are written and not yet read, counting every stage between
 * the rows and the reader: a piped stage that is full pauses its source, so the bytes pile up in the
 * FIRST stage (the CSV stringifier, exceljs' sheet buffer and zip writer), not in `out`. Without
 * this a slow reader (a phone on a weak network) would have the whole export built in memory.
 * Resolves false when the reader went away (stop reading rows).
 */
export async function backpressure(out: PassThrough, stages: () => number, limit = 1 << 20): Promise<boolean> {
  while (stages() > limit && !out.destroyed) await new Promise((r) => setTimeout(r, 5));
  return !out.destroyed;
}

export function exportStream(
  deps: { db: Db; embeddingHooks: EmbeddingHooks },
  ctx: ReadContext,
  resource: SheetResource,
  filters: Row,
  format: ExportFormat,
  lang: Lang,
): ReadableStream<Uint8Array> {
  const repo = new Repository(SHEET_RESOURCES[resource], deps.db, deps.embeddingHooks);
  const cols = exportColumns(resource);
  const headers = cols.map((c) => headerOf(c.key, lang));
  const out = new PassThrough();
  const fail = (e: unknown) => out.destroy(e as Error);
  if (format === 'csv') {
    // A BOM: Excel opens UTF-8 CSV correctly only with it. Each page is written as one string, so
    // what waits for the reader is counted in bytes in `out` (a stringifier stream holds row objects).
    (async () => {
      out.write(`\ufeff${stringify([headers])}`);
      for await (const page of repo.pages(ctx, filters, 1000)) {
        out.write(stringify(page.map((row) => rowCells(cols, row, lang))));
        if (!(await backpressure(out, () => held(out)))) return;
      }
      out.end();
    })().catch(fail);
  } else {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
    const ws = wb.addWorksheet(resource);
    (async () => {
      ws.addRow(headers).commit();
      const zip = (wb as unknown as { zip?: { _module?: unknown } }).zip;
      const stages = () => sheetQueued(ws) + held(zip?._module) + held(zip) + held(out);
      for await (const page of repo.pages(ctx, filters, 1000)) {
        for (const row of page) ws.addRow(rowCells(cols, row, lang)).commit();
        if (!(await backpressure(out, stages))) return;
      }
      ws.commit();
      await wb.commit();
    })().catch(fail);
  }
  return Readable.toWeb(out) as unknown as ReadableStream<Uint8Array>;
}
