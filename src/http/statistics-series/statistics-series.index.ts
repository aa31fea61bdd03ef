import { OpenAPIHono } from '@hono/zod-openapi';
import type { Db } from '../../db/client.ts';
import type { AppEnv } from '../env.ts';
import { validationHook } from '../problem.ts';
import { statisticsSeriesHandlers } from './statistics-series.handlers.ts';
import { metricsRoute, seriesRoute } from './statistics-series.routes.ts';

/** GET /v1/stats/series and /v1/stats/metrics, mounted under /v1. */
export function statisticsSeriesRouter(db: Db) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook as never });
  const h = statisticsSeriesHandlers(db);
  app.openapi(seriesRoute, h.series);
  app.openapi(metricsRoute, h.metrics);
  return app;
}
