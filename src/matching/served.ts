// Match results as a caller is served them: from the caller's cache entry while the data is unchanged,
// else computed and stored. One path for the API's match endpoints and the console's match pages, so
// both answer the same caller the same list (and share one cache entry per request).
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import type { Embedder } from '../embedding/embedder.ts';
import type { MatchCache } from './cache.ts';
import type { CandidateIndex } from './candidate-index.ts';
import type { EngineContext } from './engine.ts';
import { todayInShanghai } from './rules.ts';
import { notFound } from '../errors.ts';
import { journeyPath, type ProjectTarget, projectJourney } from './journeys.ts';
import { matchJourney, type MatchResult } from './service.ts';
import type { ReasonLang } from './types.ts';

/** What the serving reports per call (the API's Prometheus instruments; absent in the console). */
export interface ServeMetrics {
  cacheResult(journey: string, result: 'hit' | 'miss' | 'off'): void;
  computeTimer(journey: string): () => void;
}

export interface MatchServing {
  db: Db;
  embedder: Pick<Embedder, 'id'>;
  cache: MatchCache;
  index: CandidateIndex;
  metrics?: ServeMetrics;
}

export interface ServeRequest {
  actor: Actor;
  /** The API path of the request (`/v1/projects/{id}/matches/mentors`): part of the cache key. */
  path: string;
  lang: ReasonLang;
  limit: number;
  /** Recompute (and store) instead of reading the cache (`Cache-Control: no-cache`). */
  refresh: boolean;
  /** The recipe's id, labelling the metrics. */
  journey: string;
}

export interface Served {
  /** The result serialized as the API sends it. */
  body: string;
  cache: 'hit' | 'miss' | 'off';
}

/**
 * What a cached result may be reused for: the same caller (key and binding), request, language and
 * day (date rules are evaluated in Asia/Shanghai).
 */
const cacheKey = (r: ServeRequest) =>
  [r.actor.role, r.actor.keyId, r.actor.subjectId, r.actor.centerId, r.lang, r.path, r.limit, todayInShanghai()].join(
    '|',
  );

/** The caller's stored result, else `run` computed and stored. Errors are never stored. */
export async function serveMatches(
  s: MatchServing,
  r: ServeRequest,
  run: (ctx: EngineContext) => Promise<MatchResult>,
): Promise<Served> {
  const key = cacheKey(r);
  const hit = r.refresh ? undefined : s.cache.get(key);
  if (hit) {
    s.metrics?.cacheResult(r.journey, 'hit');
    return { body: hit, cache: 'hit' };
  }
  const generation = s.cache.generation();
  const timed = s.metrics?.computeTimer(r.journey);
  const body = JSON.stringify(await run({ db: s.db, model: s.embedder.id, lang: r.lang, index: s.index }));
  timed?.();
  s.cache.set(key, body, generation);
  const result = s.cache.enabled ? 'miss' : 'off';
  s.metrics?.cacheResult(r.journey, result);
  return { body, cache: result };
}

/** A project's matches for one journey as its manager is served them (404 when out of its scope). */
export async function servedProjectMatches(
  s: MatchServing,
  actor: Actor,
  projectId: string,
  target: ProjectTarget,
  opts: { limit: number; lang: ReasonLang; refresh?: boolean },
): Promise<MatchResult> {
  const journey = projectJourney(target);
  if (!journey) throw notFound('journey');
  const served = await serveMatches(
    s,
    {
      actor,
      // The API's path of these matches: the console and the API share the cache entry.
      path: journeyPath(journey, projectId),
      lang: opts.lang,
      limit: opts.limit,
      refresh: !!opts.refresh,
      journey: journey.id,
    },
    (ctx) => matchJourney(ctx, actor, journey, projectId, opts.limit),
  );
  return JSON.parse(served.body) as MatchResult;
}
