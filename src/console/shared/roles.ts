// Pages of one or a few roles: to anyone else they do not exist (the 404 page, as for a record out of scope).
import type { MiddlewareHandler } from 'hono';
import type { Role } from '../../../models/enums.ts';
import { notFound } from '../../errors.ts';
import type { ConsoleEnv } from '../env.ts';

export const onlyRoles =
  (...roles: Role[]): MiddlewareHandler<ConsoleEnv> =>
  async (c, next) => {
    const role = c.get('session')?.account.role;
    if (!role || !roles.includes(role)) throw notFound('page');
    await next();
  };
