// A laid-out report as bytes, streamed with the exports' backpressure (src/spreadsheets/export.ts):
// XLSX = a cover sheet, a totals sheet (one line per prefecture and the report's total), a sheet per
// prefecture (its rows and its total); CSV = one table with a prefecture column, UTF-8 with a BOM
// (Excel opens Chinese and Tibetan right) or GB18030 for older Excel set to Chinese. Every text cell
// is neutralised against formula injection; headers and words in the reader's language.
import { PassThrough, Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Lang } from '../../../models/enums.ts';
import { regionName } from '../../i18n/labels.ts';
import { t } from '../../i18n/t.ts';
import { neutralise } from '../../spreadsheets/cells.ts';
import { backpressure, CONTENT_TYPES, held, sheetQueued } from '../../spreadsheets/export.ts';
import type { ReportColumn, ReportSpec, Value } from './spec.ts';
import { HIDDEN_MARK, type Line, layOut, SMALL_COUNT_MAX, SMALL_MARK, shown, type Table } from './table.ts';

export type ReportFormat = 'xlsx' | 'csv';
export type CsvEncoding = 'utf-8' | 'gb18030';

export const reportContentType = (format: ReportFormat, encoding: CsvEncoding = 'utf-8') =>
  format === 'xlsx' ? CONTENT_TYPES.xlsx : `text/csv; charset=${encoding}`;

export const reportFileName = (spec: ReportSpec, format: ReportFormat) =>
  `${spec.figure}-${spec.asOf.replace(/[^0-9A-Za-z-]+/g, '_')}.${format}`;

export const labelOf = (c: ReportColumn, lang: Lang) =>
  typeof c.label === 'string' ? t(lang, c.label) : c.label[lang];

/** "2026-12-07 16:59 UTC": the time the report was made. */
const stamp = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** The cover sheet's lines: title, filters in words, as-of, generated at, notes. */
export function coverLines(spec: ReportSpec, lang: Lang, generatedAt: Date): string[][] {
  const notes = [
    t(lang, 'reports.note.small', { mark: SMALL_MARK, max: SMALL_COUNT_MAX }),
    t(lang, 'reports.note.hidden', { mark: HIDDEN_MARK }),
    t(lang, 'reports.note.rate'),
    t(lang, 'reports.note.totals'),
    ...(spec.notes ?? []).map((k) => t(lang, k)),
  ];
  return [
    [t(lang, spec.title)],
    [],
    [t(lang, 'reports.cover.filters')],
    ...(spec.filters.length
      ? spec.filters.map((f) => [t(lang, f.label), f.value])
      : [[t(lang, 'reports.cover.noFilters'), '']]),
    [],
    [t(lang, 'reports.cover.asOf'), spec.asOf],
    [t(lang, 'reports.cover.generatedAt'), stamp(generatedAt)],
    [],
    [t(lang, 'reports.cover.notes')],
    ...notes.map((n, i) => [`${i + 1}.`, n]),
  ].map((l) => l.map(neutralise));
}

/** A cell as written: marks and words as text (neutralised), numbers as numbers. */
function cellOf(c: ReportColumn, l: Line, lang: Lang): Value {
  const v = shown(l, c.key);
  if (v === null) return c.whenNull ? t(lang, c.whenNull) : null;
  if (typeof v === 'number') return v;
  return neutralise(v);
}

/** CSV: a rate as a percentage with one decimal (Excel reads it as a number); the rest as in XLSX. */
function csvCell(c: ReportColumn, l: Line, lang: Lang): Value {
  const v = cellOf(c, l, lang);
  return c.kind === 'rate' && typeof v === 'number' ? `${(v * 100).toFixed(1)}%` : v;
}

/** A total line's label cell (the first column): "合计", or the prefecture's name on the totals sheet. */
const withLabel = (cells: Value[], label: string): Value[] => [neutralise(label), ...cells.slice(1)];

const groupName = (code: string, lang: Lang) => regionName(code, lang);

/** A sheet name Excel accepts: no []:*?/\, at most 31 characters, unique in the workbook. */
function sheetName(name: string, taken: Set<string>): string {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, ' ')
      .trim()
      .slice(0, 28) || 'sheet';
  let n = base;
  for (let i = 2; taken.has(n.toLowerCase()); i++) n = `${base} ${i}`;
  taken.add(n.toLowerCase());
  return n;
}

const FORMATS: Partial<Record<ReportColumn['kind'], string>> = { rate: '0.0%', money: '#,##0.00' };

