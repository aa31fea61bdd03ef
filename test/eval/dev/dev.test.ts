// The development set of issue 23 (test/eval/dev) through the real app: loaded through the API into its
// own database, embedded, then ranked by the engine and the lexical-only and vector-only baselines.
// Asserts the set is well formed (and that its validation catches a broken set) and that what it ranks
// is exactly what the match endpoints serve. It does NOT assert that the engine beats the baselines:
// today it does not (issue 23); the figures are printed and recorded by `npm run eval`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_KEY, startTestApp, type TestApp } from '../../harness.ts';
import { apiClient, loadSet, type Api, type LoadedSet } from '../load.ts';
import { evaluate, macro, SYSTEMS, type JourneyResult } from '../run.ts';
import { expectServedAsRanked } from '../served.ts';
import { byClass } from './classes.ts';
import { devJourneys, devRecords, FAILURE_CLASSES, validateDevSet, type DevJourney } from './set.ts';

describe('development set (issue 23): shape', () => {
  it('is well formed: known keys, grades 1–3, a class per query, ≥ 10 queries per journey, pools of ≥ 15, every judged candidate eligible', () => {
    expect(validateDevSet()).toEqual([]);
    expect(devJourneys.map((j) => j.id).sort()).toEqual(
      [
        'investor→projects',
        'project→investors',
        'project→mentors',
        'project→services',
        'project→trainings',
        'training→founders',
      ].sort(),
    );
    // Every failure class of the issue is exercised by at least one query.
    const tagged = new Set(devJourneys.flatMap((j) => Object.values(j.classes).flat()));
    expect([...tagged].sort((a, b) => a - b)).toEqual(Object.keys(FAILURE_CLASSES).map(Number));
  });

  it('shares no record text with the first judged set', async () => {
    const first = await import('../eligibility.ts');
    const texts = (r: { description?: string; bio?: string; thesis?: string; interests?: string }) =>
      [r.description, r.bio, r.thesis, r.interests].filter((t): t is string => !!t);
    const known = new Set(
      [first.projects, first.mentors, first.investors, first.trainings, first.services, first.founders].flatMap((xs) =>
        xs.flatMap(texts),
      ),
    );
    const mine = [
      devRecords.projects,
      devRecords.mentors,
      devRecords.investors,
      devRecords.trainings,
      devRecords.services,
      devRecords.founders,
    ].flatMap((xs) => xs.flatMap(texts));
    expect(mine.filter((t) => known.has(t))).toEqual([]);
  });

  it('has Tibetan text in records of every kind and cross-lingual queries', () => {
    const tibetan = /[\u0F00-\u0FFF]/;
    const kinds = [
      devRecords.projects,
      devRecords.mentors,
      devRecords.investors,
      devRecords.trainings,
      devRecords.services,
    ];
    for (const xs of kinds) expect(xs.some((x) => tibetan.test(JSON.stringify(x)))).toBe(true);
    expect(devRecords.projects.some((p) => p.languages[0] === 'en')).toBe(true);
    expect(devRecords.mentors.some((m) => m.languages[0] === 'en')).toBe(true);
  });

  it('reports a broken set: unknown and ineligible judged candidates, untagged queries, small pools, no relevant candidate', () => {
    const mentors = devJourneys.find((j) => j.id === 'project→mentors')!;
    const q = mentors.queries[0];
    const broken: DevJourney = {
      ...mentors,
      queries: [q, 'dp-nowhere'],
      classes: { [q]: [] },
      grades: { [q]: { 'dm-nobody': 3, 'dm-shigatse-shopowner': 2 } },
    };
    const investors = devJourneys.find((j) => j.id === 'investor→projects')!;
    const empty: DevJourney = {
      ...investors,
      queries: [investors.queries[0]],
      grades: {},
      pool: () => ['dp-print-shop'],
    };
    const problems = validateDevSet([broken, empty]);
    expect(problems).toEqual(
      expect.arrayContaining([
        `project→mentors: unknown query dp-nowhere`,
        `project→mentors ${q}: no failure class`,
        `project→mentors ${q}: unknown candidate dm-nobody`,
        `project→mentors ${q}: judged dm-shigatse-shopowner (2) is not eligible`,
        `investor→projects ${investors.queries[0]}: pool of 1 < 15`,
        `investor→projects ${investors.queries[0]}: no relevant candidate`,
        'investor→projects: 1 queries < 10',
      ]),
    );
  });
});

describe('development set (issue 23): through the app', () => {
  let t: TestApp;
  let api: Api;
  let loaded: LoadedSet;
  let results: JourneyResult[];

  beforeAll(async () => {
    t = await startTestApp();
    api = apiClient(t.service, ADMIN_KEY);
    loaded = await loadSet(api, undefined, devRecords, 'dev');
    await t.service.queue.drained(300_000);
    results = await evaluate(t.service, loaded, { set: devJourneys });
  }, 900_000);
  afterAll(async () => {
    await t?.close();
  });

  it('is fully embedded', async () => {
    const { embeddings } = (await api('GET', '/v1/status')).body;
    expect(embeddings.pending).toBe(0);
    expect(embeddings.failed).toBe(0);
  });

  it("ranks exactly what the match endpoints serve: each query's whole pool (limit 100), same order, same scores", async () => {
    await expectServedAsRanked(api, devJourneys, results, loaded);
  }, 300_000);

  it('scores every journey and every failure class for the three systems (figures recorded, not asserted)', () => {
    expect(results.map((r) => r.journey).sort()).toEqual(devJourneys.map((j) => j.id).sort());
    const classes = byClass(results, devJourneys);
    expect(classes.map((c) => c.class)).toEqual(Object.keys(FAILURE_CLASSES).map(Number));
    const figures = [...results.map((r) => r.ndcg), ...classes.map((c) => c.ndcg), macro(results)];
    for (const f of figures) {
      for (const s of SYSTEMS) {
        expect(f[s]).toBeGreaterThan(0);
        expect(f[s]).toBeLessThanOrEqual(1);
      }
    }
    console.table(
      Object.fromEntries([
        ...results.map((r) => [r.journey, r.ndcg]),
        ...classes.map((c) => [`${c.class}. ${c.name} (${c.queries})`, c.ndcg]),
        ['macro', macro(results)],
      ]),
    );
  });
});
