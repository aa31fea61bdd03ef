// `npm run seed`: (re)loads the reference and demo data into the configured database. Idempotent:
// records are upserted by externalId, so running it twice changes nothing the second time.
import { bootstrap } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { loadDemo } from './load.ts';
import { embeddingHooks } from '../src/resources/embedding-hooks.ts';

async function main() {
  // Boot without the automatic demo load, then load it explicitly whatever the database holds.
  const config = { ...loadConfig(), DEMO_DATA: false };
  const logger = createLogger(config.LOG_LEVEL);
  const service = await bootstrap(config, logger);
  const counts = await loadDemo(service.database.db, embeddingHooks((kind, ids) => service.queue.schedule(kind, ids)));
  logger.info('demo data loaded', counts);
  await service.queue.drained(300_000);
  logger.info('embeddings ready');
  await service.close();
}

main().catch((e) => {
  process.stderr.write(`seed failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exit(1);
});
