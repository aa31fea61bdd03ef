import { OpenAPIHono } from '@hono/zod-openapi';
import type { Db } from '../../db/client.ts';
import type { AppEnv } from '../env.ts';
import { validationHook } from '../problem.ts';
import {
  acceptInvitation,
  createEnrollment,
  createInvitation,
  declineInvitation,
  deleteEnrollment,
  getEnrollment,
  getInvitation,
  listEnrollments,
  listInvitations,
  nudgeInvitation,
} from './enrollments.routes.ts';
import { enrollmentHandlers } from './enrollments.handlers.ts';

/** Training enrolments (enrol, list, get, remove) and invitations (invite, list, get, accept, decline), mounted under /v1. */
export function enrollmentsRouter(db: Db) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook as never });
  const h = enrollmentHandlers(db);
  app.openapi(createEnrollment, h.create);
  app.openapi(listEnrollments, h.list);
  app.openapi(getEnrollment, h.get);
  app.openapi(deleteEnrollment, h.remove);
  app.openapi(createInvitation, h.invite);
  app.openapi(listInvitations, h.listInvitations);
  app.openapi(getInvitation, h.getInvitation);
  app.openapi(acceptInvitation, h.acceptInvitation);
  app.openapi(declineInvitation, h.declineInvitation);
  app.openapi(nudgeInvitation, h.nudgeInvitation);
  return app;
}
