import { OpenAPIHono } from '@hono/zod-openapi';
import type { Db } from '../../db/client.ts';
import type { EmbeddingHooks } from '../../resources/embedding-hooks.ts';
import type { Logger } from '../../logger.ts';
import type { AppEnv } from '../env.ts';
import { validationHook } from '../problem.ts';
import { spreadsheetHandlers } from './spreadsheets.handlers.ts';
import { exportRoute, getImportRoute, importRoute, templateRoute } from './spreadsheets.routes.ts';

/** POST /v1/imports/{resource}, GET /v1/imports/{id}, templates and exports; mounted under /v1. */
export function spreadsheetsRouter(deps: { db: Db; embeddingHooks: EmbeddingHooks; logger: Logger }) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook as never });
  const h = spreadsheetHandlers(deps);
  // Templates before /imports/{id}: "templates" is not an id.
  app.openapi(templateRoute, h.template);
  app.openapi(importRoute, h.importFile);
  app.openapi(getImportRoute, h.getImport);
  app.openapi(exportRoute, h.exportList);
  return app;
}
