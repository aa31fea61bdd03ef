import { eq, sql } from 'drizzle-orm';
import { investorsTable } from '../../../models/schema.ts';
import { lexical, semantic, stageFit } from '../features.ts';
import { type FunderPair, fundsUse, sectorFocus, thesisFocus, thesisNotes, thesisRules } from '../thesis/index.ts';
import {
  ANY,
  TRUE,
  coveringCodes,
  excludesRule,
  flag,
  keyedRule,
  listAllows,
  regionListCovers,
  restriction,
  rule,
} from '../rules.ts';
import { labelled, say } from '../text.ts';
import type { Feature, Profile, ProjectSource, Recipe, Rule } from '../types.ts';
import { introducedTo } from './project-mentors.ts';
import { decisionsSql, responsiveness } from '../feedback.ts';
import { isReviewed } from '../../lifecycle/reviewed.ts';
import { notExitedSource } from './not-exited.ts';

const i = investorsTable;

/** Rules shared by both directions (project→investors and investor→projects), over a project and an investor row. */
export function investorRules<S>(project: (s: S) => Record<string, any>): Rule<S>[] {
  return [
    rule(
      'vetted',
      '项目已通过审核（或已入驻、已毕业）',
      'Project is reviewed (vetted, incubating or graduated)',
      'རྣམ་གྲངས་ཞིབ་བཤེར་བྱས་ཏེ་ཆོག་མཆན་ཐོབ་ཟིན་པ',
      (s) => (isReviewed(project(s).status) ? null : sql`false`),
      (s) => isReviewed(project(s).status),
    ),
    keyedRule(
      'sector',
      '项目产业在投资方向内',
      "Sector within the investor's focus",
      'རྣམ་གྲངས་ཀྱི་ཐོན་ལས་མ་འཇོག་པའི་ཁ་ཕྱོགས་ཁྲོད་ཡོད་པ',
      (s) => listAllows(i.sectors, project(s).sector, 'sector'),
      { of: (r) => restriction(r.sectors), values: (s) => [project(s).sector, ANY] },
    ),
    keyedRule(
      'stage',
      '项目阶段在投资阶段内',
      "Stage within the investor's stages",
      'རྣམ་གྲངས་ཀྱི་བར་སྐབས་མ་འཇོག་པའི་བར་སྐབས་ཁྲོད་ཡོད་པ',
      (s) => listAllows(i.stages, project(s).stage, 'stage'),
      { of: (r) => restriction(r.stages), values: (s) => [project(s).stage, ANY] },
    ),
    rule(
      'ticket',
      '资金需求在投资额度内',
      'Funding need within the ticket range',
      'མ་དངུལ་གྱི་དགོས་མཁོ་མ་འཇོག་ཚད་ཁྲོད་ཡོད་པ',
      (s) =>
        project(s).fundingNeedCny == null
          ? null
          : sql`${i.ticketMinCny} <= ${project(s).fundingNeedCny} and ${i.ticketMaxCny} >= ${project(s).fundingNeedCny}`,
      (s, c) =>
        project(s).fundingNeedCny == null ||
        (c.row.ticketMinCny <= project(s).fundingNeedCny && project(s).fundingNeedCny <= c.row.ticketMaxCny),
    ),
    keyedRule(
      'region',
      '项目所在地在投资地域内',
      'Project region covered by the investor',
      'རྣམ་གྲངས་ཡོད་སའི་ས་གནས་མ་འཇོག་པའི་ས་ཁོངས་ཁྲོད་ཡོད་པ',
      (s) => regionListCovers(i.regionCodes, project(s).regionCode),
      { of: (r) => restriction(r.regionCodes), values: (s) => [...coveringCodes(project(s).regionCode), ANY] },
    ),
  ];
}

