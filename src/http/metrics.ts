// Prometheus metrics (prom-client), one registry per app: tests boot several apps in one process,
// and prom-client's global registry would mix (and refuse duplicate) metrics. Request durations are
// labelled by route template (`/v1/projects/:id/matches/mentors`), never by raw path, so the number
// of series stays bounded whatever clients send. Backlog, queue depth and assignment runs are read
// when Prometheus scrapes (from the database and the queues: true across processes and restarts).
import type { Context, MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { matchedRoutes } from 'hono/route';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { count } from 'drizzle-orm';
import { assignmentRunsTable } from '../../models/schema.ts';
import { RUN_STATUSES } from '../../models/enums.ts';
import type { Database } from '../db/client.ts';
import type { Logger } from '../logger.ts';
import type { EmbeddingQueue } from '../../jobs/queue.ts';
import type { AssignmentQueue } from '../../jobs/assignment/queue.ts';
import { countPending } from '../../jobs/drained.ts';

/** What a match call reports (src/http/matches): its journey is the recipe's id, e.g. `project.mentors`. */
export interface MatchMetrics {
  /** The match cache's answer for one call: hit, miss (computed and stored) or off (cache disabled). */
  cacheResult(journey: string, result: 'hit' | 'miss' | 'off'): void;
  /** Starts timing one computation (cache misses only); the returned function stops it. */
  computeTimer(journey: string): () => void;
}

export interface Metrics extends MatchMetrics {
  registry: Registry;
  /** Times each request by method, route template and status. */
  middleware: MiddlewareHandler;
}

export interface MetricsSources {
  database: Database;
  queue: EmbeddingQueue;
  assignmentQueue: AssignmentQueue;
  logger: Logger;
}

export function createMetrics(src: MetricsSources): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  // A source that cannot be read (database or Redis down) leaves its series out of this scrape
  // (NaN for a single value) instead of failing the whole scrape.
  const unreadable = (what: string) => (err: unknown) => {
    src.logger.debug({ err }, `metrics: could not read ${what}`);
    return null;
  };

  const httpDuration = new Histogram({
    name: 'scm_http_request_duration_seconds',
    help: 'HTTP request duration by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const matchDuration = new Histogram({
    name: 'scm_match_duration_seconds',
    help: 'Time to compute one match result (cache misses), by journey',
    labelNames: ['journey'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers,
  });
  const matchCache = new Counter({
    name: 'scm_match_cache_requests_total',
    help: 'Match calls by journey and match-cache result (hit, miss, off)',
    labelNames: ['journey', 'result'] as const,
    registers,
  });
  new Gauge({
    name: 'scm_embedding_backlog',
    help: 'Entities waiting to be embedded (pending rows that will be retried), read at scrape',
    registers,
    async collect() {
      const n = await countPending(src.database.db).catch(unreadable('the embedding backlog'));
      this.set(n ?? Number.NaN);
    },
  });
  new Gauge({
    name: 'scm_queue_jobs',
    help: 'Jobs in the embedding and assignment queues by state, read at scrape',
    labelNames: ['queue', 'state'] as const,
    registers,
    async collect() {
      this.reset();
      for (const [name, q] of [
        ['embed', src.queue],
        ['assign', src.assignmentQueue],
      ] as const) {
        const counts = await q.depth().catch(unreadable(`the ${name} queue`));
        for (const [state, n] of Object.entries(counts ?? {})) this.set({ queue: name, state }, n);
      }
    },
  });
  new Gauge({
    name: 'scm_assignment_runs',
    help: 'Coach assignment runs by status (done and failed are outcomes), read at scrape',
    labelNames: ['status'] as const,
    registers,
    async collect() {
      this.reset();
      const t = assignmentRunsTable;
      const rows = await src.database.db
        .select({ status: t.status, n: count() })
        .from(t)
        .groupBy(t.status)
        .catch(unreadable('assignment runs'));
      if (!rows) return;
      for (const status of RUN_STATUSES) this.set({ status }, 0);
      for (const r of rows) this.set({ status: r.status }, Number(r.n));
    },
  });

  return {
    registry,
    middleware: async (c, next) => {
      const end = httpDuration.startTimer();
      await next();
      end({ method: c.req.method, route: routeTemplate(c), status: String(c.res.status) });
    },
    cacheResult: (journey, result) => matchCache.inc({ journey, result }),
    computeTimer: (journey) => matchDuration.startTimer({ journey }),
  };
}

/** The template of the route that handled the request (middleware matches `*` patterns), or `unmatched`. */
export function routeTemplate(c: Context): string {
  const routes = matchedRoutes(c);
  for (let i = routes.length - 1; i >= 0; i--) if (routes[i].method !== 'ALL') return routes[i].path;
  return 'unmatched';
}

/** GET /metrics: the registry in Prometheus' text format. */
export const metricsHandler = (m: Metrics) => async (c: Context) =>
  c.body(await m.registry.metrics(), 200, { 'content-type': m.registry.contentType, 'cache-control': 'no-store' });

/** The unauthenticated /metrics app for METRICS_PORT (bound to METRICS_HOST, loopback by default). */
export function metricsApp(m: Metrics) {
  const app = new Hono();
  app.get('/metrics', metricsHandler(m));
  return app;
}
