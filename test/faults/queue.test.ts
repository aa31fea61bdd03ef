// Job faults on PostgreSQL + a private Redis (a child redis-server on a random port, so the shared
// one other tests use is never touched): while a worker process embeds a batch, Redis is killed and
// restarted empty (every queued job lost) and then the worker is killed -9 mid-job; after a new
// worker starts, every entity is embedded exactly once in effect (embed_count = 1 everywhere).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { embeddingsTable, foundersTable } from '../../models/schema.ts';
import { embeddingHooks } from '../../src/resources/embedding-hooks.ts';
import { uuidv7 } from '../../models/common/uuid.ts';
import { startTestApp, type TestApp } from '../harness.ts';
import { LONG, ROOT, freePort, kill9, until } from './helpers.ts';

const real = !!process.env.TEST_DATABASE_URL;
const hasRedisServer = spawnSync('redis-server', ['--version']).status === 0;
const children: ChildProcess[] = [];
let app: TestApp | undefined;
afterAll(async () => {
  await app?.close();
  for (const c of children) await kill9(c);
});

const statusCounts = async (t: TestApp) => {
  const rows = await t.db
    .select({ status: embeddingsTable.status, n: count() })
    .from(embeddingsTable)
    .groupBy(embeddingsTable.status);
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])) as Record<string, number>;
};

describe.skipIf(!real || !hasRedisServer)('queue faults (PostgreSQL + private Redis)', () => {
  it('Redis restarted empty and the worker killed -9 mid-job: every entity embedded exactly once', async () => {
    const port = await freePort();
    const redisUrl = `redis://127.0.0.1:${port}`;
    const startRedis = async () => {
      const r = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        { stdio: 'ignore' },
      );
      children.push(r);
      await until(
        'redis',
        () =>
          !!spawnSync('redis-cli', ['-p', String(port), 'ping'])
            .stdout?.toString()
            .includes('PONG'),
        10_000,
      );
      return r;
    };
    let redis = await startRedis();
    const prefix = `qf${uuidv7().slice(0, 8)}`;
    app = await startTestApp({
      REDIS_URL: redisUrl,
      EMBED_WORKER: 'false',
      QUEUE_PREFIX: prefix,
      RECONCILE_INTERVAL_MS: '600000',
    });
    const t = app;
    const N = LONG ? 3000 : 600;
    const hooks = embeddingHooks();
    await t.db.transaction(async (tx) => {
      const rows = await tx
        .insert(foundersTable)
        .values(
          Array.from({ length: N }, (_, i) => ({
            name: `队列${i}`,
            groups: ['farmer_herder' as const],
            regionCode: '540602',
            languages: ['bo' as const],
            interests: `牦牛 奶渣 合作社 ${i} yak cheese co-op`,
          })),
        )
        .returning();
      for (const r of rows) await hooks.markPending(tx, 'founder', r);
    });
    const env = {
      ...process.env,
      DATABASE_URL: t.databaseUrl!,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: prefix,
      QUEUE_LOCK_MS: '2000',
      RECONCILE_INTERVAL_MS: '1000',
      EMBED_BATCH_SIZE: '8',
      LOG_LEVEL: 'silent',
    };
    const startWorker = () => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'jobs/worker.ts'], {
        cwd: ROOT,
        env,
        stdio: ['ignore', 'ignore', 'ignore'],
      });
      children.push(child);
      return child;
    };
    const ready = async () => (await statusCounts(t)).ready ?? 0;
    const worker = startWorker();
    await t.service.queue.reconcile(0);
    await until('a tenth embedded', async () => (await ready()) >= N / 10, 120_000);

    // Redis dies and comes back empty: the queued jobs are gone, the rows are still pending.
    await kill9(redis);
    const atRedisDown = await ready();
    await new Promise((r) => setTimeout(r, 1500));
    redis = await startRedis();
    // The worker's reconciler re-enqueues what is pending; wait for progress, then kill it mid-job.
    await until(
      'progress after the Redis restart',
      async () => (await ready()) >= Math.min(N - 1, atRedisDown + N / 10),
      120_000,
    );
    await kill9(worker);
    const mid = await statusCounts(t);
    expect(mid.pending ?? 0, 'the worker was killed before the end').toBeGreaterThan(0);

    startWorker();
    await until('all embedded', async () => (await ready()) === N, 240_000, 250);
    const rows = await t.db.select().from(embeddingsTable).where(eq(embeddingsTable.entityKind, 'founder'));
    expect(rows).toHaveLength(N);
    const counts = new Map<number, number>();
    for (const r of rows) counts.set(r.embedCount, (counts.get(r.embedCount) ?? 0) + 1);
    expect(Object.fromEntries(counts), 'embed_count per row').toEqual({ 1: N });
    // eslint-disable-next-line no-console
    console.log(
      `[faults] queue: ${N} jobs, Redis restarted empty at ${atRedisDown} done, worker killed at ${N - (mid.pending ?? 0)} done; all ${N} embedded exactly once`,
    );
  }, 420_000);
});
