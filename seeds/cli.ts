// `npm run seed`: (re)loads the reference and demo data into the configured database. Idempotent:
// records are upserted by externalId, so running it twice changes nothing the second time.
import { bootstrap } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { createLogger, type Logger } from '../src/logger.ts';
import { loadDemo } from './load.ts';
import { embeddingHooks } from '../src/resources/embedding-hooks.ts';

let logger: Logger | undefined;

async function main() {
  // Boot without the automatic demo load, then load it explicitly whatever the database holds.
  const config = { ...loadConfig(), DEMO_DATA: false };
  const log = createLogger(config.LOG_LEVEL);
  logger = log;
  const service = await bootstrap(config, log);
  const counts = await loadDemo(
    service.database.db,
    embeddingHooks((kind, ids) => service.queue.schedule(kind, ids)),
  );
  log.info(counts, 'demo data loaded');
  await service.queue.drained(300_000);
  log.info('embeddings ready');
  await service.close();
}

main().catch((err) => {
  // Through the logger when there is one: a failed query's message holds its parameters (personal data).
  if (logger) logger.error({ err }, 'seed failed');
  else process.stderr.write(`seed failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
