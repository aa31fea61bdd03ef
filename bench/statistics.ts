// Statistics at scale (issue 22): 100k founders / 100k projects (bench/gen.ts, no embeddings needed),
// then the snapshot job per day, p95 of coverage (today live; a past day from the snapshots), funnel,
// scorecard and the series, and a full regional coverage report (XLSX, all prefectures and counties)
// with its time and peak memory. `npm run bench -- --statistics-only [--projects N]`;
// BENCH_DATABASE_URL for PostgreSQL (database bench_stats on its server), else PGlite in data/bench-stats.
import { sql } from 'drizzle-orm';
import { join } from 'node:path';
import { openDatabase } from '../src/db/client.ts';
import { resultRows } from '../src/db/errors.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { embeddingHooks } from '../src/resources/embedding-hooks.ts';
import { loadReference } from '../seeds/load.ts';
import { systemActor } from '../src/auth/actor.ts';
import { coverage } from '../src/statistics/coverage.ts';
import { addDays, eachDay, todayInShanghai } from '../src/statistics/days.ts';
import { isRecorded, takeSnapshot } from '../src/statistics/snapshots.ts';
import { funnel } from '../src/statistics/funnel.ts';
import { metricByName } from '../src/statistics/metrics.ts';
import { buildReport } from '../src/statistics/reports/figures.ts';
import { reportStream } from '../src/statistics/reports/write.ts';
import { parsePeriod, scorecard } from '../src/statistics/scorecard.ts';
import { seriesOf } from '../src/statistics/series.ts';
import { createDatabaseIfMissing, countsFor } from './scale/dataset.ts';
import { generate, TRUNCATE_SQL } from './gen.ts';
import { generateHistory } from './gen/history.ts';

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

async function timed(runs: number, fn: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  return { p50: round(pct(ms, 50)), p95: round(pct(ms, 95)), max: round(Math.max(...ms)) };
}

export interface StatisticsBench {
  backend: 'postgres' | 'pglite';
  projects: number;
  founders: number;
  generatedMs: number | null;
  snapshotDayMs: { days: number; meanMs: number; maxMs: number; rowsPerDay: number };
  latency: Record<string, { p50: number; p95: number; max: number }>;
  report: { ms: number; bytes: number; rssBeforeMiB: number; rssPeakMiB: number; heapPeakMiB: number };
}

