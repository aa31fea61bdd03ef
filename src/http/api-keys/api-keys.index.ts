import { OpenAPIHono } from '@hono/zod-openapi';
import type { Db } from '../../db/client.ts';
import type { AppEnv } from '../env.ts';
import { adminOnly } from '../middleware.ts';
import { validationHook } from '../problem.ts';
import { createKey, listKeys, revokeKey } from './api-keys.routes.ts';
import { apiKeyHandlers } from './api-keys.handlers.ts';

export function apiKeysRouter(db: Db) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook as never });
  const h = apiKeyHandlers(db);
  app.use('/api-keys', adminOnly);
  app.use('/api-keys/*', adminOnly);
  app.openapi(createKey, h.create);
  app.openapi(listKeys, h.list);
  app.openapi(revokeKey, h.revoke);
  return app;
}