// toLocaleString(locale) builds a formatter per call (~0.03 ms): too slow for every candidate.
// Tibetan texts write Arabic digits grouped as in Chinese (the amounts a founder reads on forms).
const cny = { zh: new Intl.NumberFormat('zh-CN'), en: new Intl.NumberFormat('en') };

/** How well the need sits inside the ticket range (1 inside, lower towards the edges of a wide range). */
export const ticketFit = (
  need: (s: Profile, c: Profile) => number | null,
  range: (s: Profile, c: Profile) => [number, number],
): Feature<Profile> => ({
  id: 'ticket',
  compute(s, c) {
    const n = need(s, c);
    if (n == null) return null;
    const [lo, hi] = range(s, c);
    const inside = n >= lo && n <= hi;
    return {
      value: inside ? 1 : 0,
      detail: () =>
        say(
          `资金需求 ${cny.zh.format(n)} 元，投资额度 ${cny.zh.format(lo)}–${cny.zh.format(hi)} 元`,
          `Needs CNY ${cny.en.format(n)}, ticket CNY ${cny.en.format(lo)}–${cny.en.format(hi)}`,
          `མ་དངུལ་དགོས་མཁོ་སྒོར་ ${cny.zh.format(n)}། མ་འཇོག་ཚད་སྒོར་ ${cny.zh.format(lo)}–${cny.zh.format(hi)}`,
        ),
    };
  },
});

/** The kinds of money each kind of funder provides (1 = its business; 0.5 = sometimes, e.g. a bank loan as start-up capital). */
const PROVIDES: Record<string, Partial<Record<FundingTopic, number>>> = {
  bank: { loans: 1, seed_funding: 0.5 },
  guarantee: { loans: 1, seed_funding: 0.5 },
  inclusive_finance: { loans: 1, seed_funding: 0.5 },
  angel: { seed_funding: 1, fundraising: 1 },
  vc: { fundraising: 1, seed_funding: 0.5 },
  gov_fund: { seed_funding: 1, fundraising: 1 },
  soe_fund: { fundraising: 1 },
};
const FUNDING_TOPICS = ['loans', 'seed_funding', 'fundraising'] as const;
type FundingTopic = (typeof FUNDING_TOPICS)[number];

/**
 * The kind of money the project asks for (its declared or inferred needs among 金融贷款 / 启动资金 /
 * 企业投融资) against what the funder provides (its kind, and what its thesis says, e.g. a fund that
 * also lends 无息借款). A founder who needs a loan is better served by a lender than by a VC that happens
 * to accept the sector. Not applicable when the project names no kind of money.
 */
export const fundingFit = (
  project: (s: Profile, c: Profile) => Profile,
  investor: (s: Profile, c: Profile) => Profile,
): Feature<Profile> => ({
  id: 'funding',
  compute(s, c) {
    const p = project(s, c);
    const inv = investor(s, c);
    const need = FUNDING_TOPICS.filter((t) => (p.topics[t] ?? 0) > 0);
    if (!need.length) return null;
    let covered = 0;
    let total = 0;
    const hit: string[] = [];
    for (const t of need) {
      const w = p.topics[t];
      const offer = Math.max(PROVIDES[inv.row.kind]?.[t] ?? 0, inv.topics[t] ?? 0);
      total += w;
      covered += w * offer;
      if (offer >= 0.5) hit.push(t);
    }
    if (!hit.length)
      return {
        value: covered / total,
        detail: () =>
          labelled(
            'topic',
            need,
            (l) => `资金类型不符（需要${l}）`,
            (l) => `Different kind of money (needs ${l})`,
            (l) => `མ་དངུལ་གྱི་རིགས་མི་མཐུན (དགོས་མཁོ: ${l})`,
          ),
      };
    return {
      value: covered / total,
      detail: () =>
        labelled(
          'topic',
          hit,
          (l) => `资金类型相符：${l}`,
          (l) => `Kind of money fits: ${l}`,
          (l) => `མ་དངུལ་གྱི་རིགས་མཐུན་པ: ${l}`,
        ),
    };
  },
});

