// Dead row versions cleaned and statistics refreshed where no autovacuum does it: the embedded PGlite
// (one process, no autovacuum launcher, although it reports `autovacuum = on`) and a server run with
// `autovacuum = off`. Every embedding pass updates each row it embeds, so without this a table holds
// two or three versions of every row after its first pass, and every scan and index probe of the
// matching queries walks them all (BENCHMARKS.md, "Scale"). The thresholds are autovacuum's defaults.
import { sql } from 'drizzle-orm';
import type { Logger } from '../logger.ts';
import type { Database, Db } from './client.ts';
import { resultRows } from './errors.ts';

/** VACUUM a table when its dead rows exceed VACUUM_BASE + VACUUM_SHARE × its live rows. */
export const VACUUM_BASE = 50;
export const VACUUM_SHARE = 0.2;
/** ANALYZE it when the rows changed since its last ANALYZE exceed ANALYZE_BASE + ANALYZE_SHARE × its live rows. */
export const ANALYZE_BASE = 50;
export const ANALYZE_SHARE = 0.1;

export interface TableUpkeep {
  table: string;
  action: 'vacuum' | 'analyze';
  live: number;
  dead: number;
  changed: number;
}

/** Whether the server's autovacuum looks after the tables (never on PGlite). */
export async function autovacuumRuns(database: Database): Promise<boolean> {
  if (database.kind === 'pglite') return false;
  const [r] = resultRows<{ on: boolean }>(
    await database.db.execute(
      sql`select current_setting('autovacuum') = 'on' and current_setting('track_counts') = 'on' as on`,
    ),
  );
  return r.on;
}

/**
 * Vacuums (with ANALYZE) each table of the current schema past the vacuum threshold and analyzes
 * each one past the analyze threshold, by the counts PostgreSQL keeps (pg_stat_user_tables); returns
 * what it did. VACUUM takes no lock that blocks reads or writes; on PGlite it holds the one
 * connection meanwhile (~0.4 s for 10,000 projects that were all updated once).
 */
export async function upkeepTables(db: Db): Promise<TableUpkeep[]> {
  const tables = resultRows<{ schema: string; table: string; live: number; dead: number; changed: number }>(
    await db.execute(sql`
    select schemaname as schema, relname as table, n_live_tup::float8 as live, n_dead_tup::float8 as dead,
      n_mod_since_analyze::float8 as changed
    from pg_stat_user_tables where schemaname = current_schema() order by relname`),
  );
  const done: TableUpkeep[] = [];
  for (const t of tables) {
    const [live, dead, changed] = [Number(t.live), Number(t.dead), Number(t.changed)];
    const action =
      dead > VACUUM_BASE + VACUUM_SHARE * live
        ? 'vacuum'
        : changed > ANALYZE_BASE + ANALYZE_SHARE * live
          ? 'analyze'
          : null;
    if (!action) continue;
    const name = sql`${sql.identifier(t.schema)}.${sql.identifier(t.table)}`;
    await db.execute(action === 'vacuum' ? sql`vacuum (analyze) ${name}` : sql`analyze ${name}`);
    done.push({ table: t.table, action, live, dead, changed });
  }
  return done;
}

export interface Upkeep {
  /** False when the server's autovacuum does the work (nothing is scheduled then). */
  running: boolean;
  /** Stops the schedule, waiting for a pass under way. */
  stop(): Promise<void>;
}

/** Runs upkeepTables every `intervalMs` (0: never) unless autovacuum runs; one pass at a time. */
export async function scheduleUpkeep(database: Database, intervalMs: number, logger: Logger): Promise<Upkeep> {
  if (!intervalMs || (await autovacuumRuns(database))) return { running: false, stop: async () => {} };
  let pass: Promise<void> = Promise.resolve();
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    pass = upkeepTables(database.db)
      .then((done) => {
        for (const d of done) logger.info({ ...d }, `table upkeep: ${d.action}`);
      })
      .catch((err) => logger.warn({ err }, 'table upkeep failed'))
      .finally(() => {
        busy = false;
      });
  }, intervalMs);
  timer.unref();
  return {
    running: true,
    async stop() {
      clearInterval(timer);
      await pass;
    },
  };
}
