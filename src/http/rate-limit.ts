// Rate limits: failed authentication per client IP (slows key guessing) and the expensive
// endpoints per API key (matching, assignment runs, reindex). In-memory token buckets: the limit
// is per API process, which is what protects that process; several processes behind a load
// balancer each apply it (an operator divides the limits accordingly).
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../errors.ts';
import type { AppEnv } from './env.ts';
import { actorLabel } from '../auth/actor.ts';
import { JOURNEYS, type Journey, journeysFrom } from '../matching/journeys.ts';

export interface RateLimitConfig {
  /** Tokens per window (the burst); 0 disables the limit. */
  limit: number;
  windowMs: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class TokenBucket {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly cfg: RateLimitConfig,
    private readonly now: () => number = () => Date.now(),
  ) {}

  get enabled(): boolean {
    return this.cfg.limit > 0;
  }

  private refill(key: string): Bucket {
    const t = this.now();
    const rate = this.cfg.limit / this.cfg.windowMs;
    const b = this.buckets.get(key) ?? { tokens: this.cfg.limit, at: t };
    b.tokens = Math.min(this.cfg.limit, b.tokens + (t - b.at) * rate);
    b.at = t;
    this.buckets.set(key, b);
    if (this.buckets.size > 50_000) this.prune();
    return b;
  }

  /**
   * Seconds until `n` tokens are available, 0 when they are available now (nothing is taken). A
   * cost above the burst counts as the whole burst: such a call waits for a full bucket, never forever.
   */
  wait(key: string, n = 1): number {
    if (!this.enabled) return 0;
    const need = Math.min(n, this.cfg.limit);
    const b = this.refill(key);
    if (b.tokens >= need) return 0;
    return Math.max(1, Math.ceil(((need - b.tokens) * this.cfg.windowMs) / this.cfg.limit / 1000));
  }

  /** Takes `n` tokens (at most the burst); returns the seconds to wait when too few are left (nothing is taken then). */
  take(key: string, n = 1): number {
    const wait = this.wait(key, n);
    if (wait === 0 && this.enabled) this.buckets.get(key)!.tokens -= Math.min(n, this.cfg.limit);
    return wait;
  }

  /** Forgets full buckets: they are the same as no bucket. */
  private prune(): void {
    for (const [k, b] of this.buckets) if (b.tokens >= this.cfg.limit) this.buckets.delete(k);
  }
}

export const tooManyRequests = (retryAfter: number, what: { en: string; zh: string }) =>
  new AppError(
    429,
    'Too Many Requests',
    `Too many ${what.en}; retry after ${retryAfter} s / ${what.zh}过于频繁，请 ${retryAfter} 秒后重试`,
    [],
    { 'Retry-After': String(retryAfter) },
  );

/** The what-if preview of matching weights: a POST that writes nothing. */
export const PREVIEW_PATH = /^\/v1\/centers\/[^/]+\/matching-weights\/preview\/?$/;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** A route template (`/projects/{id}/matches/mentors`) under `prefix` as a pattern of request paths. */
const routePattern = (prefix: string, route: string) =>
  `${escapeRe(prefix)}${route.split('{id}').map(escapeRe).join('[^/]+')}`;

/** The match routes of `journeys` (the API's and the console's project match pages) as one pattern. */
export function journeyPaths(journeys: readonly Journey[] = JOURNEYS): RegExp {
  const api = journeys.map((j) => routePattern('/v1', j.route));
  const pages = journeysFrom('project', journeys).map((j) => routePattern('/app', j.route));
  return new RegExp(`^(?:${[...api, ...pages].join('|')})/?$`);
}

/** Endpoints whose cost is far above a CRUD call: matching, what-if previews, assignment runs, reindex. */
const EXPENSIVE: [string, RegExp][] = [
  // Every journey's matches (the registry, src/matching/journeys.ts), and the console's pages that compute
  // a project's matches: the same budget per person as the API's match calls.
  ['GET', journeyPaths()],
  ['POST', PREVIEW_PATH],
  ['POST', /^\/v1\/centers\/[^/]+\/assignment-runs\/?$/],
  ['POST', /^\/v1\/admin\/reindex\/?$/],
  // The console's other pages that compute matches.
  ['GET', /^\/app\/discover\/?$/],
  // Coach assignment runs and the weights' what-if preview (its `spend` charges the matches it computes).
  ['POST', /^\/app\/assignment\/?$/],
  ['POST', /^\/app\/weights\/?$/],
];
// HEAD runs the GET handler (the body is dropped afterwards), so it costs and counts the same.
export const isExpensive = (method: string, path: string) => {
  const m = method === 'HEAD' ? 'GET' : method;
  return EXPENSIVE.some(([em, re]) => em === m && re.test(path));
};

const EXPENSIVE_WHAT = { en: 'expensive requests (matching, assignment, reindex)', zh: '匹配、指派或重建索引请求' };

/**
 * Per API key or console account (the env admin key counts as one caller), on the expensive endpoints only: each call
 * takes one token, and a handler whose work depends on its input (the what-if preview: two match
 * computations per sampled project) takes the rest through `spend` before it starts the work.
 */
export function expensiveLimit(bucket: TokenBucket): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (bucket.enabled && isExpensive(c.req.method, c.req.path)) {
      const actor = c.get('actor');
      const key = actorLabel(actor);
      const wait = bucket.take(key);
      if (wait) throw tooManyRequests(wait, EXPENSIVE_WHAT);
      c.set('spend', (units: number) => {
        const more = units > 0 ? bucket.take(key, units) : 0;
        if (more) throw tooManyRequests(more, EXPENSIVE_WHAT);
      });
    }
    await next();
  };
}
