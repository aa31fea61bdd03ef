// The investor's fitting projects: the investor→projects matches of the API (the same domain function,
// served through the same cache entry as GET /v1/investors/{id}/matches/projects with that limit and language).
import type { Actor } from '../../auth/actor.ts';
import type { AppDeps } from '../../http/app.ts';
import type { Lang } from '../../i18n/lang.ts';
import { journeyOf, journeyPath } from '../../matching/journeys.ts';
import { investorProjects } from '../../matching/recipes/index.ts';
import { matchJourney, type MatchResult } from '../../matching/service.ts';
import { serveMatches } from '../../matching/served.ts';

/** The page sizes offered (the API takes 1–100). */
export const DISCOVER_LIMITS = [10, 20, 50] as const;
export const DEFAULT_LIMIT = 10;

export const parseLimit = (value: string | undefined): number => {
  const n = Number(value);
  return (DISCOVER_LIMITS as readonly number[]).includes(n) ? n : DEFAULT_LIMIT;
};

const journey = journeyOf(investorProjects);

export type MatchDeps = Pick<AppDeps, 'database' | 'embedder' | 'matchCache' | 'candidateIndex'>;

export async function investorMatches(deps: MatchDeps, actor: Actor, lang: Lang, limit: number): Promise<MatchResult> {
  const investorId = actor.subjectId ?? '';
  const serving = { db: deps.database.db, embedder: deps.embedder, cache: deps.matchCache, index: deps.candidateIndex };
  const { body } = await serveMatches(
    serving,
    {
      actor,
      path: journeyPath(journey, investorId),
      lang,
      limit,
      refresh: false,
      journey: journey.id,
    },
    (ctx) => matchJourney(ctx, actor, journey, investorId, limit),
  );
  return JSON.parse(body) as MatchResult;
}
