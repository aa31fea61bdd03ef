// Stage 3, read back: the picks as profiles against the source, read under the full SQL rules.
// - SQL's picks (in-sql.ts): their rows whole, compared with the source in SQL (readProfiles).
// - The index's picks (in-memory.ts): SQL reads only what it alone has, the recipe's computed
//   columns and pgvector's similarity; the rest comes from memory (readPicks). They are read best
//   first (readBest): reading a pick back and scoring it costs ~10 µs, and an investor's 2,000
//   eligible projects cost more to read than everything else in the call. Memory holds all a score
//   needs but those two, so each pick gets an upper bound of its score there (scoreBound); picks are
//   read in order of their bound until no unread pick's bound reaches the `limit`-th best score
//   read: the answer is the one reading every pick would give, scores and order alike.
import { and, type SQL } from 'drizzle-orm';
import { idIn } from '../../db/sql.ts';
import type { Picked } from '../candidate-index.ts';
import { declaredOf, profileQuery, similarityTo, toProfile, weightsOf } from '../profile.ts';
import type { Profile, Recipe } from '../types.ts';
import { scoreBound } from './score.ts';
import type { Call } from './source.ts';

/** Reads candidates as profiles against the call's source, under `where` (and at most `limit`). */
export function readProfiles(call: Call): (where: SQL | undefined, limit?: number) => Promise<Profile[]> {
  const { ctx, recipe } = call;
  const rows = profileQuery(
    ctx.db,
    recipe.candidateTable,
    recipe.candidateKind,
    ctx.model,
    recipe.computed,
    call.source,
  );
  return async (where, limit) => (await rows(where, limit)).map((r) => toProfile(r, declaredOf(recipe, r)));
}

/**
 * The candidate index's picks as profiles against the source (what toProfile makes of profileQuery's
 * rows). SQL reads them back under the call's rules (the index's copy may lag, and it skips the live
 * ones) with what only it has: the recipe's computed columns, and the vector similarity in
 * pgvector's own arithmetic (so that scores equal the SQL path's to the bit).
 */
export async function readPicks(call: Call, picked: Picked[]): Promise<Profile[]> {
  const { ctx, recipe } = call;
  const t = recipe.candidateTable;
  const computed = recipe.computed ?? {};
  const byId = new Map(picked.map((p) => [p.row.id as string, p]));
  const rows = await ctx.db
    .select({ id: t.id, ...computed, _similarity: similarityTo(t, ctx.model, call.source) })
    .from(t)
    .where(and(call.where, idIn(t.id, [...byId.keys()])));
  return rows.map((x: Record<string, any>) => {
    const p = byId.get(x.id)!;
    const row: Record<string, any> = { ...p.row };
    for (const k in computed) row[k] = x[k];
    return pickedProfile(recipe, p, row, x._similarity == null ? null : Number(x._similarity));
  });
}

/** Picks read in the first round: the limit, and room for those SQL drops (a live rule such as capacity). */
const firstRound = (limit: number) => 2 * limit + 10;

/**
 * The index's picks as scored profiles, read back best-first (see above); `score` is the engine's.
 * `count`: the picks less those SQL dropped when read back; `read`: how many were read back.
 */
export async function readBest<T extends { score: number }>(
  call: Call,
  picked: Picked[],
  score: (c: Profile) => T,
): Promise<{ scored: T[]; count: number; read: number }> {
  const { recipe, weights, source, limit } = call;
  if (picked.length <= firstRound(limit)) {
    const all = (await readPicks(call, picked)).map(score);
    return { scored: all, count: all.length, read: picked.length };
  }
  const bounds = picked.map((p) => scoreBound(recipe, weights, source, pickedProfile(recipe, p, p.row, p.similarity)));
  const order = picked.map((_, i) => i).sort((a, b) => bounds[b] - bounds[a]);
  const scored: T[] = [];
  let read = 0;
  let next = firstRound(limit);
  while (next > 0) {
    const batch = order.slice(read, read + next).map((i) => picked[i]);
    read += batch.length;
    for (const c of await readPicks(call, batch)) scored.push(score(c));
    // The limit-th best score so far; with fewer scored, every pick may still belong (−∞).
    const bar = scored.length < limit ? -Infinity : scored.map((x) => x.score).sort((a, b) => b - a)[limit - 1];
    next = 0;
    while (read + next < order.length && bounds[order[read + next]] >= bar) next++;
  }
  return { scored, count: picked.length - (read - scored.length), read };
}

/**
 * A picked row as a profile against the narrowing's source, with `row` (the index's, or a copy with
 * the computed columns) and a similarity (the index's own, or pgvector's).
 */
export function pickedProfile(
  recipe: Recipe<any>,
  p: Picked,
  row: Record<string, any>,
  similarity: number | null,
): Profile {
  const { topics, sectors } = mergedOf(recipe)(p);
  return {
    row,
    vector: null,
    lexemes: NO_WORDS,
    topics,
    sectors,
    inferredTopics: p.inferredTopics,
    inferredSectors: p.inferredSectors,
    pair: { similarity, shared: p.shared, lexemeCount: p.keywordCount },
  };
}
/** A picked profile's own keywords: unused (the pair holds what it shares with the source), one empty set for all. */
const NO_WORDS: Set<string> = new Set();

/**
 * Declared and inferred topic/sector weights of a picked row, merged once per row version (the
 * index's row objects are replaced, never changed, on a refresh) instead of once per call.
 */
const merges = new WeakMap<Recipe<any>, WeakMap<object, Pick<Profile, 'topics' | 'sectors'>>>();
function mergedOf(recipe: Recipe<any>) {
  let byRow = merges.get(recipe);
  if (!byRow) merges.set(recipe, (byRow = new WeakMap()));
  return (p: Picked) => {
    let m = byRow.get(p.row);
    if (!m) byRow.set(p.row, (m = weightsOf(declaredOf(recipe, p.row), p.inferredTopics, p.inferredSectors)));
    return m;
  };
}
