import { OpenAPIHono } from '@hono/zod-openapi';
import type { Db } from '../../db/client.ts';
import type { AppEnv } from '../env.ts';
import { validationHook } from '../problem.ts';
import { statisticsFunnelsHandlers } from './statistics-funnels.handlers.ts';
import * as r from './statistics-funnels.routes.ts';

/** Funnels and the center scorecard (issue 22), mounted under /v1. */
export function statisticsFunnelsRouter(db: Db) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook as never });
  const h = statisticsFunnelsHandlers(db);
  app.openapi(r.funnelRoute, h.funnel);
  app.openapi(r.scorecardRoute, h.scorecard);
  app.openapi(r.getIndicatorsRoute, h.getIndicators);
  app.openapi(r.putIndicatorsRoute, h.putIndicators);
  return app;
}
