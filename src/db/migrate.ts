// Applies the drizzle-kit migrations in models/migrations at start (not `drizzle-kit migrate`,
// which exits silently on SQL errors and cannot load pgvector into PGlite).
import { fileURLToPath } from 'node:url';
import type { Database } from './client.ts';

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
