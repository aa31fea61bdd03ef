// Every text the engine can show a coach exists in Tibetan: each rule of each recipe, and each feature's
// detail and each note for a spread of (source, candidate) pairs that walk the features' branches. The
// recipes and their features are read from src/matching/recipes (no hand list), so a new rule or
// feature without a Tibetan text fails here. Also: the fallback a reason takes when a text has no
// translation (Chinese, saying so with `lang`).
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { explain, type Scored } from '../../src/matching/engine.ts';
import * as recipes from '../../src/matching/recipes/index.ts';
import { list, say } from '../../src/matching/text.ts';
import type { Profile, ProjectSource, Recipe, Texts, TrainingSource } from '../../src/matching/types.ts';

const TIBETAN = /[\u0F40-\u0FBC]/u;
const CJK = /[\u3400-\u9fff]/u;
const all: Recipe<any>[] = [...recipes.RECIPES];

type Row = Record<string, any>;
/** A row with every field some recipe reads, in three flavours that take different branches. */
const rows: Record<string, Row> = {
  near: {
    id: 'a',
    languages: ['zh', 'bo'],
    regionCode: '540102',
    sector: 'culture_tourism',
    sectors: ['culture_tourism'],
    stage: 'idea',
    stages: ['idea'],
    needs: ['ecommerce', 'loans'],
    topics: ['ecommerce', 'loans'],
    expertise: ['ecommerce'],
    bio: '专门辅导第一次创业的人。',
    targetGroups: ['graduate', 'farmer_herder'],
    groups: ['graduate', 'farmer_herder'],
    founderGroups: ['graduate'],
    mode: 'onsite',
    remaining: 2,
    capacity: 3,
    decisions: { accepted: 2, declined: 1 },
    fundingNeedCny: 100_000,
    ticketMinCny: 50_000,
    ticketMaxCny: 2_000_000,
    kind: 'bank',
    regionCodes: ['540100'],
    category: 'ecommerce',
    centerId: 'c1',
    active: true,
    status: 'vetted',
    endsOn: '2999-12-31',
    seatsLeft: 4,
    // Prose the funder journeys read (src/matching/thesis): an "only" focus, a licence, uses of money.
    title: '唐卡画室',
    description: '唐卡画室，还没有营业执照，想买设备。',
    thesis: '只投文化创意和手工艺项目，须已取得营业执照，贷款可用于购买设备，免抵押。',
  },
  prefecture: {
    id: 'b',
    languages: ['bo'],
    regionCode: '540103',
    sector: 'green_industry',
    sectors: ['green_industry', 'clean_energy'],
    stage: 'growth',
    stages: ['growth', 'early_revenue'],
    needs: ['fundraising'],
    topics: ['fundraising', 'marketing'],
    expertise: ['marketing'],
    bio: 'I help growing companies scale up.',
    targetGroups: ['veteran'],
    groups: ['veteran', 'ich_inheritor'],
    founderGroups: ['veteran'],
    mode: 'online',
    remaining: 1,
    capacity: 5,
    decisions: { accepted: 0, declined: 3 },
    fundingNeedCny: 10,
    ticketMinCny: 1_000,
    ticketMaxCny: 5_000,
    kind: 'vc',
    regionCodes: ['540000'],
    category: 'legal',
    centerId: 'c2',
    active: true,
    status: 'vetted',
    endsOn: '2999-12-31',
    seatsLeft: 1,
    title: 'Highland brewery',
    description: 'Women herders brewing barley beer; opened two years ago, we need working capital.',
    thesis: 'We back ventures run by women and herders. No alcohol. Requires 3 years of operation.',
  },
  far: {
    id: 'c',
    languages: ['en', 'zh'],
    regionCode: '542521',
    sector: 'other',
    sectors: [],
    stage: 'prototype',
    stages: [],
    needs: [],
    topics: [],
    expertise: [],
    targetGroups: [],
    groups: ['other'],
    founderGroups: ['other'],
    mode: 'enclave',
    remaining: 0,
    capacity: 2,
    decisions: { accepted: 0, declined: 0 },
    fundingNeedCny: null,
    ticketMinCny: 0,
    ticketMaxCny: 0,
    kind: 'soe_fund',
    regionCodes: [],
    category: 'seed_funding',
    centerId: null,
    active: true,
    status: 'vetted',
    endsOn: '2999-12-31',
    seatsLeft: 0,
    title: '',
    description: '',
    thesis: '',
  },
};

