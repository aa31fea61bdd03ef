// Building blocks of the hard eligibility rules: each is a SQL condition and the same check in TypeScript.
import { todayInShanghai } from '../../models/common/today.ts';
import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { coveringCodes, prefectureOf } from '../../models/regions/codes.ts';
import { say } from './text.ts';
import type { Keyed, Profile, Ranged, Rule } from './types.ts';

const arr = (xs: string[], type: string) =>
  sql`ARRAY[${sql.join(
    xs.map((x) => sql`${x}`),
    sql`, `,
  )}]::${sql.raw(type)}[]`;

export function rule<S>(
  id: string,
  zh: string,
  en: string,
  bo: string,
  where: (s: S) => SQL | null,
  check: (s: S, c: Profile) => boolean,
): Rule<S> {
  return { id, text: say(zh, en, bo), where, check };
}

/**
 * A rule passed by candidates with a key among the source's values (Keyed): its TypeScript check is
 * derived from the keys, and the candidate index looks the keys up instead of checking every row.
 */
export function keyedRule<S>(
  id: string,
  zh: string,
  en: string,
  bo: string,
  where: (s: S) => SQL | null,
  keyed: Keyed<S>,
): Rule<S> {
  return { ...rule(id, zh, en, bo, where, (s, c) => passes(keyed.values(s), keyed.of(c.row))), keyed };
}

/**
 * A rule that excludes given candidates (already introduced, already enrolled): its TypeScript check
 * is derived from the ids, and the candidate index drops them instead of checking every row.
 */
export function excludesRule<S>(
  id: string,
  zh: string,
  en: string,
  bo: string,
  where: (s: S) => SQL | null,
  excludes: (s: S) => ReadonlySet<string>,
): Rule<S> {
  return { ...rule(id, zh, en, bo, where, (s, c) => !excludes(s).has(c.row.id)), excludes };
}

/**
 * A rule passed by candidates whose number, when they have one, lies within the source's range: its
 * TypeScript check is derived from the range, and the candidate index reads the numbers from a column.
 */
export function rangeRule<S>(
  id: string,
  zh: string,
  en: string,
  bo: string,
  where: (s: S) => SQL | null,
  ranged: Ranged<S>,
): Rule<S> {
  return { ...rule(id, zh, en, bo, where, (s, c) => inRange(ranged.within(s), ranged.of(c.row))), ranged };
}

/** Whether a number (null: none) lies within a range (null: no restriction). */
function inRange(range: readonly [number, number] | null, v: number | null): boolean {
  return range === null || v === null || (v >= range[0] && v <= range[1]);
}

/** Whether a candidate with these keys passes a keyed rule whose source gives `values` (null: no restriction). */
function passes(values: readonly string[] | null, keys: readonly string[]): boolean {
  if (values === null) return true;
  for (const k of keys) if (values.includes(k)) return true;
  return false;
}

/** The key of a candidate whose restriction list is empty, i.e. open to every source: keyed sources list it among their values. */
export const ANY = '*';
/** The keys of a candidate open to every source. */
export const OPEN: readonly string[] = [ANY];
/** A candidate's restriction list (sectors, stages, regions, target groups…) as keys: its entries, or OPEN when empty. */
export const restriction = (list: readonly string[]): readonly string[] => (list.length ? list : OPEN);
/** A boolean column as a key. */
export const flag = (v: unknown): readonly string[] => (v ? TRUE : FALSE);
export const TRUE: readonly string[] = ['true'];
const FALSE: readonly string[] = ['false'];

/** The candidate shares at least one language with the source. */
export const sharesLanguage = <S extends Profile>(col: PgColumn): Rule<S> =>
  keyedRule(
    'language',
    '至少有一种共同语言',
    'Shares a language',
    'ཉུང་མཐར་ཐུན་མོང་གི་སྐད་ཡིག་གཅིག་ཡོད་པ',
    (s) => sql`${col} && ${arr(s.row.languages, 'lang')}`,
    { of: (r) => r.languages, values: (s) => s.row.languages },
  );

/** The candidate was not removed (a delete with history archives it, src/resources/retire.ts): never matched. */
export const notArchived = <S extends Profile>(col: PgColumn): Rule<S> =>
  keyedRule('not_archived', '未被删除', 'Not removed', 'བསུབ་མེད་པ', () => sql`${col} is null`, {
    of: (r) => flag(r.archivedAt == null),
    values: () => TRUE,
  });

/** Same prefecture as the given region code (first four digits). */
export const inPrefectureOf = (col: PgColumn, code: string) => sql`left(${col}, 4) = ${prefectureOf(code)}`;

/** A restriction list that is empty (no restriction) or contains the value. */
export const listAllows = (col: PgColumn, value: string, type: string) =>
  sql`(cardinality(${col}) = 0 or ${col} @> ${arr([value], type)})`;

/** Region lists (e.g. an investor's regionCodes) that are empty or cover the code. */
export const regionListCovers = (col: PgColumn, code: string) =>
  sql`(cardinality(${col}) = 0 or ${col} && ${arr(coveringCodes(code), 'text')})`;

export { arr, coveringCodes, prefectureOf };

export { todayInShanghai };
