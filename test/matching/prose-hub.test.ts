// Hub correction of the semantic channel (src/matching/hub.ts): a candidate's similarity loses its
// mean similarity to the sources, so a generic text no longer leads every ranking; the correction is
// the source's vector moved once per call, which both ranking paths read the same way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mentorsTable, investorsTable, projectsTable } from '../../models/schema.ts';
import { generate } from '../../bench/gen.ts';
import { drainBacklog } from '../../jobs/embeddings/backlog.ts';
import { cosine, semantic } from '../../src/matching/features.ts';
import { hubCorrected, loadMeanVector, MIN_REFERENCE, withHubCorrection } from '../../src/matching/hub.ts';
import { profileQuery, toProfile } from '../../src/matching/profile.ts';
import type { Profile } from '../../src/matching/types.ts';
import { startTestApp, type TestApp } from '../harness.ts';

const unit = (v: number[]) => {
  const n = Math.sqrt(v.reduce((a, x) => a + x * x, 0));
  return v.map((x) => x / n);
};
const dot = (a: number[], b: number[]) => a.reduce((x, y, i) => x + y * b[i], 0);
const mean = (vs: number[][]) => vs[0].map((_, i) => vs.reduce((a, v) => a + v[i], 0) / vs.length);
const profile = (vector: number[] | null): Profile => ({
  row: { id: 'x' },
  vector,
  lexemes: new Set(),
  topics: {},
  sectors: {},
  inferredTopics: [],
  inferredSectors: [],
});
const value = (s: Profile, c: Profile) => semantic.compute(s, c)?.value ?? null;

describe('hub correction (vectors)', () => {
  // Three sources share a common direction (e0) and each has its own (e1, e2, e3).
  const sources = [1, 2, 3].map((k) => unit([0.8, ...[1, 2, 3].map((j) => (j === k ? 0.6 : 0))]));
  const generic = unit([1, 0, 0, 0]); // says what every source says, nothing in particular
  const specific = unit([0.2, 0.98, 0, 0]); // about source 1's own subject
  const mS = mean(sources);
  const mC = mean([generic, specific]);

  it('a generic candidate leads on raw cosine, the specific one after the correction', () => {
    const raw = profile(sources[0]);
    expect(value(raw, profile(generic))!).toBeGreaterThan(value(raw, profile(specific))!);
    const s = hubCorrected(raw, mS, mC, 1);
    expect(value(s, profile(specific))!).toBeGreaterThan(value(s, profile(generic))!);
  });

  it('equals s·c − β(c·m_S − m_C·m_S) for any candidate', () => {
    for (const beta of [0.5, 1]) {
      const s = hubCorrected(profile(sources[1]), mS, mC, beta);
      for (const c of [generic, specific, ...sources, unit([0.1, -0.3, 0.5, 0.2])]) {
        const expected = dot(sources[1], c) - beta * (dot(c, mS) - dot(mC, mS));
        expect(cosine(s.vector!, c) * s.similarityScale!.scale + s.similarityScale!.offset).toBeCloseTo(expected, 10);
        expect(value(s, profile(c))).toBeCloseTo(Math.max(0, Math.min(1, expected)), 10);
        // The SQL path hands the feature pgvector's cosine with the moved vector: the same value.
        const paired = {
          ...profile(null),
          pair: { similarity: cosine(s.vector!, c), shared: new Set<string>(), lexemeCount: 0 },
        };
        expect(value(s, paired)).toBeCloseTo(value(s, profile(c))!, 10);
      }
    }
  });

  it('leaves the source as it is without a vector, a mean, matching sizes or a direction left', () => {
    const s = profile(sources[0]);
    expect(hubCorrected(profile(null), mS, mC)).toEqual(profile(null));
    expect(hubCorrected(s, null, mC)).toBe(s);
    expect(hubCorrected(s, mS, null)).toBe(s);
    expect(hubCorrected(s, [1, 0], mC)).toBe(s);
    expect(hubCorrected(s, mS, [1, 0, 0])).toBe(s);
    expect(hubCorrected(s, sources[0], mC, 1)).toBe(s); // s − m_S = 0: no direction to compare with
    expect(value(s, profile(generic))).toBeCloseTo(dot(sources[0], generic), 10);
  });
});

describe('hub correction (database)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await generate(t.db, {
      projects: 30,
      founders: 30,
      mentors: 40,
      investors: 5,
      trainings: 3,
      services: 3,
      centers: 2,
      seed: 23,
      batchSize: 100,
    });
    await drainBacklog(t.db, t.service.embedder, { batchSize: 64, indexMinRows: 0 });
  }, 120_000);
  afterAll(() => t?.close());

  it('the mean of a kind is the mean of its vectors, and none below MIN_REFERENCE', async () => {
    const model = t.service.embedder.id;
    const dims = t.service.embedder.dimensions;
    const rows = (await profileQuery(t.db, projectsTable, 'project', model)(undefined)).map((r) => toProfile(r, {}));
    const vectors = rows.map((p) => p.vector).filter((v): v is number[] => !!v);
    expect(vectors.length).toBeGreaterThanOrEqual(MIN_REFERENCE);
    const m = (await loadMeanVector(t.db, projectsTable, model, dims))!;
    const expected = mean(vectors);
    for (let i = 0; i < dims; i++) expect(m[i]).toBeCloseTo(expected[i], 5);
    expect(await loadMeanVector(t.db, investorsTable, model, dims)).toBeNull();
    expect(await loadMeanVector(t.db, projectsTable, 'another-model', dims)).toBeNull();
  });

  it('corrects a project against mentors once (idempotent), with the table means', async () => {
    const model = t.service.embedder.id;
    const [raw] = (await profileQuery(t.db, projectsTable, 'project', model)(undefined, 1)).map((r) =>
      toProfile(r, {}),
    );
    const s = await withHubCorrection(t.db, raw, projectsTable, mentorsTable, model);
    expect(s.similarityScale).toBeDefined();
    expect(await withHubCorrection(t.db, s, projectsTable, mentorsTable, model)).toBe(s);
    const mentors = (await profileQuery(t.db, mentorsTable, 'mentor', model)(undefined)).map((r) => toProfile(r, {}));
    const dims = raw.vector!.length;
    const mS = (await loadMeanVector(t.db, projectsTable, model, dims))!;
    const mC = (await loadMeanVector(t.db, mentorsTable, model, dims))!;
    for (const c of mentors.filter((m) => m.vector)) {
      const expected = cosine(raw.vector!, c.vector!) - (dot(c.vector!, mS) - dot(mC, mS));
      expect(value(s, c)).toBeCloseTo(Math.max(0, Math.min(1, expected)), 5);
    }
  });
});
