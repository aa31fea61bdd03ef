// Two parts of the hybrid path that read the database: candidates compared with the source in SQL
// (profileQuery's `against`: similarity, shared keywords, keyword count) must give what the same
// comparison gives in TypeScript on full profiles; and the keyword channel's word shares must be the
// real share of rows holding each word (from ANALYZE's statistics), and its rank the lexical feature's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTableName, sql } from 'drizzle-orm';
import { mentorsTable, projectsTable } from '../../models/schema.ts';
import { resultRows } from '../../src/db/errors.ts';
import { cosine } from '../../src/matching/features.ts';
import { keywordIds, keywordRank } from '../../src/matching/engine.ts';
import { profileQuery, toProfile } from '../../src/matching/profile.ts';
import {
  loadTermShares,
  MAX_QUERY_TERMS,
  MAX_TERM_SHARE,
  queryTerms,
  termShares,
} from '../../src/matching/term-stats.ts';
import { generate } from '../../bench/gen.ts';
import { drainBacklog } from '../../jobs/embeddings/backlog.ts';
import { startTestApp, type TestApp } from '../harness.ts';

describe('pair columns and keyword shares', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await generate(t.db, {
      projects: 40,
      founders: 40,
      mentors: 300,
      investors: 5,
      trainings: 5,
      services: 5,
      centers: 2,
      seed: 11,
      batchSize: 100,
    });
    await drainBacklog(t.db, t.service.embedder, { batchSize: 64, indexMinRows: 0 });
  }, 120_000);
  afterAll(() => t?.close());

  it('similarity, shared keywords and keyword count computed in SQL equal the TypeScript comparison', async () => {
    const model = t.service.embedder.id;
    const [p] = await profileQuery(t.db, projectsTable, 'project', model)(undefined, 1);
    const source = toProfile(p, {});
    expect(source.vector).not.toBeNull();
    const full = (await profileQuery(t.db, mentorsTable, 'mentor', model)(undefined)).map((r) => toProfile(r, {}));
    const paired = new Map(
      (await profileQuery(t.db, mentorsTable, 'mentor', model, {}, source)(undefined)).map((r) => [
        r.id,
        toProfile(r, {}),
      ]),
    );
    expect(paired.size).toBe(300);
    let sharing = 0;
    for (const c of full) {
      const pc = paired.get(c.row.id)!;
      expect(pc.vector).toBeNull();
      expect(pc.pair!.similarity!).toBeCloseTo(cosine(source.vector!, c.vector!), 5);
      expect(pc.pair!.lexemeCount).toBe(c.lexemes.size);
      expect([...pc.pair!.shared].sort()).toEqual([...source.lexemes].filter((w) => c.lexemes.has(w)).sort());
      if (pc.pair!.shared.size) sharing++;
    }
    expect(sharing, 'some mentors share words with the project').toBeGreaterThan(10);
  });

  it('a source without a vector gets no similarity, and one with quotes or backslashes in its words still queries', async () => {
    const model = t.service.embedder.id;
    const [p] = await profileQuery(t.db, projectsTable, 'project', model)(undefined, 1);
    const source = {
      ...toProfile(p, {}),
      vector: null,
      lexemes: new Set(['a"b', 'c\\d', "e'f", ...toProfile(p, {}).lexemes]),
    };
    const rows = (await profileQuery(t.db, mentorsTable, 'mentor', model, {}, source)(undefined)).map((r) =>
      toProfile(r, {}),
    );
    expect(rows.every((r) => r.pair!.similarity === null)).toBe(true);
  });

  it('the keyword channel ranks by the lexical feature: shared words over √(keyword count), as TypeScript computes them', async () => {
    const model = t.service.embedder.id;
    const [p] = await profileQuery(t.db, projectsTable, 'project', model)(undefined, 1);
    const words = [...toProfile(p, {}).lexemes];
    const full = (await profileQuery(t.db, mentorsTable, 'mentor', model)(undefined)).map((r) => toProfile(r, {}));
    const expected = new Map(
      full.map((c) => [
        c.row.id as string,
        words.filter((w) => c.lexemes.has(w)).length / Math.sqrt(Math.max(1, c.lexemes.size)),
      ]),
    );
    const m = mentorsTable;
    const got = await t.db.select({ id: m.id, r: keywordRank(m, words)! }).from(m);
    expect(got.length).toBe(300);
    for (const g of got) expect(Number(g.r)).toBeCloseTo(expected.get(g.id)!, 9);
    // the channel returns the k best of them, among the rows sharing a word
    const k = 20;
    const ids = (await keywordIds(t.db, m, undefined, words, k)!).map((r) => r.id);
    const best = [...expected.values()].sort((a, b) => b - a);
    expect(best[k - 1], 'enough mentors share words for the test to mean something').toBeGreaterThan(0);
    expect(ids.map((id) => expected.get(id)!).sort((a, b) => b - a)).toEqual(best.slice(0, k));
    // words with tsquery syntax in them still query; no words, no channel
    expect(await keywordIds(t.db, m, undefined, ["it's", 'a\\b', ...words], k)!).toHaveLength(k);
    expect(keywordIds(t.db, m, undefined, ["'", ''], k)).toBeNull();
    expect(keywordRank(m, [])).toBeNull();
  });

  it('word shares are the share of rows holding each word once the table is analyzed', async () => {
    await t.db.execute(sql`analyze mentors`);
    const shares = await loadTermShares(t.db, getTableName(mentorsTable));
    const top = [...shares.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5);
    expect(top.length).toBe(5);
    for (const [word, share] of top) {
      const [{ n }] = resultRows<{ n: number }>(
        await t.db.execute(
          sql`select count(*)::int as n from mentors where keywords @@ to_tsquery('simple', ${`'${word.replace(/'/g, "''")}'`})`,
        ),
      );
      // 300 rows are all sampled: the statistic is the exact share
      expect(share).toBeCloseTo(n / 300, 2);
    }
    // the cached reader returns the same once it reads after the ANALYZE
    expect((await termShares(t.db, mentorsTable)).size).toBeGreaterThan(0);
  });

  it('query words: the common ones left out, the rarest first, at most MAX_QUERY_TERMS', () => {
    const share = new Map([
      ['common', MAX_TERM_SHARE + 0.1],
      ['mid', 0.1],
      ['edge', MAX_TERM_SHARE],
      ['low', 0.01],
    ]);
    expect(queryTerms(['common', 'mid', 'unknown', 'edge', 'low'], share)).toEqual(['unknown', 'low', 'mid', 'edge']);
    const many = Array.from({ length: MAX_QUERY_TERMS + 10 }, (_, i) => `w${String(i).padStart(3, '0')}`);
    expect(queryTerms(many, new Map())).toEqual(many.slice(0, MAX_QUERY_TERMS));
    expect(queryTerms([], share)).toEqual([]);
  });
});
