// How common each topic and sector tag is among a candidate table's rows (issue 23, class 2): a tag
// most candidates carry (every founder's projects mention marketing; most mentors tick it) says little
// about any one of them, so the topic and sector features count it less. A tag's share is the mean of
// its weight over the rows (declared and inferred merged as the profiles merge them: profile.ts), on a
// fixed sample of the table (the first rows by id), read once per table and refreshed every few
// minutes like the hub means (hub.ts). The engine attaches the shares to the source before scoring,
// so the SQL path and the candidate index (exact and best-first) score with the same numbers.
import { and, asc, eq, getTableName } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { embeddingsTable } from '../../models/schema.ts';
import type { Db } from '../db/client.ts';
import { mergeSectors } from './infer.ts';
import { topicWeights } from './needs.ts';
import type { Profile, Recipe, TagShares } from './types.ts';

/** Rows the shares are taken over (the first by id: a fixed sample, not the whole table at 1M rows). */
export const TAG_SAMPLE = 5000;
/** Below this many rows a share says more about the few rows than about the table: no discount. */
export const MIN_TAG_ROWS = 20;

const TTL_MS = 10 * 60_000;
const cache = new WeakMap<Db, Map<string, { at: number; shares: Promise<TagShares | null> }>>();

const e = embeddingsTable;
const listOf = (v: unknown): string[] => (v == null ? [] : ([] as string[]).concat(v as string | string[]));

/** Mean weight of each tag over up to TAG_SAMPLE rows of the recipe's candidate table (uncached); null below MIN_TAG_ROWS. */
export async function loadTagShares(db: Db, recipe: Recipe<any>): Promise<TagShares | null> {
  const t = recipe.candidateTable as any;
  const column = (name?: string) => (name ? (t[name] as PgColumn) : undefined);
  const topicsColumn = column(recipe.declared.topics);
  const sectorsColumn = column(recipe.declared.sectors);
  const rows = await db
    .select({
      ...(topicsColumn && { topics: topicsColumn }),
      ...(sectorsColumn && { sectors: sectorsColumn }),
      inferredTopics: e.inferredTopics,
      inferredSectors: e.inferredSectors,
    })
    .from(recipe.candidateTable)
    .leftJoin(e, and(eq(e.entityKind, recipe.candidateKind), eq(e.entityId, t.id)))
    .orderBy(asc(t.id))
    .limit(TAG_SAMPLE);
  if (rows.length < MIN_TAG_ROWS) return null;
  const topics: Record<string, number> = {};
  const sectors: Record<string, number> = {};
  for (const r of rows as Record<string, any>[]) {
    const tw = topicWeights(listOf(r.topics), r.inferredTopics ?? []);
    for (const k in tw) topics[k] = (topics[k] ?? 0) + Math.min(1, tw[k]);
    const sw = mergeSectors(listOf(r.sectors) as never, (r.inferredSectors ?? []) as never) as Record<string, number>;
    for (const k in sw) sectors[k] = (sectors[k] ?? 0) + Math.min(1, sw[k]);
  }
  for (const k in topics) topics[k] /= rows.length;
  for (const k in sectors) sectors[k] /= rows.length;
  return { topics, sectors };
}

/** loadTagShares, cached for TTL_MS per database and table (a failed read: no discount). */
export function tagShares(db: Db, recipe: Recipe<any>): Promise<TagShares | null> {
  const key = `${getTableName(recipe.candidateTable)}\u0000${recipe.declared.topics ?? ''}\u0000${recipe.declared.sectors ?? ''}`;
  const perDb = cache.get(db) ?? new Map();
  cache.set(db, perDb);
  const hit = perDb.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.shares;
  const shares = loadTagShares(db, recipe).catch(() => null);
  perDb.set(key, { at: Date.now(), shares });
  return shares;
}

/** The source carrying the shares of the recipe's candidate table (unchanged when there are none). */
export async function withTagShares<S extends Profile>(db: Db, source: S, recipe: Recipe<S>): Promise<S> {
  const shares = await tagShares(db, recipe);
  return shares ? { ...source, tagShares: shares } : source;
}

/**
 * What a candidate's tag counts for against this source: 1 − its share of the table's rows, so a tag
 * every candidate carries counts nothing, one few carry nearly in full. 1 without shares.
 */
export function tagDiscount(s: Profile, kind: keyof TagShares, tag: string): number {
  const share = s.tagShares?.[kind][tag];
  return share ? Math.max(0, 1 - share) : 1;
}
