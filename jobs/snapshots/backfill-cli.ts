// `npm run stats:backfill -- --from YYYY-MM-DD --to YYYY-MM-DD`: snapshots every day of the range
// (src/statistics/backfill.ts) against the configured database, one line per day. Refuses future
// days and from > to (exit 2).
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/client.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { AppError } from '../../src/errors.ts';
import { createLogger } from '../../src/logger.ts';
import { backfill, checkBackfillRange } from '../../src/statistics/backfill.ts';

async function main() {
  const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' } } });
  try {
    checkBackfillRange({ from: values.from, to: values.to });
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    const lines = e.errors.map((i) => `  --${i.path || 'from/to'}: ${i.message}`);
    process.stderr.write(`usage: npm run stats:backfill -- --from YYYY-MM-DD --to YYYY-MM-DD\n${lines.join('\n')}\n`);
    process.exit(2);
  }
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL, { base: { component: 'stats-backfill' } });
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: join(config.DATA_DIR, 'pglite') });
  try {
    await migrateDatabase(database);
    const days = await backfill(
      database.db,
      { from: values.from!, to: values.to! },
      {
        onDay: (r) => log.info({ ...r }, 'day stored'),
      },
    );
    log.info({ days: days.length, rows: days.reduce((n, d) => n + d.rows, 0) }, 'backfill finished');
  } finally {
    await database.close();
  }
}

main().catch((err) => {
  process.stderr.write(`backfill failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
