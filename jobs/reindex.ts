// `npm run reindex [-- --all]`: re-embeds every entity not embedded with the configured model (or
// all of them), in this process, and reports progress.
import { join } from 'node:path';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { createLogger } from '../src/logger.ts';
import { loadTransformersEmbedder } from '../src/embedding/transformers-embedder.ts';
import { ensureVectorIndexes } from '../src/embedding/indexes.ts';
import { embedEntities, markForReindex, pendingKeys } from './embeddings/processor.ts';

async function main() {
  const all = process.argv.includes('--all');
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const embedder = await loadTransformersEmbedder({ model: config.EMBED_MODEL, modelsDir: config.EMBED_MODELS_DIR });
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: join(config.DATA_DIR, 'pglite') });
  await migrateDatabase(database);
  await ensureVectorIndexes(database.db, embedder.id, embedder.dimensions);
  const marked = await markForReindex(database.db, embedder.id, all);
  const start = performance.now();
  let done = 0;
  for (;;) {
    const keys = await pendingKeys(database.db, 2048);
    if (!keys.length) break;
    const r = await embedEntities(database.db, embedder, keys, config.EMBED_BATCH_SIZE);
    done += r.embedded;
    if (!r.embedded && !r.orphans) break;
  }
  const s = (performance.now() - start) / 1000;
  logger.info('reindex finished', { model: embedder.id, marked, embedded: done, seconds: Math.round(s * 10) / 10, textsPerSecond: Math.round(done / s) });
  await database.close();
}

main().catch((e) => {
  process.stderr.write(`reindex failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