const weights = (list: string[]) => Object.fromEntries(list.map((x) => [x, 1]));
/** A profile of a row as the engine builds one (declared topics and sectors weigh 1), with what every source kind adds. */
function profile(row: Row, k: number): ProjectSource & TrainingSource {
  return {
    row,
    vector: k === 2 ? null : k === 0 ? [1, 0, 0] : [0.6, 0.8, 0],
    lexemes: new Set(k === 0 ? ['酥油', '拉萨', '微店'] : k === 1 ? ['酥油', '拉萨', '牦牛'] : ['旅游']),
    topics: { ...weights(row.topics), ...weights(row.needs), ...weights(row.expertise) },
    sectors: weights(row.sectors.length ? row.sectors : [row.sector]),
    inferredTopics: [
      { topic: 'marketing', score: 0.6, evidence: ['推广'] },
      { topic: 'ecommerce', score: 0.5, evidence: ['微店', '网店'] },
    ],
    inferredSectors: [],
    founders: [{ id: `f-${row.id}`, groups: row.groups }],
    introduced: new Set<string>(),
    enrolledTrainings: new Set<string>(),
    enrolledFounders: new Set<string>(),
    invitedFounders: new Set<string>(),
    today: '2025-01-01',
  };
}
const profiles = Object.values(rows).map(profile);
const pairs = profiles.flatMap((s) => profiles.map((c) => [s, c] as const));

function expectTibetan(t: Texts, what: string, { freeText = false } = {}) {
  expect(t.bo?.trim(), `${what}: a Tibetan text`).toBeTruthy();
  expect(t.bo, `${what}: Tibetan script in ${t.bo}`).toMatch(TIBETAN);
  expect(t.bo, `${what}: not the Chinese or English text`).not.toBe(t.zh);
  expect(t.bo).not.toBe(t.en);
  // Chinese inside a Tibetan text only where it quotes free text (keywords, evidence from the prose)
  if (!freeText) expect(t.bo, `${what}: no Chinese in ${t.bo}`).not.toMatch(CJK);
}

describe('Tibetan texts of every recipe', () => {
  it('has recipes with rules and features to check', () => {
    expect(all.length).toBe(6);
    for (const r of all) expect(r.rules.length * r.features.length, r.id).toBeGreaterThan(0);
  });

  it.each(all.map((r) => [r.id, r] as const))('%s: every rule has a Tibetan text', (_id, recipe) => {
    for (const rule of recipe.rules) expectTibetan(rule.text, `${recipe.id} rule ${rule.id}`);
  });

  it.each(all.map((r) => [r.id, r] as const))(
    '%s: every feature explains itself in Tibetan, on every branch the pairs reach',
    (_id, recipe) => {
      for (const feature of recipe.features) {
        const seen = new Map<string, Texts>();
        for (const [s, c] of pairs) {
          const v = feature.compute(s, c);
          if (v) seen.set(v.detail().zh, v.detail());
        }
        // each feature applies to at least one pair, and most show more than one sentence
        expect(seen.size, `${recipe.id} feature ${feature.id} computed for some pair`).toBeGreaterThan(0);
        for (const t of seen.values())
          expectTibetan(t, `${recipe.id} feature ${feature.id}`, { freeText: feature.id === 'lexical' });
      }
    },
  );

  it('the pairs reach several sentences of each shared feature (the spread is wide enough to mean something)', () => {
    const mentors = recipes.projectMentors;
    for (const id of ['semantic', 'lexical', 'topics', 'sector', 'region', 'language']) {
      const f = mentors.features.find((x) => x.id === id)!;
      const texts = new Set(pairs.map(([s, c]) => f.compute(s, c)?.detail().zh).filter(Boolean));
      expect(texts.size, id).toBeGreaterThan(1);
    }
  });

  it.each(all.filter((r) => r.notes).map((r) => [r.id, r] as const))(
    '%s: its notes (topics recognised in the prose) read in Tibetan, quoting the prose',
    (_id, recipe) => {
      let n = 0;
      for (const [s, c] of pairs)
        for (const note of recipe.notes!(s, c)) {
          n++;
          expectTibetan(note, `${recipe.id} note`, { freeText: true });
          // Needs or topics recognised in the prose, or why a funder's thesis excludes the project.
          expect(note.bo).toMatch(/^(?:འགྲེལ་བཤད་ནང་གི་དགོས་མཁོ|འགྲེལ་བཤད་ནང་ནས་ངོས་འཛིན་བྱས་པ|མ་འཇོག་པའི་ཆ་རྐྱེན་དང་མི་མཐུན): /);
        }
      expect(n, 'some pair has a note').toBeGreaterThan(0);
    },
  );

  it('explain in bo gives every reason in Tibetan with no `lang` (nothing fell back)', () => {
    for (const recipe of all)
      for (const [s, c] of pairs) {
        const contributions = recipe.features.flatMap((f) => {
          const v = f.compute(s, c);
          return v ? [{ id: f.id, weight: 1, value: Math.max(v.value, 0.01), detail: v.detail }] : [];
        });
        const reasons = explain(recipe, s, { profile: c, score: 0.5, contributions }, 'bo');
        for (const r of reasons) {
          expect(r.text, `${recipe.id} ${r.code}`).toMatch(TIBETAN);
          expect(r).not.toHaveProperty('lang');
        }
        expect(reasons.map((r) => r.code)).toContain('eligible');
      }
  });
});

