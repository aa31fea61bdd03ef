// Stage 1, eligible: the recipe's hard rules for one source, in the two forms the candidate sources
// apply them in: one SQL condition (in-sql.ts, and every read-back), and the in-memory index's form
// (in-memory.ts). Also the table's size, from which a source decides between exact ranking and
// retrieval.
import { and, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import type { Profile, Recipe } from '../types.ts';

/** Up to this many eligible candidates, every one is scored (exact ranking); above it, retrieval narrows them. */
export const EXACT_LIMIT = 2000;

/** The rules that apply to `source` (where() not null) and the caller's scope, as one condition. */
export const eligibleWhere = <S extends Profile>(recipe: Recipe<S>, source: S, scope?: SQL): SQL | undefined =>
  and(...recipe.rules.map((r) => r.where(source)).filter((x): x is SQL => !!x), scope);

/**
 * The recipe's rules as the candidate index applies them for `source`: keyed rules as keys to look
 * up, excluding ones as ids to drop, ranged ones as numbers to compare, the others as checks of each
 * row (`lookUp: false`: every rule checked row by row, a test's reference). Live rules are left to
 * SQL (see Rule.live).
 */
export function indexRules<S extends Profile>(recipe: Recipe<S>, source: S, { lookUp = true } = {}) {
  const applying = recipe.rules.filter((r) => !r.live && r.where(source) !== null);
  const keyed = lookUp
    ? applying.flatMap((r) => (r.keyed ? [{ of: r.keyed.of, values: r.keyed.values(source) }] : []))
    : [];
  const excluded = lookUp ? applying.flatMap((r) => (r.excludes ? [r.excludes(source)] : [])) : [];
  const ranged = lookUp
    ? applying.flatMap((r) => (r.ranged ? [{ of: r.ranged.of, within: r.ranged.within(source) }] : []))
    : [];
  const checks = applying.filter((r) => !(lookUp && (r.keyed || r.excludes || r.ranged))).map((r) => r.check);
  const admits = checks.length
    ? (c: { row: Record<string, any> }) => {
        for (let i = 0; i < checks.length; i++) if (!checks[i](source, c as Profile)) return false;
        return true;
      }
    : null;
  return { keyed, excluded, ranged, admits };
}

/** Row counts of candidate tables, refreshed at most every SIZE_TTL_MS (only the exact/hybrid choice depends on it). */
const SIZE_TTL_MS = 30_000;
const sizes = new WeakMap<Db, Map<PgTable, { n: number; at: number }>>();
export async function tableSize(db: Db, table: PgTable): Promise<number> {
  const perDb = sizes.get(db) ?? new Map<PgTable, { n: number; at: number }>();
  sizes.set(db, perDb);
  const hit = perDb.get(table);
  if (hit && Date.now() - hit.at < SIZE_TTL_MS) return hit.n;
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(table);
  perDb.set(table, { n, at: Date.now() });
  return n;
}
