// /health and /ready (public), /v1/status (admin), the OpenAPI document and the human docs page.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import { embeddingsTable } from '../../../models/schema.ts';
import { markForReindex } from '../../../jobs/embeddings/processor.ts';
import { remarkAllFounders } from '../../resources/embedding-hooks.ts';
import type { AppEnv } from '../env.ts';
import { problemResponses } from '../openapi-common.ts';
import type { AppDeps } from '../app.ts';
import type { Database } from '../../db/client.ts';
import type { Logger } from '../../logger.ts';
import { readiness, type Lifecycle } from './ready.ts';

export const StatusSchema = z
  .object({
    db: z.enum(['pglite', 'postgres']),
    queue: z.enum(['inline', 'bullmq']),
    embeddings: z.object({
      model: z.string(),
      dimensions: z.number().int(),
      pending: z.number().int(),
      ready: z.number().int(),
      failed: z.number().int(),
    }),
    matchCache: z
      .object({
        enabled: z.boolean(),
        entries: z.number().int(),
        bytes: z.number().int(),
        hits: z.number().int(),
        misses: z.number().int(),
        invalidations: z.number().int(),
      })
      .describe("this process's match cache since it started"),
    candidateIndex: z
      .object({
        tables: z.number().int(),
        rows: z.number().int(),
        bytes: z.number().int(),
        loaded: z.number().int(),
        warming: z.boolean(),
      })
      .describe(
        "this process's in-memory candidate tables (rows held, estimated bytes, rows read since start, tables still loading at start)",
      ),
  })
  .openapi('Status');

export const statusRoute = createRoute({
  method: 'get',
  path: '/status',
  tags: ['system'],
  summary: 'Backends and embedding progress (admin)',
  responses: {
    200: { description: 'Status', content: { 'application/json': { schema: StatusSchema } } },
    ...problemResponses(401, 404),
  },
});

export function statusHandler(deps: AppDeps) {
  return async (c: any) => {
    const counts = await deps.database.db
      .select({ status: embeddingsTable.status, n: sql<number>`count(*)::int` })
      .from(embeddingsTable)
      .groupBy(embeddingsTable.status);
    const by = Object.fromEntries(counts.map((r) => [r.status, Number(r.n)]));
    return c.json(
      {
        db: deps.database.kind,
        queue: deps.queue.kind,
        embeddings: {
          model: deps.embedder.id,
          dimensions: deps.embedder.dimensions,
          pending: by.pending ?? 0,
          ready: by.ready ?? 0,
          failed: by.failed ?? 0,
        },
        matchCache: deps.matchCache.stats(),
        candidateIndex: deps.candidateIndex.stats(),
      },
      200,
    );
  };
}

const check = z
  .string()
  .describe('"ok", or why not: "shutting down", "unreachable", "timeout", "<n> pending", "not checked"');
export const ReadySchema = z
  .object({ ok: z.boolean(), checks: z.object({ shutdown: check, database: check, migrations: check }) })
  .openapi('Readiness');

export function healthRouter(deps: { database: Database; lifecycle: Lifecycle; logger: Logger }) {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/health',
      tags: ['system'],
      summary: 'Liveness: the process answers (no auth, no database)',
      responses: {
        200: { description: 'Up', content: { 'application/json': { schema: z.object({ ok: z.literal(true) }) } } },
      },
    }),
    (c) => c.json({ ok: true as const }, 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/ready',
      tags: ['system'],
      summary: 'Readiness: the database answers, migrations are applied, not shutting down (no auth)',
      responses: {
        200: { description: 'Ready for traffic', content: { 'application/json': { schema: ReadySchema } } },
        503: {
          description: 'Not ready: the failed checks say why',
          content: { 'application/json': { schema: ReadySchema } },
        },
      },
    }),
    async (c) => {
      const r = await readiness(deps.database, deps.lifecycle, c.get('log') ?? deps.logger);
      return c.json(r, r.ok ? 200 : 503);
    },
  );
  return app;
}

export const reindexRoute = createRoute({
  method: 'post',
  path: '/admin/reindex',
  tags: ['system'],
  summary: 'Re-embed every entity not embedded with the current model (or all of them) (admin)',
  request: {
    body: {
      content: { 'application/json': { schema: z.object({ all: z.boolean().default(false) }).strict() } },
      required: false,
    },
  },
  responses: {
    202: {
      description: 'Marked pending and scheduled',
      content: { 'application/json': { schema: z.object({ marked: z.number().int() }) } },
    },
    ...problemResponses(401, 404, 422),
  },
});

export function reindexHandler(deps: AppDeps) {
  return async (c: any) => {
    const { all } = c.req.valid('json') ?? { all: false };
    // Founders' hashes of an older text (before their projects were part of it) first: see remarkAllFounders.
    if (all) await remarkAllFounders(deps.database.db);
    const marked = await markForReindex(deps.database.db, deps.embedder.id, all);
    await deps.queue.reconcile(0);
    return c.json({ marked }, 202);
  };
}
