import type { Context, MiddlewareHandler } from 'hono';
import type { Db } from '../db/client.ts';
import { resolveKey } from '../auth/keys.ts';
import { unauthorized, unprocessable, AppError, type FieldIssue } from '../errors.ts';
import { readContext } from '../resources/context.ts';
import type { Logger } from '../logger.ts';
import type { AppEnv } from './env.ts';
import { PREVIEW_PATH, tooManyRequests, type TokenBucket } from './rate-limit.ts';

export interface AuthLimit {
  bucket: TokenBucket;
  /** The client's address (src/http/client-ip.ts, per TRUST_PROXY). */
  clientAddress: (c: Context) => string;
}

/**
 * Bearer API key → actor and read context; 401 when absent, unknown or revoked. With `limit`, each
 * failure takes a token from the client address's bucket, and failures from an address without
 * tokens get 429. Valid issued keys are always served: many people share one address (a center's
 * office, a mobile carrier), and one person's typos must not lock out the rest. Issued keys are
 * 256-bit random, so serving them while throttled confirms no guess; the env admin key is chosen by
 * an operator and may be guessable, so a throttled address does not get it checked.
 */
export function authenticate(db: Db, adminKey: string | undefined, limit?: AuthLimit): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const ip = limit?.bucket.enabled ? limit.clientAddress(c) : null;
    const throttled = ip !== null && limit!.bucket.wait(ip) > 0;
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const actor = match ? await resolveKey(db, match[1], throttled ? undefined : adminKey) : null;
    if (!actor) {
      const wait = ip !== null ? limit!.bucket.take(ip) : 0;
      if (wait) throw tooManyRequests(wait, { en: 'failed authentication attempts', zh: '身份验证失败次数' });
      throw unauthorized(
        match
          ? 'Invalid or revoked API key / API 密钥无效或已吊销'
          : 'Missing API key: send "Authorization: Bearer <apiKey>" / 缺少 API 密钥',
      );
    }
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
    const hasBody =
      c.req.header('content-length') !== '0' && (c.req.header('content-length') || c.req.header('transfer-encoding'));
    if (hasBody && !/^application\/([a-z.+-]*\+)?json\b/i.test(type)) {
      throw new AppError(
        415,
        'Unsupported Media Type',
        'Send JSON with "Content-Type: application/json" / 请以 JSON 格式提交',
      );
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
        if (s.includes('\u0000'))
          issues.push({
            path: at.join('.'),
            message: `${what} contains U+0000, which cannot be stored / 包含无法存储的字符 U+0000`,
          });
        else if (LONE_SURROGATE.test(s))
          issues.push({
            path: at.join('.'),
            message: `${what} is not valid Unicode (lone surrogate) / 不是有效的 Unicode 文本`,
          });
      };
      if (typeof v === 'string') checkText(v, path, 'text');
      else if (Array.isArray(v)) for (const [i, x] of v.entries()) stack.push([x, [...path, String(i)]]);
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          checkText(k, [...path, k], 'field name');
          stack.push([x, [...path, k]]);
        }
      }
    }
    if (issues.length)
      throw unprocessable(issues, 'The request body contains text that cannot be stored / 请求内容包含无法存储的文本');
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

/** Write-method endpoints that change nothing (a what-if preview): they never invalidate. */
const READ_ONLY_POSTS = [PREVIEW_PATH];

/**
 * Read-your-writes for matches: a write request that may have committed a change empties the match
 * cache and marks the candidate index for a refresh before its response leaves (other processes'
 * writes arrive by NOTIFY, a moment later). A refusal (4xx) committed nothing, so it invalidates
 * nothing: otherwise any key holder could empty every caller's cache with invalid writes. A 5xx may
 * have failed after its commit, so it invalidates. Mount after authentication, so that anonymous
 * requests cannot invalidate either.
 */
export function invalidateOnCommittedWrite(invalidate: () => void): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let status = 500;
    try {
      await next();
      status = c.res.status;
    } catch (e) {
      const s = (e as { status?: unknown })?.status;
      if (typeof s === 'number') status = s;
      throw e;
    } finally {
      const write =
        !['GET', 'HEAD', 'OPTIONS'].includes(c.req.method) && !READ_ONLY_POSTS.some((re) => re.test(c.req.path));
      if (write && !(status >= 400 && status < 500)) invalidate();
    }
  };
}

/** How much of an oversized body is read and discarded so that its connection can be kept. */
const DRAIN_MAX_BYTES = 8 * 1024 * 1024;

/**
 * 413 for bodies above `maxBytes` (declared or streamed), refused so that a keep-alive client can use
 * the connection again: the rest of the body is read and discarded (up to DRAIN_MAX_BYTES) before
 * the answer, so the next request on the socket is parsed from its start. Beyond that the answer
 * says `Connection: close` and the server closes the socket after it, as HTTP/1.1 asks.
 */
export function bodyLimit(maxBytes: number, detail: string): MiddlewareHandler<AppEnv> {
  const tooLarge = (keep: boolean) =>
    new AppError(413, 'Content Too Large', detail, [], keep ? {} : { Connection: 'close' });
  return async (c, next) => {
    const body = c.req.raw.body;
    if (!body) return next();
    const declared = c.req.header('content-length');
    if (declared !== undefined && !c.req.header('transfer-encoding')) {
      const n = Number(declared);
      if (!(n > maxBytes)) return next();
      if (n > DRAIN_MAX_BYTES) throw tooLarge(false);
      throw tooLarge(await discard(body.getReader(), DRAIN_MAX_BYTES));
    }
    // Streamed (chunked): read up to the limit, keep what was read for the handlers.
    const reader = body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > maxBytes) throw tooLarge(await discard(reader, DRAIN_MAX_BYTES - size));
      chunks.push(value);
    }
    c.req.raw = new Request(c.req.raw, { body: Buffer.concat(chunks, size) });
    return next();
  };
}

/** Reads and drops the rest of a body; false when more than `budget` bytes remain (then the socket must close). */
async function discard(reader: ReadableStreamDefaultReader<Uint8Array>, budget: number): Promise<boolean> {
  let left = budget;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return true;
      left -= value.length;
      if (left < 0) {
        await reader.cancel();
        return false;
      }
    }
  } catch {
    return false;
  }
}

/**
 * An empty body is no body, whatever its Content-Type says: many clients send
 * `Content-Type: application/json` on every request, also on actions without input (accept, end,
 * publish). The header is dropped so that the validators treat the request as bodiless: an optional
 * body is then absent, and a required one is reported as missing fields rather than "Malformed JSON".
 */
// Read as bytes (cached by Hono): a binary upload read as text first would come back mangled.
export const emptyBodyIsNoBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (['POST', 'PUT', 'PATCH', 'DELETE'].includes(c.req.method) && c.req.header('content-type')) {
    const declared = c.req.header('content-length');
    const empty =
      c.req.raw.body === null ||
      declared === '0' ||
      (declared === undefined && (await c.req.arrayBuffer()).byteLength === 0);
    if (empty) {
      const headers = new Headers(c.req.raw.headers);
      headers.delete('content-type');
      headers.delete('content-length');
      c.req.raw = new Request(c.req.raw.url, { method: c.req.method, headers, signal: c.req.raw.signal });
    }
  }
  await next();
};

const PROBES = new Set(['/health', '/ready', '/metrics']);
