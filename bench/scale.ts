// `npm run bench:scale`: match latency, recall and throughput at scale, on real PostgreSQL + pgvector
// (BENCH_DATABASE_URL's server; one scratch database per scale: <name>_100k, <name>_1m, …) or on the
// embedded PGlite (--pglite). Each point writes bench/results/scale/<backend>-<scale>.json; the
// summary (bench/results/scale.{json,md,svg}) is rebuilt from all point files present.
//
//   npm run bench:scale                                  # 100k projects on PostgreSQL
//   npm run bench:scale -- --points 10000,100000,1000000 # the scale curve
//   npm run bench:scale -- --pglite --points 10000       # the embedded default
// Options: --calls 200 (sequential calls per endpoint), --duration 30 --connections 32 (load test),
// --recall 30 (typical sources per endpoint for recall; filtered ones come on top), --seed 1,
// --no-generate (fail instead of generating a missing data set), --no-load (skip the load test),
// --console-requests 30 (console pages: timed requests per page, bench/console.ts), --no-console,
// --console-only (only the console pages, merged into the point's existing file).
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import type { Database } from '../src/db/client.ts';
import { VECTOR_EF_SEARCH, type EngineContext } from '../src/matching/engine.ts';
import { createCandidateIndex, type CandidateIndex } from '../src/matching/candidate-index.ts';
import { loadConfig } from '../src/config.ts';
import { resultRows } from '../src/db/errors.ts';
import type { Profile } from '../src/matching/types.ts';
import { countsFor, label, openTarget, prepare, type Prepared, type Target } from './scale/dataset.ts';
import { ENDPOINTS, knnQuery, loadSource, modelOf, pickSources, recallAt10 } from './scale/engine.ts';
import { explainEndpoint, type Plan } from './scale/explain.ts';
import { get, loadTest, quantiles, startServer, UNCACHED, type LoadResult, type Quantiles } from './scale/server.ts';
import { machine, POINTS, writeSummary } from './scale/report.ts';
import { type Invited, invitePeople, measurePeople, type PersonResult } from './console.ts';
import type { GenCounts } from './gen.ts';

export interface EndpointResult {
  endpoint: string;
  path: string;
  /** Every call computed (Cache-Control: no-cache): the engine's work behind HTTP. */
  api: Quantiles;
  /** The same calls again, answered from the match cache the first pass filled (src/matching/cache.ts). */
  apiCached?: Quantiles;
  raw: Quantiles;
  /** In-process runRecipe (the ranking path) without HTTP, auth and source loading. */
  engine: Quantiles;
  ratioP50: number;
  ratioP95: number;
  recall: {
    mean: number | null;
    min: number | null;
    filteredMean: number | null;
    sources: number;
    meanCandidates: number;
    /** Mean candidates the ranking path ranked, and read back from SQL (pipeline/read-back.ts, best-first: fewer). */
    meanRanked: number;
    meanRead: number;
  };
  plans: Plan[];
}

export interface PointResult {
  date: string;
  backend: 'postgres' | 'pglite';
  scale: string;
  counts: GenCounts;
  machine: ReturnType<typeof machine>;
  /** PostgreSQL settings of the benchmark's session (the server's, plus what the service's connections set). */
  settings?: Record<string, string>;
  loadAverage: { start: number[]; end?: number[] };
  dataset: Prepared;
  endpoints: EndpointResult[];
  /** The load test with every call computed. */
  load?: LoadResult;
  /** The same mix with the match cache allowed (filled by the latency runs). */
  loadCached?: LoadResult;
  serverMemory: {
    afterLatency?: { rssMiB: number; peakMiB: number };
    afterLoad?: { rssMiB: number; peakMiB: number };
    /** The server's candidate index as GET /v1/status reports it (tables, rows, estimated bytes). */
    candidateIndex?: Record<string, unknown>;
  };
  /** Console pages per signed-in person (bench/console.ts), measured after the match latency runs. */
  console?: ScaleConsole;
  notes: string[];
}

export interface ScaleConsole {
  /** Its own date: a --console-only run adds it to an earlier point's file. */
  date: string;
  loadAverage: { start: number[]; end: number[] };
  requests: number;
  warmups: number;
  persons: PersonResult[];
  assets: Record<string, number>;
  /** PostgreSQL settings when measured alone (--console-only); otherwise the point's `settings`. */
  settings?: Record<string, string>;
}

export interface ScaleOptions {
  backend: 'postgres' | 'pglite';
  projects: number;
  databaseUrl: string;
  pgliteDir: string;
  calls: number;
  duration: number;
  connections: number;
  recallSources: number;
  seed: number;
  generate: boolean;
  load: boolean;
  port: number;
  /** Console pages: with the rest (default), alone, or not at all. */
  console: 'with' | 'only' | 'skip';
  consoleRequests: number;
  log: (l: string) => void;
}

