// Wires the service together: database → migrations → embedder and queue → reference/demo data →
// HTTP app. main.ts serves it; the test harness boots exactly the same thing.
import { join } from 'node:path';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/client.ts';
import { migrateDatabase } from './db/migrate.ts';
import { scheduleUpkeep, type Upkeep } from './db/upkeep.ts';
import { schedulePrune } from './accounts/prune.ts';
import { createApp, type App } from './http/app.ts';
import type { Logger } from './logger.ts';
import { embeddingHooks } from './resources/embedding-hooks.ts';
import type { Embedder } from './embedding/embedder.ts';
import { loadTransformersEmbedder } from './embedding/transformers-embedder.ts';
import { ensureVectorIndexes } from './embedding/indexes.ts';
import { ensureAdminKey } from './auth/bootstrap-key.ts';
import { createDemoAccounts, ensureAdminAccount } from './accounts/first-accounts.ts';
import { createEmbeddingQueue, type EmbeddingQueue } from '../jobs/index.ts';
import { markForReindex } from '../jobs/embeddings/processor.ts';
import { createAssignmentQueue, requeueUnfinished, type AssignmentQueue } from '../jobs/assignment/queue.ts';
import { executeRun } from './assignment/run.ts';
import { isEmpty, loadDemo, loadReference } from '../seeds/load.ts';
import { createMatchCache, type MatchCache } from './matching/cache.ts';
import { warmCandidateIndex } from './matching/service.ts';
import { createCandidateIndex, type CandidateIndex } from './matching/candidate-index.ts';
import { createMetrics, type Metrics } from './http/metrics.ts';
import type { Lifecycle } from './http/system/ready.ts';
import { remaining, withTimeout } from './timeout.ts';
import { failInterrupted } from './spreadsheets/imports.ts';
import { startSnapshotScheduler, type SnapshotScheduler } from '../jobs/snapshots/scheduler.ts';

export interface Service {
  app: App;
  database: Database;
  embedder: Embedder;
  queue: EmbeddingQueue;
  assignmentQueue: AssignmentQueue;
  matchCache: MatchCache;
  candidateIndex: CandidateIndex;
  /** VACUUM / ANALYZE where no autovacuum runs (src/db/upkeep.ts). */
  upkeep: Upkeep;
  /** The daily statistics snapshot (jobs/snapshots/): timer, BullMQ job scheduler or off. */
  snapshots: SnapshotScheduler;
  /** The app's Prometheus registry (also served on METRICS_PORT by main.ts). */
  metrics: Metrics;
  /** `shuttingDown` turns /ready to 503; set by close(), or earlier by main.ts when a signal arrives. */
  lifecycle: Lifecycle;
  /**
   * Shuts down: /ready turns 503, timers and listeners stop, the running jobs (embedding drain,
   * assignment run, BullMQ workers) may finish within `timeoutMs` (default: as long as they take),
   * then the queues, Redis connections and database pool are closed. Resolves to true when every job
   * finished in time (work cut off stays recorded in the database and is picked up at the next start).
   */
  close(timeoutMs?: number): Promise<boolean>;
}

export interface BootOptions {
  /** Use this database instead of opening one from the config (tests). */
  database?: Database;
  /** Use this embedder instead of loading EMBED_MODEL (tests share one loaded model). */
  embedder?: Embedder;
}

