// `npm run bench`: runs the benchmark sections, prints a table and writes bench/results/latest.json.
// BENCH_DATABASE_URL points the database parts at a real PostgreSQL (default: embedded PGlite).
// `npm run bench -- --scale [bench:scale options]` (or BENCH_SCALE=1) also runs the scale benchmark
// (bench/scale.ts: 100k projects on BENCH_DATABASE_URL's server) after the demo-scale sections.
// `npm run bench -- --console-only` runs only the console pages and puts them into the existing
// latest.json (the other sections' figures kept; the console part carries its own date).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { benchEmbedding } from './embedding.ts';
import { benchMatching } from './matching.ts';
import { benchConsole, type ConsoleResult, consoleTable } from './console.ts';
import { benchAssignmentRun, benchAssignmentSuite } from './assignment.ts';
import { createDatabaseIfMissing } from './scale/dataset.ts';
import { benchSpreadsheets, printSheets } from './spreadsheets.ts';
import { benchStatistics } from './statistics.ts';

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const LATEST = 'bench/results/latest.json';

function printConsole(r: ConsoleResult) {
  console.log(
    `console pages at demo scale (${r.backend}), per signed-in person, every page linked from /app: ` +
      `server time (Server-Timing) over ${r.requests} requests after ${r.warmups} warm-ups, ms; size of the HTML:`,
  );
  console.table(consoleTable(r));
}

async function main() {
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  // A fresh server needs only to be reachable: the scratch database is made on first use.
  if (databaseUrl) await createDatabaseIfMissing(databaseUrl);
  const machine = {
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    memoryGiB: round(totalmem() / 2 ** 30),
    node: process.version,
  };
  // `--statistics-only [--projects N]`: the statistics figures at 100k founders / 100k projects (bench/statistics.ts).
  if (process.argv.includes('--statistics-only')) {
    const i = process.argv.indexOf('--projects');
    const statistics = await benchStatistics({
      databaseUrl,
      projects: i > 0 ? Number(process.argv[i + 1]) : undefined,
    });
    console.table(statistics.latency);
    const earlier = existsSync(LATEST) ? JSON.parse(readFileSync(LATEST, 'utf8')) : {};
    writeFileSync(LATEST, `${JSON.stringify({ ...earlier, statistics }, null, 2)}\n`);
    console.log(`statistics written to ${LATEST}`);
    return;
  }
  if (process.argv.includes('--console-only')) {
    const consolePages = await benchConsole({ databaseUrl });
    printConsole(consolePages);
    const earlier = existsSync(LATEST) ? JSON.parse(readFileSync(LATEST, 'utf8')) : {};
    writeFileSync(LATEST, `${JSON.stringify({ ...earlier, console: consolePages }, null, 2)}\n`);
    console.log(`console pages written to ${LATEST}`);
    return;
  }
  // Match latency first: measured in a fresh process, not after the embedding runs filled the heap.
  const matching = await benchMatching({ databaseUrl });
  const consolePages = await benchConsole({ databaseUrl });
  const embedding = await benchEmbedding({ databaseUrl });
  const assignment = { ...benchAssignmentSuite(), run: await benchAssignmentRun({ databaseUrl }) };
  const spreadsheets = await benchSpreadsheets({ databaseUrl });
  const result = {
    date: new Date().toISOString(),
    machine,
    embedding,
    matching,
    console: consolePages,
    assignment,
    spreadsheets,
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(LATEST, `${JSON.stringify(result, null, 2)}\n`);
  const e = embedding;
  console.table({
    'model load (ms)': round(e.loadMs, 0),
    'short texts/s (batch 64)': round(e.shortTextsPerSec, 0),
    '~100-token texts/s (batch 64)': round(e.longTextsPerSec, 0),
  });
  console.log(`embedding pipeline end to end (${e.pipeline.backend}, ${e.pipeline.entities} entities):`);
  console.table(
    Object.fromEntries(
      e.pipeline.runs.map((r) => [
        r.hnswIndex ? 'HNSW index built' : 'below index threshold',
        {
          'pipeline texts/s': round(r.textsPerSec, 0),
          'bare model texts/s': round(r.bareTextsPerSec, 0),
          'bare / pipeline (target ≤ 1.5)': round(r.ratioBareToPipeline, 2),
          'store alone texts/s': round(r.storeTextsPerSec, 0),
          'model then store texts/s': round(r.modelThenStoreTextsPerSec, 0),
        },
      ]),
    ),
  );
  console.log(`match latency at demo scale (${matching.backend}), ms:`);
  console.table(
    Object.fromEntries(
      matching.rows.map((r) => [
        r.endpoint,
        {
          p50: round(r.p50),
          p95: round(r.p95),
          p99: round(r.p99),
          'cached p50': round(r.cached.p50),
          'cached p95': round(r.cached.p95),
          'cached p99': round(r.cached.p99),
        },
      ]),
    ),
  );
  printConsole(consolePages);
  console.log('coach assignment, solver only on generated instances (exact min-cost flow vs greedy):');
  const { run: e2e, ...solverRows } = assignment;
  console.table(
    Object.fromEntries(
      Object.entries(solverRows).map(([k, a]) => [
        k,
        {
          'projects × mentors': `${a.projects} × ${a.mentors}`,
          pairs: a.edges,
          places: a.totalCapacity,
          balance: a.balance,
          objective: round(a.objective, 3),
          'dual bound': a.dualBound === null ? '–' : round(a.dualBound, 3),
          greedy: round(a.greedyObjective, 3),
          'gain %': round(a.gainOverGreedyPct, 2),
          'mentors with 4+ / idle': `${a.mentorsWith4Plus} / ${a.idleMentors}`,
          'solver s': round(a.solverMs / 1000, 2),
        },
      ]),
    ),
  );
  console.log(
    `one assignment run end to end (${e2e.backend}, ${e2e.projects} projects × ${e2e.mentors} mentors, ${e2e.candidatePairs} eligible pairs): ` +
      `${round(e2e.runMs / 1000, 2)} s in the job (solver ${round(e2e.solverMs / 1000, 2)} s), ${round(e2e.wallMs / 1000, 2)} s from POST to done`,
  );
  printSheets(spreadsheets);
  console.log('written to bench/results/latest.json');
  const args = process.argv.slice(2);
  if (args.includes('--scale') || ['1', 'true'].includes(process.env.BENCH_SCALE ?? '')) {
    const { runScale } = await import('./scale.ts');
    await runScale(args.filter((a) => a !== '--scale'));
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
