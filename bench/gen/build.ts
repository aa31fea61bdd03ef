// Row builders: one synthetic record per call, camelCase as the API and entityText() see them.
// Distributions follow the demo set: ~70% Chinese texts, graduates first, projects mostly
// submitted/vetted, mentors with capacity 1–5 and ~10% remote, investors with restriction lists.
import {
  CENTER_KINDS,
  FOUNDER_GROUPS,
  INVESTOR_KINDS,
  PROVIDER_KINDS,
  STAGES,
  TOPICS,
  type FounderGroup,
  type Lang,
  type Sector,
  type Stage,
  type Topic,
} from '../../models/enums.ts';
import { labels } from '../../seeds/reference/labels.ts';
import type { Rng } from './rng.ts';
import {
  counties,
  enConnectors,
  personName,
  pickCounty,
  pickPrefecture,
  prefectures,
  products,
  regionName,
  sectorPhrases,
  sectorWeights,
  topicPhrases,
  zhConnectors,
} from './vocab.ts';

type Row = Record<string, any>;
type TextLang = 'zh' | 'en' | 'mixed';

const textLang = (rng: Rng): TextLang =>
  rng.weighted([
    ['zh', 70],
    ['en', 20],
    ['mixed', 10],
  ] as const);
/** Record languages consistent with the text: Chinese writers often also speak Tibetan. */
function languagesFor(rng: Rng, tl: TextLang): Lang[] {
  if (tl === 'en') return rng.chance(0.6) ? ['en', 'zh'] : ['en'];
  const base: Lang[] = rng.chance(0.45) ? ['zh', 'bo'] : ['zh'];
  if (tl === 'mixed' && !base.includes('en')) base.push('en');
  else if (rng.chance(0.04)) return ['bo'];
  return base;
}
const place = (code: string, en: boolean) => (en ? regionName.get(code)!.nameEn : regionName.get(code)!.nameZh);
const sectorPhrase = (rng: Rng, s: Sector, en: boolean) =>
  s === 'other' ? (en ? 'local retail' : '本地零售') : rng.pick(sectorPhrases[s][en ? 'en' : 'zh']);
const topicPhrase = (rng: Rng, t: Topic, en: boolean) => {
  const list = topicPhrases[t][en ? 'en' : 'zh'];
  return list.length ? rng.pick(list) : labels.topic[t][en ? 'en' : 'zh'];
};
const pickSector = (rng: Rng) => rng.weighted(sectorWeights);
const few = <T>(rng: Rng, xs: readonly T[], min: number, max: number) => rng.some(xs, rng.int(min, max));

/** Sentences asking for help on the topics, in one language; `extra` adds filler to vary the length. */
function needSentences(rng: Rng, topics: Topic[], en: boolean): string[] {
  return topics.map((t) => {
    const p = topicPhrase(rng, t, en);
    if (en) return `${rng.pick(enConnectors)} we need help with ${p}.`;
    return `${rng.pick(zhConnectors)}${rng.pick(['需要', '想找人指导', '急需', '希望得到', '正在准备'])}${p}${rng.pick(['方面的帮助', '', '相关的支持', '的经验'])}。`;
  });
}
function filler(rng: Rng, en: boolean, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const k = rng.int(1, 300);
    out.push(
      en
        ? rng.pick([
            `We have sold about ${k * 10} units so far.`,
            `The team has ${rng.int(2, 12)} people.`,
            `Monthly revenue is around ${k * 100} yuan.`,
            `We work with ${rng.int(2, 40)} herder families.`,
          ])
        : rng.pick([
            `已经试卖了${k * 10}多份。`,
            `团队共有${rng.int(2, 12)}人。`,
            `月营收约${k * 100}元。`,
            `带动了${rng.int(2, 40)}户农牧民就业。`,
            `去年参加了创新创业大赛并获奖。`,
            `冬季交通不便，物流成本高。`,
          ]),
    );
  }
  return out;
}

export interface FounderRef {
  id: string;
  regionCode: string;
  groups: string[];
}

