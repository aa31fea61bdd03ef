// Per-center feature weights: read, validated update (audited), and a what-if preview that shows
// how the top-10 of a sample of the center's projects would change before the weights are saved.
import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { centersTable, matchingWeightsTable, projectsTable } from '../../models/schema.ts';
import { audit } from '../audit/record.ts';
import { actorLabel, isAdmin, isStaffOf, type Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { notFound, unprocessable } from '../errors.ts';
import type { EngineContext } from './engine.ts';
import { JOURNEYS, journeyById, type Journey, journeysFrom } from './journeys.ts';
import { matchJourney } from './service.ts';
import type { WeightSet } from './sources.ts';

export type { WeightSet };

/** `{ "<journey id>": { "<feature id>": 0..1 } }` with only the journeys' ids and their features. */
export const weightSetSchemaOf = (journeys: readonly Journey[]) =>
  z
    .object(
      Object.fromEntries(
        journeys.map(({ recipe: r }) => [
          r.id,
          z
            .object(Object.fromEntries(Object.keys(r.defaultWeights).map((f) => [f, z.number().min(0).max(1)])))
            .partial()
            .strict()
            .optional(),
        ]),
      ),
    )
    .strict();
export const weightSetSchema = weightSetSchemaOf(JOURNEYS);

export const defaultWeightSet = (): WeightSet =>
  Object.fromEntries(JOURNEYS.map(({ recipe: r }) => [r.id, { ...r.defaultWeights }]));

/**
 * The journeys a preview can compare: a project's, since it ranks a sample of the center's projects
 * (other sources have no center: their weights are the defaults).
 */
export const PREVIEWABLE = journeysFrom('project').map((j) => j.id) as [string, ...string[]];

async function assertCenterAccess(db: Db, actor: Actor, centerId: string) {
  if (!z.uuid().safeParse(centerId).success || !(isAdmin(actor) || isStaffOf(actor, centerId)))
    throw notFound('center');
  const [c] = await db.select({ id: centersTable.id }).from(centersTable).where(eq(centersTable.id, centerId));
  if (!c) throw notFound('center');
}

/** The center's effective weights (defaults overlaid with its own) and the defaults. */
export async function getWeights(db: Db, actor: Actor, centerId: string) {
  await assertCenterAccess(db, actor, centerId);
  const [row] = await db.select().from(matchingWeightsTable).where(eq(matchingWeightsTable.centerId, centerId));
  return {
    centerId,
    weights: overlay(defaultWeightSet(), row?.weights ?? {}),
    defaults: defaultWeightSet(),
    updatedAt: row?.updatedAt ?? null,
  };
}

export async function putWeights(db: Db, actor: Actor, centerId: string, weights: WeightSet) {
  await assertCenterAccess(db, actor, centerId);
  for (const [recipe, ws] of Object.entries(weights)) {
    if (ws && Object.values(ws).every((w) => w === 0))
      throw unprocessable([
        { path: `weights.${recipe}`, message: 'at least one weight must be positive / 至少一个权重大于 0' },
      ]);
  }
  await db.transaction(async (tx) => {
    await tx
      .insert(matchingWeightsTable)
      .values({ centerId, weights, updatedBy: actorLabel(actor) })
      .onConflictDoUpdate({
        target: matchingWeightsTable.centerId,
        set: { weights, updatedBy: actorLabel(actor), updatedAt: new Date() },
      });
    await audit(tx, actor, [
      { action: 'matching_weights.update', entityKind: 'center', entityId: centerId, centerId, detail: weights },
    ]);
  });
  return getWeights(db, actor, centerId);
}

/** Match computations a preview makes per sampled project: the top-10 under the saved and under the proposed weights. */
export const PREVIEW_MATCHES_PER_PROJECT = 2;

/**
 * Top-10 under the saved weights vs under the proposed ones, for up to `sample` of the center's latest
 * projects. `spend` charges the work to the caller's per-key budget of expensive calls before it
 * starts: one unit per match computation, less the one unit the request itself paid.
 */
export async function previewWeights(
  ctx: EngineContext,
  actor: Actor,
  centerId: string,
  proposed: WeightSet,
  recipeId: string,
  sample: number,
  spend?: (units: number) => void,
) {
  await assertCenterAccess(ctx.db, actor, centerId);
  const journey = PREVIEWABLE.includes(recipeId) ? journeyById(recipeId) : undefined;
  if (!journey) throw unprocessable([{ path: 'recipe', message: `one of ${PREVIEWABLE.join(', ')}` }]);
  const current = (await getWeights(ctx.db, actor, centerId)).weights[recipeId];
  const next = { ...current, ...(proposed[recipeId] ?? {}) };
  const projects = await ctx.db
    .select({ id: projectsTable.id, title: projectsTable.title })
    .from(projectsTable)
    .where(eq(projectsTable.centerId, centerId))
    .orderBy(desc(projectsTable.id))
    .limit(sample);
  spend?.(PREVIEW_MATCHES_PER_PROJECT * projects.length - 1);
  const items = [];
  for (const p of projects) {
    const before = (await matchJourney(ctx, actor, journey, p.id, 10, current)).items;
    const after = (await matchJourney(ctx, actor, journey, p.id, 10, next)).items;
    const was = new Set(before.map((i) => i.id));
    const now = new Set(after.map((i) => i.id));
    items.push({
      projectId: p.id,
      title: p.title,
      current: before.map((i) => ({ id: i.id, score: i.score })),
      proposed: after.map((i) => ({ id: i.id, score: i.score })),
      overlap: after.filter((i) => was.has(i.id)).length,
      entered: after.filter((i) => !was.has(i.id)).map((i) => i.id),
      left: before.filter((i) => !now.has(i.id)).map((i) => i.id),
    });
  }
  return { recipe: recipeId, current, proposed: next, projects: items };
}

function overlay(base: WeightSet, own: WeightSet): WeightSet {
  return Object.fromEntries(Object.entries(base).map(([k, v]) => [k, { ...v, ...(own[k] ?? {}) }]));
}
