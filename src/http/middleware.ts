import type { MiddlewareHandler } from 'hono';
import type { Db } from '../db/client.ts';
import { resolveKey } from '../auth/keys.ts';
import { unauthorized, unprocessable, AppError, type FieldIssue } from '../errors.ts';
import { readContext } from '../resources/context.ts';
import type { Logger } from '../logger.ts';
import type { AppEnv } from './env.ts';
import { clientIp, tooManyRequests, type TokenBucket } from './rate-limit.ts';

export interface AuthLimit {
  bucket: TokenBucket;
  trustProxy: boolean;
}

/**
 * Bearer API key → actor and read context; 401 when absent, unknown or revoked. With `limit`, each
 * failure takes a token from the client IP's bucket, and an IP without tokens gets 429 before its
 * key is even looked at (so a guess cannot be confirmed while throttled).
 */
export function authenticate(db: Db, adminKey: string | undefined, limit?: AuthLimit): MiddlewareHandler<AppEnv> {
  const fail = (ip: string | null, detail: string) => {
    if (ip !== null) limit!.bucket.take(ip);
    return unauthorized(detail);
  };
  return async (c, next) => {
    const ip = limit?.bucket.enabled ? clientIp(c, limit.trustProxy) : null;
    if (ip !== null) {
      const wait = limit!.bucket.wait(ip);
      if (wait) throw tooManyRequests(wait, { en: 'failed authentication attempts', zh: '身份验证失败次数' });
    }
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw fail(ip, 'Missing API key: send "Authorization: Bearer <apiKey>" / 缺少 API 密钥');
    const actor = await resolveKey(db, match[1], adminKey);
    if (!actor) throw fail(ip, 'Invalid or revoked API key / API 密钥无效或已吊销');
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

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const MAX_JSON_DEPTH = 32;

/**
 * Text the database cannot store exactly (U+0000, lone UTF-16 surrogates, which would silently become
 * U+FFFD) and absurd nesting are rejected here, with the failing path, before any handler runs: the
 * contract wants byte-exact round trips, so storing something else is not an option.
 */
export const requireStorableJson: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (['POST', 'PUT', 'PATCH'].includes(c.req.method) && /json/i.test(c.req.header('content-type') ?? '')) {
    let body: unknown;
    try {
      body = JSON.parse(await c.req.text());
    } catch {
      return next(); // malformed JSON: the validator answers 400 with its own message
    }
    const issues: FieldIssue[] = [];
    const stack: [unknown, string[]][] = [[body, []]];
    while (stack.length && issues.length < 20) {
      const [v, path] = stack.pop()!;
      if (path.length > MAX_JSON_DEPTH) {
        issues.push({ path: path.join('.'), message: `nested deeper than ${MAX_JSON_DEPTH} levels / 嵌套层级过深` });
        continue;
      }
      const checkText = (s: string, at: string[], what: string) => {
        if (s.includes('\u0000')) issues.push({ path: at.join('.'), message: `${what} contains U+0000, which cannot be stored / 包含无法存储的字符 U+0000` });
        else if (LONE_SURROGATE.test(s)) issues.push({ path: at.join('.'), message: `${what} is not valid Unicode (lone surrogate) / 不是有效的 Unicode 文本` });
      };
      if (typeof v === 'string') checkText(v, path, 'text');
      else if (Array.isArray(v)) v.forEach((x, i) => stack.push([x, [...path, String(i)]]));
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          checkText(k, [...path, k], 'field name');
          stack.push([x, [...path, k]]);
        }
      }
    }
    if (issues.length) throw unprocessable(issues, 'The request body contains text that cannot be stored / 请求内容包含无法存储的文本');
  }
  await next();
};

/**
 * One structured log line per request, and the request's child logger (`c.get('log')`: every line
 * carries the request id). Probes (/health, /ready, /metrics) log at debug, so they do not drown the rest.
 */
export function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const start = performance.now();
    const log = logger.child({ requestId: c.get('requestId') });
    c.set('log', log);
    await next();
    const fields = {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - start) * 10) / 10,
      role: c.get('actor')?.role,
    };
    if (PROBES.has(c.req.path)) log.debug(fields, 'request');
    else log.info(fields, 'request');
  };
}

const PROBES = new Set(['/health', '/ready', '/metrics']);
