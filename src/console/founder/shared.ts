// What every founder page shares: the data-access objects (the API's own, with the signed-in actor),
// the founder-only guard, and small formatting helpers.
import type { Context, Handler } from 'hono';
import type { AppDeps } from '../../http/app.ts';
import { Enrollments } from '../../engagement/enrollments.ts';
import { Introductions } from '../../engagement/introductions.ts';
import { ProjectInvitations } from '../../engagement/project-invitations.ts';
import { TrainingInvitations } from '../../engagement/training-invitations.ts';
import type { MatchServing } from '../../matching/served.ts';
import { centers, founders, investors, mentors, projects, services, trainings } from '../../resources/index.ts';
import { Repository } from '../../resources/repository.ts';
import type { ConsoleEnv } from '../env.ts';

export type FounderDeps = Pick<AppDeps, 'database' | 'embeddingHooks' | 'matchCache' | 'candidateIndex' | 'embedder'>;

/** The domain objects a founder page reads and writes through (the same as the API's). */
export function founderDomain(deps: FounderDeps) {
  const db = deps.database.db;
  const repo = (def: ConstructorParameters<typeof Repository>[0]) => new Repository(def, db, deps.embeddingHooks);
  const matching: MatchServing = {
    db,
    embedder: deps.embedder,
    cache: deps.matchCache,
    index: deps.candidateIndex,
  };
  return {
    db,
    projects: repo(projects),
    founders: repo(founders),
    centers: repo(centers),
    mentors: repo(mentors),
    investors: repo(investors),
    trainings: repo(trainings),
    services: repo(services),
    introductions: new Introductions(db),
    enrollments: new Enrollments(db),
    projectInvitations: new ProjectInvitations(db),
    trainingInvitations: new TrainingInvitations(db),
    matching,
  };
}
export type FounderDomain = ReturnType<typeof founderDomain>;

/**
 * A handler for founders only; other roles fall through to the next route (another role's page of the
 * same path, else the 404 page).
 */
export const founderOnly =
  (h: (c: Context<ConsoleEnv>) => Response | Promise<Response>): Handler<ConsoleEnv> =>
  (c, next) =>
    c.get('session')?.account.role === 'founder' && c.get('actor').subjectId ? h(c) : next();

/** The signed-in founder's id (founderOnly guarantees it). */
export const founderId = (c: Context<ConsoleEnv>) => c.get('actor').subjectId as string;

export { formatDate, formatNumber } from '../format.ts';

/** All rows of a cursor-paginated domain list (bounded: a founder's own records). */
export async function allPages<T>(
  list: (cursor?: string) => Promise<{ items: T[]; nextCursor: string | null }>,
  max = 20,
): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < max; i++) {
    const page = await list(cursor);
    out.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return out;
}
