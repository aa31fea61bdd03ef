// A file in, a table of cells out — or a refusal a center clerk understands. XLSX is inspected as a
// zip before exceljs sees it (sizes and ratio: a zip bomb never gets unpacked); CSV is decoded as
// UTF-8 when it is valid UTF-8, else as GB18030 (what Excel on Chinese Windows writes).
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import type { Cell } from './cells.ts';
import { SheetError, msg, type Localized } from './messages.ts';

export const LIMITS = {
  fileBytes: 10 * 1024 * 1024,
  unzippedBytes: 50 * 1024 * 1024,
  /** Uncompressed : compressed. Real XLSX files stay well under 30; bombs go into the thousands. */
  ratio: 100,
  zipEntries: 1000,
  rows: 20_000,
  columns: 60,
};

export type FileType = 'xlsx' | 'csv';

export interface Table {
  headers: string[];
  /** Data rows with their 1-based row number in the file (the header is row 1); empty rows left out. */
  rows: { row: number; cells: Cell[] }[];
  /** Cell problems found while reading (formulas, error values): row, column index, message. */
  issues: { row: number; col: number; message: Localized }[];
}

const startsWith = (buf: Uint8Array, bytes: number[]) => bytes.every((b, i) => buf[i] === b);

/** What the content is, whatever the name or Content-Type says. */
export function sniff(buf: Uint8Array): FileType {
  if (!buf.length) throw new SheetError(msg('sheets.file.empty'));
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) return 'xlsx';
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0])) throw new SheetError(msg('sheets.file.xls'));
  // Text: no NUL bytes and few control characters in the first 8 KiB.
  const head = buf.subarray(0, 8192);
  let control = 0;
  for (const b of head) {
    if (b === 0) throw new SheetError(msg('sheets.file.wrongType'));
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  if (control > head.length / 100) throw new SheetError(msg('sheets.file.wrongType'));
  return 'csv';
}

export async function readTable(buf: Uint8Array): Promise<Table> {
  if (buf.length > LIMITS.fileBytes)
    throw new SheetError(msg('sheets.file.tooLarge', { max: LIMITS.fileBytes / 1048576 }));
  const type = sniff(buf);
  const table = type === 'xlsx' ? await readXlsx(buf) : readCsv(buf);
  if (table.rows.length > LIMITS.rows)
    throw new SheetError(msg('sheets.file.tooManyRows', { rows: table.rows.length, max: LIMITS.rows }));
  if (!table.rows.length) throw new SheetError(msg('sheets.file.empty'));
  return table;
}

/** The zip directory only (nothing unpacked): refuses bombs and non-spreadsheet zips. */
async function inspectZip(buf: Uint8Array): Promise<void> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buf);
  } catch {
    throw new SheetError(msg('sheets.file.unreadable'));
  }
  const entries = Object.values(zip.files);
  if (entries.length > LIMITS.zipEntries) throw new SheetError(msg('sheets.file.zipBomb'));
  let total = 0;
  for (const e of entries) {
    // The sizes the zip's central directory declares (JSZip keeps them on the lazy entry).
    const data = (e as unknown as { _data?: { uncompressedSize?: number; compressedSize?: number } })._data;
    total += data?.uncompressedSize ?? 0;
  }
  if (total > LIMITS.unzippedBytes || total > buf.length * LIMITS.ratio)
    throw new SheetError(msg('sheets.file.zipBomb'));
  if (!zip.file('xl/workbook.xml')) throw new SheetError(msg('sheets.file.wrongType'));
}

const colName = (n: number) => {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};
export const cellRef = (row: number, col: number) => `${colName(col + 1)}${row}`;

async function readXlsx(buf: Uint8Array): Promise<Table> {
  await inspectZip(buf);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new SheetError(msg('sheets.file.unreadable'));
  }
  // The first sheet holds the data (a template's second sheet only explains the columns).
  const ws = wb.worksheets[0];
  if (!ws) throw new SheetError(msg('sheets.file.empty'));
  if (ws.rowCount > LIMITS.rows + 1)
    throw new SheetError(msg('sheets.file.tooManyRows', { rows: ws.rowCount - 1, max: LIMITS.rows }));
  if (ws.columnCount > LIMITS.columns)
    throw new SheetError(msg('sheets.file.tooManyColumns', { cols: ws.columnCount, max: LIMITS.columns }));
  const merges: string[] = (ws.model as { merges?: string[] }).merges ?? [];
  if (merges.length) throw new SheetError(msg('sheets.file.merged', { range: merges.slice(0, 5).join(', ') }));

  const issues: Table['issues'] = [];
  const width = ws.columnCount;
  const all: { row: number; cells: Cell[] }[] = [];
  ws.eachRow({ includeEmpty: false }, (r, rowNumber) => {
    const cells: Cell[] = [];
    for (let i = 0; i < width; i++) {
      const v = r.getCell(i + 1).value as unknown;
      cells.push(xlsxCell(v, rowNumber, i, issues));
    }
    all.push({ row: rowNumber, cells });
  });
  const [head, ...rows] = all;
  if (!head) throw new SheetError(msg('sheets.file.empty'));
  return {
    headers: head.cells.map((c) => (c === null ? '' : String(c instanceof Date ? c.toISOString() : c).trim())),
    rows: rows.filter((r) => r.cells.some((c) => c !== null && String(c).trim() !== '')),
    issues: issues.filter((i) => i.row !== head.row),
  };
}

function xlsxCell(v: unknown, row: number, col: number, issues: Table['issues']): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  const o = v as Record<string, unknown>;
  // Formulas are refused rather than trusting a cached result that a generator may not have written:
  // the clerk pastes values and sees exactly what will be imported.
  if ('formula' in o || 'sharedFormula' in o) {
    issues.push({ row, col, message: msg('sheets.err.formula', { cell: cellRef(row, col) }) });
    return null;
  }
  if ('richText' in o) return (o.richText as { text: string }[]).map((p) => p.text).join('');
  if ('text' in o) return String(o.text); // hyperlinks
  if ('error' in o) {
    issues.push({ row, col, message: msg('sheets.err.cellError', { cell: cellRef(row, col) }) });
    return null;
  }
  return String(v);
}

export function decodeText(buf: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return iconv.decode(Buffer.from(buf), 'gb18030');
  }
}

function readCsv(buf: Uint8Array): Table {
  const text = decodeText(buf).replace(/^\uFEFF/, '');
  let records: string[][];
  try {
    records = parse(text, {
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      to_line: LIMITS.rows + 2,
    }) as string[][];
  } catch {
    throw new SheetError(msg('sheets.file.unreadable'));
  }
  // A file longer than the limit: count its lines without parsing them all again.
  if (records.length > LIMITS.rows + 1) {
    const lines = text.split(/\r?\n/).filter((l) => l.trim()).length - 1;
    throw new SheetError(msg('sheets.file.tooManyRows', { rows: lines, max: LIMITS.rows }));
  }
  const [head, ...rest] = records;
  if (!head) throw new SheetError(msg('sheets.file.empty'));
  if (head.length > LIMITS.columns)
    throw new SheetError(msg('sheets.file.tooManyColumns', { cols: head.length, max: LIMITS.columns }));
  const rows = rest
    .map((cells, i) => ({ row: i + 2, cells: cells.map((c) => (c.trim() === '' ? null : c)) as Cell[] }))
    .filter((r) => r.cells.some((c) => c !== null));
  return { headers: head.map((h) => h.trim()), rows, issues: [] };
}
