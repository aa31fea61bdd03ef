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
  /** Column of each header cell (null: a blank header). */
  columns: (Column | null)[];
  issues: Localized[];
}

/** An export's `id` column: rows without an externalId are found by it (so any export re-imports). */
export const ID_COLUMN: Column = { key: 'id', kind: 'text', required: false, nullable: false };

export function mapHeaders(resource: SheetResource, headers: string[]): HeaderMap {
  const cols = columnsOf(resource);
  const byName = new Map<string, Column | null>();
  for (const c of cols) {
    byName.set(norm(c.key), c);
    for (const l of LANGS) byName.set(norm(headerOf(c, l)), c);
  }
  byName.set('id', ID_COLUMN);
  for (const l of LANGS) byName.set(norm(headerOf(ID_COLUMN, l)), ID_COLUMN);
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
    // externalId keys the rows; an export's id column does too.
    if (c.key === 'externalId' && seen.has(ID_COLUMN)) continue;
    if (c.required && !seen.has(c))
      issues.push(msg('sheets.file.missingColumn', (lang) => ({ header: headerOf(c, lang) })));
  }
  return { columns, issues };
}
