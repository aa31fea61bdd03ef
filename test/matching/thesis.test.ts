// A funder's thesis read from its prose (src/matching/thesis): focus, exclusions, preconditions and
// uses of money, checked against a project's facts, and the features the funder journeys rank with.
import { describe, expect, it } from 'vitest';
import { investorProjects } from '../../src/matching/recipes/investor-projects.ts';
import { projectInvestors } from '../../src/matching/recipes/project-investors.ts';
import { fitThesis, fitUses, readProject, readThesis, sectorFocus } from '../../src/matching/thesis/index.ts';
import { readNumber } from '../../src/matching/thesis/read.ts';
import type { Profile, ProjectSource } from '../../src/matching/types.ts';

const TIBETAN = /[\u0F40-\u0FBC]/u;

function profile(row: Record<string, any>, extra: Partial<ProjectSource> = {}): ProjectSource {
  return {
    row: { id: row.id ?? 'x', ...row },
    vector: null,
    lexemes: new Set(),
    topics: {},
    sectors: row.sector ? { [row.sector]: 1 } : {},
    inferredTopics: [],
    inferredSectors: [],
    founders: [],
    introduced: new Set(),
    enrolledTrainings: new Set(),
    today: '2026-01-01',
    ...extra,
  };
}
const project = (description: string, stage = 'early_revenue', groups: string[] = []) =>
  profile(
    { id: 'p', title: '', description, stage, sector: 'modern_services', founderGroups: groups },
    { founders: [{ id: 'f', groups }] },
  );
const investor = (thesis: string, kind = 'vc', sectors: string[] = []) =>
  profile({ id: 'i', name: 'fund', thesis, kind, sectors, stages: [], regionCodes: [] });

const feature = (recipe: { features: { id: string; compute: (s: any, c: any) => any }[] }, id: string) =>
  recipe.features.find((f) => f.id === id)!;

describe('reading a thesis', () => {
  it('reads "only", exclusions and preferences in Chinese', () => {
    const t = readThesis('我们只投软件和人工智能团队。不投餐饮、养殖和线下门店。优先考虑女性创业者。');
    expect([...t.business.only]).toContain('software');
    expect([...t.business.exclude].sort()).toEqual(['catering', 'livestock', 'store']);
    expect([...t.groups.prefer]).toEqual(['women']);
  });

  it('reads them in English, a clause inheriting the cue before it', () => {
    const t = readThesis('We back ventures run by women and herders. No alcohol, no tobacco, no mining.');
    expect([...t.groups.prefer].sort()).toEqual(['herder', 'women']);
    expect([...t.business.exclude].sort()).toEqual(['alcohol', 'mining', 'tobacco']);
  });

  it('reads preconditions and tells a waiver from a requirement', () => {
    const strict = readThesis('需要以房产抵押，企业成立满两年且有连续纳税记录，上一年营业收入一千万元以上。');
    expect(strict.requires).toMatchObject({ collateral: true, years: 2, licence: true, revenueCny: 10_000_000 });
    const lenient = readThesis('纯信用贷款，不需要抵押和担保，还没开业的也可以先申请。');
    expect(lenient.requires.collateral).toBe(false);
    expect(lenient.waives).toEqual({ collateral: true, licence: true });
    expect(lenient.requires.licence).toBe(false);
    expect(readThesis('以已授权的发明专利质押贷款').requires.ip).toBe(true);
  });

  it('reads what the money may and may not be used for', () => {
    const t = readThesis('资金只能用于研发和技术合作，不能用于购买生产设备或日常周转。');
    expect(t.uses.only).toBe(true);
    expect([...t.uses.allowed]).toEqual(['rnd']);
    expect([...t.uses.excluded].sort()).toEqual(['equipment', 'working_capital']);
    // Debt that calls itself 融资 is not equity.
    expect([...readThesis('以应收账款为依据的供应链融资').instruments]).not.toContain('equity');
  });

  it('reads nothing from an empty or unrelated text', () => {
    for (const text of ['', '   ', '支持优秀的创新创业项目，助力高质量发展。', '%%%###']) {
      const t = readThesis(text);
      expect(Object.values(t.business).every((s) => s.size === 0)).toBe(true);
      expect(Object.values(t.requires).filter(Boolean)).toEqual([]);
    }
  });
});