const round = (x: number, d = 1) => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : x);

export async function runPoint(o: ScaleOptions): Promise<PointResult> {
  const counts = countsFor(o.projects);
  const scale = label(o.projects);
  const log = (l: string) => o.log(`[${o.backend} ${scale}] ${l}`);
  const target: Target =
    o.backend === 'postgres'
      ? { backend: 'postgres', url: withDbSuffix(o.databaseUrl, scale) }
      : { backend: 'pglite', dataDir: join(o.pgliteDir, scale) };
  const result: PointResult = {
    date: new Date().toISOString(),
    backend: o.backend,
    scale,
    counts,
    machine: machine(),
    loadAverage: { start: loadavg() },
    dataset: { reused: true },
    endpoints: [],
    serverMemory: {},
    notes: [],
  };
  log(`database: ${target.url ?? target.dataDir}`);
  result.dataset = await prepare(target, counts, o.seed, log, o.generate);
  if (o.console === 'only') return consoleOnly(o, target, result, log);

  // Phase 1, in process (before the server: PGlite is single-process): sources, bare SQL, recall, plans.
  const database: Database = await openTarget(target, 1);
  const perEndpoint = new Map<string, Omit<EndpointResult, 'api' | 'ratioP50' | 'ratioP95'>>();
  let paths: Record<string, string[]>;
  let invited: Invited[] = [];
  // The server's in-memory candidate index, with its default budget (MATCH_INDEX_MAX_MB), so the ranking path measured is the one served.
  let index: CandidateIndex | undefined;
  try {
    // Invitations now (PGlite allows one process at a time); the passwords are set over HTTP in phase 2.
    if (o.console === 'with') invited = await invitePeople(database.db);
    const { model } = await modelOf(database.db);
    index = await createCandidateIndex(
      database,
      loadConfig({ ...process.env, LOG_LEVEL: 'silent' }).MATCH_INDEX_MAX_MB * 2 ** 20,
    );
    const ctx: EngineContext = { db: database.db, model, lang: 'zh', index };
    // The engine sets these per transaction for its kNN; the bare query gets them once per session.
    await database.db.execute(sql`set hnsw.iterative_scan = relaxed_order`);
    await database.db.execute(sql.raw(`set hnsw.ef_search = ${VECTOR_EF_SEARCH}`));
    if (o.backend === 'postgres') {
      // The server's memory settings bound what is cached (scripts/tune-postgres.sh sets them).
      result.settings = await pgSettings(database);
    }
    const ids = await pickSources(database.db, 50, 10);
    paths = {};
    for (const ep of ENDPOINTS) {
      const all = [...ids.typical[ep.sourceKind], ...ids.filtered[ep.sourceKind]];
      const filteredIds = new Set(ids.filtered[ep.sourceKind]);
      paths[ep.name] = all.map((id) => ep.path.replace('{id}', id));
      const sources: { id: string; filtered: boolean; p: Profile }[] = [];
      for (const id of all)
        sources.push({ id, filtered: filteredIds.has(id), p: await loadSource(ctx, ep.sourceKind, id) });
      const withVector = sources.filter((s) => s.p.vector);
      // Bare SQL kNN with the same filters, sequentially, after a warm-up.
      for (let i = 0; i < 20; i++) await knnQuery(ctx, ep, withVector[i % withVector.length].p);
      const raw: number[] = [];
      for (let i = 0; i < o.calls; i++) {
        const s = withVector[i % withVector.length];
        const t0 = performance.now();
        await knnQuery(ctx, ep, s.p);
        raw.push(performance.now() - t0);
      }
      // Recall@10: ranking path vs exact ranking; typical sources (up to --recall) plus every filtered one.
      const recallSet = [
        ...withVector.filter((s) => !s.filtered).slice(0, o.recallSources),
        ...withVector.filter((s) => s.filtered),
      ];
      const recalls: { r: number; filtered: boolean; candidates: number; ranked: number; read: number }[] = [];
      const engine: number[] = [];
      for (const s of recallSet) {
        const r = await recallAt10(ctx, ep, s.p);
        engine.push(r.fastMs);
        if (r.recall !== null)
          recalls.push({ r: r.recall, filtered: s.filtered, candidates: r.candidates, ranked: r.ranked, read: r.read });
      }
      const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
      const plans = await explainEndpoint(ctx, ep, withVector[0].p);
      const rq = quantiles(raw);
      perEndpoint.set(ep.name, {
        endpoint: ep.name,
        path: ep.path,
        raw: rq,
        engine: quantiles(engine),
        plans,
        recall: {
          mean: mean(recalls.map((x) => x.r)),
          min: recalls.length ? Math.min(...recalls.map((x) => x.r)) : null,
          filteredMean: mean(recalls.filter((x) => x.filtered).map((x) => x.r)),
          sources: recalls.length,
          meanCandidates: Math.round(mean(recalls.map((x) => x.candidates)) ?? 0),
          meanRanked: Math.round(mean(recalls.map((x) => x.ranked)) ?? 0),
          meanRead: Math.round(mean(recalls.map((x) => x.read)) ?? 0),
        },
      });
      const rec = perEndpoint.get(ep.name)!.recall;
      log(
        `${ep.name}: raw p50 ${round(rq.p50)} p95 ${round(rq.p95)} ms; engine p50 ${round(quantiles(engine).p50)} ms; recall@10 ${round(rec.mean ?? NaN, 3)} (min ${round(rec.min ?? NaN, 2)}, filtered ${round(rec.filteredMean ?? NaN, 3)}, ~${rec.meanCandidates} eligible, ~${rec.meanRanked} ranked, ~${rec.meanRead} read back)`,
      );
    }
  } finally {
    await index?.close();
    await database.close();
  }

  // Phase 2: the real server as a child process.
  const server = await startServer(
    o.backend === 'postgres' ? { DATABASE_URL: target.url! } : { DATA_DIR: target.dataDir!, DATABASE_URL: '' },
    o.port,
    log,
  );
  try {
    // Each call twice: computed (no-cache: the engine ranks afresh, as on data that changes between
    // calls; the result is still stored), then the same URL again, answered from the match cache. A
    // hit costs the same whatever its age; asking at once keeps slow endpoints (1M) from outliving the TTL.
    const timedPair = async (list: string[]) => {
      const computed: number[] = [];
      const cached: number[] = [];
      for (let i = 0; i < o.calls; i++) {
        const path = list[i % list.length];
        for (const [headers, expect, times] of [
          [UNCACHED, 'miss', computed],
          [{}, 'hit', cached],
        ] as const) {
          const t0 = performance.now();
          const res = await get(server.base, path, headers);
          times.push(performance.now() - t0);
          if (res.status !== 200) throw new Error(`${path} → ${res.status} ${String(res.body).slice(0, 200)}`);
          if (res.cache !== expect) log(`warning: ${path}: X-Match-Cache ${res.cache}, expected ${expect}`);
        }
      }
      return { api: quantiles(computed), apiCached: quantiles(cached) };
    };
    for (const ep of ENDPOINTS) {
      const list = paths![ep.name];
      for (let i = 0; i < 20; i++) await get(server.base, list[i % list.length], UNCACHED);
      const { api, apiCached } = await timedPair(list);
      const p = perEndpoint.get(ep.name)!;
      result.endpoints.push({ ...p, api, apiCached, ratioP50: api.p50 / p.raw.p50, ratioP95: api.p95 / p.raw.p95 });
      log(
        `${ep.name}: API p50 ${round(api.p50)} p95 ${round(api.p95)} p99 ${round(api.p99)} ms (API/raw p95 ${round(api.p95 / p.raw.p95, 2)}); cached p50 ${round(apiCached.p50)} p95 ${round(apiCached.p95)} p99 ${round(apiCached.p99)} ms`,
      );
    }
    result.serverMemory.afterLatency = server.rss();
    result.serverMemory.candidateIndex = (await get(server.base, '/v1/status')).body?.candidateIndex;
    if (invited.length) result.console = await consolePages(server.base, invited, o.consoleRequests, log);
    if (o.load) {
      // The mix: every endpoint's sources interleaved, so consecutive requests hit different endpoints.
      const lists = ENDPOINTS.map((ep) => paths![ep.name]);
      const mix: string[] = [];
      for (let i = 0; i < Math.max(...lists.map((l) => l.length)); i++) for (const l of lists) if (l[i]) mix.push(l[i]);
      const show = (what: string, l: LoadResult) =>
        log(
          `load (${what}): ${round(l.requestsPerSec, 0)} req/s, ${l.errors} errors, p50 ${round(l.latency.p50)} p99 ${round(l.latency.p99)} ms, X-Match-Cache ${JSON.stringify(l.cache)}`,
        );
      log(`load test: ${o.connections} connections, ${o.duration} s, every call computed …`);
      result.load = await loadTest(server.base, mix, o.connections, o.duration, UNCACHED);
      show('computed', result.load);
      log(`load test: ${o.connections} connections, ${o.duration} s, match cache allowed …`);
      result.loadCached = await loadTest(server.base, mix, o.connections, o.duration);
      show('cached', result.loadCached);
      result.serverMemory.afterLoad = server.rss();
      log(
        `server RSS ${round(result.serverMemory.afterLoad.rssMiB, 0)} MiB (peak ${round(result.serverMemory.afterLoad.peakMiB, 0)})`,
      );
    }
  } finally {
    await server.stop();
  }
  result.loadAverage.end = loadavg();
  if (o.projects > 100_000)
    result.notes.push(
      `beyond 100k only projects grow (founders ${counts.founders}, mentors ${counts.mentors}): only investor→projects reads more candidates`,
    );
  result.notes.push('load generator, server and database share the same machine');
  return result;
}

