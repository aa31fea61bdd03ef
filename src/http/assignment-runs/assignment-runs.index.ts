import { OpenAPIHono } from '@hono/zod-openapi';
import type { AssignmentQueue } from '../../../jobs/assignment/queue.ts';
import type { Db } from '../../db/client.ts';
import type { Embedder } from '../../embedding/embedder.ts';
import type { AppEnv } from '../env.ts';
import { validationHook } from '../problem.ts';
import { assignmentRunHandlers } from './assignment-runs.handlers.ts';
import { createRunRoute, getRunRoute, listRunsRoute, publishRunRoute } from './assignment-runs.routes.ts';

/** Coach assignment runs (create, list, get, publish), mounted under /v1. */
export function assignmentRunsRouter(db: Db, embedder: Embedder, queue: AssignmentQueue) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook as never });
  const h = assignmentRunHandlers(db, embedder, queue);
  app.openapi(createRunRoute, h.create);
  app.openapi(listRunsRoute, h.list);
  app.openapi(getRunRoute, h.get);
  app.openapi(publishRunRoute, h.publish);
  return app;
}
