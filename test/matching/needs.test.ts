// Needs read from the prose (src/matching/needs.ts, issue 23 classes 1, 2, 4): ticks as a prior, central
// mentions, Tibetan phrases, breadth normalisation, skill × domain and needs that do not depend on the sector.
import { describe, expect, it } from 'vitest';
import { topicLexicon } from '../../seeds/lexicon/topics.ts';
import { sectorFit, topicCoverage } from '../../src/matching/features.ts';
import { inferSectors, inferTopics } from '../../src/matching/infer.ts';
import {
  DOMAIN_FLOOR,
  domainFit,
  FOCUS,
  PRIOR_WEIGHT,
  PROSE_WEIGHT,
  sectorIndependence,
  sectorsIn,
  topicWeights,
} from '../../src/matching/needs.ts';
import { inferredNotes } from '../../src/matching/recipes/notes.ts';
import { say } from '../../src/matching/text.ts';
import type { Profile } from '../../src/matching/types.ts';

/** A profile as profile.ts builds it: topic weights from its ticks and prose, sectors from its ticks. */
const profile = (ticks: string[], prose: string, sectors: Record<string, number> = {}): Profile => {
  const inferredTopics = inferTopics(prose);
  return {
    row: { id: prose.slice(0, 8) },
    vector: null,
    lexemes: new Set(),
    topics: topicWeights(ticks, inferredTopics),
    sectors,
    inferredTopics,
    inferredSectors: inferSectors(prose),
  };
};

describe('topicWeights: the prose decides, a tick is a prior', () => {
  const lease = '房东要跟我签三年的租赁合同，合同条款我看不懂；店名也怕被别人抢注。';

  it('needs written about outweigh a tick the prose does not support', () => {
    const w = topicWeights(['marketing'], inferTopics(lease));
    expect(w.marketing).toBe(PRIOR_WEIGHT);
    expect(w.legal).toBeGreaterThan(w.marketing);
    expect(w.ip).toBeGreaterThan(0);
    for (const v of Object.values(w)) expect(v).toBeLessThanOrEqual(1);
  });

  it('a tick the prose supports weighs 1; an inferred topic never reaches it', () => {
    const w = topicWeights(['legal'], inferTopics(lease));
    expect(w.legal).toBe(1);
    expect(w.ip).toBeLessThanOrEqual(PROSE_WEIGHT);
  });

  it('ticks count in full when the prose says nothing the lexicon reads', () => {
    expect(topicWeights(['marketing', 'loans'], inferTopics('我们是一家小店。'))).toEqual({ marketing: 1, loans: 1 });
    expect(topicWeights(['marketing'], [])).toEqual({ marketing: 1 });
  });

  it('a stronger or more central mention weighs more than a mention in passing', () => {
    const weak = topicWeights([], [{ topic: 'ecommerce', score: 0.64 }]).ecommerce;
    const strong = topicWeights([], [{ topic: 'ecommerce', score: 0.9 }]).ecommerce;
    expect(weak).toBeGreaterThan(0);
    expect(strong).toBeGreaterThan(weak);
    expect(strong).toBeLessThanOrEqual(PROSE_WEIGHT);
  });

  it('a candidate ticking every topic offers each less than a focused one', () => {
    const every = Object.keys(topicLexicon);
    expect(every.length).toBeGreaterThan(FOCUS);
    const all = topicWeights(every, []);
    const focused = topicWeights(['finance_tax', 'registration'], []);
    expect(all.finance_tax).toBeLessThan(focused.finance_tax);
    expect(all.finance_tax).toBeCloseTo(Math.sqrt(FOCUS / every.length), 2);
  });

  it('bad input: duplicates, zero, negative and NaN scores', () => {
    expect(topicWeights([], [])).toEqual({});
    expect(topicWeights(['ip', 'ip'], [])).toEqual({ ip: 1 });
    expect(
      topicWeights(
        [],
        [
          { topic: 'ip', score: 0 },
          { topic: 'legal', score: -1 },
          { topic: 'loans', score: Number.NaN },
        ],
      ),
    ).toEqual({});
    // A score above 1 (a hand-written row) is capped.
    expect(topicWeights([], [{ topic: 'ip', score: 5 }]).ip).toBe(PROSE_WEIGHT);
  });
});

