// application/problem+json (RFC 9457) for every error the API returns.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError, type FieldIssue } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { zodIssues } from '../resources/zod-issues.ts';
import { isDatabaseUnavailable, pgErrorCode } from '../db/errors.ts';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors: FieldIssue[];
  instance?: string;
  requestId?: string;
}

/** Titles of the statuses the HTTP layer (body limit, validators) raises itself. */
const TITLES: Record<number, string> = { 400: 'Bad Request', 413: 'Content Too Large', 415: 'Unsupported Media Type' };
/** SQLSTATEs of text the database cannot store (U+0000 in text or jsonb): client input, not a server fault. */
const UNSTORABLE_TEXT = new Set(['22021', '22P05']);

const TYPE_BASE = 'https://shuangchuang.example/problems/';
const slug = (title: string) => title.toLowerCase().replace(/[^a-z0-9]+/g, '-');

export function problem(
  c: Context,
  status: number,
  title: string,
  detail: string,
  errors: FieldIssue[] = [],
  headers: Record<string, string> = {},
) {
  const body: Problem = {
    type: `${TYPE_BASE}${slug(title)}`,
    title,
    status,
    detail,
    errors,
    instance: c.req.path,
    requestId: c.get('requestId'),
  };
  return c.body(JSON.stringify(body), status as never, {
    'content-type': 'application/problem+json; charset=utf-8',
    ...headers,
  });
}

/** The zod-openapi validation hook: request validation failures become 4xx problems naming the failing paths. */
export function validationHook(result: { success: boolean; error?: any; target?: string }, c: Context) {
  if (result.success) return;
  const target = result.target ?? 'json';
  if (target === 'param') return problem(c, 404, 'Not Found', 'resource not found / 未找到');
  const where = target === 'query' ? 'query string' : 'request body';
  return problem(
    c,
    target === 'query' ? 400 : 422,
    target === 'query' ? 'Bad Request' : 'Unprocessable Content',
    `The ${where} is invalid / 请求参数无效`,
    zodIssues(result.error),
  );
}

export function errorHandler(logger: Logger) {
  return (err: Error, c: Context) => {
    if (err instanceof AppError) return problem(c, err.status, err.title, err.message, err.errors, err.headers);
    if (err instanceof HTTPException) {
      const status = err.status;
      const detail = /malformed json/i.test(err.message)
        ? 'Malformed JSON in request body / 请求体不是合法的 JSON'
        : err.message || 'Bad request';
      return problem(c, status, TITLES[status] ?? 'Bad Request', detail);
    }
    if (UNSTORABLE_TEXT.has(pgErrorCode(err) ?? '')) {
      const body = ['POST', 'PUT', 'PATCH'].includes(c.req.method);
      return problem(
        c,
        body ? 422 : 400,
        body ? 'Unprocessable Content' : 'Bad Request',
        'Text contains a character that cannot be stored (U+0000) / 文本包含无法存储的字符 (U+0000)',
      );
    }
    if (isDatabaseUnavailable(err)) {
      (c.get('log') ?? logger).warn({ path: c.req.path, err }, 'database unavailable');
      return problem(
        c,
        503,
        'Service Unavailable',
        'The database is unavailable; nothing was changed by this request unless it said so. Retry shortly / 数据库暂时不可用，请稍后重试',
        [],
        { 'Retry-After': '5' },
      );
    }
    (c.get('log') ?? logger).error({ path: c.req.path, err }, 'unhandled error');
    return problem(
      c,
      500,
      'Internal Server Error',
      'An unexpected error occurred; it has been logged / 服务器内部错误，已记录',
    );
  };
}
