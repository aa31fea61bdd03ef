import { OpenAPIHono } from '@hono/zod-openapi';
import type { Db } from '../../db/client.ts';
import type { AppEnv } from '../env.ts';
import { validationHook } from '../problem.ts';
import { regionTargetHandlers } from './region-targets.handlers.ts';
import { listTargetsRoute, putTargetRoute } from './region-targets.routes.ts';

/** Region targets (authenticated, under /v1; the regions themselves are public: regions.index.ts). */
export function regionTargetsRouter(db: Db) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook as never });
  const h = regionTargetHandlers(db);
  app.openapi(putTargetRoute, h.put);
  app.openapi(listTargetsRoute, h.list);
  return app;
}
