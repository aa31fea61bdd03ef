// A funder's thesis against a project: constraints it violates ("only …", "no …", preconditions, what
// the money may not be used for), positive evidence (a satisfied focus, a waived precondition the
// project needs waived), and what the money is for against the instruments the funder offers.
import { list, say } from '../text.ts';
import type { Texts } from '../types.ts';
import {
  type BusinessConcept,
  type GroupConcept,
  type InstrumentConcept,
  type UseConcept,
  conceptLabel,
} from './concepts.ts';
import type { ProjectFacts, ThesisReading } from './read.ts';

export interface ThesisFit {
  /** Constraints the project violates (empty: none). */
  violations: Texts[];
  /** Positive/negative evidence in [0, 1] per aspect the thesis speaks of (empty: it says nothing specific). */
  evidence: { value: number; text: Texts }[];
}

const labels = (keys: Iterable<string>): Texts => {
  const ls = [...keys].map(conceptLabel);
  return say(
    list(
      'zh',
      ls.map((l) => l.zh),
    ),
    list(
      'en',
      ls.map((l) => l.en),
    ),
    list(
      'bo',
      ls.map((l) => l.bo),
    ),
  );
};
const fmtYears = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** How the thesis and the project fit (pure; the caller caches the readings). */
export function fitThesis(t: ThesisReading, p: ProjectFacts): ThesisFit {
  const violations: Texts[] = [];
  const evidence: ThesisFit['evidence'] = [];
  const has = (k: BusinessConcept) => (p.business.get(k) ?? 0) > 0;

  // Lines of business: "only" is a constraint, "prefer" and a plain mention are evidence, "no" excludes.
  const excluded = [...t.business.exclude].filter(has);
  if (excluded.length) {
    const l = labels(excluded);
    violations.push(say(`不投${l.zh}`, `does not fund ${l.en}`, `${l.bo} ལ་མ་འཇོག་མི་བྱེད`));
  }
  const only = [...t.business.only];
  if (only.length) {
    const l = labels(only);
    if (only.some(has))
      evidence.push({
        value: 1,
        text: say(
          `只投${l.zh}，项目相符`,
          `funds only ${l.en}: the project fits`,
          `${l.bo} ཁོ་ན་ལ་མ་འཇོག་བྱེད། རྣམ་གྲངས་མཐུན`,
        ),
      });
    else violations.push(say(`只投${l.zh}`, `funds only ${l.en}`, `${l.bo} ཁོ་ན་ལ་མ་འཇོག་བྱེད`));
  } else {
    const focus = [...t.business.prefer, ...t.business.mention];
    if (focus.length) {
      const hit = focus.filter(has);
      const preferred = hit.some((k) => t.business.prefer.has(k));
      evidence.push(
        hit.length
          ? {
              value: preferred ? 0.9 : 0.75,
              text: say(
                `投资方向相符：${labels(hit).zh}`,
                `Focus fits: ${labels(hit).en}`,
                `མ་འཇོག་ཁ་ཕྱོགས་མཐུན་པ: ${labels(hit).bo}`,
              ),
            }
          : { value: 0.4, text: say('投资方向不同', 'Different focus', 'མ་འཇོག་ཁ་ཕྱོགས་མི་འདྲ') },
      );
    }
  }

  // Target groups: the founders' declared groups and what the prose says of them.
  const inGroup = (g: GroupConcept) => p.groups.has(g);
  const onlyGroups = [...t.groups.only];
  if (onlyGroups.length) {
    const l = labels(onlyGroups);
    if (onlyGroups.some(inGroup))
      evidence.push({
        value: 1,
        text: say(
          `只支持${l.zh}，创办人相符`,
          `only for ${l.en}: the founders fit`,
          `${l.bo} ཁོ་ན་ལ་རྒྱབ་སྐྱོར་བྱེད། འཛུགས་མཁན་མཐུན`,
        ),
      });
    else violations.push(say(`只支持${l.zh}`, `only for ${l.en}`, `${l.bo} ཁོ་ན་ལ་རྒྱབ་སྐྱོར་བྱེད`));
  } else {
    const targeted = [...t.groups.prefer, ...t.groups.mention];
    if (targeted.length) {
      const hit = targeted.filter(inGroup);
      evidence.push(
        hit.length
          ? {
              value: 1,
              text: say(
                `面向的群体相符：${labels(hit).zh}`,
                `Target group fits: ${labels(hit).en}`,
                `དམིགས་ཡུལ་ཚོགས་པ་མཐུན་པ: ${labels(hit).bo}`,
              ),
            }
          : { value: 0.5, text: say('不是重点面向的群体', 'Not the target group', 'དམིགས་ཡུལ་ཚོགས་པ་མ་ཡིན') },
      );
    }
  }

  // Preconditions, checked against what the project says (unknown facts are not violations).
  const r = t.requires;
  if (r.licence) {
    if (p.licence === false)
      violations.push(
        say('须已取得营业执照并经营', 'requires a business licence and operations', 'ཚོང་ལས་ཆོག་འཐམ་ལག་ཁྱེར་དགོས'),
      );
    else if (p.licence)
      evidence.push({ value: 1, text: say('已有营业执照', 'Has a business licence', 'ཚོང་ལས་ཆོག་འཐམ་ལག་ཁྱེར་ཡོད') });
  }
  if (r.years != null && p.years != null) {
    const y = fmtYears(r.years);
    if (p.years < r.years)
      violations.push(say(`须经营满${y}年`, `requires ${y}+ years of operation`, `ལོ་ ${y} ལྷག་བཀོལ་སྤྱོད་བྱས་དགོས`));
    else
      evidence.push({ value: 1, text: say(`经营年限满${y}年`, `${y}+ years of operation`, `ལོ་ ${y} ལྷག་བཀོལ་སྤྱོད་བྱས་ཟིན`) });
  }
  if (r.collateral && p.collateral === false) violations.push(say('须提供抵押物', 'requires collateral', 'གཏའ་མ་དགོས'));
  if (t.waives.collateral && p.collateral === false)
    evidence.push({ value: 1, text: say('免抵押，适合没有抵押物的项目', 'No collateral needed', 'གཏའ་མ་མི་དགོས') });
  if (r.revenueCny != null && (p.revenue === false || (p.revenueCny != null && p.revenueCny < r.revenueCny)))
    violations.push(say('营业收入未达要求', 'revenue below the requirement', 'ཡོང་འབབ་ཚད་གཞི་ལ་མ་སླེབས'));
  else if (r.revenue && p.revenue === false)
    violations.push(say('须已有营业收入', 'requires revenue', 'ཡོང་འབབ་ཡོད་དགོས'));
  if (t.prefersRevenue && !r.revenue && p.revenue != null)
    evidence.push(
      p.revenue
        ? {
            value: 1,
            text: say(
              '已有营业收入，符合投资偏好',
              'Already earning, as the funder prefers',
              'ཡོང་འབབ་ཡོད་པས་མ་འཇོག་པའི་དགའ་ཕྱོགས་དང་མཐུན',
            ),
          }
        : { value: 0.5, text: say('尚无营业收入', 'No revenue yet', 'ད་དུང་ཡོང་འབབ་མེད') },
    );
  if (r.ip) {
    if (p.ip === false)
      violations.push(say('须已取得知识产权证书', 'requires granted IP', 'ཤེས་བྱའི་ཐོན་དངོས་ཐོབ་དབང་ལག་ཁྱེར་དགོས'));
    else if (p.ip) evidence.push({ value: 1, text: say('已有知识产权', 'Holds IP', 'ཤེས་བྱའི་ཐོན་དངོས་ཐོབ་དབང་ཡོད') });
    else if (p.mentionsIp)
      evidence.push({
        value: 0.7,
        text: say('正在申请知识产权', 'IP applied for or planned', 'ཤེས་བྱའི་ཐོན་དངོས་ཐོབ་དབང་ཞུ་བཞིན་པ'),
      });
    else evidence.push({ value: 0.2, text: say('未见知识产权', 'No IP stated', 'ཤེས་བྱའི་ཐོན་དངོས་ཐོབ་དབང་མ་མཐོང') });
  }

  // What the money may be used for: every use the project names excluded, or none among an "only" list.
  const uses = [...p.uses.keys()];
  if (uses.length) {
    if (uses.every((u) => t.uses.excluded.has(u)) || (t.uses.only && !uses.some((u) => t.uses.allowed.has(u)))) {
      const l = labels(uses);
      violations.push(
        say(`资金不能用于${l.zh}`, `money may not be used for ${l.en}`, `མ་དངུལ་ ${l.bo} ལ་བེད་སྤྱོད་བྱེད་མི་ཆོག`),
      );
    }
  }
  return { violations, evidence };
}