export async function bootstrap(config: Config, logger: Logger, opts: BootOptions = {}): Promise<Service> {
  const embedder =
    opts.embedder ??
    (await loadTransformersEmbedder({ model: config.EMBED_MODEL, modelsDir: config.EMBED_MODELS_DIR }));
  const database =
    opts.database ?? (await openDatabase({ url: config.DATABASE_URL, dataDir: join(config.DATA_DIR, 'pglite') }));
  await migrateDatabase(database);
  const db = database.db;
  await ensureVectorIndexes(db, embedder.id, embedder.dimensions, { minRows: config.VECTOR_INDEX_MIN_ROWS });
  // Vectors of another model are useless to this one: re-embed them (a no-op when nothing changed).
  const stale = await markForReindex(db, embedder.id);
  if (stale) logger.info({ model: embedder.id, count: stale }, 'embedding model changed: re-embedding');

  const queue = createEmbeddingQueue(config, db, embedder, logger);
  const assignmentQueue = createAssignmentQueue(
    config,
    (runId) => executeRun({ db, model: embedder.id, logger }, runId),
    logger,
  );
  await requeueUnfinished(db, assignmentQueue, logger);
  // An import is one transaction: one cut off by a stop wrote nothing, and nothing will finish it.
  await failInterrupted(db, logger);
  const hooks = embeddingHooks((kind, ids) => queue.schedule(kind, ids));
  await loadReference(db, hooks);
  const invitations = {
    dataDir: config.DATA_DIR,
    ttlHours: config.INVITATION_TTL_HOURS,
    origin: `http://localhost:${config.PORT}`,
  };
  if (!config.ADMIN_API_KEY) {
    await ensureAdminKey(db, config.DATA_DIR, logger);
    await ensureAdminAccount(db, invitations, logger);
  }
  if (config.DEMO_DATA && (await isEmpty(db))) {
    const counts = await loadDemo(db, hooks);
    logger.info(counts, 'demo data loaded');
    await createDemoAccounts(db, invitations, logger);
  }
  const matchCache = await createMatchCache(
    database,
    { ttlMs: config.MATCH_CACHE_TTL_MS, maxBytes: config.MATCH_CACHE_MAX_MB * 2 ** 20 },
    logger,
  );
  const candidateIndex = await createCandidateIndex(database, config.MATCH_INDEX_MAX_MB * 2 ** 20, logger);
  const warming = warmCandidateIndex(candidateIndex, embedder.id, embedder.dimensions).catch((e: unknown) =>
    logger.warn({ err: e }, 'candidate index: warming failed, tables load on their first call'),
  );
  const upkeep = await scheduleUpkeep(database, config.TABLE_UPKEEP_INTERVAL_MS, logger);
  const prune = schedulePrune(
    db,
    { idleMinutes: config.SESSION_IDLE_MINUTES, maxHours: config.SESSION_MAX_HOURS },
    logger,
  );
  // After the reference data: the start-up catch-up reads the regions' centers.
  const snapshots = startSnapshotScheduler(config, db, logger);
  const lifecycle: Lifecycle = { shuttingDown: false };
  const metrics = createMetrics({ database, queue, assignmentQueue, logger });
  const app = createApp({
    config,
    database,
    logger,
    queue,
    assignmentQueue,
    embedder,
    embeddingHooks: hooks,
    matchCache,
    candidateIndex,
    metrics,
    lifecycle,
  });
  return {
    app,
    database,
    embedder,
    queue,
    assignmentQueue,
    matchCache,
    candidateIndex,
    upkeep,
    snapshots,
    metrics,
    lifecycle,
    async close(timeoutMs) {
      lifecycle.shuttingDown = true;
      const deadline = timeoutMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + timeoutMs;
      // Without a deadline each queue keeps its own default wait.
      const left = () => (timeoutMs === undefined ? undefined : remaining(deadline));
      // Listeners and timers stop, and the jobs finish, side by side within the one deadline; the pool
      // closes after them either way.
      let drained = false;
      const work = Promise.allSettled([
        assignmentQueue.close(left()),
        queue.close(left()),
        upkeep.stop(),
        prune.stop(),
        snapshots.close(left()),
        matchCache.close(),
        candidateIndex.close(),
        warming,
      ]).then(([assigned, embedded]) => {
        drained = [assigned, embedded].every((r) => r.status === 'fulfilled' && r.value === true);
      });
      const inTime = await withTimeout(work, left());
      await database.close();
      return inTime && drained;
    },
  };
}
