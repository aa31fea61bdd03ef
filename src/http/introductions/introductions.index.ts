import { OpenAPIHono } from '@hono/zod-openapi';
import type { Db } from '../../db/client.ts';
import type { AppEnv } from '../env.ts';
import { validationHook } from '../problem.ts';
import {
  acceptIntroduction,
  declineIntroduction,
  endIntroduction,
  getIntroduction,
  getMentorCapacity,
  listIntroductions,
  nudgeIntroduction,
  requestIntroduction,
} from './introductions.routes.ts';
import { introductionHandlers } from './introductions.handlers.ts';

/** Introductions (request, list, get, accept, decline, end, nudge) and the mentor capacity read, mounted under /v1. */
export function introductionsRouter(db: Db) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook as never });
  const h = introductionHandlers(db);
  app.openapi(requestIntroduction, h.request);
  app.openapi(listIntroductions, h.list);
  app.openapi(getIntroduction, h.get);
  app.openapi(acceptIntroduction, h.accept);
  app.openapi(declineIntroduction, h.decline);
  app.openapi(endIntroduction, h.end);
  app.openapi(nudgeIntroduction, h.nudge);
  app.openapi(getMentorCapacity, h.capacity);
  return app;
}
