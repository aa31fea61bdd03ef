// Embedding benchmark: model load time, bare model throughput (batch 64; short and ~100-token
// texts) and the pipeline end to end (write → pending → queue → stored vector) on the same texts,
// reported as a ratio to the bare model call.
import { sql } from 'drizzle-orm';
import { foundersTable } from '../models/schema.ts';
import { openDatabase } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { loadTransformersEmbedder } from '../src/embedding/transformers-embedder.ts';
import { ensureVectorIndexes, vectorIndexName } from '../src/embedding/indexes.ts';
import { resultRows } from '../src/db/errors.ts';
import { entityText } from '../src/embedding/texts.ts';
import { embeddingHooks } from '../src/resources/embedding-hooks.ts';
import { inlineQueue } from '../jobs/inline-queue.ts';
import { inTwoLanes, storeVectors, writeBatches } from '../jobs/embeddings/processor.ts';
import { silentLogger } from '../src/logger.ts';
import { loadReference } from '../seeds/load.ts';
import { shortText, longText } from './texts.ts';

export interface EmbeddingBench {
  model: string;
  dimensions: number;
  loadMs: number;
  shortTextsPerSec: number;
  longTextsPerSec: number;
  pipeline: { backend: string; entities: number; runs: PipelineRun[] };
}

export interface PipelineRun {
  /** VECTOR_INDEX_MIN_ROWS of the run: 10,000 (the default) leaves 5,000 rows unindexed, 0 builds the index. */
  indexMinRows: number;
  hnswIndex: boolean;
  seconds: number;
  textsPerSec: number;
  bareTextsPerSec: number;
  ratioBareToPipeline: number;
  /**
   * Storing alone: the same rows pending again, their vectors computed beforehand, written by the
   * job's own statement (storeVectors) in its batches and lanes — what any queue must pay besides
   * the model. Without the drain's index drop: with `hnswIndex`, every row also goes into the index.
   */
  storeTextsPerSec: number;
  /** Model then store, one after the other: 1 / (1/bare + 1/store). */
  modelThenStoreTextsPerSec: number;
}

async function throughput(embed: (t: string[]) => Promise<unknown>, texts: string[], batch = 64): Promise<number> {
  await embed(texts.slice(0, batch)); // warm-up
  const start = performance.now();
  for (let i = 0; i < texts.length; i += batch) await embed(texts.slice(i, i + batch));
  return texts.length / ((performance.now() - start) / 1000);
}

export async function benchEmbedding(opts: { databaseUrl?: string; entities?: number } = {}): Promise<EmbeddingBench> {
  const t0 = performance.now();
  const embedder = await loadTransformersEmbedder({
    model: process.env.EMBED_MODEL ?? 'zh-en-static-100',
    modelsDir: process.env.EMBED_MODELS_DIR ?? 'embedding-models',
  });
  const loadMs = performance.now() - t0;
  const embed = (t: string[]) => embedder.embed(t, 'passage');
  const shortTextsPerSec = await throughput(
    embed,
    Array.from({ length: 12_800 }, (_, i) => shortText(i)),
  );
  const longTextsPerSec = await throughput(
    embed,
    Array.from({ length: 1_280 }, (_, i) => longText(i)),
  );

  // Pipeline: founders written with their pending marks in one transaction, then drained by the
  // queue; the bare model call on the same texts is measured right before each drain.
  const n = opts.entities ?? 5_000;
  const database = await openDatabase({ url: opts.databaseUrl });
  const db = database.db;
  await migrateDatabase(database);
  await loadReference(db, embeddingHooks());
  const founders = Array.from({ length: n }, (_, i) => ({
    name: `创业者 ${i}`,
    groups: ['graduate' as const],
    regionCode: '540102',
    languages: ['zh' as const],
    interests: shortText(i + 7),
  }));
  const texts = founders.map((f) => entityText('founder', f));
  const hooks = embeddingHooks();
  const pipeline = async (indexMinRows: number): Promise<PipelineRun> => {
    await db.execute(sql`truncate founders, embeddings cascade`);
    await ensureVectorIndexes(db, embedder.id, embedder.dimensions, { minRows: indexMinRows });
    for (let i = 0; i < n; i += 1000) {
      await db.transaction(async (tx) => {
        const rows = await tx
          .insert(foundersTable)
          .values(founders.slice(i, i + 1000))
          .returning();
        for (const r of rows) await hooks.markPending(tx, 'founder', r);
      });
    }
    const bareTextsPerSec = await throughput(embed, texts);
    const queue = inlineQueue(db, embedder, silentLogger, { batchSize: 64, indexMinRows });
    const start = performance.now();
    queue.schedule('founder', []);
    await queue.drained(600_000);
    const seconds = (performance.now() - start) / 1000;
    await queue.close();
    const [{ indexed }] = resultRows<{ indexed: boolean }>(
      await db.execute(
        sql`select exists (select 1 from pg_indexes where indexname = ${vectorIndexName(embedder.id, 'founder')}) as indexed`,
      ),
    );
    const storeTextsPerSec = await storeOnly();
    return {
      indexMinRows,
      hnswIndex: indexed,
      seconds,
      textsPerSec: n / seconds,
      bareTextsPerSec,
      ratioBareToPipeline: bareTextsPerSec / (n / seconds),
      storeTextsPerSec,
      modelThenStoreTextsPerSec: 1 / (1 / bareTextsPerSec + 1 / storeTextsPerSec),
    };
  };
  const storeOnly = async () => {
    const rows = await db.select().from(foundersTable);
    const items: { id: string; text: string; vector: number[] | null }[] = [];
    for (let i = 0; i < rows.length; i += 64) {
      const chunk = rows.slice(i, i + 64).map((r) => ({ id: r.id, text: entityText('founder', r) }));
      const vectors = await embedder.embed(
        chunk.map((c) => c.text),
        'passage',
      );
      for (const [k, c] of chunk.entries()) items.push({ ...c, vector: vectors[k] });
    }
    await db.execute(sql`update founders set vector = null, vector_model = null`);
    await db.execute(sql`update embeddings set status = 'pending' where entity_kind = 'founder'`);
    let stored = 0;
    const start = performance.now();
    // The job's own batches and lanes.
    await inTwoLanes(writeBatches(items), async (batch) => {
      const n = await storeVectors(db, embedder, 'founder', batch);
      stored += n; // not `stored += await …`: that reads `stored` before the other lane adds to it
    });
    const seconds = (performance.now() - start) / 1000;
    if (stored !== items.length) throw new Error(`stored ${stored} of ${items.length}`);
    return items.length / seconds;
  };
  const runs = [await pipeline(10_000), await pipeline(0)];
  await database.close();
  return {
    model: embedder.id,
    dimensions: embedder.dimensions,
    loadMs,
    shortTextsPerSec,
    longTextsPerSec,
    pipeline: { backend: database.kind, entities: n, runs },
  };
}