/** A region-specific investor fits a local project better than a region-wide one. */
export const regionFocus = (codes: (s: Profile, c: Profile) => string[]): Feature<Profile> => ({
  id: 'region',
  compute(s, c) {
    const list = codes(s, c);
    if (!list.length || list.includes('540000'))
      return { value: 0.5, detail: () => say('投资地域：全区', 'Invests region-wide', 'མ་འཇོག་ས་ཁོངས: ལྗོངས་ཡོངས') };
    return {
      value: 1,
      detail: () =>
        say(
          '投资地域聚焦项目所在地',
          'Invests specifically where the project is',
          'མ་འཇོག་ས་ཁོངས་རྣམ་གྲངས་ཡོད་སའི་ས་གནས་ལ་དམིགས་པ',
        ),
    };
  },
});

/** The project is the source (its founders' groups come with it), the investor the candidate. */
const PROJECT_SOURCE: FunderPair = {
  project: (s) => s,
  investor: (_s, c) => c,
  founderGroups: (s) => ((s as ProjectSource).founders ?? []).flatMap((f) => f.groups ?? []),
};

export const projectInvestors: Recipe<ProjectSource> = {
  id: 'project.investors',
  source: 'project',
  target: 'investors',
  candidateKind: 'investor',
  declared: { sectors: 'sectors' },
  candidateTable: i,
  computed: { decisions: decisionsSql('investor', i.id) },
  rules: [
    notExitedSource<ProjectSource>(),
    keyedRule('active', '投资方在投', 'Investor is active', 'མ་འཇོག་པ་མ་འཇོག་བྱེད་བཞིན་པ', () => eq(i.active, true), {
      of: (r) => flag(r.active),
      values: () => TRUE,
    }),
    ...investorRules<ProjectSource>((s) => s.row),
    excludesRule(
      'not_introduced',
      '未曾对接或被拒',
      'Not already introduced or declined',
      'སྔར་ངོ་སྤྲོད་བྱས་མྱོང་མེད་ཅིང་ཁས་མ་བླངས་པའང་མེད་པ',
      (s) => introducedTo(s.row.id, i.id),
      (s) => s.introduced,
    ),
  ],
  features: [
    semantic,
    lexical,
    sectorFocus(
      (s) => s.sectors,
      (_s, c) => c,
    ),
    stageFit(
      (s) => s.row.stage,
      (c) => c.row.stages,
    ),
    thesisRules(PROJECT_SOURCE),
    thesisFocus(PROJECT_SOURCE),
    fundsUse(PROJECT_SOURCE),
    ticketFit(
      (s) => s.row.fundingNeedCny ?? null,
      (_s, c) => [c.row.ticketMinCny, c.row.ticketMaxCny],
    ),
    regionFocus((_s, c) => c.row.regionCodes),
    fundingFit(
      (s) => s,
      (_s, c) => c,
    ),
    responsiveness,
  ],
  defaultWeights: {
    semantic: 0.25,
    lexical: 0.4,
    sector: 0.15,
    stage: 0.05,
    ticket: 0.05,
    region: 0.05,
    funding: 0.1,
    feedback: 0.05,
    thesis: 0.2,
    purpose: 0.1,
    thesis_rules: 0.6,
  },
  notes: (s, c) => thesisNotes(PROJECT_SOURCE, s, c),
  // recall@10 ≥ 0.99 against the exact ranking at 100k (bench:scale): with the thesis features the
  // channels' first 200 reach 0.95, their first 300 all
  retrieval: { exactLimit: 500, retrieveK: 300 },
  summary: (r) => ({
    name: r.name,
    kind: r.kind,
    thesis: r.thesis,
    sectors: r.sectors,
    stages: r.stages,
    ticketMinCny: r.ticketMinCny,
    ticketMaxCny: r.ticketMaxCny,
    regionCodes: r.regionCodes,
  }),
};
