// Building blocks of the hard eligibility rules: each is a SQL condition and the same check in TypeScript.
import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { covers, samePrefecture } from '../../models/regions/codes.ts';
import type { Bilingual, Profile, Rule } from './types.ts';

const text = (zh: string, en: string): Bilingual => ({ zh, en });
const arr = (xs: string[], type: string) => sql`ARRAY[${sql.join(xs.map((x) => sql`${x}`), sql`, `)}]::${sql.raw(type)}[]`;

export function rule<S>(id: string, zh: string, en: string, where: (s: S) => SQL | null, check: (s: S, c: Profile) => boolean): Rule<S> {
  return { id, text: text(zh, en), where, check };
}

/** Whether the lists share an element (a plain loop: rule checks run per candidate row, see candidate-index.ts). */
export function overlaps(a: readonly string[], b: readonly string[]): boolean {
  for (const x of a) if (b.includes(x)) return true;
  return false;
}

/** The candidate shares at least one language with the source. */
export const sharesLanguage = <S extends Profile>(col: PgColumn): Rule<S> =>
  rule('language', '至少有一种共同语言', 'Shares a language', (s) => sql`${col} && ${arr(s.row.languages, 'lang')}`,
    (s, c) => overlaps(c.row.languages, s.row.languages));

/** Same prefecture as the given region code (first four digits). */
export const inPrefectureOf = (col: PgColumn, code: string) => sql`left(${col}, 4) = ${code.slice(0, 4)}`;

/** A restriction list that is empty (no restriction) or contains the value. */
export const listAllows = (col: PgColumn, value: string, type: string) =>
  sql`(cardinality(${col}) = 0 or ${col} @> ${arr([value], type)})`;
export const allows = (list: string[], value: string) => list.length === 0 || list.includes(value);

/** Region lists (e.g. an investor's regionCodes) that are empty or cover the code. */
export const regionListCovers = (col: PgColumn, code: string) => {
  const candidates = [...new Set([code, `${code.slice(0, 4)}00`, '540000'])];
  return sql`(cardinality(${col}) = 0 or ${col} && ${arr(candidates, 'text')})`;
};
export const listCovers = (list: string[], code: string) => list.length === 0 || list.some((r) => covers(r, code));

export { samePrefecture, arr };

/** Today in Asia/Shanghai as YYYY-MM-DD (the contract's date comparisons). */
const shanghaiDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
export const todayInShanghai = (now = new Date()) => shanghaiDate.format(now);
