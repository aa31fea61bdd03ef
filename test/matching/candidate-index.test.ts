// The in-memory candidate index (src/matching/candidate-index.ts), on the real app's own index: with
// it, retrieval returns what exhaustive scoring returns when its channels reach every candidate, and
// nothing the SQL rules exclude (live rules such as remaining capacity included); it follows API
// writes, other connections' commits, vectors written by the embedding job and deletions; beyond its
// memory budget it steps aside and the SQL path answers.
import { totalmem } from 'node:os';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { introductionsTable, investorsTable, mentorsTable } from '../../models/schema.ts';
import { loadConfig } from '../../src/config.ts';
import { resultRows } from '../../src/db/errors.ts';
import { textArray } from '../../src/db/sql.ts';
import {
  createCandidateIndex,
  noCandidateIndex,
  type CandidateIndex,
  type Narrowing,
  type Picked,
} from '../../src/matching/candidate-index.ts';
import { runRecipe, type EngineContext } from '../../src/matching/engine.ts';
import { projectMentors } from '../../src/matching/recipes/project-mentors.ts';
import { loadProjectSource, recipeWeights } from '../../src/matching/service.ts';
import { startTestApp, type TestApp } from '../harness.ts';
import { createShopProject, MENTOR_BIOS } from './shop-fixture.ts';

let t: TestApp;
let projectId: string;
let fullMentorId: string;
const opts = { limit: 10, weights: recipeWeights(projectMentors, null) };
const ctx = (index?: CandidateIndex): EngineContext => ({ db: t.db, model: t.service.embedder.id, lang: 'zh', index });
const mentor = (body: Record<string, unknown>) =>
  t
    .request('POST', '/v1/mentors', {
      body: {
        expertise: ['marketing'],
        sectors: ['plateau_biology'],
        languages: ['zh'],
        regionCode: '540102',
        remote: true,
        capacity: 2,
        active: true,
        ...body,
      },
    })
    .then((r) => {
      expect(r.status, r.text).toBe(201);
      return r.body.id as string;
    });
/** The ids of an index's answer (null: it stepped aside). */
const idsOf = (picked: Picked[] | null) => picked?.map((p) => p.row.id as string) ?? null;
/** A narrowing of the mentors: no vector, no words, every admitted row ranked (exactLimit 0), 50 per channel. */
const narrowing = (n: Partial<Narrowing>): Narrowing => ({
  model: t.service.embedder.id,
  keyed: [],
  excluded: [],
  ranged: [],
  vector: null,
  words: [],
  lexemes: new Set(),
  exactLimit: 0,
  k: 50,
  ...n,
});
/** The index's own answer for keyword words alone (every row admitted, nothing ranked exactly). */
const byWords = async (index: CandidateIndex, words: string[], admits = (_c: { row: Record<string, any> }) => true) =>
  idsOf(await index.narrow(mentorsTable, admits, narrowing({ words })));
