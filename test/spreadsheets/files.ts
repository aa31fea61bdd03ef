// Spreadsheet files built in the tests: XLSX with exceljs, CSV as text (UTF-8 or GB18030).
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Actor } from '../../src/auth/actor.ts';

export type Cells = (string | number | boolean | Date | null | { formula: string; result?: unknown })[];

export async function xlsx(rows: Cells[], edit?: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('data');
  for (const r of rows) ws.addRow(r);
  edit?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const quote = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
export const csvText = (rows: unknown[][]) => `${rows.map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`;
export const csv = (rows: unknown[][], opts: { bom?: boolean; gb18030?: boolean } = {}) =>
  opts.gb18030
    ? iconv.encode(csvText(rows), 'gb18030')
    : Buffer.from((opts.bom ? '\uFEFF' : '') + csvText(rows), 'utf8');

export const staffOf = (centerId: string): Actor => ({ role: 'center_staff', keyId: null, subjectId: null, centerId });
export const admin: Actor = { role: 'admin', keyId: null, subjectId: null, centerId: null };

export const FOUNDER_HEADER = ['外部编号', '名称', '人群类别', '地区', '语言', '电话'];
export const founderRow = (
  id: string,
  name: string,
  extra: Partial<Record<'groups' | 'region' | 'langs' | 'phone', string>> = {},
) => [
  id,
  name,
  extra.groups ?? '高校毕业生',
  extra.region ?? '拉萨市',
  extra.langs ?? '藏文；中文',
  extra.phone ?? '13800000000',
];
