// The judged evaluation set (test/eval/data) through the real app: loaded through the API, embedded,
// then ranked by the engine and by a lexical-only and a vector-only baseline (bench/eval.ts prints the
// same numbers as a table). Asserts that the set only judges eligible candidates, that what it ranks is
// exactly what the match endpoints serve, and that the engine beats both baselines on every journey.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_KEY, startTestApp, type TestApp } from '../harness.ts';
import { apiClient, loadSet, type Api, type LoadedSet } from './load.ts';
import { dcgAtK, idealDcgAtK, ndcgAtK } from './metrics.ts';
import { evaluate, macro, type JourneyResult } from './run.ts';
import { expectServedAsRanked } from './served.ts';
import { journeys, validateSet } from './set.ts';

describe('nDCG@10 with graded gains and ties', () => {
  const grades = { a: 3, b: 1, c: 2 };
  it('is 1 for the ideal order, lower otherwise, and null without a relevant candidate', () => {
    expect(
      ndcgAtK(
        [
          { key: 'a', score: 0.9 },
          { key: 'c', score: 0.8 },
          { key: 'b', score: 0.7 },
          { key: 'x', score: 0.1 },
        ],
        grades,
      ),
    ).toBeCloseTo(1, 12);
    const worse = ndcgAtK(
      [
        { key: 'x', score: 0.9 },
        { key: 'b', score: 0.8 },
        { key: 'c', score: 0.7 },
        { key: 'a', score: 0.1 },
      ],
      grades,
    )!;
    expect(worse).toBeLessThan(1);
    expect(worse).toBeGreaterThan(0);
    expect(ndcgAtK([{ key: 'a', score: 1 }], {})).toBeNull();
  });
  it('scores a tie by its expected DCG over every order of the tie, whatever order the list comes in', () => {
    const tie = [
      { key: 'x', score: 0.5 },
      { key: 'a', score: 0.5 },
    ];
    const expected = ((2 ** 3 - 1) / 2) * (1 / Math.log2(2) + 1 / Math.log2(3));
    expect(dcgAtK(tie, (k) => (k === 'a' ? 3 : 0), 10)).toBeCloseTo(expected, 12);
    expect(dcgAtK([...tie].reverse(), (k) => (k === 'a' ? 3 : 0), 10)).toBeCloseTo(expected, 12);
    // Only the positions inside the cut-off count.
    expect(dcgAtK(tie, (k) => (k === 'a' ? 3 : 0), 1)).toBeCloseTo((2 ** 3 - 1) / 2, 12);
    expect(idealDcgAtK([1, 3], 1)).toBe(7);
  });
});

describe('judged evaluation set', () => {
  let t: TestApp;
  let api: Api;
  let loaded: LoadedSet;
  let results: JourneyResult[];

  beforeAll(async () => {
    t = await startTestApp();
    api = apiClient(t.service, ADMIN_KEY);
    loaded = await loadSet(api);
    await t.service.queue.drained(300_000);
    results = await evaluate(t.service, loaded);
  }, 900_000);
  afterAll(async () => {
    await t?.close();
  });

  it('is well formed: known keys, grades 1–3, a relevant candidate per query, pools of ≥ 15, every judged candidate eligible', () => {
    expect(validateSet()).toEqual([]);
    expect(journeys.map((j) => j.queries.length).every((n) => n >= 15)).toBe(true);
  });

  it('is fully embedded', async () => {
    const { embeddings } = (await api('GET', '/v1/status')).body;
    expect(embeddings.pending).toBe(0);
    expect(embeddings.failed).toBe(0);
  });

  it("ranks exactly what the match endpoints serve: each query's whole pool (limit 100), same order, same scores", async () => {
    await expectServedAsRanked(api, journeys, results, loaded);
  }, 300_000);

  it('the engine beats lexical-only and vector-only on every journey, and strictly on the macro average', () => {
    const table = Object.fromEntries(results.map((r) => [r.journey, r.ndcg]));
    for (const r of results) {
      expect(r.ndcg.engine, `${r.journey} ${JSON.stringify(table[r.journey])}`).toBeGreaterThanOrEqual(
        r.ndcg['lexical-only'],
      );
      expect(r.ndcg.engine, `${r.journey} ${JSON.stringify(table[r.journey])}`).toBeGreaterThanOrEqual(
        r.ndcg['vector-only'],
      );
    }
    const m = macro(results);
    expect(m.engine).toBeGreaterThan(m['lexical-only']);
    expect(m.engine).toBeGreaterThan(m['vector-only']);
    expect(results.map((r) => r.journey).sort()).toEqual(journeys.map((j) => j.id).sort());
  });
});