export async function benchStatistics(opts: { databaseUrl?: string; projects?: number; log?: (l: string) => void }) {
  const log = opts.log ?? ((l: string) => console.log(l));
  const counts = countsFor(opts.projects ?? 100_000);
  let url: string | undefined;
  if (opts.databaseUrl) {
    const u = new URL(opts.databaseUrl);
    u.pathname = '/bench_stats';
    url = u.toString();
    await createDatabaseIfMissing(url);
  }
  const database = await openDatabase(url ? { url, max: 4 } : { dataDir: join('data', 'bench-stats', 'pglite') });
  const db = database.db;
  try {
    await migrateDatabase(database);
    await loadReference(
      db,
      embeddingHooks(() => {}),
    );
    const [have] = resultRows<{ projects: number; founders: number }>(
      await db.execute(
        sql`select (select count(*) from projects)::int as projects, (select count(*) from founders)::int as founders`,
      ),
    );
    let generatedMs: number | null = null;
    if (have?.projects !== counts.projects || have?.founders !== counts.founders) {
      log(`generating ${JSON.stringify(counts)} …`);
      const t0 = performance.now();
      await db.execute(TRUNCATE_SQL);
      await db.execute(sql`truncate stat_snapshots`);
      await loadReference(
        db,
        embeddingHooks(() => {}),
      );
      await generate(db, { ...counts, seed: 22, log });
      log(`history: ${JSON.stringify(await generateHistory(db))}`);
      generatedMs = Math.round(performance.now() - t0);
    } else log('dataset present, reused');

    const today = todayInShanghai();
    const year = today.slice(0, 4);
    // The snapshot job for every past day of the year (every metric of METRICS), each its own
    // transaction: the period figures below read them, and only today live. On a reused data set the
    // days already recorded are kept, except the last 30 (taken again: the job's timing below).
    const recent = addDays(today, -30);
    const missing: string[] = [];
    for (const day of eachDay(`${year}-01-01`, addDays(today, -1)))
      if (day >= recent || generatedMs !== null || !(await isRecorded(db, day))) missing.push(day);
    const days = [];
    for (const day of missing) {
      const r = await takeSnapshot(db, day);
      if (day.endsWith('-01')) log(`snapshot ${r.day}: ${r.ms} ms, ${r.rows} rows`);
      days.push(r);
    }
    const snapshotDayMs = {
      days: days.length,
      meanMs: round(days.reduce((n, d) => n + d.ms, 0) / days.length),
      maxMs: Math.max(...days.map((d) => d.ms)),
      rowsPerDay: Math.round(days.reduce((n, d) => n + d.rows, 0) / days.length),
    };
    log(`snapshot job: ${JSON.stringify(snapshotDayMs)}`);

    const RUNS = 20;
    const latency: StatisticsBench['latency'] = {};
    latency['coverage county, today (live)'] = await timed(RUNS, () => coverage(db, { level: 'county', asOf: today }));
    latency['coverage county, yesterday (snapshot)'] = await timed(RUNS, () =>
      coverage(db, { level: 'county', asOf: addDays(today, -1) }),
    );
    latency['coverage prefecture, today'] = await timed(RUNS, () => coverage(db, { level: 'prefecture', asOf: today }));
    latency[`funnel region, ${year}`] = await timed(RUNS, () =>
      funnel(db, { regionCode: '540000', centerId: null, from: `${year}-01-01`, to: today }),
    );
    latency[`funnel prefecture 540100, ${year}`] = await timed(RUNS, () =>
      funnel(db, { regionCode: '540100', centerId: null, from: `${year}-01-01`, to: today }),
    );
    latency[`scorecard region, ${year}`] = await timed(RUNS, () =>
      scorecard(db, { regionCode: '540000', centerId: null, period: parsePeriod(year) }),
    );
    for (const name of ['coverage.foundersInCenters', 'registry.centersOperating']) {
      const m = metricByName(name);
      if (m)
        latency[`series ${name} 31 days, region (today live)`] = await timed(RUNS, () =>
          seriesOf(db, m, { regionCode: '540000', centerId: null }, addDays(today, -30), today),
        );
    }
    for (const [k, v] of Object.entries(latency)) log(`${k}: p50 ${v.p50} ms, p95 ${v.p95} ms`);

    // A full regional report: coverage of every county, XLSX, read to the end; memory sampled meanwhile.
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    let heapPeak = process.memoryUsage().heapUsed;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      rssPeak = Math.max(rssPeak, m.rss);
      heapPeak = Math.max(heapPeak, m.heapUsed);
    }, 20);
    const t0 = performance.now();
    const spec = await buildReport(db, systemActor, 'coverage', { level: 'county', asOf: today }, 'zh');
    let bytes = 0;
    for await (const chunk of reportStream(spec, 'xlsx', 'zh') as unknown as AsyncIterable<Uint8Array>)
      bytes += chunk.length;
    const reportMs = Math.round(performance.now() - t0);
    clearInterval(sampler);
    const MiB = 2 ** 20;
    const report = {
      ms: reportMs,
      bytes,
      rssBeforeMiB: round(rssBefore / MiB),
      rssPeakMiB: round(rssPeak / MiB),
      heapPeakMiB: round(heapPeak / MiB),
    };
    log(`full regional report (coverage, all counties, XLSX): ${JSON.stringify(report)}`);
    return {
      backend: database.kind,
      projects: counts.projects,
      founders: counts.founders,
      generatedMs,
      snapshotDayMs,
      latency,
      report,
    } satisfies StatisticsBench;
  } finally {
    await database.close();
  }
}
