// One scratch database per scale point, generated once and reused while its counts match.
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../../src/config.ts';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { resultRows } from '../../src/db/errors.ts';
import { upkeepTables } from '../../src/db/upkeep.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { ensureVectorIndexes } from '../../src/embedding/indexes.ts';
import { embeddingHooks } from '../../src/resources/embedding-hooks.ts';
import { loadReference } from '../../seeds/load.ts';
import { embedAll, generate, TRUNCATE_SQL, type EmbedStats, type GenCounts, type TableStat } from '../gen.ts';

export const FULL: GenCounts = {
  projects: 100_000,
  founders: 100_000,
  mentors: 20_000,
  investors: 5_000,
  trainings: 5_000,
  services: 2_000,
  centers: 200,
};

/**
 * The counts at a number of projects: everything scales with projects up to the issue's 100k set;
 * beyond it only projects grow (1M founders too would double an hour-long embedding run, and only
 * investor→projects reads projects as candidates).
 */
export function countsFor(projects: number): GenCounts {
  const f = Math.min(1, projects / FULL.projects);
  const scaled = (n: number) => Math.max(1, Math.round(n * f));
  return {
    projects,
    founders: scaled(FULL.founders),
    mentors: scaled(FULL.mentors),
    investors: scaled(FULL.investors),
    trainings: scaled(FULL.trainings),
    services: scaled(FULL.services),
    centers: scaled(FULL.centers),
  };
}

export const label = (n: number) =>
  n >= 1e6 && n % 1e6 === 0 ? `${n / 1e6}m` : n >= 1e3 && n % 1e3 === 0 ? `${n / 1e3}k` : String(n);

export interface Target {
  backend: 'postgres' | 'pglite';
  /** postgres:// URL of this point's database, or the PGlite DATA_DIR (the server opens DATA_DIR/pglite). */
  url?: string;
  dataDir?: string;
}

/** Creates the database if missing (PostgreSQL), so a fresh machine needs only BENCH_DATABASE_URL's server. */
export async function createDatabaseIfMissing(url: string): Promise<void> {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.slice(1));
  u.pathname = '/postgres';
  const admin = await openDatabase({ url: u.toString(), max: 1 });
  try {
    const exists =
      resultRows(await admin.db.execute(sql`select 1 from pg_database where datname = ${name}`)).length > 0;
    if (!exists) {
      await admin.db.execute(sql.raw(`create database "${name.replace(/"/g, '""')}"`));
      // HNSW builds of 100k+ vectors need the graph in memory to be fast (default 64 MB spills).
      await admin.db.execute(sql.raw(`alter database "${name.replace(/"/g, '""')}" set maintenance_work_mem = '1GB'`));
    }
  } finally {
    await admin.close();
  }
}

export const openTarget = (t: Target, max = 4): Promise<Database> =>
  openDatabase(t.backend === 'postgres' ? { url: t.url, max } : { dataDir: join(t.dataDir!, 'pglite') });

async function currentCounts(database: Database): Promise<(GenCounts & { pending: number }) | null> {
  const [has] = resultRows<{ t: string | null }>(
    await database.db.execute(sql`select to_regclass('projects')::text as t`),
  );
  if (!has?.t) return null;
  const [r] = resultRows<Record<string, number>>(
    await database.db.execute(sql`select
    (select count(*) from projects)::int as projects, (select count(*) from founders)::int as founders,
    (select count(*) from mentors)::int as mentors, (select count(*) from investors)::int as investors,
    (select count(*) from trainings)::int as trainings, (select count(*) from services)::int as services,
    (select count(*) from centers where not pilot)::int as centers,
    (select count(*) from embeddings where status <> 'ready')::int as pending`),
  );
  return r as unknown as GenCounts & { pending: number };
}

export interface Prepared {
  reused: boolean;
  tables?: TableStat[];
  embedding?: EmbedStats;
  totalMs?: number;
}

/** Makes the target hold exactly `counts` (all embedded), generating it from scratch when it doesn't. */
export async function prepare(
  t: Target,
  counts: GenCounts,
  seed: number,
  log: (l: string) => void,
  generateIfNeeded = true,
): Promise<Prepared> {
  if (t.backend === 'postgres') await createDatabaseIfMissing(t.url!);
  const database = await openTarget(t, 4);
  try {
    const have = await currentCounts(database);
    // Demo centers of other runs don't matter; the entity counts and a finished embedding backlog do.
    const same =
      have &&
      have.pending === 0 &&
      (['projects', 'founders', 'mentors', 'investors', 'trainings', 'services'] as const).every(
        (k) => have[k] === counts[k],
      );
    if (same) {
      // Migrations newer than the data set (e.g. an index) and missing HNSW indexes (an interrupted
      // bulk drain) are put in place as the server's start-up would, before anything is measured.
      await migrateDatabase(database);
      // Dead row versions (the embedding pass updates every row) as autovacuum would leave them:
      // these machines' PostgreSQL runs with autovacuum = off, and PGlite has none.
      const upkept = await upkeepTables(database.db);
      if (upkept.length)
        log(`vacuumed/analyzed ${upkept.map((u) => `${u.table} (${u.action}, ${u.dead} dead)`).join(', ')}`);
      const [m] = resultRows<{ model: string; dimensions: number }>(
        await database.db.execute(sql`select model, dimensions from embeddings where status = 'ready' limit 1`),
      );
      if (m)
        await ensureVectorIndexes(database.db, m.model, m.dimensions, {
          minRows: loadConfig({ ...process.env, LOG_LEVEL: 'silent' }).VECTOR_INDEX_MIN_ROWS,
        });
      log(`dataset present (${counts.projects} projects), reused`);
      return { reused: true };
    }
    if (!generateIfNeeded)
      throw new Error(`dataset missing or different: ${JSON.stringify(have)}; run without --no-generate`);
    log(`generating ${JSON.stringify(counts)} (seed ${seed}) …`);
    const t0 = performance.now();
    await migrateDatabase(database);
    await database.db.execute(TRUNCATE_SQL);
    await loadReference(database.db, embeddingHooks());
    const tables = await generate(database.db, { ...counts, seed, log });
    const embedding = await embedAll(database.db, loadConfig({ ...process.env, LOG_LEVEL: 'silent' }), log);
    // A production table is vacuumed by autovacuum after such a bulk update; measure that state.
    await database.db.execute(sql`vacuum (analyze)`);
    return { reused: false, tables, embedding, totalMs: performance.now() - t0 };
  } finally {
    await database.close();
  }
}
