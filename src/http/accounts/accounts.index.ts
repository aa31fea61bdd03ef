import { OpenAPIHono } from '@hono/zod-openapi';
import type { Db } from '../../db/client.ts';
import type { AppEnv } from '../env.ts';
import { validationHook } from '../problem.ts';
import {
  createAccountRoute,
  disableAccountRoute,
  getAccountRoute,
  listAccountsRoute,
  reissueInvitationRoute,
} from './accounts.routes.ts';
import { accountHandlers } from './accounts.handlers.ts';

/** Console accounts (create, list, get, new invitation, disable), mounted under /v1. */
export function accountsRouter(db: Db, opts: { ttlHours: number }) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook as never });
  const h = accountHandlers(db, opts);
  app.openapi(createAccountRoute, h.create);
  app.openapi(listAccountsRoute, h.list);
  app.openapi(getAccountRoute, h.get);
  app.openapi(reissueInvitationRoute, h.reissue);
  app.openapi(disableAccountRoute, h.disable);
  return app;
}
