// A standalone worker (`npm run worker`): embedding jobs and coach assignment runs. Needs
// DATABASE_URL and REDIS_URL. Start as many as you like, on any machine; each also runs the reconciler.
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/client.ts';
import { createLogger } from '../src/logger.ts';
import { loadTransformersEmbedder } from '../src/embedding/transformers-embedder.ts';
import { bullmqQueue } from './bullmq-queue.ts';
import { startAssignmentWorker } from './assignment/bullmq.ts';
import { executeRun } from '../src/assignment/run.ts';

async function main() {
  const config = loadConfig();
  if (!config.DATABASE_URL || !config.REDIS_URL) throw new Error('the worker needs DATABASE_URL and REDIS_URL (without them, jobs run inside the API process)');
  const logger = createLogger(config.LOG_LEVEL, { component: 'worker' });
  const embedder = await loadTransformersEmbedder({ model: config.EMBED_MODEL, modelsDir: config.EMBED_MODELS_DIR });
  const database = await openDatabase({ url: config.DATABASE_URL, max: 4 });
  const queue = bullmqQueue(database.db, embedder, logger, {
    url: config.REDIS_URL, prefix: config.QUEUE_PREFIX, batchSize: config.EMBED_BATCH_SIZE, worker: true, lockMs: config.QUEUE_LOCK_MS,
    indexMinRows: config.VECTOR_INDEX_MIN_ROWS,
  });
  const assign = startAssignmentWorker((runId) => executeRun({ db: database.db, model: embedder.id, logger }, runId), logger, {
    url: config.REDIS_URL, prefix: config.QUEUE_PREFIX, lockMs: config.QUEUE_LOCK_MS,
  });
  const timer = setInterval(() => void queue.reconcile(config.RECONCILE_INTERVAL_MS).catch(() => {}), config.RECONCILE_INTERVAL_MS);
  logger.info('worker started (embeddings, assignment runs)', { model: embedder.id, prefix: config.QUEUE_PREFIX });
  const stop = async () => {
    clearInterval(timer);
    await assign.close();
    await queue.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

main().catch((e) => {
  process.stderr.write(`worker failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