export function reportStream(
  spec: ReportSpec,
  format: ReportFormat,
  lang: Lang,
  opts: { encoding?: CsvEncoding; now?: Date } = {},
): ReadableStream<Uint8Array> {
  const table = layOut(spec);
  const out = new PassThrough();
  const fail = (e: unknown) => out.destroy(e as Error);
  const now = opts.now ?? new Date();
  if (format === 'csv') writeCsv(out, table, lang, opts.encoding ?? 'utf-8').catch(fail);
  else writeXlsx(out, spec, table, lang, now).catch(fail);
  return Readable.toWeb(out) as unknown as ReadableStream<Uint8Array>;
}

async function writeCsv(out: PassThrough, table: Table, lang: Lang, encoding: CsvEncoding) {
  const write = (rows: Value[][]) => {
    const text = stringify(rows);
    out.write(encoding === 'gb18030' ? iconv.encode(text, 'gb18030') : text);
  };
  const cols = table.columns;
  const total = t(lang, 'reports.total');
  // GB18030 has no BOM that Excel reads; UTF-8 needs one.
  if (encoding === 'utf-8') out.write('\ufeff');
  write([[t(lang, 'reports.col.prefecture'), ...cols.map((c) => labelOf(c, lang))]]);
  for (const g of table.groups) {
    const name = neutralise(groupName(g.code, lang));
    write([
      ...g.rows.map((l) => [name, ...cols.map((c) => csvCell(c, l, lang))]),
      [
        name,
        ...withLabel(
          cols.map((c) => csvCell(c, g.total, lang)),
          total,
        ),
      ],
    ]);
    if (!(await backpressure(out, () => held(out)))) return;
  }
  write([
    [
      total,
      ...withLabel(
        cols.map((c) => csvCell(c, table.total, lang)),
        total,
      ),
    ],
  ]);
  out.end();
}

async function writeXlsx(out: PassThrough, spec: ReportSpec, table: Table, lang: Lang, now: Date) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const zip = (wb as unknown as { zip?: { _module?: unknown } }).zip;
  const taken = new Set<string>();
  const cols = table.columns;
  const total = t(lang, 'reports.total');
  let ws: ExcelJS.Worksheet | undefined;
  const stages = () => (ws ? sheetQueued(ws) : 0) + held(zip?._module) + held(zip) + held(out);
  const header = (sheet: ExcelJS.Worksheet, labels: string[]) => {
    const row = sheet.addRow(labels.map(neutralise));
    row.font = { bold: true };
    row.commit();
  };
  const columns = cols.map((c) => ({ width: c.kind === 'text' ? 22 : 14, style: { numFmt: FORMATS[c.kind] } }));

  ws = wb.addWorksheet(sheetName(t(lang, 'reports.sheet.cover'), taken));
  ws.columns = [{ width: 22 }, { width: 90 }];
  coverLines(spec, lang, now).forEach((l, i) => {
    const row = ws!.addRow(l);
    if (i === 0) row.font = { bold: true, size: 14 };
    row.commit();
  });
  ws.commit();

  // Totals: one line per prefecture (its name in the first column) and the report's total.
  ws = wb.addWorksheet(sheetName(t(lang, 'reports.sheet.totals'), taken));
  ws.columns = columns;
  header(ws, [t(lang, 'reports.col.prefecture'), ...cols.slice(1).map((c) => labelOf(c, lang))]);
  for (const g of table.groups)
    ws.addRow(
      withLabel(
        cols.map((c) => cellOf(c, g.total, lang)),
        groupName(g.code, lang),
      ),
    ).commit();
  const last = ws.addRow(
    withLabel(
      cols.map((c) => cellOf(c, table.total, lang)),
      total,
    ),
  );
  last.font = { bold: true };
  last.commit();
  ws.commit();

  for (const g of table.groups) {
    ws = wb.addWorksheet(sheetName(groupName(g.code, lang), taken));
    ws.columns = columns;
    header(
      ws,
      cols.map((c) => labelOf(c, lang)),
    );
    for (const [i, l] of g.rows.entries()) {
      ws.addRow(cols.map((c) => cellOf(c, l, lang))).commit();
      if (i % 500 === 499 && !(await backpressure(out, stages))) return;
    }
    const sum = ws.addRow(
      withLabel(
        cols.map((c) => cellOf(c, g.total, lang)),
        total,
      ),
    );
    sum.font = { bold: true };
    sum.commit();
    ws.commit();
    if (!(await backpressure(out, stages))) return;
  }
  await wb.commit();
}
