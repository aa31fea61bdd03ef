// A region_admin reads figures of its region and nothing else (issue 22): of the console it opens the
// home page, the statistics and its own account. One allow-list here rather than a guard on every
// page, so a page added later is closed to it until it is meant to be open.
import type { MiddlewareHandler } from 'hono';
import { notFound } from '../../errors.ts';
import type { ConsoleEnv } from '../env.ts';

const OPEN = /^\/app(\/|\/statistics(\/.*)?|\/account(\/.*)?|\/logout|\/login|\/invite\/[^/]+)?\/?$/;

export const regionAdminPages: MiddlewareHandler<ConsoleEnv> = async (c, next) => {
  if (c.get('session')?.account.role === 'region_admin' && !OPEN.test(c.req.path)) throw notFound('page');
  await next();
};
