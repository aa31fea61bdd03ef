import { OpenAPIHono } from '@hono/zod-openapi';
import type { Db } from '../../db/client.ts';
import type { AppEnv } from '../env.ts';
import { validationHook } from '../problem.ts';
import { reportHandlers } from './reports.handlers.ts';
import { reportRoutes } from './reports.routes.ts';

/** GET /v1/reports/{figure}.{xlsx|csv}, mounted under /v1. */
export function reportsRouter(db: Db) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook as never });
  const handler = reportHandlers(db);
  for (const r of reportRoutes) app.openapi(r.route, handler(r.figure, r.format) as never);
  return app;
}
