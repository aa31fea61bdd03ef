import { OpenAPIHono } from '@hono/zod-openapi';
import type { Db } from '../../db/client.ts';
import type { AppEnv } from '../env.ts';
import { validationHook } from '../problem.ts';
import { centerStatusHandlers } from './center-status.handlers.ts';
import { statusHistoryRoute } from './center-status.routes.ts';

/** A center's status history, mounted under /v1. */
export function centerStatusRouter(db: Db) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook as never });
  app.openapi(statusHistoryRoute, centerStatusHandlers(db).history);
  return app;
}
