import type { Db } from '../../db/client.ts';
import type { Embedder } from '../../embedding/embedder.ts';
import type { EngineContext } from '../../matching/engine.ts';
import type { CandidateIndex } from '../../matching/candidate-index.ts';
import type { MatchCache } from '../../matching/cache.ts';
import { type MatchServing, serveMatches } from '../../matching/served.ts';
import type { Journey } from '../../matching/journeys.ts';
import { matchJourney, type MatchResult } from '../../matching/service.ts';
import type { Lang, ReasonLang } from '../../matching/types.ts';
import type { MatchMetrics } from '../metrics.ts';

/** The reasons' language from Accept-Language: the highest-q of zh / en / bo; zh when none is asked for. */
export function preferredReasonLang(header: string | undefined): ReasonLang {
  let best: { lang: ReasonLang; q: number } = { lang: 'zh', q: -1 };
  for (const part of (header ?? '').split(',')) {
    const [tag, ...params] = part.trim().toLowerCase().split(';');
    const q = Number(params.find((p) => p.trim().startsWith('q='))?.split('=')[1] ?? 1);
    const lang: ReasonLang | null = tag.startsWith('en')
      ? 'en'
      : tag.startsWith('zh')
        ? 'zh'
        : tag.startsWith('bo')
          ? 'bo'
          : null;
    if (lang && Number.isFinite(q) && q > best.q) best = { lang, q };
  }
  return best.lang;
}

/**
 * The language of stored zh/en texts (assignment runs, weight previews) from Accept-Language: as
 * preferredReasonLang, with Tibetan callers reading Chinese.
 */
export function preferredLang(header: string | undefined): Lang {
  const lang = preferredReasonLang(header);
  return lang === 'bo' ? 'zh' : lang;
}

export function matchHandlers(
  db: Db,
  embedder: Embedder,
  cache: MatchCache,
  index: CandidateIndex,
  metrics?: MatchMetrics,
) {
  const serving: MatchServing = { db, embedder, cache, index, metrics };
  const args = (c: any) => [c.req.valid('param').id, c.req.valid('query').limit] as const;
  /**
   * The caller's stored result while the data is unchanged (X-Match-Cache: hit), else computed and
   * stored (miss). `Cache-Control: no-cache` asks for a fresh computation. Errors are never stored.
   * `journey` (the recipe's id) labels the metrics.
   */
  const served = async (c: any, journey: string, run: (ctx: EngineContext) => Promise<MatchResult>) => {
    const { body, cache: result } = await serveMatches(
      serving,
      {
        actor: c.get('actor'),
        path: c.req.path,
        // The validated `?lang=` first, then Accept-Language.
        lang: c.req.valid('query').lang ?? preferredReasonLang(c.req.header('accept-language')),
        limit: c.req.valid('query').limit,
        refresh: /no-cache|no-store/i.test(c.req.header('cache-control') ?? ''),
        journey,
      },
      run,
    );
    return c.body(body, 200, { 'content-type': 'application/json', 'x-match-cache': result });
  };
  return {
    /** GET /v1/<source>/{id}/matches/<target> of one journey. */
    journey: (journey: Journey) => (c: any) => {
      const [id, limit] = args(c);
      return served(c, journey.id, (e) => matchJourney(e, c.get('actor'), journey, id, limit));
    },
  };
}