/** What each instrument is usually good for (a loan finances stock and machines; a grant, R&D …). */
const SERVES: Record<InstrumentConcept, Record<UseConcept, number>> = {
  loan: { equipment: 0.7, working_capital: 0.8, construction: 0.6, rnd: 0.3 },
  equity: { equipment: 0.6, working_capital: 0.5, construction: 0.5, rnd: 0.8 },
  grant: { equipment: 0.5, working_capital: 0.3, construction: 0.5, rnd: 0.7 },
  lease: { equipment: 1, working_capital: 0.1, construction: 0.2, rnd: 0.1 },
};
/** The instruments of each kind of funder, when its thesis names none. */
const KIND_OFFERS: Record<string, InstrumentConcept[]> = {
  bank: ['loan'],
  guarantee: ['loan'],
  inclusive_finance: ['loan'],
  angel: ['equity'],
  vc: ['equity'],
  soe_fund: ['equity'],
  gov_fund: ['grant', 'equity'],
};

/** How well the funder's money serves each use the project names: graded, per use. */
export function fitUses(
  t: ThesisReading,
  kind: string,
  p: ProjectFacts,
): { value: number; hit: UseConcept[]; miss: UseConcept[] } | null {
  if (!p.uses.size) return null;
  const offers = t.instruments.size ? [...t.instruments] : (KIND_OFFERS[kind] ?? []);
  let covered = 0;
  let total = 0;
  const hit: UseConcept[] = [];
  const miss: UseConcept[] = [];
  for (const [u, w] of p.uses) {
    let offer = Math.max(0, ...offers.map((i) => SERVES[i][u]));
    if (t.uses.excluded.has(u)) offer = 0;
    else if (t.uses.allowed.has(u)) offer = 1;
    else if (t.uses.allowed.size) offer = Math.min(offer, 0.4);
    total += w;
    covered += w * offer;
    (offer >= 0.6 ? hit : miss).push(u);
  }
  return { value: total ? covered / total : 0, hit, miss };
}

export const useLabels = labels;