describe('centrality and the lexicon', () => {
  const scoreOf = (text: string, topic: string) => inferTopics(text).find((t) => t.topic === topic)?.score ?? 0;

  it('a need stated as such, or in the title, scores above the same phrase in passing', () => {
    const passing = scoreOf('去年也做过一点电商，今年主要在店里卖。', 'ecommerce');
    expect(passing).toBeGreaterThan(0);
    expect(scoreOf('不知道怎么做电商，今年主要在店里卖。', 'ecommerce')).toBeGreaterThan(passing);
    expect(scoreOf('电商起步\n去年也做过一点，今年主要在店里卖。', 'ecommerce')).toBeGreaterThan(passing);
    expect(scoreOf('We need bookkeeping help.', 'finance_tax')).toBeGreaterThan(
      scoreOf('Bookkeeping was done.', 'finance_tax'),
    );
  });

  it('a cue does not turn a weak, ambiguous word into a need', () => {
    expect(scoreOf('想规划一下', 'project_planning')).toBe(0);
  });

  it('paraphrases of legal, IP and registration needs', () => {
    const topics = (t: string) => inferTopics(t).map((x) => x.topic);
    expect(topics('房东的租赁合同看不懂')).toContain('legal');
    expect(topics('客户一直不付尾款，钱要不回来')).toContain('legal');
    expect(topics('店名怕被人抢注')).toContain('ip');
    expect(topics('想知道要不要注册成公司')).toContain('registration');
    expect(topics('没人知道我们的产品')).toContain('marketing');
  });

  it('Tibetan phrases: publicity online, loans, trademarks', () => {
    const topics = (t: string) => inferTopics(t).map((x) => x.topic);
    expect(topics('དྲ་ཐོག་ནས་ཁྱབ་བསྒྲགས་བྱེད་ཐབས་མི་ཤེས།')).toContain('marketing');
    expect(topics('ང་ཚོར་བུ་ལོན་དགོས།')).toContain('loans');
    expect(topics('ཚོང་རྟགས་ཐོ་འགོད་བྱེད་དགོས།')).toContain('ip');
  });

  it('every Tibetan phrase of the lexicon is Tibetan script', () => {
    let n = 0;
    for (const entry of Object.values(topicLexicon))
      for (const { phrase } of entry.tibetan ?? []) {
        n++;
        expect(phrase).toMatch(/^[\u0F00-\u0FFF]+$/);
      }
    expect(n).toBeGreaterThan(10);
  });
});