/** Polls until `check` holds: another connection's commit reaches the index by NOTIFY, a moment later. */
async function eventually(check: () => Promise<boolean>) {
  for (let k = 0; k < 100; k++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('not within 5 s');
}

beforeAll(async () => {
  t = await startTestApp();
  const shop = await createShopProject(t);
  projectId = shop.projectId;
  for (let i = 0; i < 24; i++)
    await mentor({
      name: `导师${i}`,
      bio: MENTOR_BIOS[i % MENTOR_BIOS.length] + (i >= MENTOR_BIOS.length ? '，兼职' : ''),
      expertise: [i % 3 ? 'marketing' : 'ecommerce'],
      remote: i % 2 === 0,
    });
  // Excluded by the rules: no shared language, inactive, and (a live rule) no capacity left.
  await mentor({ name: '排除-语言', bio: MENTOR_BIOS[0], languages: ['en'] });
  await mentor({ name: '排除-停用', bio: MENTOR_BIOS[0], active: false });
  fullMentorId = await mentor({ name: '排除-满员', bio: `${MENTOR_BIOS[0]}，网店运营`, capacity: 1 });
  const other = await t.request('POST', '/v1/projects', {
    body: {
      title: '另一个项目',
      description: '牧区电商平台',
      sector: 'plateau_biology',
      stage: 'idea',
      regionCode: '540102',
      founderIds: [shop.founderId],
      needs: ['ecommerce'],
      languages: ['zh'],
      status: 'submitted',
    },
  });
  expect(other.status, other.text).toBe(201);
  const otherProject = other.body.id;
  await t.db
    .insert(introductionsTable)
    .values({ projectId: otherProject, targetKind: 'mentor', targetId: fullMentorId, status: 'accepted' });
  await t.service.queue.drained();
}, 300_000);
afterAll(async () => {
  await t?.close();
});

describe('in-memory candidate index', () => {
  it('ranks like exhaustive scoring when its channels reach every candidate, and admits nothing the rules exclude', async () => {
    const source = (await loadProjectSource(ctx(), projectId))!;
    const exact = await runRecipe(ctx(), projectMentors, source, opts);
    expect(exact.candidates).toBe(24);
    // exactLimit 5 forces retrieval; 50 per channel reaches all 25 rows the TypeScript rules admit.
    const indexed = await runRecipe(ctx(t.service.candidateIndex), projectMentors, source, {
      ...opts,
      exactLimit: 5,
      retrieveK: 50,
    });
    expect(t.service.candidateIndex.stats().rows).toBe(27); // the whole mentors table, read once
    expect(indexed.candidates).toBe(24); // the full mentor came back from memory and was dropped by SQL
    // Same scores and explanations: inferred topics, shared keywords and keyword counts come from memory.
    expect(indexed.items).toEqual(exact.items);
    expect(indexed.items.some((i) => String(i.name).startsWith('排除'))).toBe(false);
  });

  it('returns the k best of each channel: nearest by vector, best keyword matches by shared words', async () => {
    const source = (await loadProjectSource(ctx(), projectId))!;
    const index = t.service.candidateIndex;
    const near = idsOf(await index.narrow(mentorsTable, () => true, narrowing({ vector: source.vector, k: 3 })));
    const nearest = resultRows<{ id: string }>(
      await t.db.execute(sql`select id from mentors where vector_model = ${t.service.embedder.id}
      order by vector <=> ${`[${source.vector!.join(',')}]`}::vector limit 3`),
    );
    expect(new Set(near)).toEqual(new Set(nearest.map((r) => r.id)));
    const words = await byWords(index, ['淘宝', '抖音']);
    const named = await t.db.select({ id: mentorsTable.id, name: mentorsTable.name }).from(mentorsTable);
    const names = (ids: string[] | null) => new Set(ids!.map((id) => named.find((m) => m.id === id)!.name));
    // Every row sharing a word (the rules are the caller's: here none), and no other.
    expect(names(words)).toEqual(new Set(['导师0', '导师12', '排除-语言', '排除-停用', '排除-满员']));
  });

  it("follows writes: an API write at once, another connection's commit by NOTIFY, vectors and deletions", async () => {
    const index = t.service.candidateIndex;
    const id = await mentor({ name: '新导师', bio: 'Zanskarwool yak fibre spinning coach' });
    expect(await byWords(index, ['zanskarwool'])).toEqual([id]);
    // A commit outside the API: no middleware marks the index, the NOTIFY of migration 0007 does.
    await t.db.update(mentorsTable).set({ active: false }).where(eq(mentorsTable.id, id));
    await eventually(async () => (await byWords(index, ['zanskarwool'], (c) => c.row.active))!.length === 0);
    // The embedding job writes the vector after the row: the vector channel finds it once written.
    await t.service.queue.drained();
    const [{ v }] = resultRows<{ v: string }>(
      await t.db.execute(sql`select vector::text as v from mentors where id = ${id}`),
    );
    const nearest = async () =>
      idsOf(await index.narrow(mentorsTable, () => true, narrowing({ vector: JSON.parse(v), k: 1 })));
    await eventually(async () => (await nearest())?.[0] === id);
    // Deleted rows may linger in memory until a sweep, but the engine reads results back in SQL.
    const source = (await loadProjectSource(ctx(), projectId))!;
    const gone = await mentor({ name: '将删除', bio: `${MENTOR_BIOS[0]}，网店运营，电商运营` });
    const all = async () =>
      (
        await runRecipe(ctx(index), projectMentors, source, { ...opts, limit: 50, exactLimit: 0, retrieveK: 50 })
      ).items.map((i) => i.id);
    expect(await all()).toContain(gone);
    await t.db.delete(mentorsTable).where(eq(mentorsTable.id, gone));
    expect(idsOf(await index.narrow(mentorsTable, () => true, narrowing({ exactLimit: 100, k: 0 })))).toContain(gone);
    expect(await all()).not.toContain(gone);
  });

  it('holds what scoring needs besides the similarity, and follows a changed bio', async () => {
    const index = t.service.candidateIndex;
    const source = (await loadProjectSource(ctx(), projectId))!;
    const id = await mentor({ name: '改简介', bio: 'Himalayan trekking guide' });
    // Every candidate reached (no cut, 100 per channel) and every vector written: both paths score the same rows.
    const both = async () => {
      await t.service.queue.drained();
      const viaIndex = await runRecipe(ctx(index), projectMentors, source, {
        ...opts,
        limit: 100,
        exactLimit: 0,
        retrieveK: 100,
      });
      const viaSql = await runRecipe(ctx(), projectMentors, source, { ...opts, limit: 100 });
      expect(viaIndex.items).toEqual(viaSql.items);
      return viaSql.items.find((i) => i.id === id)!;
    };
    const before = await both();
    const patched = await t.request('PATCH', `/v1/mentors/${id}`, {
      body: { bio: '十年淘宝和抖音电商运营，直播带货与短视频营销' },
    });
    expect(patched.status, patched.text).toBe(200);
    const after = await both();
    expect(after.score).toBeGreaterThan(before.score);
    expect(after.reasons).not.toEqual(before.reasons);
    // The parts themselves, against what SQL holds now.
    const [picked] = (await index.narrow(
      mentorsTable,
      (c) => c.row.id === id,
      narrowing({ exactLimit: 10, lexemes: source.lexemes }),
    ))!;
    const [db] = resultRows<{ topics: unknown; shared: string[]; n: number }>(
      await t.db.execute(sql`select e.inferred_topics as topics, m.keyword_count as n,
      array(select w from unnest(tsvector_to_array(m.keywords)) w where w = any(${textArray([...source.lexemes])}) order by w) as shared
      from mentors m join embeddings e on e.entity_kind = 'mentor' and e.entity_id = m.id where m.id = ${id}`),
    );
    expect(picked.inferredTopics).toEqual(db.topics);
    expect(picked.inferredTopics.length).toBeGreaterThan(0);
    expect([...picked.shared].sort()).toEqual(db.shared);
    expect(db.shared.length).toBeGreaterThan(0);
    expect(picked.keywordCount).toBe(db.n);
  });

  it('drops deleted rows at its count check, and reuses their slots', async () => {
    const eager = await createCandidateIndex(t.service.database, 2 ** 30, undefined, { sweepIntervalMs: 0 });
    try {
      const all = async () =>
        idsOf(await eager.narrow(mentorsTable, () => true, narrowing({ exactLimit: 1000, k: 0 })))!;
      const doomed = await mentor({ name: '将删除二', bio: 'Ephemeralwordx coach' });
      expect(await all()).toContain(doomed);
      const rows = (await all()).length;
      await t.db.delete(mentorsTable).where(eq(mentorsTable.id, doomed)); // outside the API: NOTIFY marks the table
      await eventually(async () => !(await all()).includes(doomed));
      expect(eager.stats().rows).toBe(rows - 1);
      const next = await mentor({ name: '新来的', bio: 'Ephemeralwordx coach' }); // takes the freed slot
      expect(await byWords(eager, ['ephemeralwordx'])).toEqual([next]);
      expect(eager.stats().rows).toBe(rows);
    } finally {
      await eager.close();
    }
  });

  it('steps aside beyond its memory budget, and the SQL path answers the same', async () => {
    const tiny = await createCandidateIndex(t.service.database, 1);
    try {
      expect(await byWords(tiny, ['淘宝'])).toBeNull();
      expect(tiny.stats().rows).toBe(0);
      const source = (await loadProjectSource(ctx(), projectId))!;
      const viaSql = await runRecipe(ctx(), projectMentors, source, { ...opts, exactLimit: 5, retrieveK: 50 });
      const viaTiny = await runRecipe(ctx(tiny), projectMentors, source, { ...opts, exactLimit: 5, retrieveK: 50 });
      expect(viaTiny.items).toEqual(viaSql.items);
    } finally {
      await tiny.close();
    }
    // Past the estimate made from the row count, but not past the arrays as allocated: dropped after loading.
    const small = await createCandidateIndex(t.service.database, 100_000);
    try {
      expect(await byWords(small, ['淘宝'])).toBeNull();
      expect(small.stats().rows).toBe(0);
    } finally {
      await small.close();
    }
    // Within the budget but not within its share of the JS heap: left to SQL too, not loaded to crash the process.
    const smallHeap = await createCandidateIndex(t.service.database, 2 ** 30, undefined, { heapLimitBytes: 10_000 });
    try {
      expect(await byWords(smallHeap, ['淘宝'])).toBeNull();
      expect(smallHeap.stats().rows).toBe(0);
    } finally {
      await smallHeap.close();
    }
    expect(await createCandidateIndex(t.service.database, 0)).toBe(noCandidateIndex);
  });

  it('warms the tables it is given that are larger than the threshold, ahead of their first call', async () => {
    const fresh = await createCandidateIndex(t.service.database, 2 ** 30);
    try {
      const [{ n }] = await t.db.select({ n: sql<number>`count(*)::int` }).from(mentorsTable);
      const warming = fresh.warm(
        [mentorsTable, investorsTable],
        t.service.embedder.id,
        t.service.embedder.dimensions,
        20,
      ); // no investors: not loaded
      expect(fresh.stats().warming).toBe(true);
      await warming;
      expect(fresh.stats()).toMatchObject({ tables: 1, rows: Number(n), loaded: Number(n), warming: false });
      await fresh.warm([mentorsTable], t.service.embedder.id, t.service.embedder.dimensions, Number(n)); // not above the threshold: nothing read again
      expect(fresh.stats().loaded).toBe(Number(n));
    } finally {
      await fresh.close();
    }
  });

  it('is configured by MATCH_INDEX_MAX_MB (default a quarter of memory, at least 1 GiB; 0 = off) and rejects bad values', () => {
    expect(loadConfig({}).MATCH_INDEX_MAX_MB).toBe(Math.max(1024, Math.floor(totalmem() / 2 ** 20 / 4)));
    expect(loadConfig({}).MATCH_INDEX_MAX_MB).toBeGreaterThanOrEqual(1024);
    expect(loadConfig({ MATCH_INDEX_MAX_MB: '4096' }).MATCH_INDEX_MAX_MB).toBe(4096);
    expect(loadConfig({ MATCH_INDEX_MAX_MB: '0' }).MATCH_INDEX_MAX_MB).toBe(0);
    for (const bad of ['-1', 'lots'])
      expect(() => loadConfig({ MATCH_INDEX_MAX_MB: bad })).toThrow(/MATCH_INDEX_MAX_MB/);
  });

  it('shows in GET /v1/status', async () => {
    const res = await t.request('GET', '/v1/status');
    expect(res.status, res.text).toBe(200);
    expect(res.body.candidateIndex.tables).toBeGreaterThan(0);
    expect(res.body.candidateIndex.rows).toBeGreaterThan(0);
    expect(res.body.candidateIndex.bytes).toBeGreaterThan(0);
    expect(res.body.candidateIndex.warming).toBe(false); // tables this small are not warmed: loaded on their first call
  });
});
