// The six match endpoints' domain logic: who may ask, loading the source, the recipe, the weights.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import {
  enrollmentsTable,
  foundersTable,
  introductionsTable,
  investorsTable,
  matchingWeightsTable,
  projectFoundersTable,
  projectsTable,
  trainingsTable,
} from '../../models/schema.ts';
import type { EmbeddedKind } from '../../models/embeddings/table.ts';
import type { Actor } from '../auth/actor.ts';
import { conflict, notFound } from '../errors.ts';
import { managedProjectScope } from '../resources/projects.ts';
import { profileQuery, toProfile } from './profile.ts';
import { EXACT_LIMIT, runRecipe, type EngineContext } from './engine.ts';
import type { CandidateIndex } from './candidate-index.ts';
import { todayInShanghai } from './rules.ts';
import * as recipes from './recipes/index.ts';
import { cohortView, projectStagesOf, trainingExclusions } from './recipes/training-founders.ts';
import { trainerHandles } from '../engagement/founder-handles.ts';
import type { MatchItem, Profile, ProjectSource, Recipe, TrainingSource } from './types.ts';

type Row = Record<string, any>;
type WeightSet = Record<string, Record<string, number>>;

export type ProjectTarget = 'mentors' | 'investors' | 'trainings' | 'services';
const projectRecipes: Record<ProjectTarget, Recipe<ProjectSource>> = {
  mentors: recipes.projectMentors,
  investors: recipes.projectInvestors,
  trainings: recipes.projectTrainings,
  services: recipes.projectServices,
};
/** The journeys of a project's matches, in the order they are shown. */
export const PROJECT_TARGETS = Object.keys(projectRecipes) as ProjectTarget[];
export const RECIPES = [
  recipes.projectMentors,
  recipes.projectInvestors,
  recipes.projectTrainings,
  recipes.projectServices,
  recipes.investorProjects,
  recipes.trainingFounders,
];

/**
 * Loads into the candidate index the tables it would serve that are large enough for it to be used
 * (more rows than the smallest exact limit), so that their first match call does not wait for a load
 * of seconds. Run in the background at start.
 */
export function warmCandidateIndex(index: CandidateIndex, model: string, dims: number): Promise<void> {
  const minRows = Math.min(EXACT_LIMIT, ...RECIPES.map((r) => r.retrieval?.exactLimit ?? EXACT_LIMIT));
  return index.warm([...new Set(RECIPES.map((r) => r.candidateTable))], model, dims, minRows);
}

const isUuid = (s: string) => z.uuid().safeParse(s).success;

async function loadProfile(
  ctx: EngineContext,
  table: any,
  kind: EmbeddedKind,
  id: string,
  declared: { topics?: string[]; sectors?: string[] } | ((row: any) => { topics?: string[]; sectors?: string[] }),
): Promise<Profile | null> {
  const [raw] = await profileQuery(ctx.db, table, kind, ctx.model)(eq(table.id, id), 1);
  if (!raw) return null;
  return toProfile(raw, typeof declared === 'function' ? declared(raw) : declared);
}

// The project's founders, exclusions and center weights come with its row: one round trip, not five.
// ("projects"."id" is spelled out: drizzle leaves select-list columns unqualified inside subqueries.)
export const projectExtras = {
  _founders: sql<
    Row[]
  >`coalesce((select json_agg(json_build_object('id', f.id, 'groups', f.groups, 'languages', f.languages))
    from ${projectFoundersTable} pf join ${foundersTable} f on f.id = pf.founder_id where pf.project_id = "projects"."id"), '[]'::json)`,
  _introduced: sql<string[]>`coalesce((select json_agg(i.target_id) from ${introductionsTable} i
    where i.project_id = "projects"."id" and i.status in ('requested', 'accepted', 'declined')), '[]'::json)`,
  _enrolled: sql<string[]>`coalesce((select json_agg(distinct en.training_id) from ${enrollmentsTable} en
    join ${projectFoundersTable} pf on pf.founder_id = en.founder_id where pf.project_id = "projects"."id"), '[]'::json)`,
  _weights: sql<WeightSet | null>`(select mw.weights from ${matchingWeightsTable} mw where mw.center_id = "projects"."center_id")`,
};

/** The project as a match source, or null when it does not exist or is outside `scope`. */
export async function loadProjectSource(
  ctx: EngineContext,
  id: string,
  scope?: SQL,
): Promise<(ProjectSource & { centerWeights: WeightSet | null }) | null> {
  const [raw] = await profileQuery(
    ctx.db,
    projectsTable,
    'project',
    ctx.model,
    projectExtras,
  )(and(eq(projectsTable.id, id), scope), 1);
  return raw ? projectSourceOf(raw) : null;
}

