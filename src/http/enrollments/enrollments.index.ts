import { OpenAPIHono } from '@hono/zod-openapi';
import type { Db } from '../../db/client.ts';
import type { AppEnv } from '../env.ts';
import { validationHook } from '../problem.ts';
import { createEnrollment, deleteEnrollment, getEnrollment, listEnrollments } from './enrollments.routes.ts';
import { enrollmentHandlers } from './enrollments.handlers.ts';

/** Training enrolments (enrol, list, get, remove), mounted under /v1. */
export function enrollmentsRouter(db: Db) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook as never });
  const h = enrollmentHandlers(db);
  app.openapi(createEnrollment, h.create);
  app.openapi(listEnrollments, h.list);
  app.openapi(getEnrollment, h.get);
  app.openapi(deleteEnrollment, h.remove);
  return app;
}
