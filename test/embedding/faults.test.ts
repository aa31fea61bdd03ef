// Faults of the real servers: a worker killed mid-batch, and Redis going away during writes.
// Needs the real PostgreSQL and Redis (CI's second run); skipped on the embedded default.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { freePort } from '../net.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { embeddingsTable, foundersTable } from '../../models/schema.ts';
import { embeddingHooks } from '../../src/resources/embedding-hooks.ts';
import { uuidv7 } from '../../models/common/uuid.ts';
import { startTestApp, type TestApp } from '../harness.ts';

const real = !!(process.env.TEST_DATABASE_URL && process.env.TEST_REDIS_URL);
const hasRedisServer = spawnSync('redis-server', ['--version']).status === 0;
const apps: TestApp[] = [];
const children: ChildProcess[] = [];
afterAll(async () => {
  // Apps first: their queues close cleanly while the Redis they use is still up.
  for (const a of apps) await a.close();
  for (const c of children) c.kill('SIGKILL');
});

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const statusCounts = async (t: TestApp) => {
  const rows = await t.db
    .select({ status: embeddingsTable.status, n: count() })
    .from(embeddingsTable)
    .groupBy(embeddingsTable.status);
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])) as Record<string, number>;
};

describe.skipIf(!real)('embedding faults on PostgreSQL + Redis', () => {
  it('a worker killed mid-batch: after a restart every entity is embedded exactly once', async () => {
    const prefix = `crash${uuidv7().slice(0, 8)}`;
    // The API process only produces jobs; a separate worker process consumes them.
    const t = await startTestApp({ EMBED_WORKER: 'false', QUEUE_PREFIX: prefix, RECONCILE_INTERVAL_MS: '600000' });
    apps.push(t);
    const N = 1000;
    const hooks = embeddingHooks();
    await t.db.transaction(async (tx) => {
      const rows = await tx
        .insert(foundersTable)
        .values(
          Array.from({ length: N }, (_, i) => ({
            name: `创业者${i}`,
            groups: ['graduate' as const],
            regionCode: '540102',
            languages: ['zh' as const],
            interests: `牦牛 酸奶 电商 项目 ${i} solar yak tourism`,
          })),
        )
        .returning();
      for (const r of rows) await hooks.markPending(tx, 'founder', r);
    });
    const env = {
      ...process.env,
      DATABASE_URL: t.databaseUrl!,
      REDIS_URL: process.env.TEST_REDIS_URL!,
      QUEUE_PREFIX: prefix,
      QUEUE_LOCK_MS: '2000',
      RECONCILE_INTERVAL_MS: '1000',
      EMBED_BATCH_SIZE: '8',
      LOG_LEVEL: 'warn',
    };
    const startWorker = () => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'jobs/worker.ts'], {
        env,
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      children.push(child);
      return child;
    };
    const first = startWorker();
    await t.service.queue.reconcile(0);
    await until(
      'the first worker to embed part of the batch',
      async () => ((await statusCounts(t)).ready ?? 0) >= N / 10,
    );
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    const mid = await statusCounts(t);
    expect(mid.pending).toBeGreaterThan(0);

    startWorker();
    await until('all embeddings ready after the restart', async () => ((await statusCounts(t)).ready ?? 0) === N);
    const rows = await t.db.select().from(embeddingsTable).where(eq(embeddingsTable.entityKind, 'founder'));
    expect(rows).toHaveLength(N);
    for (const r of rows) expect(r).toMatchObject({ status: 'ready', model: 'zh-en-static-100', embedCount: 1 });
  }, 180_000);

  it.skipIf(!hasRedisServer)(
    'Redis down: writes still succeed and are embedded once it is back',
    async () => {
      const port = await freePort();
      const startRedis = () => {
        const r = spawn(
          'redis-server',
          ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
          { stdio: 'ignore' },
        );
        children.push(r);
        return r;
      };
      let redis = startRedis();
      const url = `redis://127.0.0.1:${port}`;
      await until(
        'redis',
        async () =>
          spawnSync('redis-cli', ['-p', String(port), 'ping'])
            .stdout?.toString()
            .includes('PONG'),
        10_000,
      );
      const t = await startTestApp({ REDIS_URL: url, RECONCILE_INTERVAL_MS: '300' });
      apps.push(t);
      const f = await t.request('POST', '/v1/founders', {
        body: { name: 'Tenzin', groups: ['veteran'], regionCode: '540602', languages: ['bo', 'zh'] },
      });
      await t.service.queue.drained();

      redis.kill('SIGKILL');
      await new Promise((r) => redis.once('exit', r));
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await t.request('POST', '/v1/projects', {
          body: {
            title: `那曲光伏微电网 ${i}`,
            description: 'Solar micro-grid for herders',
            sector: 'clean_energy',
            stage: 'idea',
            regionCode: '540602',
            founderIds: [f.body.id],
            needs: ['loans'],
            languages: ['zh'],
            status: 'draft',
          },
        });
        expect(res.status).toBe(201);
        ids.push(res.body.id);
      }
      // The five projects, and their founder: a founder's profile includes its projects (linked-profile.ts).
      expect((await statusCounts(t)).pending).toBe(6);

      redis = startRedis();
      await t.service.queue.drained(60_000);
      const rows = await t.db.select().from(embeddingsTable).where(eq(embeddingsTable.entityKind, 'project'));
      expect(rows.map((r) => r.entityId).sort()).toEqual(ids.sort());
      for (const r of rows) expect(r).toMatchObject({ status: 'ready', embedCount: 1 });
      const [founder] = await t.db.select().from(embeddingsTable).where(eq(embeddingsTable.entityId, f.body.id));
      expect(founder.status).toBe('ready');
    },
    120_000,
  );
});
