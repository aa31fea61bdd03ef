// What the trainer's pages read and write through: the trainings Repository (the API's policy: a
// trainer manages trainings whose provider is its own name), enrolments and invitations (the
// engagement classes), and the training→founders cohort matches, served as the API serves them
// (pseudonymous handles for a trainer, from the same domain function and cache entry).
import type { Context } from 'hono';
import type { Actor } from '../../auth/actor.ts';
import { countEnrollments } from '../../engagement/capacity.ts';
import { Enrollments } from '../../engagement/enrollments.ts';
import { TrainingInvitations, type TrainingInvitation } from '../../engagement/training-invitations.ts';
import { notFound } from '../../errors.ts';
import type { AppDeps } from '../../http/app.ts';
import type { Lang } from '../../i18n/lang.ts';
import { serveMatches } from '../../matching/served.ts';
import { journeyOf, journeyPath } from '../../matching/journeys.ts';
import { trainingFounders } from '../../matching/recipes/index.ts';
import { matchJourney } from '../../matching/service.ts';
import type { MatchItem } from '../../matching/types.ts';
import { trainings } from '../../resources/index.ts';
import { Repository } from '../../resources/repository.ts';
import type { ReadContext, Row } from '../../resources/types.ts';
import type { ConsoleEnv } from '../env.ts';
import { allPages } from '../founder/shared.ts';

export type TrainerDeps = Pick<AppDeps, 'database' | 'embeddingHooks' | 'embedder' | 'matchCache' | 'candidateIndex'>;

/** How many fitting founders the cohort builder lists (the API's maximum page). */
export const COHORT_LIMIT = 100;

export function trainerDomain(deps: TrainerDeps) {
  const db = deps.database.db;
  return {
    db,
    deps,
    trainings: new Repository(trainings, db, deps.embeddingHooks),
    enrollments: new Enrollments(db),
    invitations: new TrainingInvitations(db),
  };
}
export type TrainerDomain = ReturnType<typeof trainerDomain>;

/** The trainer's provider name (its account's subjectId). */
export const providerOf = (actor: Actor) => actor.subjectId ?? '';

/**
 * One of the trainer's own trainings, or the 404 of a missing one: trainings are public to read, but
 * another provider's has no trainer pages (its cohort, seats and invitations are not this trainer's).
 */
export async function ownTraining(d: TrainerDomain, c: Context<ConsoleEnv>, id: string): Promise<Row> {
  const row = await d.trainings.get(c.get('ctx'), id);
  if (row.provider !== providerOf(c.get('actor'))) throw notFound('training');
  return row;
}

export interface Seats {
  seats: number;
  taken: number;
  left: number;
}

export async function seatsOf(d: TrainerDomain, training: Row): Promise<Seats> {
  const taken = await countEnrollments(d.db, training.id);
  return { seats: training.seats, taken, left: Math.max(0, training.seats - taken) };
}

/** A page of the trainer's own trainings (newest ids last, as every list) and their total. */
export async function myTrainings(d: TrainerDomain, ctx: ReadContext, cursor?: string) {
  const filters = { provider: providerOf(ctx.actor) };
  const [page, total] = await Promise.all([
    d.trainings.list(ctx, { limit: 20, cursor, filters }),
    d.trainings.count(ctx, filters),
  ]);
  return { ...page, total };
}

/** Every invitation to the training the trainer sees (handles; names only once accepted). */
export const invitationsOf = (d: TrainerDomain, actor: Actor, trainingId: string): Promise<TrainingInvitation[]> =>
  allPages((cursor) => d.invitations.list(actor, { limit: 100, cursor, trainingId }), 20);

/** A cohort match as a trainer is served it (cohortView in recipes/training-founders.ts). */
export interface CohortMatch extends MatchItem {
  handle: string;
  groups: string[];
  prefectureCode: string;
  languages: string[];
  stages: string[];
}

const cohortJourney = journeyOf(trainingFounders);

/** The founders who fit the training, as GET /v1/trainings/{id}/matches/founders serves the caller. */
export async function cohortMatches(d: TrainerDomain, actor: Actor, trainingId: string, lang: Lang) {
  const serving = { db: d.db, embedder: d.deps.embedder, cache: d.deps.matchCache, index: d.deps.candidateIndex };
  const { body } = await serveMatches(
    serving,
    {
      actor,
      path: journeyPath(cohortJourney, trainingId),
      lang,
      limit: COHORT_LIMIT,
      refresh: false,
      journey: cohortJourney.id,
    },
    (ctx) => matchJourney(ctx, actor, cohortJourney, trainingId, COHORT_LIMIT),
  );
  return (JSON.parse(body) as { items: CohortMatch[] }).items;
}