export function founder(rng: Rng, id: string, i: number, prefix: string, centerIds: string[]): Row {
  const tl = textLang(rng);
  const en = tl === 'en';
  const group = rng.weighted<FounderGroup>([
    ['graduate', 40],
    ['student', 12],
    ['farmer_herder', 14],
    ['veteran', 6],
    ['ich_inheritor', 6],
    ['researcher', 6],
    ['high_level_talent', 3],
    ['other', 13],
  ]);
  const groups = rng.chance(0.15) ? [...new Set([group, rng.pick(FOUNDER_GROUPS)])] : [group];
  const sector = pickSector(rng);
  const topics = few(rng, TOPICS, 0, 2);
  const interestParts = [
    sectorPhrase(rng, sector, en),
    rng.pick(products[sector][en ? 'en' : 'zh']),
    ...topics.map((t) => topicPhrase(rng, t, en)),
  ];
  const graduate = groups.includes('graduate') || groups.includes('student');
  return {
    id,
    externalId: `${prefix}-founder-${i}`,
    name: personName(rng, en),
    groups,
    regionCode: pickCounty(rng),
    languages: languagesFor(rng, tl),
    educationLevel: graduate ? rng.pick(['本科', '大专', '硕士', '高职']) : rng.pick(['高中', '初中', '本科', '大专']),
    graduationYear: graduate ? rng.int(2015, 2027) : rng.chance(0.5) ? rng.int(1995, 2020) : null,
    interests: interestParts.join(en ? ', ' : '、'),
    centerId: rng.chance(0.85) ? rng.pick(centerIds) : null,
    contact: rng.chance(0.7) ? { phone: `138${String(i % 1e8).padStart(8, '0')}` } : null,
  };
}

export function project(
  rng: Rng,
  id: string,
  i: number,
  prefix: string,
  founders: FounderRef[],
  centerIds: string[],
): { row: Row; founderIds: string[] } {
  const tl = textLang(rng);
  const en = tl === 'en';
  const sector = pickSector(rng);
  const stage = rng.weighted<Stage>([
    ['idea', 30],
    ['prototype', 30],
    ['early_revenue', 28],
    ['growth', 12],
  ]);
  const needs = few(rng, TOPICS, 1, 4);
  const fs = rng.some(
    founders,
    rng.weighted([
      [1, 55],
      [2, 35],
      [3, 10],
    ] as const),
  );
  const regionCode = rng.chance(0.8) ? fs[0].regionCode : pickCounty(rng);
  const product = rng.pick(products[sector][en ? 'en' : 'zh']);
  const title = en
    ? `${product} in ${place(regionCode, true)}`
    : `${place(regionCode, false)}${product}${rng.pick(['项目', '', '合作社', '工作室', '创业项目'])}`;
  // Some needs only in the prose (as in the demo set), so inference and semantics have work to do.
  const prose = [...needs, ...(rng.chance(0.3) ? [rng.pick(TOPICS)] : [])];
  const opening = en
    ? `A ${labels.stage[stage].en.toLowerCase()} project in ${place(regionCode, true)} around ${sectorPhrase(rng, sector, true)} and ${product}.`
    : `我们在${place(regionCode, false)}做${product}，属于${sectorPhrase(rng, sector, false)}方向，目前处于${labels.stage[stage].zh}。`;
  const body = [opening, ...needSentences(rng, prose, en), ...filler(rng, en, rng.int(0, 5))];
  if (tl === 'mixed') body.push(...needSentences(rng, [rng.pick(needs)], true));
  const status = rng.weighted([
    ['submitted', 40],
    ['vetted', 45],
    ['draft', 10],
    ['rejected', 5],
  ] as const);
  return {
    founderIds: fs.map((f) => f.id),
    row: {
      id,
      // What the triggers of migration 0009 would set: written here, their refresh finds nothing to change.
      founderGroups: [...new Set(fs.flatMap((f) => f.groups))].sort(),
      externalId: `${prefix}-project-${i}`,
      title,
      description: body.join(en ? ' ' : ''),
      sector,
      stage,
      regionCode,
      centerId: rng.pick(centerIds),
      needs,
      fundingNeedCny: rng.chance(0.75) ? rng.int(1, 200) * 25_000 : null,
      languages: languagesFor(rng, tl),
      status,
      confidential: rng.chance(0.3) ? { monthlyRevenueCny: rng.int(0, 500) * 100 } : null,
    },
  };
}

