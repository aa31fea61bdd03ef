// The match endpoints' domain logic: one function for every journey of the registry (journeys.ts) —
// who may ask and how the source loads (its source kind, sources.ts), the recipe, the weights, and
// what the caller receives (the recipe's `present`).
import type { Actor } from '../auth/actor.ts';
import { notFound } from '../errors.ts';
import { EXACT_LIMIT, runRecipe, type EngineContext } from './engine.ts';
import type { CandidateIndex } from './candidate-index.ts';
import { JOURNEYS, type Journey, type ProjectTarget, projectJourney, recipeWeights } from './journeys.ts';
import type { MatchItem } from './types.ts';

export { PROJECT_TARGETS, type ProjectTarget, recipeWeights } from './journeys.ts';
export { loadProjectSource, projectExtras, projectSourceOf } from './sources.ts';

/** Every journey's recipe, in the registry's order. */
export const RECIPES = JOURNEYS.map((j) => j.recipe);

/**
 * Loads into the candidate index the tables it would serve that are large enough for it to be used
 * (more rows than the smallest exact limit), so that their first match call does not wait for a load
 * of seconds. Run in the background at start.
 */
export function warmCandidateIndex(index: CandidateIndex, model: string, dims: number): Promise<void> {
  const minRows = Math.min(EXACT_LIMIT, ...RECIPES.map((r) => r.retrieval?.exactLimit ?? EXACT_LIMIT));
  return index.warm([...new Set(RECIPES.map((r) => r.candidateTable))], model, dims, minRows);
}

export interface MatchResult {
  items: MatchItem[];
  model: string;
}

/**
 * GET /v1/<source>/{id}/matches/<target>: the source as the caller may ask for it (else 404), ranked
 * with `weights` or the journey's (the center's own over the defaults), presented to the caller.
 */
export async function matchJourney(
  ctx: EngineContext,
  actor: Actor,
  journey: Journey,
  sourceId: string,
  limit: number,
  weights?: Record<string, number>,
): Promise<MatchResult> {
  const { source, centerWeights, scope } = await journey.source.open(ctx, actor, sourceId);
  const { recipe } = journey;
  const w = weights ?? recipeWeights(recipe, centerWeights);
  const { items } = await runRecipe(ctx, recipe, source, { limit, weights: w, scope });
  return { items: recipe.present ? await recipe.present(ctx.db, actor, items) : items, model: ctx.model };
}

/** GET /v1/projects/{id}/matches/<target>: founders of the project, its center's staff, admins. */
export function matchProject(
  ctx: EngineContext,
  actor: Actor,
  projectId: string,
  target: ProjectTarget,
  limit: number,
  weights?: Record<string, number>,
): Promise<MatchResult> {
  const journey = projectJourney(target);
  if (!journey) throw notFound('journey');
  return matchJourney(ctx, actor, journey, projectId, limit, weights);
}