const pgSettings = async (database: Database) =>
  Object.fromEntries(
    resultRows<{ name: string; setting: string }>(
      await database.db.execute(sql`
        select name, current_setting(name) as setting from pg_settings
        where name in ('shared_buffers', 'effective_cache_size', 'work_mem', 'max_parallel_workers_per_gather', 'jit')`),
    ).map((r) => [r.name, r.setting]),
  );

async function consolePages(
  base: string,
  invited: Invited[],
  requests: number,
  log: (l: string) => void,
): Promise<ScaleConsole> {
  log(`console pages: ${invited.map((p) => `${p.role} (${p.binding})`).join(', ')} …`);
  const start = loadavg();
  const warmups = 3;
  const measured = await measurePeople(base, invited, { requests, warmups }, log);
  return { date: new Date().toISOString(), loadAverage: { start, end: loadavg() }, requests, warmups, ...measured };
}

/** Only the console pages, on the prepared data set: invitations, the server, the crawl. */
async function consoleOnly(
  o: ScaleOptions,
  target: Target,
  result: PointResult,
  log: (l: string) => void,
): Promise<PointResult> {
  const database = await openTarget(target, 1);
  let invited: Invited[];
  let settings: Record<string, string> | undefined;
  try {
    invited = await invitePeople(database.db);
    if (o.backend === 'postgres') settings = await pgSettings(database);
  } finally {
    await database.close();
  }
  const server = await startServer(
    o.backend === 'postgres' ? { DATABASE_URL: target.url! } : { DATA_DIR: target.dataDir!, DATABASE_URL: '' },
    o.port,
    log,
  );
  try {
    result.console = { ...(await consolePages(server.base, invited, o.consoleRequests, log)), settings };
    result.serverMemory.afterLatency = server.rss();
  } finally {
    await server.stop();
  }
  result.loadAverage.end = loadavg();
  result.notes.push('console pages only (--console-only)');
  return result;
}