describe('a text with no translation', () => {
  const source = profile(rows.near, 0);
  const recipe = {
    id: 'test.missing',
    rules: [
      { id: 'r1', text: say('规则一', 'Rule one', 'སྒྲིག་གཞི་དང་པོ'), where: () => sql`true`, check: () => true },
      { id: 'r2', text: say('规则二', 'Rule two', ''), where: () => sql`true`, check: () => true },
    ],
    features: [],
  } as unknown as Recipe<Profile>;
  const scored: Scored = {
    profile: profile(rows.near, 1),
    score: 0.5,
    contributions: [
      { id: 'translated', weight: 1, value: 0.9, detail: () => say('中文', 'English', 'བོད་ཡིག') },
      { id: 'untranslated', weight: 1, value: 0.8, detail: () => say('只有中文', 'Chinese only', ' ') },
    ],
  };

  it('reads in Chinese and says so (`lang: zh`), the rest stays Tibetan', () => {
    const reasons = explain(recipe, source, scored, 'bo');
    expect(reasons).toEqual([
      { code: 'translated', text: 'བོད་ཡིག' },
      { code: 'untranslated', text: '只有中文', lang: 'zh' },
      // one rule without Tibetan: the whole sentence of rules reads in Chinese
      { code: 'eligible', text: '符合硬性条件：规则一；规则二', lang: 'zh' },
    ]);
  });

  it('zh and en answers never carry `lang`', () => {
    for (const lang of ['zh', 'en'] as const)
      for (const r of explain(recipe, source, scored, lang)) expect(r).not.toHaveProperty('lang');
  });
});

describe('lists in Tibetan', () => {
  it('puts a shad between Tibetan words (none after ག or ཀ, a tsheg first after ང), commas between other words', () => {
    expect(list('bo', ['བོད་ཡིག', 'རྒྱ་ཡིག'])).toBe('བོད་ཡིག རྒྱ་ཡིག');
    expect(list('bo', ['ཁྲིན་ཀོན་ཆུས', 'ལྷུན་གྲུབ་རྫོང', 'ས་སྐྱ'])).toBe('ཁྲིན་ཀོན་ཆུས། ལྷུན་གྲུབ་རྫོང་། ས་སྐྱ');
    expect(list('bo', ['酥油', '微店'])).toBe('酥油, 微店');
    expect(list('bo', [])).toBe('');
    expect(list('zh', ['酥油', '微店'])).toBe('酥油、微店');
    expect(list('en', ['a', 'b'])).toBe('a, b');
  });
});
