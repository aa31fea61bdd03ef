// In-process measurements against the database: the bare SQL kNN query of each endpoint (its
// recipe's hard rules + ORDER BY distance LIMIT 10, the same statement the engine's vector channel
// runs) and recall@10 of the engine's ranking path against the exact ranking (exactLimit: Infinity).
import { and, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../src/db/client.ts';
import { resultRows } from '../../src/db/errors.ts';
import { nearestIds, runRecipe, type EngineContext } from '../../src/matching/engine.ts';
import { JOURNEYS, journeyPath, recipeWeights } from '../../src/matching/journeys.ts';
import { SOURCES } from '../../src/matching/sources.ts';
import type { Profile, Recipe, SourceKind } from '../../src/matching/types.ts';

export interface Endpoint {
  name: string;
  /** URL path with {id}. */
  path: string;
  recipe: Recipe<any>;
  sourceKind: SourceKind;
}

/** Every journey of the registry (src/matching/journeys.ts). */
export const ENDPOINTS: Endpoint[] = JOURNEYS.map((j) => ({
  name: j.name,
  path: journeyPath(j, '{id}'),
  recipe: j.recipe,
  sourceKind: j.source.kind,
}));

export interface SourceIds {
  /** Typical sources: a deterministic pseudo-random sample. */
  typical: Record<Endpoint['sourceKind'], string[]>;
  /** Heavily filtered sources: projects in Ngari's remote counties, investors with one sector + a county or prefecture + stages, on-site trainings for one group. */
  filtered: Record<Endpoint['sourceKind'], string[]>;
}

const ids = async (db: Db, q: SQL) => resultRows<{ id: string }>(await db.execute(q)).map((r) => r.id);

export async function pickSources(db: Db, typical: number, filtered: number): Promise<SourceIds> {
  // md5 order: a stable pseudo-random sample, the same on every run of the same data set.
  return {
    typical: {
      project: await ids(db, sql`select id from projects order by md5(id::text) limit ${typical}`),
      investor: await ids(db, sql`select id from investors where active order by md5(id::text) limit ${typical}`),
      training: await ids(db, sql`select id from trainings order by md5(id::text) limit ${typical}`),
    },
    filtered: {
      project: await ids(
        db,
        sql`select id from projects where region_code like '5425%' order by md5(id::text) limit ${filtered}`,
      ),
      investor: await ids(
        db,
        sql`select id from investors where active and cardinality(sectors) = 1 and cardinality(stages) between 1 and 2
        and cardinality(region_codes) >= 1 order by cardinality(region_codes), (region_codes[1] like '%00') , md5(id::text) limit ${filtered}`,
      ),
      training: await ids(
        db,
        sql`select id from trainings where mode = 'onsite' and cardinality(target_groups) = 1 order by md5(id::text) limit ${filtered}`,
      ),
    },
  };
}

export async function modelOf(db: Db): Promise<{ model: string; dimensions: number }> {
  const [r] = resultRows<{ model: string; dimensions: number }>(
    await db.execute(sql`select model, dimensions from embeddings where status = 'ready' limit 1`),
  );
  if (!r) throw new Error('no embedded rows: generate the data set first');
  return r;
}

/** The source profile an endpoint's service function would load. */
export async function loadSource(ctx: EngineContext, kind: Endpoint['sourceKind'], id: string): Promise<Profile> {
  return (await SOURCES[kind].read(ctx, id))!;
}

/** The endpoint's kNN statement: candidates passing the recipe's SQL rules, nearest 10 by cosine distance (the engine's vector channel). */
export function knnQuery(ctx: EngineContext, ep: Endpoint, source: Profile, k = 10) {
  const where = and(...ep.recipe.rules.map((r) => r.where(source)).filter((x): x is SQL => !!x));
  return nearestIds(ctx.db, ctx, ep.recipe.candidateTable, where, source.vector!, k);
}

/**
 * "Every eligible candidate": the engine adds 1 to exactLimit for its SQL LIMIT, so Infinity would
 * reach PostgreSQL as LIMIT 'Infinity' (an error); any bound above the table sizes is exact.
 */
const EXACT = 1_000_000_000;

/** The weights the service ranks with: the center's own (a project's) over the defaults. */
export const weightsFor = (ep: Endpoint, source: Profile & { centerWeights?: any }) =>
  recipeWeights(ep.recipe, source.centerWeights);

/** Top-10 ids by the engine's ranking path and by the exact ranking over every eligible candidate. */
export async function recallAt10(
  ctx: EngineContext,
  ep: Endpoint,
  source: Profile,
): Promise<{
  recall: number | null;
  candidates: number;
  fastMs: number;
  exactMs: number;
  /** The ranking path's candidates ranked, and how many of them it read back from SQL. */
  ranked: number;
  read: number;
}> {
  const opts = { limit: 10, weights: weightsFor(ep, source) };
  const t0 = performance.now();
  const fast = await runRecipe(ctx, ep.recipe, source, opts);
  const t1 = performance.now();
  const exact = await runRecipe({ ...ctx, index: undefined }, ep.recipe, source, { ...opts, exactLimit: EXACT });
  const t2 = performance.now();
  const path = { ranked: fast.candidates, read: fast.read, fastMs: t1 - t0, exactMs: t2 - t1 };
  if (!exact.items.length) return { recall: null, candidates: exact.candidates, ...path };
  const got = new Set(fast.items.map((i) => i.id));
  const hit = exact.items.filter((i) => got.has(i.id)).length;
  return { recall: hit / exact.items.length, candidates: exact.candidates, ...path };
}
