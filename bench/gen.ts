// `npm run gen -- --projects N --founders N --mentors N --investors N --trainings N --services N
//   [--centers N] [--seed S] [--no-embed] [--truncate]`
// Writes synthetic bilingual data straight into the configured database (DATABASE_URL, else the
// embedded PGlite in DATA_DIR), marks every entity's embedding pending with the right content hash
// and inferred topics/sectors, then embeds the backlog with the bundled model and runs ANALYZE.
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import {
  centersTable,
  foundersTable,
  investorsTable,
  mentorsTable,
  projectFoundersTable,
  projectsTable,
  servicesTable,
  trainingsTable,
} from '../models/schema.ts';
import type { EmbeddedKind } from '../models/embeddings/table.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase, type Db } from '../src/db/client.ts';
import { resultRows } from '../src/db/errors.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { loadTransformersEmbedder } from '../src/embedding/transformers-embedder.ts';
import { embeddingHooks } from '../src/resources/embedding-hooks.ts';
import { todayInShanghai } from '../src/matching/rules.ts';
import { drainBacklog } from '../jobs/embeddings/backlog.ts';
import { loadReference } from '../seeds/load.ts';
import * as build from './gen/build.ts';
import { Rng } from './gen/rng.ts';
import { insertPending, insertRows } from './gen/write.ts';
import { remarkFounders } from '../src/resources/embedding-hooks.ts';

export interface GenCounts {
  projects: number;
  founders: number;
  mentors: number;
  investors: number;
  trainings: number;
  services: number;
  centers: number;
}

export interface GenOptions extends GenCounts {
  seed: number;
  batchSize?: number;
  log?: (line: string) => void;
}

export interface TableStat {
  table: string;
  rows: number;
  ms: number;
  rowsPerSec: number;
}

type Row = Record<string, any>;

export const TRUNCATE_SQL = sql`truncate centers, founders, projects, project_founders, mentors, investors, trainings, services,
  embeddings, introductions, enrollments, api_keys, audit_log, matching_weights, assignment_runs cascade`;

/** Writes the entities (with pending embeddings); the database must be migrated and hold the reference data. */
export async function generate(db: Db, opts: GenOptions): Promise<TableStat[]> {
  const batch = opts.batchSize ?? 1000;
  const log = opts.log ?? (() => {});
  const root = new Rng(opts.seed);
  const prefix = `gen${opts.seed}`;
  const stats: TableStat[] = [];
  // Distinct id time prefixes per kind so ids never collide across kinds and stay ordered within one.
  const epoch = (k: number) => 1_790_000_000_000 + k * 10_000_000_000;

  async function table(
    name: string,
    kind: EmbeddedKind | null,
    t: PgTable,
    n: number,
    make: (rng: Rng, id: string, i: number) => Row,
    extra?: (tx: Db, rows: Row[]) => Promise<void>,
  ): Promise<Row[]> {
    const rng = root.fork(name);
    const t0 = performance.now();
    const kept: Row[] = [];
    for (let start = 0; start < n; start += batch) {
      const rows: Row[] = [];
      for (let i = start; i < Math.min(n, start + batch); i++)
        rows.push(make(rng, rng.uuid(i, epoch(stats.length + 1)), i));
      await db.transaction(async (tx) => {
        await insertRows(
          tx,
          t,
          rows.map(({ _founderIds, ...r }) => r),
        );
        if (kind) await insertPending(tx, kind, rows);
        await extra?.(tx as unknown as Db, rows);
      });
      if (name === 'founders' || name === 'centers')
        kept.push(...rows.map((r) => ({ id: r.id, regionCode: r.regionCode, groups: r.groups })));
      if (n >= 20_000 && (start / batch) % 20 === 19) log(`  ${name}: ${start + rows.length}/${n}`);
    }
    const ms = performance.now() - t0;
    stats.push({ table: name, rows: n, ms, rowsPerSec: n / (ms / 1000) });
    log(
      `${name}: ${n} rows in ${(ms / 1000).toFixed(1)} s (${Math.round(n / (ms / 1000))} rows/s, with pending embeddings)`,
    );
    return kept;
  }

  const newCenters = await table('centers', null, centersTable, opts.centers, (rng, id, i) =>
    build.center(rng, id, i, prefix),
  );
  const existing = resultRows<{ id: string }>(await db.execute(sql`select id from centers`)).map((r) => r.id);
  const centerIds = [...new Set([...existing, ...newCenters.map((c) => c.id)])].sort();
  const founders = await table('founders', 'founder', foundersTable, opts.founders, (rng, id, i) =>
    build.founder(rng, id, i, prefix, centerIds),
  );
  // Without new founders, projects take theirs from the database (growing an existing data set).
  if (opts.projects && !founders.length) {
    founders.push(
      ...resultRows<build.FounderRef>(
        await db.execute(
          sql`select id, region_code as "regionCode", groups::text[] as groups from founders order by id`,
        ),
      ),
    );
    if (!founders.length) throw new Error('projects need founders: pass --founders N');
  }
  await table(
    'projects',
    'project',
    projectsTable,
    opts.projects,
    (rng, id, i) => {
      const { row, founderIds } = build.project(rng, id, i, prefix, founders as build.FounderRef[], centerIds);
      return { ...row, _founderIds: founderIds };
    },
    async (tx, rows) => {
      await insertRows(
        tx,
        projectFoundersTable,
        rows.flatMap((r) =>
          r._founderIds.map((f: string, position: number) => ({ projectId: r.id, founderId: f, position })),
        ),
      );
      // A founder's text includes its projects (src/matching/linked-profile.ts): as a project write does.
      await remarkFounders(
        tx as never,
        rows.map((r) => r.id),
      );
    },
  );
  await table('mentors', 'mentor', mentorsTable, opts.mentors, (rng, id, i) => build.mentor(rng, id, i, prefix));
  await table('investors', 'investor', investorsTable, opts.investors, (rng, id, i) =>
    build.investor(rng, id, i, prefix),
  );
  const today = todayInShanghai();
  await table('trainings', 'training', trainingsTable, opts.trainings, (rng, id, i) =>
    build.training(rng, id, i, prefix, today),
  );
  await table('services', 'service', servicesTable, opts.services, (rng, id, i) =>
    build.service(rng, id, i, prefix, centerIds),
  );
  return stats;
}

