// Match results through the match cache (src/matching/cache.ts): the one path by which the API's match
// endpoints and the console's pages reuse a result while the data it was computed from is unchanged.
import type { Actor } from '../auth/actor.ts';
import type { MatchCache } from './cache.ts';
import { todayInShanghai } from './rules.ts';
import type { MatchResult } from './service.ts';

/**
 * What a cached result may be reused for: the same caller (key or account, and binding), request,
 * language and day (date rules are evaluated in Asia/Shanghai). `request` names the journey and
 * source (the API passes its path).
 */
export function matchCacheKey(actor: Actor, lang: string, request: string, limit: number): string {
  return [actor.role, actor.keyId, actor.subjectId, actor.centerId, lang, request, limit, todayInShanghai()].join('|');
}

export type CacheOutcome = 'hit' | 'miss' | 'off';

/**
 * The stored result for `key` while the data is unchanged (hit), else computed and stored (miss;
 * off when the cache is disabled). `refresh` asks for a fresh computation. Errors are never stored.
 * Returns the JSON body, so a hit costs no serialisation.
 */
export async function cachedMatches(
  cache: MatchCache,
  key: string,
  run: () => Promise<MatchResult>,
  opts: { refresh?: boolean; timer?: () => () => void } = {},
): Promise<{ body: string; outcome: CacheOutcome }> {
  const hit = opts.refresh ? undefined : cache.get(key);
  if (hit) return { body: hit, outcome: 'hit' };
  const generation = cache.generation();
  const timed = opts.timer?.();
  const body = JSON.stringify(await run());
  timed?.();
  cache.set(key, body, generation);
  return { body, outcome: cache.enabled ? 'miss' : 'off' };
}
