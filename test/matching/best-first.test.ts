// Best-first read-back of the candidate index's picks (src/matching/best-first.ts), on generated and
// embedded data with introductions, enrolments and used-up capacity: when the index picks every
// eligible row, the answer (ids, scores, reasons) equals the exhaustive SQL ranking for every
// recipe, while far fewer candidates are read back from SQL than were ranked.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../bench/gen.ts';
import { loadSource, weightsFor, ENDPOINTS } from '../../bench/scale/engine.ts';
import { drainBacklog } from '../../jobs/embeddings/backlog.ts';
import { enrollmentsTable, introductionsTable } from '../../models/schema.ts';
import { resultRows } from '../../src/db/errors.ts';
import { scoreBound, SIMILARITY_MARGIN } from '../../src/matching/best-first.ts';
import { runRecipe, scoreCandidate, type EngineContext } from '../../src/matching/engine.ts';
import { pickedProfile } from '../../src/matching/profile.ts';
import { startTestApp, type TestApp } from '../harness.ts';

let t: TestApp;
const ctx = (indexed: boolean): EngineContext => ({ db: t.db, model: t.service.embedder.id, lang: 'zh', index: indexed ? t.service.candidateIndex : undefined });
const sourceIds = async (table: string, n: number) =>
  resultRows<{ id: string }>(await t.db.execute(sql`select id from ${sql.identifier(table)} order by md5(id::text) limit ${n}`)).map((r) => r.id);

beforeAll(async () => {
  t = await startTestApp();
  await generate(t.db, { projects: 700, founders: 600, mentors: 300, investors: 150, trainings: 150, services: 120, centers: 4, seed: 21, batchSize: 250 });
  await drainBacklog(t.db, t.service.embedder, { batchSize: 128, indexMinRows: 0 });
  const pairs = async (sources: string, candidates: string, n: number) => resultRows<{ s: string; c: string }>(await t.db.execute(sql`
    select s.id as s, c.id as c from (select id from ${sql.identifier(sources)} order by md5(id::text) limit 30) s
    cross join lateral (select id from ${sql.identifier(candidates)} order by md5(s.id::text || id::text) limit ${n}) c`));
  await t.db.insert(enrollmentsTable).values((await pairs('trainings', 'founders', 4)).map((p) => ({ trainingId: p.s, founderId: p.c })));
  // Accepted introductions use up mentors' capacity (a live rule and a computed feature).
  await t.db.insert(introductionsTable).values((await pairs('projects', 'mentors', 3)).map((p) => ({ projectId: p.s, targetKind: 'mentor' as const, targetId: p.c, status: 'accepted' as const })));
  await t.db.insert(introductionsTable).values((await pairs('projects', 'investors', 3)).map((p) => ({ projectId: p.s, targetKind: 'investor' as const, targetId: p.c, status: 'declined' as const })));
}, 600_000);
afterAll(async () => { await t?.close(); });

describe('best-first read-back', () => {
  it('answers as the exhaustive SQL ranking does, for every recipe, reading back fewer candidates than it ranks', async () => {
    let ranked = 0;
    let read = 0;
    for (const ep of ENDPOINTS) {
      const table = { project: 'projects', investor: 'investors', training: 'trainings' }[ep.sourceKind];
      for (const id of await sourceIds(table, 12)) {
        const source = await loadSource(ctx(false), ep.sourceKind, id);
        for (const limit of [1, 10]) {
          const opts = { limit, weights: weightsFor(ep, source) };
          const exact = await runRecipe(ctx(false), ep.recipe, source, { ...opts, exactLimit: 1e9 });
          // exactLimit below the table sizes sends the call to the index; k above them picks every eligible row.
          const viaIndex = await runRecipe(ctx(true), ep.recipe, source, { ...opts, exactLimit: 50, retrieveK: 100_000 });
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
    const [id] = await sourceIds('trainings', 1);
    const source = await loadSource(ctx(false), 'training', id);
    const weights = weightsFor(ep, source);
    const exact = await runRecipe(ctx(false), ep.recipe, source, { limit: 100_000, weights, exactLimit: 1e9 });
    expect(exact.items.length).toBeGreaterThan(20);
    // Every candidate's bound from an in-memory profile (similarity from the index's float32 copy).
    const picked = (await t.service.candidateIndex.narrow(ep.recipe.candidateTable, null, {
      model: t.service.embedder.id, keyed: [], excluded: [], ranged: [], vector: source.vector, words: [], lexemes: source.lexemes, exactLimit: 1e9, k: 0,
    }))!;
    const byId = new Map(picked.map((p) => [p.row.id as string, p]));
    for (const item of exact.items) {
      const p = byId.get(item.id)!;
      const bound = scoreBound(ep.recipe, weights, source, pickedProfile(ep.recipe, p, p.row, p.similarity));
      expect(bound).toBeGreaterThanOrEqual(item.score);
      expect(bound - item.score).toBeLessThanOrEqual(SIMILARITY_MARGIN + 1e-6); // no computed column in this recipe
      expect(scoreCandidate(ep.recipe, weights, source, pickedProfile(ep.recipe, p, p.row, p.similarity)).score).toBeCloseTo(item.score, 5);
    }
  });
});
