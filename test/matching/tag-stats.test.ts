// Tags most candidates carry count less (issue 23, class 2; src/matching/tag-stats.ts): a tag's share
// of a candidate table's rows, read from the table, and the discount the topic features apply.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectTrainings } from '../../src/matching/recipes/project-trainings.ts';
import { loadTagShares, MIN_TAG_ROWS, tagDiscount } from '../../src/matching/tag-stats.ts';
import { offerCoverage } from '../../src/matching/offer-map.ts';
import { say } from '../../src/matching/text.ts';
import type { Profile, TagShares } from '../../src/matching/types.ts';
import { ADMIN_KEY, startTestApp, type TestApp } from '../harness.ts';
import { profile } from './profiles.ts';

const withShares = (topics: Record<string, number>, tagShares?: TagShares): Profile => ({
  ...profile({ id: 'x' }, topics),
  ...(tagShares && { tagShares }),
});

describe('tagDiscount', () => {
  const shares: TagShares = { topics: { marketing: 0.9, legal: 0.1 }, sectors: {} };
  it('counts a tag by the share of the table that does not carry it; 1 without shares or for an unseen tag', () => {
    const s = withShares({}, shares);
    expect(tagDiscount(s, 'topics', 'marketing')).toBeCloseTo(0.1);
    expect(tagDiscount(s, 'topics', 'legal')).toBeCloseTo(0.9);
    expect(tagDiscount(s, 'topics', 'ip')).toBe(1);
    expect(tagDiscount(withShares({}), 'topics', 'marketing')).toBe(1);
    expect(tagDiscount(withShares({}, { topics: { marketing: 1.2 }, sectors: {} }), 'topics', 'marketing')).toBe(0);
  });

  it('a candidate offering what most candidates offer covers a need less than one offering a rarer topic', () => {
    const feature = offerCoverage(
      (s) => s.topics,
      (c) => c.topics,
      say('覆盖', 'Covers', 'ཁྱབ'),
    );
    const need = withShares({ marketing: 1, legal: 1 }, shares);
    const common = feature.compute(need, withShares({ marketing: 1 }))!.value;
    const rare = feature.compute(need, withShares({ legal: 1 }))!.value;
    expect(rare).toBeGreaterThan(common);
    // Without shares (a small table) both count alike.
    const plain = withShares({ marketing: 1, legal: 1 });
    expect(feature.compute(plain, withShares({ marketing: 1 }))!.value).toBe(
      feature.compute(plain, withShares({ legal: 1 }))!.value,
    );
  });
});

describe('loadTagShares', () => {
  let t: TestApp;
  const today = new Date().toISOString().slice(0, 10);
  const training = (title: string, topics: string[]) => ({
    title,
    description: '',
    provider: 'TS 培训基地',
    providerKind: 'training_base',
    topics,
    targetGroups: [],
    stages: [],
    regionCode: '540102',
    mode: 'online',
    seats: 10,
    startsOn: today,
    endsOn: today,
    languages: ['zh'],
  });
  const add = async (n: number, topics: string[]) => {
    for (let i = 0; i < n; i++) {
      const res = await t.request('POST', '/v1/trainings', {
        key: ADMIN_KEY,
        body: training(`TS ${topics} ${i}`, topics),
      });
      expect(res.status, res.text).toBe(201);
    }
  };

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('is null below MIN_TAG_ROWS rows, then the mean weight of each declared and inferred tag', async () => {
    await add(MIN_TAG_ROWS - 5, ['marketing']);
    expect(await loadTagShares(t.db, projectTrainings)).toBeNull();
    await add(5, ['legal', 'marketing']);
    await t.service.queue.drained();
    const shares = (await loadTagShares(t.db, projectTrainings))!;
    expect(shares.topics.marketing).toBeCloseTo(1);
    expect(shares.topics.legal).toBeCloseTo(5 / MIN_TAG_ROWS);
    expect(shares.topics.ip).toBeUndefined();
    for (const v of [...Object.values(shares.topics), ...Object.values(shares.sectors)]) {
      expect(v).toBeGreaterThan(0);
      expect(v).toBeLessThanOrEqual(1);
    }
  });
});
