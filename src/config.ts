// Configuration from the environment, validated once at start: a wrong value stops the
// service with a message naming the variable.
import { totalmem } from 'node:os';
import { z } from 'zod';
import { parseProxyTrust, type ProxyTrust } from './http/client-ip.ts';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => ['true', '1', 'yes'].includes(v));
const url = (protocols: string[]) =>
  // URL.canParse first: zod runs the refinement even when z.url() failed, and `new URL` would throw.
  z.url().refine((v) => URL.canParse(v) && protocols.includes(new URL(v).protocol), {
    message: `must be a ${protocols.join(' or ')} URL`,
  });

/** MATCH_INDEX_MAX_MB's default: a quarter of the machine's memory, at least 1 GiB. */
export const defaultIndexMb = () => Math.max(1024, Math.floor(totalmem() / 2 ** 20 / 4));

export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
  REDIS_URL: url(['redis:', 'rediss:']).optional(),
  ADMIN_API_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /**
   * On SIGTERM/SIGINT: how long in-flight requests and jobs (embedding drain, assignment runs, BullMQ
   * workers) may take to finish before connections and pools are closed anyway.
   */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /** Also serve /metrics without authentication on this port (unset: only on the API port, admin key). */
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** The address of METRICS_PORT's listener (loopback by default: the metrics port has no authentication). */
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  DEMO_DATA: bool.default(true),
  EMBED_MODEL: z.string().min(1).default('zh-en-static-100'),
  EMBED_MODELS_DIR: z.string().min(1).default('./embedding-models'),
  EMBED_BATCH_SIZE: z.coerce.number().int().min(1).max(1024).default(64),
  /** Run a BullMQ embedding worker inside the API process (set false when separate workers run jobs/worker.ts). */
  EMBED_WORKER: bool.default(true),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9:_-]+$/)
    .default('scm'),
  /** How often rows left pending (crash, Redis outage) are re-enqueued. */
  RECONCILE_INTERVAL_MS: z.coerce.number().int().min(100).default(30_000),
  /**
   * How often tables are checked for dead rows and stale statistics (VACUUM / ANALYZE by autovacuum's
   * thresholds) where no autovacuum runs: always on PGlite, on a server only with autovacuum = off. 0 = never.
   */
  TABLE_UPKEEP_INTERVAL_MS: z.coerce.number().int().min(0).default(60_000),
  /** Vectors of one kind from which an HNSW index is kept (below it an exact scan is faster and exact). */
  VECTOR_INDEX_MIN_ROWS: z.coerce.number().int().min(0).default(10_000),
  /** Lock time of a BullMQ job: a crashed worker's job is taken over after this. */
  QUEUE_LOCK_MS: z.coerce.number().int().min(1000).default(30_000),
  /** Failed authentications per client IP per window before 429 (0 = no limit). */
  RATE_LIMIT_AUTH_FAILURES: z.coerce.number().int().min(0).default(20),
  RATE_LIMIT_AUTH_WINDOW_MS: z.coerce.number().int().min(1000).default(60_000),
  /** Calls to the expensive endpoints (matching, assignment runs, reindex) per API key per window (0 = no limit). */
  RATE_LIMIT_EXPENSIVE: z.coerce.number().int().min(0).default(120),
  RATE_LIMIT_EXPENSIVE_WINDOW_MS: z.coerce.number().int().min(1000).default(60_000),
  /**
   * How long a match result may be served again to the same caller while no write changed its data
   * (writes invalidate at once, see src/matching/cache.ts); 0 turns the cache off.
   */
  MATCH_CACHE_TTL_MS: z.coerce.number().int().min(0).default(60_000),
  /** Memory for cached match results, in MiB (least recently used dropped first; ~10–30 KB a result at limit=10). */
  MATCH_CACHE_MAX_MB: z.coerce.number().min(0).default(64),
  /**
   * Memory for the in-memory candidate index, in MiB (src/matching/candidate-index.ts): each candidate
   * table's rows, vectors and keywords, ~2.5 KB a row at 100 dimensions, and never more than 60 % of
   * the JS heap's limit. A table that does not fit is searched in SQL; 0 turns the index off. Default:
   * a quarter of the machine's memory, at least 1 GiB (which holds the 100k-project tables; the 1M
   * projects need ~2.5 GiB and made investor→projects 14× faster than SQL, BENCHMARKS.md).
   */
  MATCH_INDEX_MAX_MB: z.coerce
    .number()
    .min(0)
    .default(() => defaultIndexMb()),
  /**
   * Which reverse proxies are trusted to append to X-Forwarded-For (src/http/client-ip.ts): false
   * (none: the socket's peer is the client), true or a hop count, or a comma list of addresses and
   * CIDR ranges. The client is the right-most hop not trusted.
   */
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((v, ctx): ProxyTrust => {
      try {
        return parseProxyTrust(v);
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: (e as Error).message });
        return z.NEVER;
      }
    }),
  /** A console session ends after this much inactivity (minutes). */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(43_200).default(720),
  /** A console session ends this long after sign-in, whatever the activity (hours). */
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(8760).default(168),
  /**
   * The console cookies' Secure flag: `auto` sets it when the request came over HTTPS (directly, or per
   * X-Forwarded-Proto from a trusted proxy); true/false force it.
   */
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  /**
   * The daily statistics snapshot (src/statistics/snapshots.ts): `on` stores every metric's closing
   * values of yesterday each day at STATS_SNAPSHOT_AT (Asia/Shanghai), by a BullMQ job scheduler with
   * REDIS_URL or an in-process timer without, and catches up a missed yesterday at start.
   */
  STATS_SNAPSHOT: z.enum(['on', 'off']).default('on'),
  /** When the daily snapshot runs, HH:MM in Asia/Shanghai (after midnight: it stores the day just ended). */
  STATS_SNAPSHOT_AT: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM')
    .default('00:10'),
  /** How long an account invitation link stays valid (hours). */
  INVITATION_TTL_HOURS: z.coerce.number().int().min(1).max(8760).default(168),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings mean "unset" (a common artefact of env files and CI templates).
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