export function mentor(rng: Rng, id: string, i: number, prefix: string): Row {
  const tl = textLang(rng);
  const en = tl === 'en';
  const remote = rng.chance(0.1);
  const expertise = few(rng, TOPICS, 1, 4);
  const sectors = rng.chance(0.2) ? [] : [...new Set([pickSector(rng), pickSector(rng)])].slice(0, rng.int(1, 2));
  const regionCode = remote ? '540000' : rng.chance(0.3) ? pickPrefecture(rng) : pickCounty(rng);
  const who = en
    ? rng.pick([
        'A partner at an early-stage fund',
        'A professor at Tibet University',
        'A serial entrepreneur',
        'A certified accountant',
        'A lawyer',
        'An aid-Tibet cadre',
      ])
    : rng.pick([
        '早期创投机构合伙人',
        '西藏大学副教授',
        '连续创业者',
        '注册会计师',
        '执业律师',
        '援藏干部',
        '电商企业负责人',
        '农牧业技术推广站站长',
      ]);
  const bio = [
    en ? `${who} based in ${place(regionCode, true)}.` : `${who}，常驻${place(regionCode, false)}。`,
    ...expertise.map((t) =>
      en
        ? `Can help with ${topicPhrase(rng, t, true)}.`
        : `擅长${topicPhrase(rng, t, false)}，辅导过${rng.int(2, 30)}个项目。`,
    ),
    ...sectors.map((s) =>
      en ? `Knows ${sectorPhrase(rng, s, true)} well.` : `熟悉${sectorPhrase(rng, s, false)}行业。`,
    ),
    ...(rng.chance(0.5)
      ? [
          en
            ? `Mentoring founders since ${rng.int(2008, 2024)}.`
            : rng.pick([
                '可用藏语交流。',
                '每月可安排两次面谈。',
                '更倾向于线上辅导。',
                `从${rng.int(2008, 2024)}年开始做创业导师。`,
              ]),
        ]
      : []),
  ];
  return {
    id,
    externalId: `${prefix}-mentor-${i}`,
    name: personName(rng, en),
    bio: bio.join(en ? ' ' : ''),
    expertise,
    sectors,
    languages: languagesFor(rng, tl),
    regionCode,
    remote,
    capacity: rng.int(1, 5),
    active: rng.chance(0.93),
    contact: { email: `mentor${i}@example.com` },
  };
}

const ticketsByKind: Record<string, [number, number]> = {
  angel: [50_000, 1_000_000],
  vc: [1_000_000, 20_000_000],
  guarantee: [100_000, 3_000_000],
  bank: [50_000, 5_000_000],
  inclusive_finance: [10_000, 500_000],
  gov_fund: [200_000, 10_000_000],
  soe_fund: [1_000_000, 30_000_000],
};

export function investor(rng: Rng, id: string, i: number, prefix: string): Row {
  const tl = textLang(rng);
  const en = tl === 'en';
  const kind = rng.pick(INVESTOR_KINDS);
  const sectors = rng.chance(0.3) ? [] : [...new Set(Array.from({ length: rng.int(1, 3) }, () => pickSector(rng)))];
  const stages = rng.chance(0.3) ? [] : few(rng, STAGES, 1, 2);
  // Half without a region restriction; the rest one or two prefectures, sometimes a single county.
  const regionCodes = rng.chance(0.5)
    ? []
    : rng.chance(0.8)
      ? [...new Set([pickPrefecture(rng), pickPrefecture(rng)])].slice(0, rng.int(1, 2))
      : [pickCounty(rng)];
  const [lo, hi] = ticketsByKind[kind];
  const min = Math.round((lo * (1 + rng.next())) / 10_000) * 10_000;
  const max = Math.max(min, Math.round((hi * (0.5 + rng.next())) / 10_000) * 10_000);
  const focus = sectors.length ? sectors : [pickSector(rng)];
  const kindLabel = labels.investorKind[kind][en ? 'en' : 'zh'];
  const where = regionCodes.length
    ? regionCodes.map((c) => place(c, en)).join(en ? ', ' : '、')
    : en
      ? 'all of Tibet'
      : '全区';
  const thesis = [
    en ? `${kindLabel} investing in ${where}.` : `${kindLabel}，投资范围：${where}。`,
    ...focus.map((s) =>
      en ? `Interested in ${sectorPhrase(rng, s, true)}.` : `关注${sectorPhrase(rng, s, false)}领域的项目。`,
    ),
    en
      ? 'We look at the founding team and local employment.'
      : rng.pick(['看重创始人是否扎根本地、能带动就业。', '偏好已有稳定营收的项目。', '可以提供创业担保贷款贴息。']),
  ];
  return {
    id,
    externalId: `${prefix}-investor-${i}`,
    name: en
      ? `${rng.pick(['Snowland', 'Highland', 'Potala', 'Yarlung', 'Everest'])} ${rng.pick(['Capital', 'Ventures', 'Fund', 'Bank branch'])} ${i}`
      : `${rng.pick(['雪域', '高原', '雅江', '珠峰', '圣城'])}${rng.pick(['创投', '基金', '担保公司', '农商行支行', '产业基金'])}${i}`,
    kind,
    thesis: thesis.join(en ? ' ' : ''),
    sectors,
    stages,
    ticketMinCny: min,
    ticketMaxCny: max,
    regionCodes,
    active: rng.chance(0.95),
    contact: { email: `investor${i}@example.com` },
  };
}

