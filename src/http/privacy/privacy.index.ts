import { OpenAPIHono } from '@hono/zod-openapi';
import type { Db } from '../../db/client.ts';
import type { AppEnv } from '../env.ts';
import { validationHook } from '../problem.ts';
import { exportFounderRoute, introductionContactsRoute } from './privacy.routes.ts';
import { privacyHandlers } from './privacy.handlers.ts';

/** Founder export and introduction contacts, mounted under /v1. */
export function privacyRouter(db: Db) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook as never });
  const h = privacyHandlers(db);
  app.openapi(exportFounderRoute, h.export);
  app.openapi(introductionContactsRoute, h.contacts);
  return app;
}
