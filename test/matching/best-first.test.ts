// Best-first read-back of the candidate index's picks (src/matching/pipeline/read-back.ts), on generated and
// embedded data with introductions, enrolments and used-up capacity: when the index picks every
// eligible row, the answer (ids, scores, reasons) equals the exhaustive SQL ranking for every
// recipe, while far fewer candidates are read back from SQL than were ranked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../bench/gen.ts';
import { loadSource, weightsFor, ENDPOINTS } from '../../bench/scale/engine.ts';
import { drainBacklog } from '../../jobs/embeddings/backlog.ts';
import { scoreBound, SIMILARITY_MARGIN } from '../../src/matching/pipeline/score.ts';
import { withTagShares } from '../../src/matching/tag-stats.ts';
import { runRecipe, scoreCandidate, type EngineContext } from '../../src/matching/engine.ts';
import { pickedProfile } from '../../src/matching/pipeline/read-back.ts';
import { withHubCorrection } from '../../src/matching/hub.ts';
import { embeddedTables } from '../../models/embeddings/entities.ts';
import { startTestApp, type TestApp } from '../harness.ts';
import { exclusions, sourceIds } from './generated-fixture.ts';

let t: TestApp;
const ctx = (indexed: boolean): EngineContext => ({
  db: t.db,
  model: t.service.embedder.id,
  lang: 'zh',
  index: indexed ? t.service.candidateIndex : undefined,
});

beforeAll(async () => {
  t = await startTestApp();
  await generate(t.db, {
    projects: 700,
    founders: 600,
    mentors: 300,
    investors: 150,
    trainings: 150,
    services: 120,
    centers: 4,
    seed: 21,
    batchSize: 250,
  });
  await drainBacklog(t.db, t.service.embedder, { batchSize: 128, indexMinRows: 0 });
  // Introductions and enrolments; accepted introductions use up mentors' capacity (a live rule and a computed feature).
  await exclusions(t.db, 30, 3);
}, 600_000);
afterAll(async () => {
  await t?.close();
});

describe('best-first read-back', () => {
  it('answers as the exhaustive SQL ranking does, for every recipe, reading back fewer candidates than it ranks', async () => {
    let ranked = 0;
    let read = 0;
    for (const ep of ENDPOINTS) {
      const table = { project: 'projects', investor: 'investors', training: 'trainings' }[ep.sourceKind];
      for (const id of await sourceIds(t.db, table, 12)) {
        const source = await loadSource(ctx(false), ep.sourceKind, id);
        for (const limit of [1, 10]) {
          const opts = { limit, weights: weightsFor(ep, source) };
          const exact = await runRecipe(ctx(false), ep.recipe, source, { ...opts, exactLimit: 1e9 });
          // exactLimit below the table sizes sends the call to the index; k above them picks every eligible row.
          const viaIndex = await runRecipe(ctx(true), ep.recipe, source, {
            ...opts,
            exactLimit: 50,
            retrieveK: 100_000,
          });
          expect(viaIndex.items, `${ep.name} ${id} limit ${limit}`).toEqual(exact.items);
          ranked += viaIndex.candidates;
          read += viaIndex.read;
        }
      }
    }
    expect(t.service.candidateIndex.stats().tables).toBe(6);
    expect(ranked).toBeGreaterThan(5_000);
    expect(read, `${read} of ${ranked}`).toBeLessThan(ranked / 2);
  });

  it('bounds each score from above by what memory holds', async () => {
    // Against the score of the read-back profile: above it, by no more than the margin when nothing is unknown.
    const ep = ENDPOINTS.find((e) => e.name === 'training→founders')!;
    const [id] = await sourceIds(t.db, 'trainings', 1);
    // Hub-corrected and with the table's tag shares, as runRecipe prepares it (idempotent there), so
    // that both score the same source.
    const raw = await loadSource(ctx(false), 'training', id);
    const corrected = await withHubCorrection(
      t.db,
      raw,
      embeddedTables.training,
      ep.recipe.candidateTable,
      ctx(false).model,
    );
    const source = await withTagShares(t.db, corrected, ep.recipe);
    expect(source.similarityScale).toBeDefined();
    // Without the one feature that reads a computed column (the founders' project stages): every
    // feature is then known in memory.
    const weights = { ...weightsFor(ep, source), stage: 0 };
    const exact = await runRecipe(ctx(false), ep.recipe, source, { limit: 100_000, weights, exactLimit: 1e9 });
    expect(exact.items.length).toBeGreaterThan(20);
    // Every candidate's bound from an in-memory profile (similarity from the index's float32 copy).
    const picked = (await t.service.candidateIndex.narrow(ep.recipe.candidateTable, null, {
      model: t.service.embedder.id,
      keyed: [],
      excluded: [],
      ranged: [],
      vector: source.vector,
      words: [],
      lexemes: source.lexemes,
      exactLimit: 1e9,
      k: 0,
    }))!;
    const byId = new Map(picked.map((p) => [p.row.id as string, p]));
    for (const item of exact.items) {
      const p = byId.get(item.id)!;
      const bound = scoreBound(ep.recipe, weights, source, pickedProfile(ep.recipe, p, p.row, p.similarity));
      expect(bound).toBeGreaterThanOrEqual(item.score);
      expect(bound - item.score).toBeLessThanOrEqual(SIMILARITY_MARGIN + 1e-6); // no computed column weighed
      expect(
        scoreCandidate(ep.recipe, weights, source, pickedProfile(ep.recipe, p, p.row, p.similarity)).score,
      ).toBeCloseTo(item.score, 5);
    }
  });
});
