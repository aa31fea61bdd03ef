// The match journeys, derived from the one registry of recipes (recipes/index.ts) and the source
// kinds (sources.ts): each journey's route, API path, name and weights. Everything that lists the
// journeys (routes, rate limiter, weights, console, benchmarks, tests) reads JOURNEYS.
import { RECIPES } from './recipes/index.ts';
import { SOURCES, type SourceDef, type WeightSet } from './sources.ts';
import type { Recipe, SourceKind } from './types.ts';

export interface Journey {
  /** The recipe's id, e.g. `project.mentors`: the key of its weights and metrics. */
  id: string;
  /** `project→mentors`: how benchmarks and the evaluation name it. */
  name: string;
  source: SourceDef;
  /** The path segment after `matches/`. */
  target: string;
  /** The OpenAPI path template under /v1: `/projects/{id}/matches/mentors`. */
  route: string;
  /** The OpenAPI text of the route. */
  api: { summary: string; description: string; problems: number[] };
  recipe: Recipe<any>;
}

/** The journey a recipe defines. */
export function journeyOf(recipe: Recipe<any>): Journey {
  const source = SOURCES[recipe.source];
  const api = { ...source.api(recipe.target), problems: [], ...recipe.api };
  return {
    id: recipe.id,
    name: `${recipe.source}→${recipe.target}`,
    source,
    target: recipe.target,
    route: `/${source.collection}/{id}/matches/${recipe.target}`,
    api,
    recipe,
  };
}

export const JOURNEYS: readonly Journey[] = RECIPES.map(journeyOf);

/** The API path of a source's matches on a journey (the match cache's key uses it). */
export const journeyPath = (journey: Journey, sourceId: string) => `/v1${journey.route.replace('{id}', sourceId)}`;

export function journeyById(id: string, journeys: readonly Journey[] = JOURNEYS): Journey | undefined {
  return journeys.find((j) => j.id === id);
}

/** The journeys from one source kind, in the registry's order. */
export const journeysFrom = (kind: SourceKind, journeys: readonly Journey[] = JOURNEYS) =>
  journeys.filter((j) => j.source.kind === kind);

/** The target of a project's journey (`mentors`): the console's and the API's path segment. */
export type ProjectTarget = string;
/** The journeys of a project's matches, in the order they are shown. */
export const PROJECT_TARGETS: readonly ProjectTarget[] = journeysFrom('project').map((j) => j.target);
export const projectJourney = (target: ProjectTarget) => journeysFrom('project').find((j) => j.target === target);

/** A journey's weights: its defaults overlaid with the center's own (unknown features ignored). */
export const recipeWeights = (recipe: Recipe<any>, own: WeightSet | null | undefined): Record<string, number> => ({
  ...recipe.defaultWeights,
  ...(own?.[recipe.id] ?? {}),
});
