// `npm run reindex [-- --all]`: re-embeds every entity not embedded with the configured model (or
// all of them), and every entity whose text is no longer built as it was (refresh-texts.ts), in this
// process, and reports progress.
import { join } from 'node:path';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { createLogger, type Logger } from '../src/logger.ts';
import { loadTransformersEmbedder } from '../src/embedding/transformers-embedder.ts';
import { ensureVectorIndexes } from '../src/embedding/indexes.ts';
import { markForReindex } from './embeddings/processor.ts';
import { drainBacklog } from './embeddings/backlog.ts';
import { remarkAllFounders } from '../src/resources/embedding-hooks.ts';
import { refreshTexts } from './embeddings/refresh-texts.ts';

let logger: Logger | undefined;

async function main() {
  const all = process.argv.includes('--all');
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL);
  logger = log;
  const embedder = await loadTransformersEmbedder({ model: config.EMBED_MODEL, modelsDir: config.EMBED_MODELS_DIR });
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: join(config.DATA_DIR, 'pglite') });
  await migrateDatabase(database);
  await ensureVectorIndexes(database.db, embedder.id, embedder.dimensions, { minRows: config.VECTOR_INDEX_MIN_ROWS });
  const refreshed = Object.values(await refreshTexts(database.db)).reduce((n, ids) => n + ids.length, 0);
  // Founders' texts include their projects (src/matching/linked-profile.ts): stored hashes of an older
  // text are brought up to date first, or the job would never complete those founders.
  const relinked = await remarkAllFounders(database.db);
  const marked = await markForReindex(database.db, embedder.id, all);
  const start = performance.now();
  const { embedded: done } = await drainBacklog(database.db, embedder, {
    batchSize: config.EMBED_BATCH_SIZE,
    pageSize: 2048,
    indexMinRows: config.VECTOR_INDEX_MIN_ROWS,
  });
  const s = (performance.now() - start) / 1000;
  log.info(
    {
      model: embedder.id,
      marked,
      relinked,
      refreshed,
      embedded: done,
      seconds: Math.round(s * 10) / 10,
      textsPerSecond: Math.round(done / s),
    },
    'reindex finished',
  );
  await database.close();
}

main().catch((err) => {
  // Through the logger when there is one: a failed query's message holds its parameters (personal data).
  if (logger) logger.error({ err }, 'reindex failed');
  else process.stderr.write(`reindex failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
