// The investor's fitting projects: the investor→projects matches of the API (the same domain function,
// the same cache entries as GET /v1/investors/{id}/matches/projects with that limit and language).
import type { Actor } from '../../auth/actor.ts';
import type { AppDeps } from '../../http/app.ts';
import type { Lang } from '../../i18n/lang.ts';
import { cachedMatches, matchCacheKey } from '../../matching/cached.ts';
import { matchInvestorProjects, type MatchResult } from '../../matching/service.ts';
import { reasonLangFor } from '../shared/match-reasons.tsx';

/** The page sizes offered (the API takes 1–100). */
export const DISCOVER_LIMITS = [10, 20, 50] as const;
export const DEFAULT_LIMIT = 10;

export const parseLimit = (value: string | undefined): number => {
  const n = Number(value);
  return (DISCOVER_LIMITS as readonly number[]).includes(n) ? n : DEFAULT_LIMIT;
};

export type MatchDeps = Pick<AppDeps, 'database' | 'embedder' | 'matchCache' | 'candidateIndex'>;

export async function investorMatches(deps: MatchDeps, actor: Actor, lang: Lang, limit: number): Promise<MatchResult> {
  const engineLang = reasonLangFor(lang);
  const investorId = actor.subjectId ?? '';
  const key = matchCacheKey(actor, engineLang, `/v1/investors/${investorId}/matches/projects`, limit);
  const ctx = { db: deps.database.db, model: deps.embedder.id, lang: engineLang, index: deps.candidateIndex };
  const { body } = await cachedMatches(deps.matchCache, key, () =>
    matchInvestorProjects(ctx, actor, investorId, limit),
  );
  return JSON.parse(body) as MatchResult;
}
