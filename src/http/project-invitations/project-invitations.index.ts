import { OpenAPIHono } from '@hono/zod-openapi';
import type { Db } from '../../db/client.ts';
import type { AppEnv } from '../env.ts';
import { validationHook } from '../problem.ts';
import {
  acceptProjectInvitation,
  declineProjectInvitation,
  getProjectInvitation,
  listProjectInvitations,
} from './project-invitations.routes.ts';
import { projectInvitationHandlers } from './project-invitations.handlers.ts';

/** Co-founder invitations (list, get, accept, decline), mounted under /v1. */
export function projectInvitationsRouter(db: Db) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook as never });
  const h = projectInvitationHandlers(db);
  app.openapi(listProjectInvitations, h.list);
  app.openapi(getProjectInvitation, h.get);
  app.openapi(acceptProjectInvitation, h.accept);
  app.openapi(declineProjectInvitation, h.decline);
  return app;
}
