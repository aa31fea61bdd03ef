// Session settings the service gives its PostgreSQL connections (src/db/client.ts). A setting
// postgres.js silently drops (it skips falsy startup parameters) only shows up here.
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../src/db/client.ts';
import { resultRows } from '../../src/db/errors.ts';

describe.skipIf(!process.env.TEST_DATABASE_URL)('PostgreSQL session settings', () => {
  it('every pooled connection runs without parallel workers', async () => {
    const database = await openDatabase({ url: process.env.TEST_DATABASE_URL, max: 3 });
    try {
      // Three at once: three connections of the pool, not one reused.
      const seen = await Promise.all(
        [1, 2, 3].map(() =>
          database.db.transaction(
            async (tx) =>
              resultRows<{ v: string; pid: number }>(
                await tx.execute(
                  sql`select current_setting('max_parallel_workers_per_gather') as v, pg_backend_pid() as pid, pg_sleep(0.05)`,
                ),
              )[0],
          ),
        ),
      );
      expect(new Set(seen.map((r) => r.pid)).size).toBe(3);
      for (const r of seen) expect(r.v).toBe('0');
    } finally {
      await database.close();
    }
  });
});
