// The Hono application: middleware, public routes, authenticated /v1 routes, OpenAPI document.
import { centerStatusRouter } from './center-status/center-status.index.ts';
import { regionTargetsRouter } from './regions/region-targets.index.ts';
import { OpenAPIHono } from '@hono/zod-openapi';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { Logger } from '../logger.ts';
import { Repository } from '../resources/repository.ts';
import { resourceDefs } from '../resources/index.ts';
import type { EmbeddingHooks } from '../resources/embedding-hooks.ts';
import type { Embedder } from '../embedding/embedder.ts';
import type { EmbeddingQueue } from '../../jobs/queue.ts';
import type { AssignmentQueue } from '../../jobs/assignment/queue.ts';
import type { AppEnv } from './env.ts';
import type { MatchCache } from '../matching/cache.ts';
import {
  authenticate,
  adminOnly,
  bodyLimit,
  emptyBodyIsNoBody,
  invalidateOnCommittedWrite,
  requestLog,
  requireJson,
  requireStorableJson,
} from './middleware.ts';
import { TokenBucket, expensiveLimit } from './rate-limit.ts';
import { clientAddress } from './client-ip.ts';
import { auditRouter } from './audit/audit.index.ts';
import { privacyRouter } from './privacy/privacy.index.ts';
import { spreadsheetsRouter } from './spreadsheets/spreadsheets.index.ts';
import { errorHandler, problem, validationHook } from './problem.ts';
import { resourceRouter } from './resources/resources.index.ts';
import { regionsRouter } from './regions/regions.index.ts';
import { apiKeysRouter } from './api-keys/api-keys.index.ts';
import { introductionsRouter } from './introductions/introductions.index.ts';
import { enrollmentsRouter } from './enrollments/enrollments.index.ts';
import { projectInvitationsRouter } from './project-invitations/project-invitations.index.ts';
import { accountsRouter } from './accounts/accounts.index.ts';
import { healthRouter, reindexHandler, reindexRoute, statusHandler, statusRoute } from './system/system.index.ts';
import { docsRouter } from './system/docs.ts';
import { matchesRouter } from './matches/matches.index.ts';
import type { CandidateIndex } from '../matching/candidate-index.ts';
import { matchingWeightsRouter } from './matching-weights/matching-weights.index.ts';
import { assignmentRunsRouter } from './assignment-runs/assignment-runs.index.ts';
import { lifecycleRouter } from './lifecycle/lifecycle.index.ts';
import { reportsRouter } from './reports/reports.index.ts';
import { statisticsSeriesRouter } from './statistics-series/statistics-series.index.ts';
import { statisticsCoverageRouter } from './statistics-coverage/statistics-coverage.index.ts';
import { statisticsFunnelsRouter } from './statistics-funnels/statistics-funnels.index.ts';
import { metricsHandler, type Metrics } from './metrics.ts';
import { closeConnectionsWhenStopping, type Lifecycle } from './system/ready.ts';
import { assetsRouter } from '../console/assets.ts';
import { consoleRouter } from '../console/console.index.ts';

export const MAX_BODY_BYTES = 1024 * 1024;
/** Spreadsheet uploads: a 10 MiB file (src/spreadsheets/read.ts), with room for a multipart envelope. */
export const MAX_UPLOAD_BYTES = 11 * 1024 * 1024;
const isConsolePath = (path: string) => path === '/app' || path.startsWith('/app/');
/** Where spreadsheet files are posted: raw on the API, multipart in the console. */
const isUploadPath = (path: string) => /^\/v1\/imports\/[a-z]+$/.test(path) || path === '/app/spreadsheets';

export interface AppDeps {
  config: Pick<Config, 'ADMIN_API_KEY'> &
    Partial<
      Pick<
        Config,
        | 'RATE_LIMIT_AUTH_FAILURES'
        | 'RATE_LIMIT_AUTH_WINDOW_MS'
        | 'RATE_LIMIT_EXPENSIVE'
        | 'RATE_LIMIT_EXPENSIVE_WINDOW_MS'
        | 'TRUST_PROXY'
        | 'SESSION_IDLE_MINUTES'
        | 'SESSION_MAX_HOURS'
        | 'COOKIE_SECURE'
        | 'INVITATION_TTL_HOURS'
      >
    >;
  database: Database;
  logger: Logger;
  queue: EmbeddingQueue;
  /** Where coach assignment runs execute. */
  assignmentQueue: AssignmentQueue;
  embedder: Embedder;
  embeddingHooks: EmbeddingHooks;
  /** Match results per caller, invalidated by writes (src/matching/cache.ts). */
  matchCache: MatchCache;
  /** The candidate tables in memory (src/matching/candidate-index.ts). */
  candidateIndex: CandidateIndex;
  /** This app's Prometheus registry and instruments (src/http/metrics.ts). */
  metrics: Metrics;
  /** Whether the process is shutting down (/ready, Connection: close). */
  lifecycle: Lifecycle;
}