describe('sector-independent needs and skill × domain', () => {
  it('the share of needs that do not depend on the industry', () => {
    expect(sectorIndependence({ finance_tax: 1, legal: 0.5 })).toBe(1);
    expect(sectorIndependence({ marketing: 1 })).toBe(0);
    expect(sectorIndependence({ marketing: 1, ip: 1 })).toBe(0.5);
    expect(sectorIndependence({})).toBe(0);
  });

  it('domainFit: a generalist or a same-sector candidate in full, another sector at the floor', () => {
    const dairy = { plateau_biology: 1 };
    expect(domainFit(dairy, {})).toBe(1);
    expect(domainFit(dairy, { plateau_biology: 1 })).toBe(1);
    expect(domainFit(dairy, { culture_tourism: 1 })).toBe(DOMAIN_FLOOR);
    // A sector barely hinted at in the prose is not one the candidate works in.
    expect(domainFit(dairy, { culture_tourism: 0.3 })).toBe(1);
    expect(domainFit({}, { culture_tourism: 1 })).toBe(1);
    expect(sectorsIn({ culture_tourism: 1, plateau_biology: 0.6, green_industry: 0.3 })).toEqual([
      'culture_tourism',
      'plateau_biology',
    ]);
  });

  const what = say('需求', 'Needs', 'དགོས་མཁོ');
  const coverage = topicCoverage(
    (s) => s.topics,
    (c) => c.topics,
    what,
    { source: (s) => s.sectors, candidate: (c) => c.sectors },
  );
  const dairy = profile(['marketing'], '牦牛酸奶想打开知名度，也要找人做账报税。', { plateau_biology: 1 });

  it('marketing for a dairy: a dairy marketer above a tourism marketer; tax help alike from both', () => {
    const dairyMarketer = profile(['marketing'], '', { plateau_biology: 1 });
    const tourismMarketer = profile(['marketing'], '', { culture_tourism: 1 });
    expect(coverage.compute(dairy, dairyMarketer)!.value).toBeGreaterThan(
      coverage.compute(dairy, tourismMarketer)!.value,
    );
    const dairyAccountant = profile(['finance_tax'], '', { plateau_biology: 1 });
    const tourismAccountant = profile(['finance_tax'], '', { culture_tourism: 1 });
    expect(coverage.compute(dairy, dairyAccountant)!.value).toBe(coverage.compute(dairy, tourismAccountant)!.value);
  });

  it('sectorFit: for a tax need a specialist without a sector tag is not ranked below a same-sector one', () => {
    const fit = sectorFit(
      (s) => s.sectors,
      (c) => sectorsIn(c.sectors),
      0.3,
      (s) => sectorIndependence(s.topics),
    );
    const tax = profile([], '不知道怎么报税，发票也不会开。', { modern_services: 1 });
    const specialist = profile(['finance_tax'], '', {});
    const sameSector = profile(['marketing'], '', { modern_services: 1 });
    expect(fit.compute(tax, specialist)!.value).toBe(fit.compute(tax, sameSector)!.value);
    expect(fit.compute(tax, specialist)!.detail().en).toMatch(/same in every sector/);
    // A need that depends on the industry keeps the old sector preference.
    const shop = profile([], '想打开知名度，找不到客户。', { modern_services: 1 });
    expect(fit.compute(shop, sameSector)!.value).toBeGreaterThan(fit.compute(shop, specialist)!.value);
  });
});

describe('the note: needs from the description', () => {
  it('names the needs written about but not ticked that the candidate offers, the most central first', () => {
    const s = profile(['marketing'], '房东的租赁合同条款看不懂，不知道怎么报税。店名也怕被抢注。');
    const c = profile(['legal', 'ip', 'finance_tax', 'marketing'], '');
    const [note] = inferredNotes(s, c, ['marketing']);
    expect(note.zh).toMatch(/^描述中的需求：/);
    expect(note.en).toMatch(/^Needs from the description: /);
    expect(note.bo).toMatch(/^འགྲེལ་བཤད་ནང་གི་དགོས་མཁོ: /);
    expect(note.zh).toContain('租赁合同'); // quoted as written
    const order = ['legal', 'finance_tax', 'ip'].sort((a, b) => s.topics[b] - s.topics[a]);
    const labels = { legal: 'Legal', finance_tax: 'tax', ip: 'ntellectual' } as Record<string, string>;
    const at = order.map((t) => note.en.indexOf(labels[t]));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // A candidate offering none of them gets no note.
    expect(inferredNotes(s, profile(['marketing'], ''), ['marketing'])).toEqual([]);
  });
});

describe('Tibetan exclusions', () => {
  it('a trademark registration (ཚོང་རྟགས་ཐོ་འགོད) is IP, not company registration', () => {
    // threshold 0 reports every value with a counted match: the excluded one has none.
    const topics = inferTopics('ཚོང་རྟགས་ཐོ་འགོད་བྱེད་དགོས།', { threshold: 0 }).map((t) => t.topic);
    expect(topics).toContain('ip');
    expect(topics).not.toContain('registration');
    expect(inferTopics('ཁེ་ལས་ཀྱི་ཐོ་འགོད།', { threshold: 0 }).map((t) => t.topic)).toContain('registration');
  });
});
