// One cell in, one value out (and back, for exports): enumeration codes or labels in any language,
// lists with the separators people type, regions by code or name, yes/no in three languages.
import { LANGS, type Lang } from '../../models/enums.ts';
import { regions } from '../../seeds/reference/regions.ts';
import { enumLabel } from '../i18n/labels.ts';
import { regionName } from '../i18n/labels.ts';
import { t } from '../i18n/t.ts';
import type { Column } from './columns.ts';
import { type Localized, msg } from './messages.ts';

/** A raw cell: text, a number, a boolean or a date (XLSX), null when empty. */
export type Cell = string | number | boolean | Date | null;

/** Separators of list cells: ASCII and full-width semicolons, the enumeration comma, commas. */
const LIST_SEPARATORS = /[;；、,，]/;

const norm = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');

/** A cell's text; a leading `'` that an export added against formula injection is taken off again. */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  const s = String(cell).trim();
  return /^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s;
}

export const isEmptyCell = (cell: Cell) => cellText(cell) === '';

// Lookups: every code and every label of an enumeration (any language) → code.
const enumIndex = new Map<Column, Map<string, string>>();
function enumLookup(col: Column): Map<string, string> {
  let m = enumIndex.get(col);
  if (!m) {
    m = new Map();
    for (const v of col.values ?? []) {
      m.set(norm(v), v);
      if (col.labelKind) for (const l of LANGS) m.set(norm(enumLabel(l, col.labelKind, v)), v);
    }
    enumIndex.set(col, m);
  }
  return m;
}

const regionByName = new Map<string, string[]>();
for (const r of regions) {
  for (const name of new Set([r.code, r.nameZh, r.nameEn, r.nameBo].filter((x): x is string => !!x).map(norm))) {
    regionByName.set(name, [...(regionByName.get(name) ?? []), r.code]);
  }
}

const YES = new Set(['true', 'yes', 'y', '1', '是', '对', 'ཡིན', 'ཡོད', ...LANGS.map((l) => norm(t(l, 'sheets.yes')))]);
const NO = new Set(['false', 'no', 'n', '0', '否', '不', 'མིན', 'མེད', ...LANGS.map((l) => norm(t(l, 'sheets.no')))]);

export type Parsed = { ok: true; value: unknown } | { ok: false; message: Localized };
const ok = (value: unknown): Parsed => ({ ok: true, value });
const bad = (message: Localized): Parsed => ({ ok: false, message });

export function allowedValues(col: Column, lang: Lang): string {
  return (col.values ?? [])
    .map((v) => (col.labelKind ? enumLabel(lang, col.labelKind, v) : v))
    .join(lang === 'en' ? ', ' : '、');
}

function parseRegion(text: string): Parsed {
  // "拉萨市 (540100)" as exports write ambiguous names: the code in brackets decides.
  const bracketed = /[(（]\s*(\d{6})\s*[)）]\s*$/.exec(text);
  const codes = regionByName.get(norm(bracketed ? bracketed[1] : text));
  if (!codes) return bad(msg('sheets.err.region', { value: text }));
  if (codes.length > 1) return bad(msg('sheets.err.regionAmbiguous', { value: text }));
  return ok(codes[0]);
}

function parseEnum(col: Column, text: string): Parsed {
  const v = enumLookup(col).get(norm(text));
  return v ? ok(v) : bad(msg('sheets.err.enum', (lang) => ({ value: text, allowed: allowedValues(col, lang) })));
}

export const splitList = (text: string) =>
  text
    .split(LIST_SEPARATORS)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * The body value of a non-empty cell. `center` and `founders` cells come back as the texts typed
 * (ids or externalIds), resolved against the database by the import.
 */
export function parseCell(col: Column, cell: Cell): Parsed {
  const text = cellText(cell);
  switch (col.kind) {
    case 'text':
      return ok(typeof cell === 'number' ? String(cell) : text);
    case 'int': {
      const n = typeof cell === 'number' ? cell : Number(text.replace(/[,，\s]/g, ''));
      return Number.isInteger(n) ? ok(n) : bad(msg('sheets.err.int', { value: text }));
    }
    case 'bool': {
      if (typeof cell === 'boolean') return ok(cell);
      const k = norm(text);
      if (YES.has(k)) return ok(true);
      if (NO.has(k)) return ok(false);
      return bad(msg('sheets.err.bool', { value: text }));
    }
    case 'date': {
      if (cell instanceof Date) return ok(cell.toISOString().slice(0, 10));
      const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
      if (!m) return bad(msg('sheets.err.date', { value: text }));
      return ok(`${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`);
    }
    case 'enum':
      return parseEnum(col, text);
    case 'enumList':
    case 'regionList': {
      const out: unknown[] = [];
      for (const part of splitList(text)) {
        const p = col.kind === 'enumList' ? parseEnum(col, part) : parseRegion(part);
        if (!p.ok) return p;
        out.push(p.value);
      }
      return ok(out);
    }
    case 'region':
      return parseRegion(text);
    case 'center':
      return ok(text);
    case 'founders':
      return ok(splitList(text));
  }
}

const ambiguousNames = new Set(
  [...regionByName.entries()].filter(([, codes]) => codes.length > 1).map(([name]) => name),
);

/** A region as a person reads it: its name, with the code when the name alone is ambiguous. */
export function regionCell(code: string, lang: Lang): string {
  const name = regionName(code, lang);
  return ambiguousNames.has(norm(name)) || name === code ? (name === code ? code : `${name} (${code})`) : name;
}

/** Text that a spreadsheet program would run as a formula gets a leading `'` (OWASP CSV injection). */
export const neutralise = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

/** The cell an export writes for a field value. */
export function formatCell(col: Column, value: unknown, lang: Lang): string | number | null {
  if (value === null || value === undefined) return null;
  const sep = lang === 'en' ? '; ' : '；';
  switch (col.kind) {
    case 'int':
      return typeof value === 'number' ? value : Number(value);
    case 'bool':
      return t(lang, value ? 'sheets.yes' : 'sheets.no');
    case 'enum':
      return col.labelKind ? enumLabel(lang, col.labelKind, String(value)) : String(value);
    case 'enumList':
      return (value as string[]).map((v) => (col.labelKind ? enumLabel(lang, col.labelKind, v) : v)).join(sep);
    case 'region':
      return regionCell(String(value), lang);
    case 'regionList':
      return (value as string[]).map((c) => regionCell(c, lang)).join(sep);
    case 'founders':
      return (value as string[]).join(sep);
    default:
      return neutralise(value instanceof Date ? value.toISOString() : String(value));
  }
}
