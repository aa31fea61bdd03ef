// Boots the real application for a test file: PGlite (from the snapshot built in global-setup) by
// default, or a fresh database on the real PostgreSQL when TEST_DATABASE_URL is set.
import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { sql } from 'drizzle-orm';
import { bootstrap, type Service } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import type { Database, Db } from '../src/db/client.ts';
import { openDatabase, pgliteDatabase } from '../src/db/client.ts';
import { silentLogger, type Logger } from '../src/logger.ts';
import { uuidv7 } from '../models/common/uuid.ts';
import type { Embedder } from '../src/embedding/embedder.ts';
import { loadTransformersEmbedder } from '../src/embedding/transformers-embedder.ts';

export const ADMIN_KEY = 'test-admin-key-0123456789abcdef';

export interface TestApp {
  service: Service;
  db: Db;
  backend: 'pglite' | 'postgres';
  /** The test database's URL on the real server (unset on PGlite). */
  databaseUrl?: string;
  /** Sends a request through the real app (in process). `key: null` sends no Authorization header. */
  request(
    method: string,
    path: string,
    opts?: { key?: string | null; body?: unknown; raw?: string; headers?: Record<string, string> },
  ): Promise<TestResponse>;
  /** Creates an API key through the API and returns it. */
  keyFor(role: string, binding?: { subjectId?: string; centerId?: string }): Promise<string>;
  close(): Promise<void>;
}

export interface TestResponse {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

/**
 * A fresh database of the backend under test, dropped by `drop`. PostgreSQL: a new database from
 * template1 (not migrated). PGlite: the migrated snapshot, or with `empty` a database nothing has run on.
 */
export async function openTestDatabase(
  opts: { empty?: boolean } = {},
): Promise<{ database: Database; url?: string; drop: () => Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `t_${uuidv7().replace(/-/g, '')}`;
    const admin = await openDatabase({ url, max: 1 });
    await admin.db.execute(sql.raw(`create database "${name}" template template1`));
    const u = new URL(url);
    u.pathname = `/${name}`;
    const database = await openDatabase({ url: u.toString(), max: 10 });
    return {
      database,
      url: u.toString(),
      drop: async () => {
        await database.close();
        await admin.db.execute(sql.raw(`drop database if exists "${name}" with (force)`));
        await admin.close();
      },
    };
  }
  const snapshot = opts.empty ? null : inject('pgliteSnapshot');
  const { PGlite } = await import('@electric-sql/pglite');
  const { vector } = await import('@electric-sql/pglite-pgvector');
  const { drizzle } = await import('drizzle-orm/pglite');
  const client = await PGlite.create({
    extensions: { vector },
    ...(snapshot ? { loadDataDir: new Blob([await readFile(snapshot)]) } : {}),
  });
  const database = pgliteDatabase(client, drizzle);
  return { database, drop: () => database.close() };
}

let bundled: Promise<Embedder> | undefined;
/** The bundled model, loaded once per test worker and shared by its apps. */
export const bundledEmbedder = () =>
  (bundled ??= loadTransformersEmbedder({ model: 'zh-en-static-100', modelsDir: 'embedding-models' }));

/**
 * Boots the app. With TEST_REDIS_URL the queue is BullMQ (under a prefix of its own, so test files
 * running in parallel never share jobs); otherwise jobs run in-process.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  opts: { embedder?: Embedder; logger?: Logger } = {},
): Promise<TestApp> {
  const { database, url, drop } = await openTestDatabase();
  const redis = process.env.TEST_REDIS_URL
    ? { REDIS_URL: process.env.TEST_REDIS_URL, QUEUE_PREFIX: `t${uuidv7().slice(0, 13)}` }
    : {};
  // Rate limits off unless a test sets them (test/security/rate-limit.test.ts uses real ones):
  // test files make thousands of calls from one "client".
  const limits = { RATE_LIMIT_AUTH_FAILURES: '0', RATE_LIMIT_EXPENSIVE: '0' };
  // The match cache off unless a test turns it on (test/matching/cache.test.ts, endpoints.test.ts):
  // many tests change rows directly and then match at once, and other connections' changes reach
  // the cache by NOTIFY a moment after their commit.
  const cache = { MATCH_CACHE_TTL_MS: '0' };
  // The daily statistics snapshot off unless a test turns it on (test/statistics/snapshots.test.ts):
  // its start-up catch-up would write stat_snapshots behind the tests' backs.
  const snapshots = { STATS_SNAPSHOT: 'off' };
  const config = loadConfig({
    DEMO_DATA: 'false',
    ADMIN_API_KEY: ADMIN_KEY,
    LOG_LEVEL: 'silent',
    ...limits,
    ...cache,
    ...snapshots,
    ...redis,
    ...env,
  });
  const embedder = opts.embedder ?? (env.EMBED_MODEL ? undefined : await bundledEmbedder());
  const service = await bootstrap(config, opts.logger ?? silentLogger, { database, embedder });
  const request: TestApp['request'] = async (method, path, opts = {}) => {
    const headers: Record<string, string> = { ...opts.headers };
    const key = opts.key === undefined ? ADMIN_KEY : opts.key;
    if (key) headers.authorization = `Bearer ${key}`;
    let body: string | undefined = opts.raw;
    if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await service.app.request(path, { method, headers, body });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.status, headers: res.headers, body: parsed, text };
  };
  return {
    service,
    db: database.db,
    backend: database.kind,
    databaseUrl: url,
    request,
    async keyFor(role, binding = {}) {
      const res = await request('POST', '/v1/api-keys', { body: { role, label: `test ${role}`, ...binding } });
      if (res.status !== 201) throw new Error(`key creation failed: ${res.status} ${res.text}`);
      return res.body.key;
    },
    async close() {
      await service.matchCache.close();
      await service.assignmentQueue.close();
      await service.queue.close();
      await drop();
    },
  };
}
