// The six match endpoints' domain logic: who may ask, loading the source, the recipe, the weights.
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import {
  enrollmentsTable, foundersTable, introductionsTable, investorsTable, matchingWeightsTable, projectFoundersTable, projectsTable, trainingsTable,
} from '../../models/schema.ts';
import type { EmbeddedKind } from '../../models/embeddings/table.ts';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { notFound } from '../errors.ts';
import { projects } from '../resources/projects.ts';
import { profileQuery, toProfile } from './profile.ts';
import { runRecipe, type EngineContext } from './engine.ts';
import { todayInShanghai } from './rules.ts';
import * as recipes from './recipes/index.ts';
import type { MatchItem, Profile, ProjectSource, Recipe, TrainingSource } from './types.ts';

export type ProjectTarget = 'mentors' | 'investors' | 'trainings' | 'services';
const projectRecipes: Record<ProjectTarget, { recipe: Recipe<ProjectSource>; declared: { topics?: string; sectors?: string } }> = {
  mentors: { recipe: recipes.projectMentors, declared: { topics: 'expertise', sectors: 'sectors' } },
  investors: { recipe: recipes.projectInvestors, declared: { sectors: 'sectors' } },
  trainings: { recipe: recipes.projectTrainings, declared: { topics: 'topics' } },
  services: { recipe: recipes.projectServices, declared: { topics: 'category' } },
};
export const RECIPES = [recipes.projectMentors, recipes.projectInvestors, recipes.projectTrainings, recipes.projectServices, recipes.investorProjects, recipes.trainingFounders];

const isUuid = (s: string) => z.uuid().safeParse(s).success;

async function loadProfile(ctx: EngineContext, table: any, kind: EmbeddedKind, id: string, declared: { topics?: string[]; sectors?: string[] } | ((row: any) => { topics?: string[]; sectors?: string[] })): Promise<Profile | null> {
  const [raw] = await profileQuery(ctx.db, table, kind, ctx.model)(eq(table.id, id), 1);
  if (!raw) return null;
  return toProfile(raw, typeof declared === 'function' ? declared(raw) : declared);
}

export async function loadProjectSource(ctx: EngineContext, id: string): Promise<ProjectSource | null> {
  const p = await loadProfile(ctx, projectsTable, 'project', id, (r) => ({ topics: r.needs, sectors: [r.sector] }));
  if (!p) return null;
  const founders = await ctx.db
    .select({ id: foundersTable.id, groups: foundersTable.groups, languages: foundersTable.languages })
    .from(projectFoundersTable)
    .innerJoin(foundersTable, eq(foundersTable.id, projectFoundersTable.founderId))
    .where(eq(projectFoundersTable.projectId, id));
  const intros = await ctx.db
    .select({ id: introductionsTable.targetId })
    .from(introductionsTable)
    .where(and(eq(introductionsTable.projectId, id), inArray(introductionsTable.status, ['requested', 'accepted', 'declined'])));
  const enrolled = founders.length
    ? await ctx.db.select({ id: enrollmentsTable.trainingId }).from(enrollmentsTable).where(inArray(enrollmentsTable.founderId, founders.map((f) => f.id)))
    : [];
  return { ...p, founders, introduced: new Set(intros.map((i) => i.id)), enrolledTrainings: new Set(enrolled.map((e) => e.id)), today: todayInShanghai() };
}

/** A center's weights for a recipe over the recipe's defaults (unknown features ignored). */
export async function weightsFor(db: Db, centerId: string | null | undefined, recipe: Recipe<any>): Promise<Record<string, number>> {
  if (!centerId) return recipe.defaultWeights;
  const [row] = await db.select().from(matchingWeightsTable).where(eq(matchingWeightsTable.centerId, centerId));
  return { ...recipe.defaultWeights, ...(row?.weights?.[recipe.id] ?? {}) };
}

export interface MatchResult {
  items: MatchItem[];
  model: string;
}

/** GET /v1/projects/{id}/matches/<target>: founders of the project, its center's staff, admins. */
export async function matchProject(ctx: EngineContext, actor: Actor, projectId: string, target: ProjectTarget, limit: number, weights?: Record<string, number>): Promise<MatchResult> {
  if (!['admin', 'center_staff', 'founder'].includes(actor.role) || !isUuid(projectId)) throw notFound('project');
  const scope = projects.policy.scope(actor);
  if (scope === 'none') throw notFound('project');
  const [visible] = await ctx.db.select({ id: projectsTable.id }).from(projectsTable).where(and(eq(projectsTable.id, projectId), scope === 'all' ? undefined : scope));
  if (!visible) throw notFound('project');
  const source = (await loadProjectSource(ctx, projectId))!;
  const { recipe, declared } = projectRecipes[target];
  const w = weights ?? (await weightsFor(ctx.db, source.row.centerId, recipe));
  const { items } = await runRecipe(ctx, recipe, source, { limit, weights: w, declared });
  return { items, model: ctx.model };
}

/** GET /v1/investors/{id}/matches/projects: that investor, admins. */
export async function matchInvestorProjects(ctx: EngineContext, actor: Actor, investorId: string, limit: number): Promise<MatchResult> {
  const allowed = actor.role === 'admin' || (actor.role === 'investor' && actor.subjectId === investorId);
  if (!allowed || !isUuid(investorId)) throw notFound('investor');
  const source = await loadProfile(ctx, investorsTable, 'investor', investorId, (r) => ({ sectors: r.sectors }));
  if (!source) throw notFound('investor');
  const { items } = await runRecipe(ctx, recipes.investorProjects, source, {
    limit, weights: recipes.investorProjects.defaultWeights, declared: { topics: 'needs', sectors: 'sector' },
  });
  return { items, model: ctx.model };
}

/** GET /v1/trainings/{id}/matches/founders: the providing trainer, center staff (their founders), admins. */
export async function matchTrainingFounders(ctx: EngineContext, actor: Actor, trainingId: string, limit: number): Promise<MatchResult> {
  if (!['admin', 'center_staff', 'trainer'].includes(actor.role) || !isUuid(trainingId)) throw notFound('training');
  const p = await loadProfile(ctx, trainingsTable, 'training', trainingId, (r) => ({ topics: r.topics }));
  if (!p || (actor.role === 'trainer' && p.row.provider !== actor.subjectId)) throw notFound('training');
  const enrolled = await ctx.db.select({ id: enrollmentsTable.founderId }).from(enrollmentsTable).where(eq(enrollmentsTable.trainingId, trainingId));
  const source: TrainingSource = { ...p, enrolledFounders: new Set(enrolled.map((e) => e.id)) };
  const scope = actor.role === 'center_staff' ? eq(foundersTable.centerId, actor.centerId!) : undefined;
  const { items } = await runRecipe(ctx, recipes.trainingFounders, source, {
    limit, weights: recipes.trainingFounders.defaultWeights, scope, declared: {},
  });
  return { items, model: ctx.model };
}