/** YYYY-MM-DD `days` after `today` (both in the calendar of Asia/Shanghai). */
const addDays = (today: string, days: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export function training(rng: Rng, id: string, i: number, prefix: string, today: string): Row {
  const tl = textLang(rng);
  const en = tl === 'en';
  const topics = few(rng, TOPICS, 1, 4);
  const mode = rng.weighted([
    ['onsite', 60],
    ['online', 30],
    ['enclave', 10],
  ] as const);
  const regionCode = mode === 'enclave' ? rng.pick(prefectures).code : pickCounty(rng);
  const start = addDays(today, rng.int(-90, 240));
  const provider = en
    ? rng.pick(['Tibet University', 'Tibet Vocational College', 'Lhasa Training Base', 'Snowland Academy'])
    : rng.pick([
        '西藏大学创新创业学院',
        '西藏职业技术学院',
        '拉萨市就业培训基地',
        '雪域电商学院',
        '日喀则市技工学校',
        '林芝市创业孵化基地',
      ]);
  const topicNames = topics.map((t) => labels.topic[t][en ? 'en' : 'zh']).join(en ? ', ' : '、');
  return {
    id,
    externalId: `${prefix}-training-${i}`,
    title: en
      ? `${topicNames} bootcamp`
      : `${rng.pick(['订单式', '', '双语'])}${topicNames}${rng.pick(['培训班', '训练营', '实操班'])}`,
    description: [
      en ? `A ${rng.int(1, 12)}-week course by ${provider}.` : `${provider}开设的${rng.int(1, 12)}周课程。`,
      ...topics.map((t) => (en ? `Covers ${topicPhrase(rng, t, true)}.` : `内容包括${topicPhrase(rng, t, false)}。`)),
      ...filler(rng, en, rng.int(0, 2)),
    ].join(en ? ' ' : ''),
    provider,
    providerKind: rng.pick(PROVIDER_KINDS),
    topics,
    targetGroups: rng.chance(0.4) ? [] : few(rng, FOUNDER_GROUPS, 1, 2),
    stages: rng.chance(0.4) ? [] : few(rng, STAGES, 1, 2),
    regionCode,
    mode,
    seats: rng.int(10, 60),
    startsOn: start,
    endsOn: addDays(start, rng.int(1, 90)),
    languages: languagesFor(rng, tl),
  };
}

export function service(rng: Rng, id: string, i: number, prefix: string, centerIds: string[]): Row {
  const tl = textLang(rng);
  const en = tl === 'en';
  const category = rng.pick(TOPICS);
  const label = labels.topic[category][en ? 'en' : 'zh'];
  return {
    id,
    externalId: `${prefix}-service-${i}`,
    name: en ? `${label} service` : `${label}${rng.pick(['一站式服务', '代办', '咨询', '服务包'])}`,
    category,
    provider: en
      ? `${rng.pick(['Snowland', 'Lhasa', 'Nyingchi'])} service center ${i}`
      : `${rng.pick(['雪莲', '格桑', '圣城', '珠峰'])}${rng.pick(['财税服务有限公司', '律师事务所', '政务服务窗口', '科技服务中心', '电商服务站'])}`,
    description: [
      en
        ? `Helps founders with ${topicPhrase(rng, category, true)}.`
        : `帮助创业者办理${topicPhrase(rng, category, false)}。`,
      ...(rng.chance(0.5)
        ? [en ? `Also ${topicPhrase(rng, category, true)}.` : `也可提供${topicPhrase(rng, category, false)}咨询。`]
        : []),
      ...filler(rng, en, rng.int(0, 1)),
    ].join(en ? ' ' : ''),
    centerId: rng.chance(0.8) ? rng.pick(centerIds) : null,
    regionCodes: rng.chance(0.3)
      ? []
      : [...new Set([pickPrefecture(rng), pickPrefecture(rng)])].slice(0, rng.int(1, 2)),
    voucherEligible: rng.chance(0.4),
    languages: languagesFor(rng, tl),
  };
}

export function center(rng: Rng, id: string, i: number, prefix: string): Row {
  const c = rng.pick(counties);
  const kind = rng.pick(CENTER_KINDS);
  return {
    id,
    externalId: `${prefix}-center-${i}`,
    name: `${c.nameZh}${labels.centerKind[kind].zh}${i}`,
    regionCode: c.code,
    kind,
    operator: `${c.nameZh}人民政府`,
    pilot: false,
  };
}