export function createApp(deps: AppDeps) {
  const db = deps.database.db;
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook as never });
  app.use('*', requestId());
  app.use('*', deps.metrics.middleware);
  app.use('*', closeConnectionsWhenStopping(deps.lifecycle));
  app.use('*', secureHeaders());
  app.use('*', requestLog(deps.logger));
  const jsonLimit = bodyLimit(MAX_BODY_BYTES, 'The request body is larger than 1 MiB / 请求体超过 1 MiB');
  const uploadLimit = bodyLimit(MAX_UPLOAD_BYTES, 'The file is larger than 10 MiB / 文件超过 10 MiB');
  app.use('*', (c, next) => (isUploadPath(c.req.path) ? uploadLimit(c, next) : jsonLimit(c, next)));
  app.use('*', emptyBodyIsNoBody);
  // The API takes JSON; the console's forms post form bodies (and are checked there, CSRF included).
  app.use('*', (c, next) => (isConsolePath(c.req.path) || isUploadPath(c.req.path) ? next() : requireJson(c, next)));
  // Responses carry personal data: no shared cache may keep them.
  app.use('/v1/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  const cfg = deps.config;
  const authFailures = new TokenBucket({
    limit: cfg.RATE_LIMIT_AUTH_FAILURES ?? 20,
    windowMs: cfg.RATE_LIMIT_AUTH_WINDOW_MS ?? 60_000,
  });
  const expensive = new TokenBucket({
    limit: cfg.RATE_LIMIT_EXPENSIVE ?? 120,
    windowMs: cfg.RATE_LIMIT_EXPENSIVE_WINDOW_MS ?? 60_000,
  });

  const auth = authenticate(db, deps.config.ADMIN_API_KEY, {
    bucket: authFailures,
    clientAddress: clientAddress(cfg.TRUST_PROXY ?? { hops: 0 }),
  });

  app.route('/', healthRouter(deps));
  // Metrics show the service's load and backlog: admins only on the API port (METRICS_PORT serves
  // them unauthenticated on a loopback address, src/main.ts).
  app.get('/metrics', auth, adminOnly, metricsHandler(deps.metrics));
  app.route('/', docsRouter());
  app.route('/v1', regionsRouter(db));
  app.doc31('/v1/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Shuangchuang Match API / 双创资源匹配服务',
      version: '1.0.0',
      description: 'Matches founders and projects to mentors, investors, training cohorts and center services.',
    },
    security: [{ bearer: [] }],
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });

  const v1 = new OpenAPIHono<AppEnv>({ defaultHook: validationHook as never });
  v1.use('*', auth);
  v1.use('*', expensiveLimit(expensive));
  v1.use(
    '*',
    invalidateOnCommittedWrite(() => {
      deps.matchCache.invalidate();
      deps.candidateIndex.invalidate();
    }),
  );
  // After authentication: an anonymous caller gets 401, whatever its body holds.
  v1.use('*', requireStorableJson);
  v1.use('/status', adminOnly);
  v1.use('/admin/*', adminOnly);
  v1.openapi(statusRoute, statusHandler(deps));
  v1.openapi(reindexRoute, reindexHandler(deps));
  v1.route('/', apiKeysRouter(db));
  v1.route('/', introductionsRouter(db));
  v1.route('/', enrollmentsRouter(db));
  v1.route('/', projectInvitationsRouter(db));
  v1.route('/', accountsRouter(db, { ttlHours: cfg.INVITATION_TTL_HOURS ?? 168 }));
  v1.route('/', auditRouter(db));
  v1.route('/', privacyRouter(db));
  v1.route('/', spreadsheetsRouter({ db, embeddingHooks: deps.embeddingHooks, logger: deps.logger }));
  // Match routes first: `/projects/{id}/matches/...` must not be shadowed by the resource routes.
  v1.route('/', matchesRouter(db, deps.embedder, deps.matchCache, deps.candidateIndex, deps.metrics));
  v1.route('/', matchingWeightsRouter(db, deps.embedder));
  v1.route('/', assignmentRunsRouter(db, deps.embedder, deps.assignmentQueue));
  v1.route('/', lifecycleRouter(db));
  v1.route('/', reportsRouter(db));
  v1.route('/', statisticsSeriesRouter(db));
  v1.route('/', statisticsCoverageRouter(db));
  v1.route('/', statisticsFunnelsRouter(db));
  v1.route('/', regionTargetsRouter(db));
  v1.route('/', centerStatusRouter(db));
  for (const def of resourceDefs) v1.route('/', resourceRouter(new Repository(def, db, deps.embeddingHooks)));
  app.route('/v1', v1);
  // Assets first: the console's session and sign-in redirect must not run for its stylesheets and fonts.
  app.route('/app/assets', assetsRouter());
  app.route('/app', consoleRouter(deps, { expensive }));

  app.notFound((c) => problem(c, 404, 'Not Found', `No route for ${c.req.method} ${c.req.path} / 接口不存在`));
  app.onError(errorHandler(deps.logger));
  return app;
}

export type App = ReturnType<typeof createApp>;
