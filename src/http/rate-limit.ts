// Rate limits: failed authentication per client IP (slows key guessing) and the expensive
// endpoints per API key (matching, assignment runs, reindex). In-memory token buckets: the limit
// is per API process, which is what protects that process; several processes behind a load
// balancer each apply it (an operator divides the limits accordingly).
import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { AppError } from '../errors.ts';
import type { AppEnv } from './env.ts';

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

  /** Seconds until one token is available, 0 when one is available now (nothing is taken). */
  wait(key: string): number {
    if (!this.enabled) return 0;
    const b = this.refill(key);
    if (b.tokens >= 1) return 0;
    return Math.max(1, Math.ceil(((1 - b.tokens) * this.cfg.windowMs) / this.cfg.limit / 1000));
  }

  /** Takes a token; returns the seconds to wait when none is left (nothing is taken then). */
  take(key: string): number {
    const wait = this.wait(key);
    if (wait === 0 && this.enabled) this.buckets.get(key)!.tokens -= 1;
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

/** The client's address: the socket's, or the first X-Forwarded-For hop behind a trusted proxy. */
export function clientIp(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const fwd = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (fwd) return fwd;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // in-process requests (tests) have no socket
  }
}

/** Endpoints whose cost is far above a CRUD call: matching, what-if previews, assignment runs, reindex. */
const EXPENSIVE: [string, RegExp][] = [
  ['GET', /^\/v1\/(projects|investors|trainings)\/[^/]+\/matches\/[^/]+\/?$/],
  ['POST', /^\/v1\/centers\/[^/]+\/matching-weights\/preview\/?$/],
  ['POST', /^\/v1\/centers\/[^/]+\/assignment-runs\/?$/],
  ['POST', /^\/v1\/admin\/reindex\/?$/],
];
export const isExpensive = (method: string, path: string) => EXPENSIVE.some(([m, re]) => m === method && re.test(path));

/** Per API key (the env admin key counts as one caller), on the expensive endpoints only. */
export function expensiveLimit(bucket: TokenBucket): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (bucket.enabled && isExpensive(c.req.method, c.req.path)) {
      const actor = c.get('actor');
      const wait = bucket.take(actor.keyId ?? `${actor.role}:env`);
      if (wait) throw tooManyRequests(wait, { en: 'expensive requests (matching, assignment, reindex)', zh: '匹配、指派或重建索引请求' });
    }
    await next();
  };
}
