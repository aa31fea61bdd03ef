// Reads a funder's thesis and a project's prose into facts the thesis features compare: what the
// funder only funds, prefers or excludes, its preconditions (a licence, years of operation, collateral,
// revenue, granted IP) and what its money may be used for; and the project's own facts (its lines of
// business, founders' groups, years, licence, collateral, revenue, what the money is for). Read once per
// text (cached by the text), so both candidate paths (SQL and the index) get the same reading.
import {
  type BusinessConcept,
  type GroupConcept,
  type InstrumentConcept,
  type UseConcept,
  findBusiness,
  findGroups,
  findInstruments,
  findUses,
} from './concepts.ts';

export type Mode = 'only' | 'prefer' | 'mention' | 'exclude';

export interface ThesisReading {
  /** Lines of business and groups per mode ("only" = a constraint, "exclude" = a constraint). */
  business: Record<Mode, Set<BusinessConcept>>;
  groups: Record<Mode, Set<GroupConcept>>;
  /** Preconditions; null/false = not required. */
  requires: {
    licence: boolean;
    years: number | null;
    collateral: boolean;
    revenue: boolean;
    revenueCny: number | null;
    ip: boolean;
  };
  /** Prefers projects already earning ("偏好已经有回头客"): evidence, not a constraint. */
  prefersRevenue: boolean;
  /** The thesis waives collateral ("免抵押", "no collateral") or a licence ("还没开业的也可以"). */
  waives: { collateral: boolean; licence: boolean };
  instruments: Set<InstrumentConcept>;
  uses: { allowed: Set<UseConcept>; only: boolean; excluded: Set<UseConcept> };
}

export interface ProjectFacts {
  business: Map<BusinessConcept, number>;
  groups: Set<GroupConcept>;
  /** true: has one; false: says it has none yet; null: unknown. */
  licence: boolean | null;
  years: number | null;
  collateral: boolean | null;
  revenue: boolean | null;
  revenueCny: number | null;
  ip: boolean | null;
  /** Speaks of patents, trademarks or copyrights (held, applied for or planned). */
  mentionsIp: boolean;
  uses: Map<UseConcept, number>;
  wants: Set<InstrumentConcept>;
}

// ── Numbers ─────────────────────────────────────────────────────────────────────────────────────────

const DIGIT: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const EN_NUMBER: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  a: 1,
  an: 1,
};
/** A number written in Arabic digits or Chinese numerals (几 / 多 read as about half a unit more); NaN when unreadable. */
export function readNumber(raw: string): number {
  const s = raw.trim();
  const arabic = /^(\d+(?:\.\d+)?)(万|亿)?$/.exec(s);
  if (arabic) return Number(arabic[1]) * (arabic[2] === '万' ? 1e4 : arabic[2] === '亿' ? 1e8 : 1);
  if (EN_NUMBER[s.toLowerCase()] !== undefined) return EN_NUMBER[s.toLowerCase()];
  if (s === '半') return 0.5;
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const ch of s) {
    if (ch in DIGIT) digit = DIGIT[ch];
    else if (ch === '几') digit = 5;
    else if (ch in UNIT) {
      section += (digit < 0 ? 1 : digit) * UNIT[ch];
      digit = -1;
    } else if (ch === '万' || ch === '亿') {
      total += (section + Math.max(digit, 0)) * (ch === '万' ? 1e4 : 1e8);
      section = 0;
      digit = -1;
    } else if (ch === '多') section += 0;
    else return Number.NaN;
  }
  return total + section + Math.max(digit, 0);
}
const NUM = '(?:[\\d.]+|[零一二两三四五六七八九十百千几][零一二两三四五六七八九十百千几多]*)';

// ── Clauses ─────────────────────────────────────────────────────────────────────────────────────────

const ONLY =
  /只能用于|仅用于|仅限用于|专款专用|只投|只看|只支持|只做|只面向|只针对|只服务|仅投|仅限|仅支持|仅面向|仅针对|专投|限于|\bonly\b|\bexclusively\b|\bsolely\b/i;
