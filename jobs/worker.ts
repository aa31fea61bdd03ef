// A standalone worker (`npm run worker`): embedding jobs, coach assignment runs and the daily
// statistics snapshot (its scheduler is upserted by the API processes). Needs
// DATABASE_URL and REDIS_URL. Start as many as you like, on any machine; each also runs the reconciler.
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/client.ts';
import { createLogger, type Logger } from '../src/logger.ts';
import { remaining } from '../src/timeout.ts';
import { loadTransformersEmbedder } from '../src/embedding/transformers-embedder.ts';
import { bullmqQueue } from './bullmq-queue.ts';
import { startAssignmentWorker } from './assignment/bullmq.ts';
import { executeRun } from '../src/assignment/run.ts';
import { startSnapshotWorker } from './snapshots/bullmq.ts';

let logger: Logger | undefined;

async function main() {
  const config = loadConfig();
  if (!config.DATABASE_URL || !config.REDIS_URL)
    throw new Error('the worker needs DATABASE_URL and REDIS_URL (without them, jobs run inside the API process)');
  const log = createLogger(config.LOG_LEVEL, { base: { component: 'worker' } });
  logger = log;
  const embedder = await loadTransformersEmbedder({ model: config.EMBED_MODEL, modelsDir: config.EMBED_MODELS_DIR });
  const database = await openDatabase({ url: config.DATABASE_URL, max: 4 });
  const queue = bullmqQueue(database.db, embedder, log, {
    url: config.REDIS_URL,
    prefix: config.QUEUE_PREFIX,
    batchSize: config.EMBED_BATCH_SIZE,
    worker: true,
    lockMs: config.QUEUE_LOCK_MS,
    indexMinRows: config.VECTOR_INDEX_MIN_ROWS,
  });
  const assign = startAssignmentWorker(
    (runId) => executeRun({ db: database.db, model: embedder.id, logger: log }, runId),
    log,
    {
      url: config.REDIS_URL,
      prefix: config.QUEUE_PREFIX,
      lockMs: config.QUEUE_LOCK_MS,
    },
  );
  const snapshots =
    config.STATS_SNAPSHOT === 'on'
      ? startSnapshotWorker(database.db, log, {
          url: config.REDIS_URL,
          prefix: config.QUEUE_PREFIX,
          lockMs: config.QUEUE_LOCK_MS,
        })
      : null;
  const timer = setInterval(
    () => void queue.reconcile(config.RECONCILE_INTERVAL_MS).catch(() => {}),
    config.RECONCILE_INTERVAL_MS,
  );
  log.info(
    { model: embedder.id, prefix: config.QUEUE_PREFIX },
    'worker started (embeddings, assignment runs, statistics snapshots)',
  );
  // As the API process (src/main.ts): the running jobs finish within SHUTDOWN_TIMEOUT_MS, then Redis
  // and the database pool close; exit 0 when nothing was cut off (a cut-off job is taken over by
  // another worker once its lock expires). A second signal exits at once.
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    const deadline = Date.now() + config.SHUTDOWN_TIMEOUT_MS;
    setTimeout(() => process.exit(1), config.SHUTDOWN_TIMEOUT_MS + 5000).unref();
    log.info({ signal, timeoutMs: config.SHUTDOWN_TIMEOUT_MS }, 'worker shutting down: finishing jobs in progress');
    clearInterval(timer);
    const [assigned, embedded, snapshotted] = await Promise.all([
      assign.close(remaining(deadline)),
      queue.close(remaining(deadline)),
      snapshots ? snapshots.close(remaining(deadline)) : true,
    ]);
    await database.close();
    const clean = assigned && embedded && snapshotted;
    if (!clean) log.warn('shutdown deadline reached with jobs running: another worker takes them over');
    log.info({ clean }, 'worker stopped');
    process.exit(clean ? 0 : 1);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err) => {
  if (logger) logger.error({ err }, 'worker failed');
  else process.stderr.write(`worker failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
