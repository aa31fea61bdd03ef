import { OpenAPIHono } from '@hono/zod-openapi';
import type { Db } from '../../db/client.ts';
import type { AppEnv } from '../env.ts';
import { validationHook } from '../problem.ts';
import { statisticsCoverageHandlers } from './statistics-coverage.handlers.ts';
import * as r from './statistics-coverage.routes.ts';

/** Coverage and graduates figures, mounted under /v1. */
export function statisticsCoverageRouter(db: Db) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook as never });
  const h = statisticsCoverageHandlers(db);
  app.openapi(r.coverageRoute, h.coverage);
  app.openapi(r.graduatesRoute, h.graduates);
  return app;
}