const EXCLUDE =
  /不投|不看|不支持|不做|不考虑|不接受|不参与|不碰|不能用于|不得用于|不可用于|不用于|禁止|\bno\b(?!\s+(?:need|collateral|mortgage|guarantee|minimum))|\bnot\s+(?:fund|invest|back|support|for)|\bexclud|\bexcept\b|don['’]t\s+(?:fund|invest|back)/i;
const PREFER = /优先|重点|偏好|喜欢|面向|聚焦|专注|主要|看重|适合|\bfocus|\bprefer|\bback\b|\btarget|\bfavou?r/i;
const USE_CUE = /用于|用在|用来|购置|\bfor\b|\bto (?:buy|build|finance|fund)/i;

/** Sentences, then clauses: a clause without a cue of its own keeps the mode of the clause before it. */
function clauses(text: string): { text: string; mode: Mode }[] {
  const out: { text: string; mode: Mode }[] = [];
  for (const sentence of text.split(/[。；;！!？?\n]|\.(?:\s|$)/)) {
    let carried: Mode = 'mention';
    for (const clause of sentence.split(/[，,]/)) {
      if (!clause.trim()) continue;
      const mode: Mode | null = EXCLUDE.test(clause)
        ? 'exclude'
        : ONLY.test(clause)
          ? 'only'
          : PREFER.test(clause)
            ? 'prefer'
            : null;
      if (mode) carried = mode;
      out.push({ text: clause, mode: mode ?? carried });
    }
  }
  return out;
}

// ── The thesis ──────────────────────────────────────────────────────────────────────────────────────

const emptyModes = <K>(): Record<Mode, Set<K>> => ({
  only: new Set(),
  prefer: new Set(),
  mention: new Set(),
  exclude: new Set(),
});

const LICENCE_REQUIRED =
  /(?:须|需|要求|必须|应当|已经?取得|持有|具备)[^。；，,]{0,8}(?:营业执照|执照|经营许可|许可证)|纳税记录|\b(?:licen[cs]ed|registered) (?:business|company|firm)|must be (?:licen[cs]ed|registered)|(?:business )?licen[cs]e (?:is )?required/i;
const LICENCE_WAIVED =
  /(?:没开业|未开业|还没开业|没有执照|未注册|还没注册)[^。；]{0,8}(?:也可以|也能|可以)|before (?:registering|opening)/i;
const YEARS_REQUIRED = new RegExp(
  `(?:成立|经营|运营|注册|开业|营业)[^，。；,]{0,3}?(?:满|超过|已满|不少于|达)(${NUM})年|(${NUM})年以上[^，。；,]{0,8}(?:记录|经营|历史|运营)|(?:at least|more than|over) (\\w+) years? (?:of (?:operation|trading|business)|in business|old)|(?:operating|established|trading) for (?:at least )?(\\w+) years`,
  'i',
);
const COLLATERAL_WAIVED =
  /(?:不需要|无需|免|不要|无须|不用|不需)[^，。；,]{0,6}(?:抵押|担保|质押)|纯信用|信用贷|no collateral|collateral[- ]free|without collateral|unsecured/i;
const COLLATERAL_REQUIRED =
  /(?:以|需要?|须|要求|提供)[^，。；,]{0,12}(?:抵押|抵押物)|collateral (?:is )?required|requires? collateral|secured (?:by|against)|against (?:property|real estate|land)/i;
const IP_REQUIRED =
  /(?:已授权|已取得|拥有|持有)[^。；]{0,12}(?:专利|商标|著作权|知识产权|权利证书)|(?:专利|商标|著作权|知识产权)[^。；，,]{0,10}质押|granted patent|(?:patent|trademark)s? (?:as )?(?:collateral|pledge)/i;
const REVENUE_MIN = new RegExp(
  `(?:营业收入|营收|年收入|销售额|年销售)[^，。；,\\d零一二两三四五六七八九十百千几]{0,4}(${NUM}[万亿]*)元?以上`,
);
const REVENUE_REQUIRED =
  /(?:要求|须|需|必须)[^。；，,]{0,10}(?:收入|流水|营收|销售)|\b(?:revenue|paying customers|sales) (?:is )?required|must (?:have|show) (?:revenue|sales)/i;
/** A preference for projects already earning (not a constraint). */
const REVENUE_PREFERRED =
  /(?:适合|看|偏好|喜欢|看重|优先)[^。；]{0,10}(?:收入|流水|营收|销售|回头客|复购|付费客户)|已经?有(?:稳定)?(?:的)?(?:营业)?(?:收入|销售|回头客)|\b(?:like|prefer|want)s? (?:early )?(?:revenue|paying customers)|(?:with|have) (?:early )?revenue/i;

const readings = new Map<string, ThesisReading>();

/** What a thesis says (cached per text; theses are few and change rarely). */
export function readThesis(text: string): ThesisReading {
  let r = readings.get(text);
  if (!r) {
    if (readings.size > 20_000) readings.clear();
    readings.set(text, (r = parseThesis(text)));
  }
  return r;
}

function parseThesis(text: string): ThesisReading {
  const business = emptyModes<BusinessConcept>();
  const groups = emptyModes<GroupConcept>();
  const uses = { allowed: new Set<UseConcept>(), only: false, excluded: new Set<UseConcept>() };
  const instruments = new Set<InstrumentConcept>();
  const collateralWaived = COLLATERAL_WAIVED.test(text);
  for (const { text: clause, mode } of clauses(text)) {
    for (const k of findInstruments(clause).keys()) if (mode !== 'exclude') instruments.add(k);
    const clauseUses = findUses(clause);
    if (clauseUses.size && (USE_CUE.test(clause) || mode === 'exclude')) {
      for (const u of clauseUses.keys()) (mode === 'exclude' ? uses.excluded : uses.allowed).add(u);
      if (mode === 'only') uses.only = true;
      // A clause about what the money is for names no line of business (建厂房 is a use, not a sector).
      if (mode === 'exclude' || /用于|用在|用来/.test(clause)) continue;
    }
    for (const k of findBusiness(clause).keys()) business[mode].add(k);
    for (const k of findGroups(clause).keys()) groups[mode].add(k);
  }
  const y = YEARS_REQUIRED.exec(text);
  const years = y ? readNumber(y[1] ?? y[2] ?? y[3] ?? y[4]) : null;
  const rev = REVENUE_MIN.exec(text);
  const revenueCny = rev ? readNumber(rev[1]) : null;
  return {
    business,
    groups,
    requires: {
      licence: LICENCE_REQUIRED.test(text) && !LICENCE_WAIVED.test(text),
      years: years != null && Number.isFinite(years) && years > 0 ? years : null,
      collateral: COLLATERAL_REQUIRED.test(text) && !collateralWaived && !IP_REQUIRED.test(text),
      revenue: REVENUE_REQUIRED.test(text) || (revenueCny != null && Number.isFinite(revenueCny)),
      revenueCny: revenueCny != null && Number.isFinite(revenueCny) ? revenueCny : null,
      ip: IP_REQUIRED.test(text),
    },
    prefersRevenue: REVENUE_PREFERRED.test(text),
    waives: { collateral: collateralWaived, licence: LICENCE_WAIVED.test(text) },
    instruments,
    uses,
  };
}

// ── The project ─────────────────────────────────────────────────────────────────────────────────────

/** The founders' declared groups that count as a thesis's target group. */
const GROUP_OF_FOUNDER: Record<string, GroupConcept> = {
  graduate: 'graduate',
  student: 'student',
  veteran: 'veteran',
  farmer_herder: 'herder',
};

const LACKS_LICENCE =
  /(?:没有|还没|尚未|未|无|没)[^，。；,]{0,6}(?:营业执照|执照|生产许可|许可证|经营许可|注册公司|注册)|还没(?:有)?开业|开业前|只有一个想法|\b(?:not yet|haven['’]t|have not|no) (?:registered|licen[cs]ed|a licen[cs]e|business licen[cs]e)/i;
const HAS_LICENCE =
  /(?:有|已有|已经有|取得了?|办了|办好了?)[^，。；,]{0,2}营业执照|营业执照[^，。；,]{0,10}办|个体户|个体工商户|公司成立|注册了公司|\b(?:registered|licen[cs]ed) (?:company|business)/i;
const YEARS_STATED = new RegExp(
  `(?:成立|运营|经营|营业|开业|开了|做了?|干了|办了|收购|经商)[^，。；,\\d零一二两三四五六七八九十百千几]{0,3}(${NUM}|半)(多)?(年|个月)(半)?|(?:for|since|over) (\\w+|\\d+) (years?|months?)|(\\w+|\\d+) years? (?:ago|in business|of operation)`,
  'i',
);
const LACKS_COLLATERAL =
  /(?:没有|无|缺少|缺乏|没)[^，。；,]{0,6}(?:抵押|房产|抵押物)|不要抵押|不需要抵押|免抵押|no collateral|without collateral|nothing to pledge/i;
const HAS_COLLATERAL =
  /(?:有|用|以)[^，。；,]{0,6}(?:房产|土地使用权|厂房)[^，。；,]{0,4}抵押|(?:property|land) as collateral/i;
const LACKS_IP =
  /(?:还没有|没有|尚未|还没|未|没)[^，。；,]{0,8}(?:专利|著作权|商标|知识产权)|no (?:patent|trademark)s?\b/i;
const HAS_IP =
  /(?:已|获得|取得|拥有|有)[^，。；,没未]{0,6}(?:专利|著作权|商标证|注册商标)|(?:granted|hold|own) (?:a )?(?:patent|trademark)/i;
const REVENUE_STATED = new RegExp(
  `(?:营收|营业收入|年收入|销售额|年销售|每年卖|一年卖|年卖|每年能卖)[^，。；,\\d零一二两三四五六七八九十百千几]{0,3}(${NUM}[万亿]*)元?`,
);

const MENTIONS_IP = /专利|著作权|商标|知识产权|\b(?:patent|trademark|copyright)/i;
/** Buying a machine, a vehicle or a line is equipment, whatever the machine is called (挂面机, 举升机). */
const BUYS_EQUIPMENT = /(?:买|购买|购置|添置|添|换)[^，。；,]{0,10}(?:机|车|设备|生产线|仪)(?![构会场票])/;

/** What the money is for: the lexicon's uses, and buying a named machine as equipment. */
function usesOf(text: string): Map<UseConcept, number> {
  const uses = findUses(text);
  if (BUYS_EQUIPMENT.test(text)) uses.set('equipment', Math.max(uses.get('equipment') ?? 0, 0.8));
  return uses;
}

const projectFacts = new Map<string, ProjectFacts>();

/** What a project says of itself (cached per text and founders' groups). */
export function readProject(text: string, stage: string, founderGroups: readonly string[]): ProjectFacts {
  const key = `${stage}|${founderGroups.join(',')}|${text}`;
  let f = projectFacts.get(key);
  if (!f) {
    if (projectFacts.size > 20_000) projectFacts.clear();
    projectFacts.set(key, (f = parseProject(text, stage, founderGroups)));
  }
  return f;
}

function parseProject(text: string, stage: string, founderGroups: readonly string[]): ProjectFacts {
  const groups = new Set<GroupConcept>(findGroups(text).keys());
  for (const g of founderGroups) if (GROUP_OF_FOUNDER[g]) groups.add(GROUP_OF_FOUNDER[g]);
  const y = YEARS_STATED.exec(text);
  let years: number | null = null;
  if (y) {
    const n = readNumber(y[1] ?? y[5] ?? y[7]);
    const months = y[3] === '个月' || /month/i.test(y[6] ?? '');
    if (Number.isFinite(n)) years = (months ? n / 12 : n) + (y[4] ? 0.5 : 0);
  }
  if (years == null && stage === 'idea') years = 0;
  const rev = REVENUE_STATED.exec(text);
  const revenueCny = rev ? readNumber(rev[1]) : null;
  const earning = stage === 'early_revenue' || stage === 'growth';
  return {
    business: findBusiness(text),
    groups,
    licence: LACKS_LICENCE.test(text) || stage === 'idea' ? false : HAS_LICENCE.test(text) ? true : null,
    years,
    collateral: LACKS_COLLATERAL.test(text) ? false : HAS_COLLATERAL.test(text) ? true : null,
    revenue: earning ? true : stage === 'idea' || stage === 'prototype' ? false : null,
    revenueCny: revenueCny != null && Number.isFinite(revenueCny) ? revenueCny : null,
    ip: LACKS_IP.test(text) ? false : HAS_IP.test(text) ? true : null,
    mentionsIp: MENTIONS_IP.test(text),
    uses: usesOf(text),
    wants: new Set(findInstruments(text).keys()),
  };
}
