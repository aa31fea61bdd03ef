// `npm run eval`: the two judged sets — the evaluation set (test/eval/data) and the development set of
// issue 23 (test/eval/dev) — each on its own fresh in-memory PGlite, loaded through the API, embedded,
// then every query of the six journeys ranked by the engine (default weights), a lexical-only and a
// vector-only baseline (same rules, sources and runRecipe; only the weights differ). Prints nDCG@10 per
// journey for both sets and per failure class for the dev set, and writes bench/results/eval.json (the
// first set's figures at the top level as before, the dev set's under `dev`). Deterministic: same sets,
// same model, same numbers (ties are scored by their expected DCG, see test/eval/metrics.ts).
// EMBED_MODEL / EMBED_MODELS_DIR choose another embedding model, as for the service.
import { mkdirSync, writeFileSync } from 'node:fs';
import { bootstrap } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/client.ts';
import { silentLogger } from '../src/logger.ts';
import { byClass } from '../test/eval/dev/classes.ts';
import { devJourneys, devRecords, validateDevSet } from '../test/eval/dev/set.ts';
import { apiClient, loadSet, type EvalRecords } from '../test/eval/load.ts';
import { evaluate, macro, SYSTEMS, type JourneyResult } from '../test/eval/run.ts';
import { rankOf } from '../test/eval/metrics.ts';
import { hardCases, journeys, validateSet, type Journey } from '../test/eval/set.ts';

const ADMIN_KEY = 'eval-admin-key-0123456789abcdef';
const r3 = (x: number) => Math.round(x * 1000) / 1000;

interface SetRun {
  results: JourneyResult[];
  model: string;
  loadSecs: string;
  evalSecs: string;
}

/** Loads one judged set into a fresh service, checks the engine serves exactly each pool, and ranks it. */
async function runSet(set: Journey[], records?: EvalRecords, prefix?: string): Promise<SetRun> {
  const t0 = Date.now();
  const config = loadConfig({
    DEMO_DATA: 'false',
    ADMIN_API_KEY: ADMIN_KEY,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_EXPENSIVE: '0',
    EMBED_MODEL: process.env.EMBED_MODEL,
    EMBED_MODELS_DIR: process.env.EMBED_MODELS_DIR,
  });
  const service = await bootstrap(config, silentLogger, { database: await openDatabase({}) });
  try {
    const api = apiClient(service, ADMIN_KEY);
    const loaded = await loadSet(api, undefined, records, prefix);
    await service.queue.drained(300_000);
    const status = (await api('GET', '/v1/status')).body;
    if (status.embeddings.pending || status.embeddings.failed)
      throw new Error(`embeddings not ready: ${JSON.stringify(status.embeddings)}`);
    const t1 = Date.now();

    const results = await evaluate(service, loaded, { set });
    // The set judges only eligible candidates; the engine must return exactly each query's pool.
    const mismatches = results.flatMap((r) => {
      const j = set.find((x) => x.id === r.journey)!;
      return r.queries
        .filter((q) => q.returned.join() !== [...j.pool(q.query)].sort().join())
        .map((q) => `${r.journey} ${q.query}`);
    });
    if (mismatches.length)
      throw new Error(`the engine's eligible candidates differ from the set's pools: ${mismatches.join(', ')}`);
    return {
      results,
      model: status.embeddings.model,
      loadSecs: ((t1 - t0) / 1000).toFixed(0),
      evalSecs: ((Date.now() - t1) / 1000).toFixed(0),
    };
  } finally {
    await service.close();
  }
}

async function main() {
  const problems = validateSet();
  if (problems.length) throw new Error(`the evaluation set is invalid:\n  ${problems.join('\n  ')}`);
  const devProblems = validateDevSet();
  if (devProblems.length) throw new Error(`the development set is invalid:\n  ${devProblems.join('\n  ')}`);

  const first = await runSet(journeys);
  const json = report(first.results, first.model, first.loadSecs, first.evalSecs);
  const dev = await runSet(devJourneys, devRecords, 'dev');
  const devJson = reportDev(dev);

  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/eval.json', `${JSON.stringify({ ...json, dev: devJson }, null, 2)}\n`);
  console.log('\nwritten to bench/results/eval.json');
}

/** nDCG@10 per journey (and the macro average) as a console table and rows for Markdown. */
function journeyRows(results: JourneyResult[]) {
  const m = macro(results);
  const rows = results.map((r) => ({
    journey: r.journey,
    queries: r.queries.length,
    pool: Math.round(r.queries.reduce((s, q) => s + q.returned.length, 0) / r.queries.length),
    engine: r3(r.ndcg.engine),
    'lexical-only': r3(r.ndcg['lexical-only']),
    'vector-only': r3(r.ndcg['vector-only']),
    margin: r3(r.ndcg.engine - Math.max(r.ndcg['lexical-only'], r.ndcg['vector-only'])),
  }));
  const all = {
    journey: 'macro average',
    queries: rows.reduce((s, r) => s + r.queries, 0),
    pool: NaN,
    engine: r3(m.engine),
    'lexical-only': r3(m['lexical-only']),
    'vector-only': r3(m['vector-only']),
    margin: r3(m.engine - Math.max(m['lexical-only'], m['vector-only'])),
  };
  return [...rows, all];
}