/** postgres://…/bench_scale → postgres://…/bench_scale_100k */
export function withDbSuffix(url: string, suffix: string): string {
  const u = new URL(url);
  u.pathname = `${u.pathname.replace(/\/$/, '')}_${suffix}`;
  return u.toString();
}

export function parseScaleArgs(argv: string[]): { points: number[]; opts: Omit<ScaleOptions, 'projects'> } {
  const { values } = parseArgs({
    args: argv,
    options: {
      points: { type: 'string', default: '100000' },
      pglite: { type: 'boolean', default: false },
      calls: { type: 'string', default: '200' },
      duration: { type: 'string', default: '30' },
      connections: { type: 'string', default: '32' },
      recall: { type: 'string', default: '30' },
      seed: { type: 'string', default: '1' },
      port: { type: 'string', default: '3917' },
      'no-generate': { type: 'boolean', default: false },
      'no-load': { type: 'boolean', default: false },
      'no-console': { type: 'boolean', default: false },
      'console-only': { type: 'boolean', default: false },
      'console-requests': { type: 'string', default: '30' },
    },
    allowPositionals: false,
  });
  return {
    points: values.points
      .split(',')
      .map((x) => Number(x.trim()))
      .filter((n) => Number.isInteger(n) && n > 0),
    opts: {
      backend: values.pglite ? 'pglite' : 'postgres',
      databaseUrl: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bench_scale',
      pgliteDir: process.env.BENCH_PGLITE_DIR ?? 'data/bench',
      calls: Number(values.calls),
      duration: Number(values.duration),
      connections: Number(values.connections),
      recallSources: Number(values.recall),
      seed: Number(values.seed),
      port: Number(values.port),
      generate: !values['no-generate'],
      load: !values['no-load'],
      console: values['console-only'] ? 'only' : values['no-console'] ? 'skip' : 'with',
      consoleRequests: Number(values['console-requests']),
      log: (l) => console.log(l),
    },
  };
}

export async function runScale(argv: string[]): Promise<void> {
  const { points, opts } = parseScaleArgs(argv);
  for (const projects of points) {
    const r = await runPoint({ ...opts, projects });
    // Console pages alone join the point's earlier file (its match figures kept, each part dated).
    const file = join(POINTS, `${r.backend}-${r.scale}.json`);
    if (opts.console === 'only' && existsSync(file)) {
      const earlier = JSON.parse(readFileSync(file, 'utf8')) as PointResult;
      writeSummary({ ...earlier, console: r.console });
    } else writeSummary(r);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  runScale(process.argv.slice(2)).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