/** A project row queried with `projectExtras` as a matching source (also used for whole pools, src/matching/pool.ts). */
export function projectSourceOf(raw: Row): ProjectSource & { centerWeights: WeightSet | null } {
  const { _founders, _introduced, _enrolled, _weights, ...rest } = raw;
  const p = toProfile(rest, { topics: rest.needs, sectors: [rest.sector] });
  return {
    ...p,
    founders: _founders,
    introduced: new Set(_introduced),
    enrolledTrainings: new Set(_enrolled),
    today: todayInShanghai(),
    centerWeights: _weights,
  };
}

/** A recipe's weights: its defaults overlaid with the center's own (unknown features ignored). */
export const recipeWeights = (recipe: Recipe<any>, own: WeightSet | null | undefined): Record<string, number> => ({
  ...recipe.defaultWeights,
  ...(own?.[recipe.id] ?? {}),
});

export interface MatchResult {
  items: MatchItem[];
  model: string;
}

/** GET /v1/projects/{id}/matches/<target>: founders of the project, its center's staff, admins. */
export async function matchProject(
  ctx: EngineContext,
  actor: Actor,
  projectId: string,
  target: ProjectTarget,
  limit: number,
  weights?: Record<string, number>,
): Promise<MatchResult> {
  const scope = managedProjectScope(actor);
  if (scope === 'none' || !isUuid(projectId)) throw notFound('project');
  const source = await loadProjectSource(ctx, projectId, scope === 'all' ? undefined : scope);
  if (!source) throw notFound('project');
  const recipe = projectRecipes[target];
  const w = weights ?? recipeWeights(recipe, source.centerWeights);
  const { items } = await runRecipe(ctx, recipe, source, { limit, weights: w });
  return { items, model: ctx.model };
}

/** GET /v1/investors/{id}/matches/projects: that investor, admins. */
export async function matchInvestorProjects(
  ctx: EngineContext,
  actor: Actor,
  investorId: string,
  limit: number,
): Promise<MatchResult> {
  const allowed = actor.role === 'admin' || (actor.role === 'investor' && actor.subjectId === investorId);
  if (!allowed || !isUuid(investorId)) throw notFound('investor');
  const source = await loadProfile(ctx, investorsTable, 'investor', investorId, (r) => ({ sectors: r.sectors }));
  if (!source) throw notFound('investor');
  const { items } = await runRecipe(ctx, recipes.investorProjects, source, {
    limit,
    weights: recipes.investorProjects.defaultWeights,
  });
  return { items, model: ctx.model };
}

/**
 * GET /v1/trainings/{id}/matches/founders: the providing trainer, center staff (their founders), admins.
 * Each item also lists the stages of the founder's projects. A trainer sees the items pseudonymously
 * (recipes/training-founders.ts cohortView): its own handle per founder instead of the id, no name,
 * education, county or center; it invites by that handle (src/engagement/training-invitations.ts).
 */
export async function matchTrainingFounders(
  ctx: EngineContext,
  actor: Actor,
  trainingId: string,
  limit: number,
): Promise<MatchResult> {
  if (!['admin', 'center_staff', 'trainer'].includes(actor.role) || !isUuid(trainingId)) throw notFound('training');
  const p = await loadProfile(ctx, trainingsTable, 'training', trainingId, (r) => ({ topics: r.topics }));
  if (!p || (actor.role === 'trainer' && p.row.provider !== actor.subjectId)) throw notFound('training');
  // Archived (deleted with history): out of scope for non-admins; an admin learns why there is no cohort.
  if (p.row.archivedAt) {
    if (actor.role !== 'admin') throw notFound('training');
    throw conflict('The training was deleted (archived); it takes no founders / 该培训已删除（归档），不再接收创业者');
  }
  const source: TrainingSource = { ...p, ...(await trainingExclusions(ctx.db, trainingId)) };
  const scope = actor.role === 'center_staff' ? eq(foundersTable.centerId, actor.centerId!) : undefined;
  const { items } = await runRecipe(ctx, recipes.trainingFounders, source, {
    limit,
    weights: recipes.trainingFounders.defaultWeights,
    scope,
  });
  const stages = await projectStagesOf(
    ctx.db,
    items.map((i) => i.id),
  );
  if (actor.role !== 'trainer')
    return { items: items.map((i) => ({ ...i, stages: stages.get(i.id) ?? [] })), model: ctx.model };
  const handles = await trainerHandles(ctx.db, actor.subjectId!);
  return { items: items.map((i) => cohortView(i, handles.handle(i.id), stages.get(i.id) ?? [])), model: ctx.model };
}
