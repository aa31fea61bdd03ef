// List filters shared by the resources: `?regionCode=` (coverage), enum equality, array
// membership, booleans, free-text search.
import { arrayContains, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { regionCodeField } from '../../models/common/validation.ts';
import { regionPrefix } from '../../models/regions/codes.ts';
import { regionListCovers } from '../matching/rules.ts';
import type { FilterDef } from './types.ts';

const boolParam = z.enum(['true', 'false']).transform((v) => v === 'true');

/** Rows whose region lies inside the given code (540000 ⊃ prefecture ⊃ county). */
export const regionFilter = (col: PgColumn): FilterDef => ({
  name: 'regionCode',
  schema: regionCodeField(),
  description: 'region code; matches records inside it (a prefecture matches its counties)',
  where: (code: string) => sql`${col} like ${`${regionPrefix(code)}%`}`,
});

/** Rows whose region list covers the given code (empty list = everywhere). */
export const regionListFilter = (col: PgColumn): FilterDef => ({
  name: 'regionCode',
  schema: regionCodeField(),
  description: 'region code; matches records serving that place (empty regionCodes = everywhere)',
  where: (code: string) => regionListCovers(col, code),
});

export const enumFilter = (name: string, col: PgColumn, values: readonly [string, ...string[]]): FilterDef => ({
  name,
  schema: z.enum(values),
  description: `exact ${name}`,
  where: (v: string) => eq(col, v),
});

/** Array column containing the value; for restriction lists, `emptyMatches` treats [] as "any". */
export const memberFilter = (
  name: string,
  col: PgColumn,
  values: readonly [string, ...string[]],
  emptyMatches = false,
): FilterDef => ({
  name,
  schema: z.enum(values),
  description: emptyMatches ? `${name} accepted (records with no restriction match too)` : `has ${name}`,
  where: (v: string) => {
    const has = arrayContains(col, sql`ARRAY[${v}]::${sql.raw(enumTypeOf(col))}[]`);
    return emptyMatches ? (or(sql`cardinality(${col}) = 0`, has) as SQL) : has;
  },
});

export const boolFilter = (name: string, col: PgColumn): FilterDef => ({
  name,
  schema: boolParam,
  description: `${name} true/false`,
  where: (v: boolean) => eq(col, v),
});

export const uuidFilter = (name: string, col: PgColumn): FilterDef => ({
  name,
  schema: z.uuid(),
  description: `exact ${name}`,
  where: (v: string) => eq(col, v),
});

export const textFilter = (name: string, col: PgColumn): FilterDef => ({
  name,
  schema: z.string().min(1).max(200),
  description: `exact ${name}`,
  where: (v: string) => eq(col, v),
});

/** Case-insensitive substring search over the given columns. */
export const searchFilter = (...cols: PgColumn[]): FilterDef => ({
  name: 'q',
  schema: z.string().trim().min(1).max(200),
  description: 'text contained in the name/title/description (case-insensitive)',
  where: (v: string) => {
    const pattern = `%${v.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    return or(...cols.map((c) => ilike(c, pattern))) as SQL;
  },
});

// The Postgres enum type behind an enum-array column (e.g. `topic`), for a typed array literal.
function enumTypeOf(col: PgColumn): string {
  const type = (col as any).baseColumn?.enum?.enumName;
  if (!type) throw new Error(`column ${col.name} is not an enum array`);
  return `"${type}"`;
}
