// The embedding pipeline end to end: writes mark rows pending in the same transaction, the queue
// (in-process, or BullMQ with TEST_REDIS_URL) embeds them, updates re-embed, model switches reindex.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import { embeddingsTable, foundersTable } from '../../models/schema.ts';
import {
  EMBEDDED_KINDS,
  embeddedTables,
  type EmbeddedKind,
  type EmbeddedTable,
} from '../../models/embeddings/index.ts';
import { buildStaticModel } from '../../scripts/build-model/static-model.ts';
import { bootstrap } from '../../src/bootstrap.ts';
import { loadConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/logger.ts';
import type { Embedder } from '../../src/embedding/embedder.ts';
import { loadTransformersEmbedder, ModelNotFoundError } from '../../src/embedding/transformers-embedder.ts';
import { ensureVectorIndexes, vectorIndexName } from '../../src/embedding/indexes.ts';
import { BULK_MIN_PENDING, drainBacklog } from '../../jobs/embeddings/backlog.ts';
import { embeddingHooks } from '../../src/resources/embedding-hooks.ts';
import { resultRows } from '../../src/db/errors.ts';
import { ADMIN_KEY, startTestApp, type TestApp } from '../harness.ts';

let t: TestApp;
let founderId: string;

/** Embedding rows with their entity's match columns (vector, keywords), of one kind or all. */
async function embeddingRows(kinds: readonly EmbeddedKind[] = EMBEDDED_KINDS, where?: SQL) {
  const out = [];
  for (const kind of kinds) {
    const table: EmbeddedTable = embeddedTables[kind];
    out.push(
      ...(await t.db
        .select({
          ...getTableColumns(embeddingsTable),
          vector: table.vector,
          vectorModel: table.vectorModel,
          keywords: table.keywords,
        })
        .from(embeddingsTable)
        .innerJoin(table, eq(table.id, embeddingsTable.entityId))
        .where(and(eq(embeddingsTable.entityKind, kind), where))),
    );
  }
  return out;
}
const embeddingRow = async (kind: EmbeddedKind, id: string) =>
  (await embeddingRows([kind], eq(embeddingsTable.entityId, id)))[0];

const project = (over: Record<string, unknown> = {}) => ({
  title: '藏药材电商',
  description: '通过小程序销售林芝的藏药材和天麻',
  sector: 'plateau_biology',
  stage: 'prototype',
  regionCode: '540402',
  founderIds: [founderId],
  needs: ['ecommerce'],
  languages: ['zh'],
  status: 'submitted',
  ...over,
});

beforeAll(async () => {
  t = await startTestApp();
  const f = await t.request('POST', '/v1/founders', {
    body: {
      name: '卓玛',
      groups: ['graduate'],
      regionCode: '540402',
      languages: ['zh', 'bo'],
      interests: '电子商务 乡村振兴',
    },
  });
  founderId = f.body.id;
});
afterAll(async () => {
  await t?.close();
});

describe('embedding pipeline', () => {
  it('a create is pending in the same transaction, then embedded once with the current model', async () => {
    const res = await t.request('POST', '/v1/projects', { body: project() });
    expect(res.status).toBe(201);
    const id = res.body.id;
    // The row exists as soon as the write is acknowledged (pending or already done by the worker).
    expect(['pending', 'ready']).toContain((await embeddingRow('project', id)).status);
    // Keywords and inferred topics are written with the entity: matching never waits for the queue.
    expect((await embeddingRow('project', id)).keywords).toContain('药材');
    await t.service.queue.drained();
    const row = await embeddingRow('project', id);
    expect(row).toMatchObject({ status: 'ready', model: 'zh-en-static-100', dimensions: 100, embedCount: 1 });
    expect(row.vector).toHaveLength(100);
    expect(row.vectorModel).toBe('zh-en-static-100');
    expect(row.keywords).toContain('药材');
    const got = await t.request('GET', `/v1/projects/${id}`);
    expect(got.body.embedding).toEqual({ status: 'ready', model: 'zh-en-static-100' });
    const status = await t.request('GET', '/v1/status');
    expect(status.body.embeddings).toMatchObject({ model: 'zh-en-static-100', dimensions: 100, pending: 0, failed: 0 });
    expect(status.body.embeddings.ready).toBeGreaterThanOrEqual(2);
    expect(status.body.queue).toBe(process.env.TEST_REDIS_URL ? 'bullmq' : 'inline');
  });

  it('an update of the text re-embeds; an update of other fields does not', async () => {
    const id = (await t.request('POST', '/v1/projects', { body: project({ title: '牦牛酸奶' }) })).body.id;
    await t.service.queue.drained();
    const before = await embeddingRow('project', id);
    await t.request('PATCH', `/v1/projects/${id}`, { body: { fundingNeedCny: 50000 } });
    await t.service.queue.drained();
    expect((await embeddingRow('project', id)).embedCount).toBe(before.embedCount);
    await t.request('PATCH', `/v1/projects/${id}`, { body: { description: 'Solar micro-grid for herders in Nagqu' } });
    await t.service.queue.drained();
    const after = await embeddingRow('project', id);
    expect(after.embedCount).toBe(before.embedCount + 1);
    expect(after.contentHash).not.toBe(before.contentHash);
    expect(after.vector).not.toEqual(before.vector);
    expect(after.keywords).toContain('solar');
  });

  it('a text the model knows no word of gives no vector (never NaN or zero)', async () => {
    expect(await t.service.embedder.embed(['？！……', '', '𠀀𠀁'], 'passage')).toEqual([null, null, null]);
    const rows = await embeddingRows();
    expect(rows.some((r) => r.vector)).toBe(true);
    for (const r of rows) if (r.vector) expect(r.vector.every((x: number) => Number.isFinite(x))).toBe(true);
  });

  it('deleting an entity removes its embedding', async () => {
    const id = (await t.request('POST', '/v1/projects', { body: project({ title: '待删除' }) })).body.id;
    await t.service.queue.drained();
    expect(await embeddingRow('project', id)).toBeDefined();
    expect((await t.request('DELETE', `/v1/projects/${id}`)).status).toBe(204);
    expect(await t.db.select().from(embeddingsTable).where(eq(embeddingsTable.entityId, id))).toEqual([]);
  });

  it('keeps an HNSW index per entity kind once the kind has enough vectors', async () => {
    await t.service.queue.drained();
    const hnsw = async () =>
      resultRows<{ indexname: string; indexdef: string }>(
        await t.db.execute(
          sql`select indexname, indexdef from pg_indexes where tablename = 'projects' and indexdef ilike '%hnsw%'`,
        ),
      );
    const name = (kind: string) => vectorIndexName('zh-en-static-100', kind);
    // A handful of rows is under the default threshold: an exact scan serves them, no index to maintain.
    expect((await hnsw()).map((r) => r.indexname)).not.toContain(name('project'));
    const [{ n }] = resultRows<{ n: number }>(
      await t.db.execute(
        sql`select count(*)::int as n from embeddings where entity_kind = 'project' and status = 'ready'`,
      ),
    );
    await ensureVectorIndexes(t.db, 'zh-en-static-100', 100, { minRows: n + 1 });
    expect((await hnsw()).map((r) => r.indexname)).not.toContain(name('project'));
    await ensureVectorIndexes(t.db, 'zh-en-static-100', 100, { minRows: n });
    const def = (await hnsw()).find((r) => r.indexname === name('project'))?.indexdef;
    expect(def).toMatch(/vector\(100\)/);
    expect(def).toMatch(/vector_model = 'zh-en-static-100'/);
  });

  it('a bulk backlog is embedded with the index rebuilt once at the end', async () => {
    await t.service.queue.drained();
    await ensureVectorIndexes(t.db, 'zh-en-static-100', 100, { minRows: 0, kinds: ['founder'] });
    const hooks = embeddingHooks();
    const n = BULK_MIN_PENDING + 30;
    // Written without a scheduler (like a bulk import), then drained directly.
    const ids = await t.db.transaction(async (tx) => {
      const rows = await tx
        .insert(foundersTable)
        .values(
          Array.from({ length: n }, (_, i) => ({
            name: `批量 ${i}`,
            groups: ['farmer_herder' as const],
            regionCode: '540102',
            languages: ['zh' as const],
            interests: `牦牛 合作社 ${i}`,
          })),
        )
        .returning();
      for (const r of rows) await hooks.markPending(tx, 'founder', r);
      return rows.map((r) => r.id);
    });
    const r = await drainBacklog(t.db, t.service.embedder, { batchSize: 64, indexMinRows: 0 });
    expect(r.embedded).toBeGreaterThanOrEqual(n);
    const rows = await embeddingRows(['founder'], inArray(embeddingsTable.entityId, ids));
    expect(rows).toHaveLength(n);
    expect(rows.every((x) => x.status === 'ready' && x.embedCount === 1 && x.vector?.length === 100)).toBe(true);
    const idx = resultRows<{ indexname: string }>(
      await t.db.execute(sql`select indexname from pg_indexes where tablename = 'founders'`),
    );
    expect(idx.map((x) => x.indexname)).toContain(vectorIndexName('zh-en-static-100', 'founder'));
    // The rebuilt index answers a kNN query with the rows' own vectors. An index over rows with
    // fresh HOT updates (indcheckxmin) is only usable by snapshots newer than it: wait until no
    // transaction on the server is older (under load, or beside another database's long index
    // build, that takes a while). One transaction per ask: the setting and the query share a connection.
    const name = vectorIndexName('zh-en-static-100', 'founder');
    const usable = async () =>
      resultRows<{ ok: boolean }>(
        await t.db.execute(sql`select not indcheckxmin
      or xmin::text::bigint < (txid_snapshot_xmin(txid_current_snapshot()) % 4294967296) as ok
      from pg_index where indexrelid = ${name}::regclass`),
      )[0].ok;
    for (let i = 0; i < 600 && !(await usable()); i++) await new Promise((r) => setTimeout(r, 100));
    expect(await usable(), 'a transaction older than the index kept running for a minute').toBe(true);
    const plan = await t.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      return resultRows<Record<string, string>>(
        await tx.execute(sql`explain select id from founders
        where vector_model = 'zh-en-static-100'
        order by vector::vector(100) <=> (select vector from founders where id = ${ids[0]}) limit 5`),
      );
    });
    expect(plan.map((p) => Object.values(p)[0]).join('\n')).toContain(name);
    await t.db.delete(foundersTable).where(inArray(foundersTable.id, ids));
  });

  it('reindex (admin endpoint) re-embeds everything once', async () => {
    await t.service.queue.drained();
    const before = await t.db.select().from(embeddingsTable);
    const res = await t.request('POST', '/v1/admin/reindex', { body: { all: true } });
    expect(res.status).toBe(202);
    expect(res.body.marked).toBe(before.length);
    await t.service.queue.drained();
    const after = await t.db.select().from(embeddingsTable);
    for (const row of after) {
      const old = before.find((b) => b.entityId === row.entityId)!;
      expect(row.status).toBe('ready');
      expect(row.embedCount).toBe(old.embedCount + 1);
    }
    const founderKey = await t.keyFor('founder', { subjectId: founderId });
    expect((await t.request('POST', '/v1/admin/reindex', { key: founderKey, body: {} })).status).toBe(404);
  });

  it('switching the model re-embeds with the new model and its own dimension', async () => {
    // A tiny 8-dimensional model built here, loaded through the same transformers.js path an operator's model would be.
    const modelsDir = mkdtempSync(join(tmpdir(), 'scm-models-'));
    const words = [
      '藏药材',
      '电商',
      '药材',
      'solar',
      'grid',
      'herders',
      'yak',
      '牦牛',
      '酸奶',
      '小程序',
      '销售',
      '林芝',
      '天麻',
      '高原生物',
      'plateau',
    ];
    const vocab = new Map(
      words.map((w, i) => [w, Float32Array.from({ length: 8 }, (_, j) => Math.sin((i + 1) * (j + 1)))]),
    );
    buildStaticModel({ outDir: join(modelsDir, 'tiny-8'), vocab });
    const tiny: Embedder = await loadTransformersEmbedder({ model: 'tiny-8', modelsDir });
    expect(tiny.dimensions).toBe(8);
    // A founder on no project: its text has no word of the tiny vocabulary.
    const alone = (
      await t.request('POST', '/v1/founders', {
        body: {
          name: '次仁',
          groups: ['graduate'],
          regionCode: '540402',
          languages: ['zh'],
          interests: '电子商务 乡村振兴',
        },
      })
    ).body.id;
    // Boot a second service on the same database with the new model, as an operator restart would:
    // the old one's queue stops first (left running, its worker would re-embed with the old model).
    await t.service.queue.close();
    const config = loadConfig({
      DEMO_DATA: 'false',
      ADMIN_API_KEY: ADMIN_KEY,
      LOG_LEVEL: 'silent',
      STATS_SNAPSHOT: 'off',
      QUEUE_PREFIX: `${Date.now()}tiny`,
      ...(process.env.TEST_REDIS_URL ? { REDIS_URL: process.env.TEST_REDIS_URL } : {}),
    });
    const second = await bootstrap(config, silentLogger, { database: t.service.database, embedder: tiny });
    try {
      await second.queue.drained();
      const rows = await embeddingRows();
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) expect(r).toMatchObject({ status: 'ready', model: 'tiny-8', dimensions: 8 });
      // Texts with words of the tiny vocabulary get 8-d vectors (a founder's includes its projects': it has one);
      // the lone founder's (no known word) is stored without one.
      expect(rows.filter((r) => r.vector).every((r) => r.vector!.length === 8 && r.vectorModel === 'tiny-8')).toBe(
        true,
      );
      expect(rows.some((r) => r.vector)).toBe(true);
      expect(rows.find((r) => r.entityId === alone)).toMatchObject({ vector: null, vectorModel: null });
      expect(rows.find((r) => r.entityId === founderId)).toMatchObject({ vectorModel: 'tiny-8' });
      const status = await second.app.request('/v1/status', { headers: { authorization: `Bearer ${ADMIN_KEY}` } });
      expect(await status.json()).toMatchObject({ embeddings: { model: 'tiny-8', dimensions: 8, pending: 0 } });
    } finally {
      // Not second.close(): the database is the first service's and the harness drops it.
      await second.matchCache.close();
      await second.queue.close();
    }
  });

  it('a missing model fails with a message saying what to install', async () => {
    await expect(loadTransformersEmbedder({ model: 'no-such-model', modelsDir: 'embedding-models' })).rejects.toThrow(
      ModelNotFoundError,
    );
    await expect(loadTransformersEmbedder({ model: 'zh-en-static-100', modelsDir: '/nonexistent' })).rejects.toThrow(
      /npm run build:model/,
    );
  });
});