describe('reading a project', () => {
  it('reads years of operation in Chinese and English', () => {
    expect(readProject('已经营业四个月，每天卖三百元', 'early_revenue', []).years).toBeCloseTo(4 / 12);
    expect(readProject('汽修店开了一年半', 'early_revenue', []).years).toBe(1.5);
    expect(readProject('公司成立五年，去年营收两千六百万', 'growth', []).years).toBe(5);
    expect(readProject('We have been running for three years', 'growth', []).years).toBe(3);
    expect(readProject('只有一个想法', 'idea', []).years).toBe(0);
    expect(readProject('做得很好', 'growth', []).years).toBeNull();
  });

  it('reads licence, collateral, revenue and IP facts, unknown when unsaid', () => {
    const p = readProject(
      '还没有生产许可，我们也没有房产可以抵押，去年卖了四十多万元。还没有申请专利。',
      'prototype',
      [],
    );
    expect(p).toMatchObject({ licence: false, collateral: false, revenueCny: 400_000, ip: false });
    expect(readProject('开了一家店', 'early_revenue', [])).toMatchObject({ licence: null, collateral: null, ip: null });
  });

  it('takes groups from the founders and the prose, and uses of money from the prose', () => {
    const p = readProject('十八位牧区妇女合作社，想买两台针刺机，还缺流动资金。', 'prototype', ['veteran']);
    expect([...p.groups].sort()).toEqual(['herder', 'veteran', 'women']);
    expect([...p.uses.keys()].sort()).toEqual(['equipment', 'working_capital']);
  });

  it('reads numbers written either way, NaN when unreadable', () => {
    expect(readNumber('两千六百万')).toBe(26_000_000);
    expect(readNumber('十几万')).toBe(150_000);
    expect(readNumber('300万')).toBe(3_000_000);
    expect(readNumber('three')).toBe(3);
    expect(readNumber('abc')).toBeNaN();
  });
});

describe('a thesis against a project', () => {
  it('names each violated constraint, and a satisfied "only" focus as evidence', () => {
    const t = readThesis('只投软件团队，不投餐饮。须已取得营业执照。');
    const cafe = readProject('早餐店，还没有营业执照。', 'idea', []);
    const f = fitThesis(t, cafe);
    expect(f.violations.map((v) => v.zh)).toEqual(['不投餐饮', '只投软件和数字技术', '须已取得营业执照并经营']);
    for (const v of f.violations) expect(v.bo).toMatch(TIBETAN);
    const app = readProject('藏文输入法软件，已有营业执照。', 'prototype', []);
    const g = fitThesis(t, app);
    expect(g.violations).toEqual([]);
    expect(g.evidence.map((e) => e.value)).toEqual([1, 1]);
  });

  it('does not count an unknown fact as a violation', () => {
    const t = readThesis('企业成立满三年，需要以房产抵押。');
    expect(fitThesis(t, readProject('做牦牛肉干。', 'growth', [])).violations).toEqual([]);
    expect(fitThesis(t, readProject('合作社运营一年，没有房产可以抵押。', 'growth', [])).violations.length).toBe(2);
  });

  it('grades what the money is for against the instruments offered (partial credit)', () => {
    const both = readProject('想买一台灌装机，也要补充流动资金。', 'prototype', []);
    const lease = fitUses(readThesis('以融资租赁方式帮企业购置生产设备。'), 'soe_fund', both)!;
    const loan = fitUses(readThesis('小微企业贷款，可用于购买设备和补充经营周转资金。'), 'bank', both)!;
    const rnd = fitUses(readThesis('研发补助，不能用于购买设备或日常周转。'), 'gov_fund', both)!;
    expect(loan.value).toBe(1);
    expect(lease.value).toBeGreaterThan(0.3);
    expect(lease.value).toBeLessThan(1);
    expect(rnd.value).toBe(0);
    expect(fitUses(readThesis('贷款'), 'bank', readProject('开了一家店', 'growth', []))).toBeNull();
  });
});

