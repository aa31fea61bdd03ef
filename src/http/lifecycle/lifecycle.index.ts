import { OpenAPIHono } from '@hono/zod-openapi';
import type { Db } from '../../db/client.ts';
import type { AppEnv } from '../env.ts';
import { validationHook } from '../problem.ts';
import { lifecycleHandlers } from './lifecycle.handlers.ts';
import * as r from './lifecycle.routes.ts';

/** Admission forms, applications, reviews, decisions, graduation/exit and outcomes, mounted under /v1. */
export function lifecycleRouter(db: Db) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook as never });
  const h = lifecycleHandlers(db);
  app.openapi(r.getFormRoute, h.getForm);
  app.openapi(r.putFormRoute, h.putForm);
  app.openapi(r.applyRoute, h.apply);
  app.openapi(r.listApplicationsRoute, h.list);
  app.openapi(r.getApplicationRoute, h.get);
  app.openapi(r.withdrawRoute, h.withdraw);
  app.openapi(r.reviewRoute, h.review);
  app.openapi(r.decisionRoute, h.decide);
  app.openapi(r.graduateRoute, h.graduate);
  app.openapi(r.exitRoute, h.exit);
  app.openapi(r.incubationsRoute, h.incubations);
  app.openapi(r.putOutcomeRoute, h.putOutcome);
  app.openapi(r.lockOutcomeRoute, h.lockOutcome);
  app.openapi(r.listOutcomesRoute, h.listOutcomes);
  return app;
}
