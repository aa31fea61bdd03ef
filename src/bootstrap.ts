// Wires the service together: database → migrations → reference/demo data → HTTP app.
// main.ts serves it; the test harness boots exactly the same thing.
import { join } from 'node:path';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/client.ts';
import { migrateDatabase } from './db/migrate.ts';
import { createApp, type App } from './http/app.ts';
import type { Logger } from './logger.ts';
import { embeddingHooks } from './resources/embedding-hooks.ts';
import { isEmpty, loadDemo, loadReference } from '../seeds/load.ts';

export interface Service {
  app: App;
  database: Database;
  close(): Promise<void>;
}

export interface BootOptions {
  /** Use this database instead of opening one from the config (tests). */
  database?: Database;
}

export async function bootstrap(config: Config, logger: Logger, opts: BootOptions = {}): Promise<Service> {
  const database =
    opts.database ?? (await openDatabase({ url: config.DATABASE_URL, dataDir: join(config.DATA_DIR, 'pglite') }));
  await migrateDatabase(database);
  const hooks = embeddingHooks();
  await loadReference(database.db, hooks);
  if (config.DEMO_DATA && (await isEmpty(database.db))) {
    const counts = await loadDemo(database.db, hooks);
    logger.info('demo data loaded', counts);
  }
  const app = createApp({
    config,
    database,
    logger,
    queueKind: config.REDIS_URL ? 'bullmq' : 'inline',
    embeddingModel: { id: config.EMBED_MODEL, dimensions: 100 },
    embeddingHooks: hooks,
  });
  return { app, database, close: () => database.close() };
}
