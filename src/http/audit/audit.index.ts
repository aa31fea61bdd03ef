import { OpenAPIHono } from '@hono/zod-openapi';
import type { Db } from '../../db/client.ts';
import type { AppEnv } from '../env.ts';
import { validationHook } from '../problem.ts';
import { listAuditRoute } from './audit.routes.ts';
import { auditHandlers } from './audit.handlers.ts';

/** GET /v1/audit, mounted under /v1. */
export function auditRouter(db: Db) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook as never });
  app.openapi(listAuditRoute, auditHandlers(db).list);
  return app;
}
