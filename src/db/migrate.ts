// Applies the drizzle-kit migrations in models/migrations at start (not `drizzle-kit migrate`,
// which exits silently on SQL errors and cannot load pgvector into PGlite).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Database } from './client.ts';
import { resultRows } from './errors.ts';

export const migrationsFolder = fileURLToPath(new URL('../../models/migrations', import.meta.url));

/** Applies every migration of `folder` not yet applied (the project's own by default). */
export async function migrateDatabase(database: Database, folder = migrationsFolder): Promise<void> {
  if (database.kind === 'postgres') {
    const { migrate } = await import('drizzle-orm/postgres-js/migrator');
    await migrate(database.db as never, { migrationsFolder: folder });
  } else {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(database.db as never, { migrationsFolder: folder });
  }
}

/** The `when` of every migration in the journal (read once per folder: the files do not change while running). */
const journals = new Map<string, number[]>();
function journalTimes(folder: string): number[] {
  let times = journals.get(folder);
  if (!times) {
    const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as {
      entries: { when: number }[];
    };
    times = journal.entries.map((e) => e.when);
    journals.set(folder, times);
  }
  return times;
}

/**
 * How many of `folder`'s migrations the database lacks, by drizzle's own rule (a migration is applied
 * when the newest recorded one is at least as recent). Rejects when the database cannot be queried.
 */
export async function pendingMigrations(database: Database, folder = migrationsFolder): Promise<number> {
  const times = journalTimes(folder);
  const exists = resultRows<{ t: string | null }>(
    await database.db.execute(sql`select to_regclass('drizzle.__drizzle_migrations')::text as t`),
  );
  if (!exists[0]?.t) return times.length;
  const [row] = resultRows<{ last: string | number | null }>(
    await database.db.execute(sql`select max(created_at)::text as last from drizzle.__drizzle_migrations`),
  );
  const last = row?.last == null ? -Infinity : Number(row.last);
  return times.filter((w) => w > last).length;
}
