// Reading reports back in the tests: XLSX with exceljs' reader, CSV with csv-parse (UTF-8 or GB18030).
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

export type Sheet = { name: string; rows: unknown[][] };

/** Every sheet of a workbook, each row as its cell values (1-based exceljs rows made 0-based). */
export async function readXlsx(buf: Buffer): Promise<Sheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as never);
  return wb.worksheets.map((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: true }, (r, n) => {
      rows[n - 1] = (r.values as unknown[]).slice(1).map((v) => v ?? null);
    });
    return { name: ws.name, rows: Array.from(rows, (r) => r ?? []) };
  });
}

export function readCsv(buf: Buffer, encoding: 'utf-8' | 'gb18030' = 'utf-8'): { bom: boolean; rows: string[][] } {
  const text = encoding === 'gb18030' ? iconv.decode(buf, 'gb18030') : buf.toString('utf8');
  const bom = text.startsWith('\ufeff');
  return { bom, rows: parse(bom ? text.slice(1) : text, { relax_column_count: true }) as string[][] };
}

export async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(stream).arrayBuffer());
}
