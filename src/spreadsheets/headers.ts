// Header cells ↔ columns: a column is named by its field code or its header in any of the three languages.
import { LANGS, type Lang } from '../../models/enums.ts';
import { t, type MessageKey } from '../i18n/t.ts';
import { columnsOf, type Column, type SheetResource } from './columns.ts';
import { type Localized, msg } from './messages.ts';

const norm = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[*＊\s]/g, '')
    .toLowerCase();

/** The column's header in a language (the catalogue's `sheets.col.<field>`). */
export const headerOf = (col: Column | string, lang: Lang) =>
  t(lang, `sheets.col.${typeof col === 'string' ? col : col.key}` as MessageKey);

export interface HeaderMap {
  /** Column of each header cell (null: a column the import ignores, e.g. an export's `id`). */
  columns: (Column | null)[];
  issues: Localized[];
}

/** Columns an export writes that an import reads past (the server decides them). */
const IGNORED = ['id'];

export function mapHeaders(resource: SheetResource, headers: string[]): HeaderMap {
  const cols = columnsOf(resource);
  const byName = new Map<string, Column | null>();
  for (const c of cols) {
    byName.set(norm(c.key), c);
    for (const l of LANGS) byName.set(norm(headerOf(c, l)), c);
  }
  for (const k of IGNORED) {
    byName.set(norm(k), null);
    for (const l of LANGS) byName.set(norm(headerOf(k, l)), null);
  }
  const issues: Localized[] = [];
  const seen = new Set<Column>();
  const columns = headers.map((h) => {
    if (!h) return null; // a blank header over an empty column
    const c = byName.get(norm(h));
    if (c === undefined) {
      issues.push(msg('sheets.file.unknownColumn', { header: h }));
      return null;
    }
    if (c && seen.has(c)) issues.push(msg('sheets.file.duplicateColumn', { header: h }));
    if (c) seen.add(c);
    return c;
  });
  for (const c of cols) {
    if (c.required && !seen.has(c) && !(resource !== 'centers' && c.kind === 'center'))
      issues.push(msg('sheets.file.missingColumn', (lang) => ({ header: headerOf(c, lang) })));
  }
  return { columns, issues };
}