/** The same rows as generate() would write, without a database (for validation against the zod schemas). */
export function sample(
  kind: 'founder' | 'project' | 'mentor' | 'investor' | 'training' | 'service',
  n: number,
  seed = 1,
): Row[] {
  const rng = new Rng(seed).fork(kind);
  const centers = ['00000000-0000-7000-8000-000000000001'];
  const founders = [{ id: '00000000-0000-7000-8000-000000000002', regionCode: '540102', groups: ['graduate'] }];
  return Array.from({ length: n }, (_, i) => {
    const id = rng.uuid(i);
    switch (kind) {
      case 'founder':
        return build.founder(rng, id, i, 'sample', centers);
      case 'project': {
        // founderGroups is kept by the database, not part of a request body.
        const {
          row: { founderGroups: _, ...row },
          founderIds,
        } = build.project(rng, id, i, 'sample', founders, centers);
        return { ...row, founderIds };
      }
      case 'mentor':
        return build.mentor(rng, id, i, 'sample');
      case 'investor':
        return build.investor(rng, id, i, 'sample');
      case 'training':
        return build.training(rng, id, i, 'sample', todayInShanghai());
      case 'service':
        return build.service(rng, id, i, 'sample', centers);
      default:
        throw new Error(`no sample rows for ${kind satisfies never}`);
    }
  });
}

export interface EmbedStats {
  texts: number;
  ms: number;
  textsPerSec: number;
}

/** Embeds every pending row with the configured model (bulk: HNSW indexes dropped and rebuilt once). */
export async function embedAll(
  db: Db,
  config: ReturnType<typeof loadConfig>,
  log: (l: string) => void = () => {},
): Promise<EmbedStats> {
  const embedder = await loadTransformersEmbedder({ model: config.EMBED_MODEL, modelsDir: config.EMBED_MODELS_DIR });
  const t0 = performance.now();
  // The bulk load just wrote every table: plan the drain on fresh statistics, not autoanalyze's lag.
  await db.execute(sql`analyze`);
  const r = await drainBacklog(db, embedder, { batchSize: 64, indexMinRows: config.VECTOR_INDEX_MIN_ROWS });
  const ms = performance.now() - t0;
  log(
    `embedded ${r.embedded} texts in ${(ms / 1000).toFixed(1)} s (${Math.round(r.embedded / (ms / 1000))} texts/s end to end, incl. HNSW rebuild)`,
  );
  return { texts: r.embedded, ms, textsPerSec: r.embedded / (ms / 1000) };
}

async function main() {
  const { values } = parseArgs({
    options: {
      projects: { type: 'string', default: '0' },
      founders: { type: 'string', default: '0' },
      mentors: { type: 'string', default: '0' },
      investors: { type: 'string', default: '0' },
      trainings: { type: 'string', default: '0' },
      services: { type: 'string', default: '0' },
      centers: { type: 'string', default: '0' },
      seed: { type: 'string', default: '1' },
      batch: { type: 'string', default: '1000' },
      'no-embed': { type: 'boolean', default: false },
      truncate: { type: 'boolean', default: false },
    },
  });
  const num = (k: keyof typeof values) => {
    const n = Number(values[k]);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${k} must be a whole number ≥ 0`);
    return n;
  };
  const config = loadConfig({ LOG_LEVEL: 'silent', ...process.env });
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: join(config.DATA_DIR, 'pglite') });
  const log = (l: string) => console.log(l);
  try {
    log(
      `database: ${database.kind === 'postgres' ? config.DATABASE_URL!.replace(/:[^:@/]*@/, ':***@') : join(config.DATA_DIR, 'pglite')}`,
    );
    await migrateDatabase(database);
    if (values.truncate) await database.db.execute(TRUNCATE_SQL);
    await loadReference(database.db, embeddingHooks());
    const counts: GenCounts = {
      projects: num('projects'),
      founders: num('founders'),
      mentors: num('mentors'),
      investors: num('investors'),
      trainings: num('trainings'),
      services: num('services'),
      centers: num('centers'),
    };
    const t0 = performance.now();
    const stats = await generate(database.db, { ...counts, seed: num('seed'), batchSize: num('batch') || 1000, log });
    const rows = stats.reduce((a, s) => a + s.rows, 0);
    log(`wrote ${rows} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    if (!values['no-embed']) await embedAll(database.db, config, log);
    const t1 = performance.now();
    // Every embedded row was updated: clear the dead versions as autovacuum would (off on these machines).
    await database.db.execute(sql`vacuum (analyze)`);
    log(`vacuum (analyze): ${((performance.now() - t1) / 1000).toFixed(1)} s`);
  } finally {
    await database.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
