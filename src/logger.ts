// Structured JSON logs through pino, one line per event, to stdout. Call as pino does:
// `logger.info({ fields }, 'message')` or `logger.info('message')`; errors go under `err` (stack kept).
// Secrets and personal data are removed before a line is written: keys, passwords, contacts (by field
// name, wherever they sit up to three levels deep) and SQL parameters (from error messages too).
import pino from 'pino';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface LogFn {
  (msg: string): void;
  (fields: Record<string, unknown>, msg: string): void;
}

/**
 * The one logger API of the code: the subset of pino's that is used. Narrower than pino's own type
 * on purpose: a `(message, fields)` call (the old argument order) does not compile, where pino
 * would silently treat the fields as format arguments.
 */
export interface Logger {
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
  /** A logger that adds `bindings` to every line (a request id, a component). */
  child(bindings: Record<string, unknown>): Logger;
}

export const CENSOR = '[redacted]';

/** Field names whose values never reach a log line. */
const SECRET_FIELDS = [
  // credentials: Authorization / Cookie headers, API keys (bootstrap and configured), passwords, tokens
  'authorization',
  'cookie',
  'key',
  'apiKey',
  'adminKey',
  'ADMIN_API_KEY',
  'password',
  'passwordHash',
  'token',
  'secret',
  // personal data (PIPL): contacts and their parts
  'contact',
  'phone',
  'email',
  'wechat',
  // SQL parameters (drizzle's DrizzleQueryError.params, postgres.js' parameters/args) and the row values a
  // PostgreSQL error's `detail` quotes ("Failing row contains (…)", "Key (…)=(…) already exists")
  'params',
  'parameters',
  'args',
  'detail',
];
export const REDACT_PATHS = SECRET_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`]);

const isErrorLike = (e: unknown): e is Error => !!e && typeof (e as Error).message === 'string';

/** Where drizzle's DrizzleQueryError message lists the values: "Failed query: <sql>\nparams: <values>". */
const PARAMS = '\nparams: ';

/**
 * A copy of an error (and its causes) without SQL parameters. drizzle puts them in the message itself,
 * and so in the stack's first line: both are rewritten; the query text (placeholders only), the
 * database's own message and the stack frames stay. Parameter fields (`params`, postgres.js'
 * `parameters`) are removed by the redaction paths.
 */
export function scrubError(err: unknown, depth = 0): unknown {
  if (!isErrorLike(err) || depth > 5) return err;
  const e = err as Error & { cause?: unknown };
  const at = e.message.indexOf(PARAMS);
  const message = at < 0 ? e.message : `${e.message.slice(0, at)}${PARAMS}${CENSOR}`;
  const copy = Object.create(Object.getPrototypeOf(e)) as Record<string, unknown>;
  for (const k of Object.keys(e)) copy[k] = (e as unknown as Record<string, unknown>)[k];
  // Own non-enumerable fields as well (message, stack): read explicitly.
  Object.defineProperty(copy, 'message', { value: message, enumerable: false, writable: true });
  // The stack's first line repeats the message (over several lines when the values hold newlines):
  // rebuilt from the frames alone.
  const stack = typeof e.stack === 'string' ? e.stack : '';
  const frames = stack.split('\n').filter((l) => /^\s+at /.test(l));
  const scrubbedStack = message === e.message ? stack : [`${e.name}: ${message}`, ...frames].join('\n');
  Object.defineProperty(copy, 'stack', { value: scrubbedStack, enumerable: false, writable: true });
  if (e.cause !== undefined)
    Object.defineProperty(copy, 'cause', { value: scrubError(e.cause, depth + 1), enumerable: false, writable: true });
  if (Array.isArray((e as AggregateError).errors))
    copy.errors = (e as AggregateError).errors.map((x) => scrubError(x, depth + 1));
  return copy;
}

/** pino's error serializer (type, message, stack with causes, fields) over the scrubbed copy. */
const errSerializer = (err: unknown) => pino.stdSerializers.err(scrubError(err) as Error);

export interface LoggerOptions {
  /** Fields on every line (e.g. `{ component: 'worker' }`). */
  base?: Record<string, unknown>;
  /** Where lines go (default: stdout, written synchronously so nothing is lost at exit). */
  destination?: pino.DestinationStream;
}

export function createLogger(level: LogLevel = 'info', opts: LoggerOptions = {}): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid, ...opts.base },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: errSerializer, error: errSerializer },
      redact: { paths: REDACT_PATHS, censor: CENSOR },
    },
    opts.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

export const silentLogger = createLogger('silent');
