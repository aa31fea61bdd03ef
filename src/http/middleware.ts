import type { MiddlewareHandler } from 'hono';
import type { Db } from '../db/client.ts';
import { resolveKey } from '../auth/keys.ts';
import { unauthorized, AppError } from '../errors.ts';
import { readContext } from '../resources/context.ts';
import type { Logger } from '../logger.ts';
import type { AppEnv } from './env.ts';

/** Bearer API key → actor and read context; 401 when absent, unknown or revoked. */
export function authenticate(db: Db, adminKey: string | undefined): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw unauthorized('Missing API key: send "Authorization: Bearer <apiKey>" / 缺少 API 密钥');
    const actor = await resolveKey(db, match[1], adminKey);
    if (!actor) throw unauthorized('Invalid or revoked API key / API 密钥无效或已吊销');
    c.set('actor', actor);
    c.set('ctx', readContext(db, actor));
    await next();
  };
}

/** Only admins pass (others get 404: the endpoint is out of their scope). */
export const adminOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.get('actor').role !== 'admin') throw new AppError(404, 'Not Found', 'resource not found / 未找到');
  await next();
};

/** Bodies must be JSON: a form or text body is a 415 rather than an empty object. */
export const requireJson: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (['POST', 'PUT', 'PATCH'].includes(c.req.method)) {
    const type = c.req.header('content-type') ?? '';
    const hasBody = c.req.header('content-length') !== '0' && (c.req.header('content-length') || c.req.header('transfer-encoding'));
    if (hasBody && !/^application\/([a-z.+-]*\+)?json\b/i.test(type)) {
      throw new AppError(415, 'Unsupported Media Type', 'Send JSON with "Content-Type: application/json" / 请以 JSON 格式提交');
    }
  }
  await next();
};

/** One structured log line per request. */
export function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const start = performance.now();
    await next();
    logger.info('request', {
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - start) * 10) / 10,
      role: c.get('actor')?.role,
    });
  };
}