function printJourneys(rows: ReturnType<typeof journeyRows>) {
  console.table(rows);
  console.log('\nMarkdown (BENCHMARKS.md):\n');
  console.log('| journey | queries | mean pool | engine | lexical-only | vector-only |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    console.log(
      `| ${r.journey} | ${r.queries} | ${Number.isNaN(r.pool) ? '' : r.pool} | **${r.engine.toFixed(3)}** | ${r['lexical-only'].toFixed(3)} | ${r['vector-only'].toFixed(3)} |`,
    );
  }
}

const lostJourneys = (results: JourneyResult[]) =>
  results
    .filter((r) => !(r.ndcg.engine >= r.ndcg['lexical-only'] && r.ndcg.engine >= r.ndcg['vector-only']))
    .map((r) => r.journey);

const journeysJson = (results: JourneyResult[]) =>
  results.map((r) => ({
    journey: r.journey,
    ndcg: Object.fromEntries(SYSTEMS.map((s) => [s, r3(r.ndcg[s])])),
    queries: r.queries.map((q) => ({
      query: q.query,
      pool: q.returned.length,
      ndcg: Object.fromEntries(SYSTEMS.map((s) => [s, r3(q.ndcg[s])])),
      engineTop10: q.ranked.engine.slice(0, 10).map((x) => x.key),
    })),
  }));

function report(results: JourneyResult[], model: string, loadSecs: string, evalSecs: string) {
  const m = macro(results);
  console.log(
    `nDCG@10 on the judged set (model ${model}; set loaded and embedded in ${loadSecs} s, evaluated in ${evalSecs} s)`,
  );
  printJourneys(journeyRows(results));
  // The hard cases the set was written to contain: where each system ranks them (mean rank within a tie).
  const hard = hardCases.map((h) => {
    const q = results.find((r) => r.journey === h.journey)!.queries.find((x) => x.query === h.query)!;
    const ranks = Object.fromEntries(SYSTEMS.map((s) => [s, rankOf(q.ranked[s], h.candidate)]));
    return {
      kind: h.kind,
      journey: h.journey,
      query: h.query,
      candidate: h.candidate,
      pool: q.returned.length,
      ...ranks,
      note: h.note,
    };
  });
  console.log("\nHard cases: rank of the candidate in the query's pool (distractors should rank low)");
  console.table(hard.map(({ note: _note, ...h }) => h));

  const lost = lostJourneys(results);
  if (lost.length) console.log(`\nWARNING: the engine does not beat both baselines on: ${lost.join(', ')}`);

  const json = {
    metric: 'nDCG@10 (gains 2^rel − 1, log2 discount, ideal from the judged labels, ties scored by expected DCG)',
    model,
    systems: { engine: 'recipe defaultWeights', 'lexical-only': { lexical: 1 }, 'vector-only': { semantic: 1 } },
    macro: Object.fromEntries(SYSTEMS.map((s) => [s, r3(m[s])])),
    hardCases: hard,
    journeys: journeysJson(results),
  };
  return json;
}

/** The dev set: nDCG@10 per journey and per failure class of issue 23. */
function reportDev({ results, model, loadSecs, evalSecs }: SetRun) {
  const m = macro(results);
  console.log(
    `\nnDCG@10 on the development set of issue 23 (test/eval/dev; model ${model}; loaded and embedded in ${loadSecs} s, evaluated in ${evalSecs} s)`,
  );
  printJourneys(journeyRows(results));
  const classes = byClass(results, devJourneys).map((c) => ({
    class: c.class,
    name: c.name,
    queries: c.queries,
    engine: r3(c.ndcg.engine),
    'lexical-only': r3(c.ndcg['lexical-only']),
    'vector-only': r3(c.ndcg['vector-only']),
    margin: r3(c.ndcg.engine - Math.max(c.ndcg['lexical-only'], c.ndcg['vector-only'])),
  }));
  console.log('\nPer failure class (mean over the queries tagged with it, all journeys):');
  console.table(classes);
  console.log('\n| class | queries | engine | lexical-only | vector-only |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const c of classes) {
    console.log(
      `| ${c.class}. ${c.name} | ${c.queries} | **${c.engine.toFixed(3)}** | ${c['lexical-only'].toFixed(3)} | ${c['vector-only'].toFixed(3)} |`,
    );
  }
  const lost = lostJourneys(results);
  if (lost.length) console.log(`\nOn the dev set the engine does not beat both baselines on: ${lost.join(', ')}`);
  return {
    set: 'test/eval/dev (issue 23)',
    model,
    macro: Object.fromEntries(SYSTEMS.map((s) => [s, r3(m[s])])),
    classes: classes.map(({ margin: _margin, ...c }) => c),
    journeys: journeysJson(results),
  };
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