describe('the funder journeys', () => {
  const vc = investor('我们只投软件和数字技术团队。不投餐饮和线下门店。');
  const cafe = project('在拉萨开了一家甜茶馆，已经营业两年。');
  const app = project('做藏文输入法软件的团队，测试版有八千用户。', 'prototype');

  it('demote a violator (0, not applicable otherwise) and say why in zh, en and bo', () => {
    const rules = feature(projectInvestors, 'thesis_rules');
    expect(rules.compute(cafe, vc)?.value).toBe(0);
    expect(rules.compute(app, vc)).toBeNull();
    const [note] = projectInvestors.notes!(cafe, vc);
    expect(note.zh).toMatch(/^不符合投资方条件：/);
    expect(note.en).toMatch(/^Excluded by the thesis: /);
    expect(note.bo).toMatch(TIBETAN);
    expect(projectInvestors.notes!(app, vc)).toEqual([]);
  });

  it('give the same thesis values in both directions', () => {
    const candidate = { ...app, row: { ...app.row, founderGroups: [] } };
    for (const id of ['thesis_rules', 'thesis', 'purpose', 'sector']) {
      const a = feature(projectInvestors, id).compute(app, vc)?.value;
      const b = feature(investorProjects, id).compute(vc, candidate)?.value;
      expect(b, id).toEqual(a);
    }
  });

  it('never list evidence against the project as a reason for it: a caution in zh, en and bo', () => {
    const thesis = feature(projectInvestors, 'thesis');
    const focused = investor('我们重点关注软件和数字技术团队，优先支持高校毕业生创业。');
    // Neither the focus (0.4) nor the target group (0.5): the reason is a caution only.
    const against = thesis.compute(cafe, focused)!;
    expect(against.value).toBeLessThan(0.5);
    expect(against.detail()).toEqual({
      zh: '注意：投资方向不同',
      en: 'Caution: Different focus',
      bo: 'གཟབ་དགོས: མ་འཇོག་ཁ་ཕྱོགས་མི་འདྲ',
    });
    // The target group fits: named first, the different focus after it as a caution.
    const graduates = project('在拉萨开了一家甜茶馆，已经营业两年。', 'early_revenue', ['graduate']);
    const mixed = thesis.compute(graduates, focused)!.detail();
    expect(mixed.zh).toMatch(/^面向的群体相符：[^；]+；注意：投资方向不同$/);
    expect(mixed.en).toMatch(/^Target group fits: [^;]+; Caution: Different focus$/);
    expect(mixed.bo).toMatch(TIBETAN);
    expect(mixed.en).not.toMatch(/Not the target group/);
  });

  it('never rank an open sector list below a broad one, and normalise a long list', () => {
    const fit = sectorFocus(
      (s: Profile) => s.sectors,
      (_s, c) => c,
    );
    const all = [
      'plateau_biology',
      'culture_tourism',
      'green_industry',
      'clean_energy',
      'modern_services',
      'digital_tech',
      'border_trade_logistics',
      'other',
    ];
    const open = fit.compute(cafe, investor('', 'vc', []))!.value;
    const broad = fit.compute(cafe, investor('', 'vc', all))!.value;
    const narrow = fit.compute(cafe, investor('', 'vc', ['modern_services']))!.value;
    expect(open).toBeGreaterThanOrEqual(broad);
    expect(narrow).toBeGreaterThan(broad);
    expect(fit.compute(cafe, investor('', 'vc', ['digital_tech']))!.value).toBe(0);
  });
});
