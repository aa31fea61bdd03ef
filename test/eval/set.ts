// The judged evaluation set: six journeys, each a list of queries (sources by key), the judged grades
// of candidates per query, and the independent eligibility rule that defines each query's pool.
import { eligible, founders, investors, mentors, projects, services, trainings } from './eligibility.ts';
import * as judged from './data/judgments.ts';
import type { Grades, Judgments } from './data/types.ts';

export type JourneyId =
  | 'project→mentors'
  | 'project→investors'
  | 'project→trainings'
  | 'project→services'
  | 'investor→projects'
  | 'training→founders';
export type SourceKind = 'project' | 'investor' | 'training';
export type CandidateKind = 'mentor' | 'investor' | 'training' | 'service' | 'project' | 'founder';

export interface Journey {
  id: JourneyId;
  source: SourceKind;
  candidate: CandidateKind;
  /** Query (source) keys, in a fixed order. */
  queries: string[];
  /** Graded relevance per query; unlisted candidates are 0. */
  grades: Judgments;
  /** The query's pool: every candidate key of the journey the hard rules allow for it. */
  pool(query: string): string[];
}

const byKey = <T extends { key: string }>(xs: T[]) => new Map(xs.map((x) => [x.key, x]));
const P = byKey(projects);
const I = byKey(investors);
const T = byKey(trainings);

/** investor → project grades, read off the same project × investor judgments. */
function transpose(j: Judgments): Judgments {
  const out: Judgments = {};
  for (const [p, grades] of Object.entries(j)) {
    for (const [i, g] of Object.entries(grades)) (out[i] ??= {} as Grades)[p] = g;
  }
  return out;
}

const PROJECT_QUERIES = Object.keys(judged.projectMentors);

export const journeys: Journey[] = [
  {
    id: 'project→mentors',
    source: 'project',
    candidate: 'mentor',
    queries: PROJECT_QUERIES,
    grades: judged.projectMentors,
    pool: (q) => mentors.filter((m) => eligible.projectMentor(P.get(q)!, m)).map((m) => m.key),
  },
  {
    id: 'project→investors',
    source: 'project',
    candidate: 'investor',
    queries: [
      'p-barley-noodle',
      'p-yak-leather',
      'p-thangka-studio',
      'p-yadong-border',
      'p-basum-guesthouse',
      'p-sweet-tea',
      'p-ngari-delivery',
      'p-car-rescue',
      'p-solar-heater',
      'p-kora-app',
      'p-felt-crafts',
      'p-gear-rental',
      'p-matsutake-shop',
      'p-study-tour',
      'p-everest-trek',
      'p-nyemo-paper',
    ],
    grades: judged.projectInvestorFit,
    pool: (q) => investors.filter((i) => eligible.projectInvestor(P.get(q)!, i)).map((i) => i.key),
  },
  {
    id: 'project→trainings',
    source: 'project',
    candidate: 'training',
    queries: Object.keys(judged.projectTrainings),
    grades: judged.projectTrainings,
    pool: (q) => trainings.filter((t) => eligible.projectTraining(P.get(q)!, t)).map((t) => t.key),
  },
  {
    id: 'project→services',
    source: 'project',
    candidate: 'service',
    queries: Object.keys(judged.projectServices),
    grades: judged.projectServices,
    pool: (q) => services.filter((s) => eligible.projectService(P.get(q)!, s)).map((s) => s.key),
  },
  {
    id: 'investor→projects',
    source: 'investor',
    candidate: 'project',
    queries: [
      'i-guarantee-loan',
      'i-micro-herder',
      'i-veteran-loan',
      'i-smb-quickloan',
      'i-guarantee-smb',
      'i-supply-chain',
      'i-rural-fund',
      'i-sci-fund',
      'i-ip-loan',
      'i-youth-fund',
      'i-alumni-angel',
      'i-impact-circle',
      'i-huinong-loan',
      'i-angel-club',
      'i-tax-credit-loan',
      'i-snowline-seed',
    ],
    grades: transpose(judged.projectInvestorFit),
    pool: (q) => projects.filter((p) => eligible.projectInvestor(p, I.get(q)!)).map((p) => p.key),
  },
  {
    id: 'training→founders',
    source: 'training',
    candidate: 'founder',
    queries: Object.keys(judged.trainingFounders),
    grades: judged.trainingFounders,
    pool: (q) => founders.filter((f) => eligible.trainingFounder(T.get(q)!, f)).map((f) => f.key),
  },
];

/** Problems with the set itself (unknown keys, judged candidates outside the pool, small pools, queries without a relevant candidate). */
export function validateSet(minPool = 15): string[] {
  const problems: string[] = [];
  const known: Record<CandidateKind | SourceKind, Set<string>> = {
    project: new Set(P.keys()),
    investor: new Set(I.keys()),
    training: new Set(T.keys()),
    mentor: new Set(mentors.map((m) => m.key)),
    service: new Set(services.map((s) => s.key)),
    founder: new Set(founders.map((f) => f.key)),
  };
  const keys = [...Object.values(known)].flatMap((s) => [...s]);
  if (new Set(keys).size !== keys.length) problems.push('duplicate keys in the set');
  for (const j of journeys) {
    for (const q of j.queries) {
      if (!known[j.source].has(q)) {
        problems.push(`${j.id}: unknown query ${q}`);
        continue;
      }
      const pool = new Set(j.pool(q));
      if (pool.size < minPool) problems.push(`${j.id} ${q}: pool of ${pool.size} < ${minPool}`);
      const grades = j.grades[q] ?? {};
      if (!Object.values(grades).some((g) => g > 0)) problems.push(`${j.id} ${q}: no relevant candidate`);
      for (const [c, g] of Object.entries(grades)) {
        if (!known[j.candidate].has(c)) problems.push(`${j.id} ${q}: unknown candidate ${c}`);
        else if (!pool.has(c)) problems.push(`${j.id} ${q}: judged ${c} (${g}) is not eligible`);
        if (![1, 2, 3].includes(g)) problems.push(`${j.id} ${q}: grade ${g} of ${c} is not 1–3`);
      }
    }
    for (const q of Object.keys(j.grades)) {
      if (j.source === 'project' && j.candidate === 'investor') continue; // the fit matrix also feeds investor→projects
      if (j.id === 'investor→projects') continue;
      if (!j.queries.includes(q)) problems.push(`${j.id}: judged query ${q} is not in the query list`);
    }
  }
  // Every judged project × investor pair must be eligible, whichever direction reads it.
  for (const [p, grades] of Object.entries(judged.projectInvestorFit)) {
    for (const i of Object.keys(grades)) {
      if (!P.has(p) || !I.has(i)) problems.push(`project×investor: unknown ${p} / ${i}`);
      else if (!eligible.projectInvestor(P.get(p)!, I.get(i)!))
        problems.push(`project×investor: ${p} / ${i} judged but not eligible`);
    }
  }
  for (const h of hardCases) {
    const j = journeys.find((x) => x.id === h.journey)!;
    if (!j.queries.includes(h.query)) problems.push(`hard case ${h.query}: not a query of ${h.journey}`);
    else if (!j.pool(h.query).includes(h.candidate))
      problems.push(`hard case ${h.query} → ${h.candidate}: not eligible`);
    const g = j.grades[h.query]?.[h.candidate] ?? 0;
    if ((h.kind === 'distractor') !== g <= 1)
      problems.push(`hard case ${h.query} → ${h.candidate}: grade ${g} does not fit a ${h.kind}`);
  }
  return problems;
}

export type HardCaseKind = 'need in prose' | 'synonym' | 'zh↔en' | 'unknown word' | 'distractor';
export interface HardCase {
  journey: JourneyId;
  query: string;
  candidate: string;
  kind: HardCaseKind;
  note: string;
}

/**
 * Pairs the set was written to contain (all judged above like every other pair). bench/eval.ts reports
 * their rank under each system: relevant ones should rank high, distractors (grade 0–1) low.
 */
export const hardCases: HardCase[] = [
  {
    journey: 'project→mentors',
    query: 'p-ghee-weidian',
    candidate: 'm-lhamo-ecom',
    kind: 'need in prose',
    note: '想开个微店卖酥油, needs only [marketing]',
  },
  {
    journey: 'project→services',
    query: 'p-ghee-weidian',
    candidate: 's-shop-setup',
    kind: 'need in prose',
    note: '微店 in the prose → 网店开店 service (ecommerce)',
  },
  {
    journey: 'project→trainings',
    query: 'p-ghee-weidian',
    candidate: 't-ecom-online',
    kind: 'need in prose',
    note: '微店/抖音 in the prose → e-commerce class',
  },
  {
    journey: 'project→mentors',
    query: 'p-sweet-tea',
    candidate: 'm-basang-tax',
    kind: 'need in prose',
    note: '账都是用本子记, needs only [management]',
  },
  {
    journey: 'project→services',
    query: 'p-felt-crafts',
    candidate: 's-shop-setup',
    kind: 'need in prose',
    note: '也想在网上卖, needs only [rnd_design]',
  },
  {
    journey: 'project→mentors',
    query: 'p-ghee-weidian',
    candidate: 'm-zhao-ecom',
    kind: 'synonym',
    note: '微店 vs 电子商务运营',
  },
  {
    journey: 'project→services',
    query: 'p-thangka-studio',
    candidate: 's-trademark',
    kind: 'synonym',
    note: '登记版权 vs 著作权登记',
  },
  {
    journey: 'project→investors',
    query: 'p-car-rescue',
    candidate: 'i-veteran-loan',
    kind: 'synonym',
    note: '退役军人创业的贴息贷款 vs 退役军人创业扶持贷款 (信用贷款)',
  },
  {
    journey: 'project→mentors',
    query: 'p-basum-guesthouse',
    candidate: 'm-gesang-homestay',
    kind: 'zh↔en',
    note: 'English guesthouse project, Chinese 客栈/OTA bio',
  },
  {
    journey: 'project→trainings',
    query: 'p-basum-guesthouse',
    candidate: 't-homestay-ota',
    kind: 'zh↔en',
    note: 'English project, Chinese 民宿/OTA class',
  },
  {
    journey: 'project→investors',
    query: 'p-basum-guesthouse',
    candidate: 'i-homestay-loan',
    kind: 'zh↔en',
    note: 'English project, Chinese 民宿贷 thesis',
  },
  {
    journey: 'project→mentors',
    query: 'p-yak-leather',
    candidate: 'm-karma-brand',
    kind: 'zh↔en',
    note: 'Chinese project, English brand/packaging bio',
  },
  {
    journey: 'project→mentors',
    query: 'p-pos-saas',
    candidate: 'm-sarah-angel',
    kind: 'zh↔en',
    note: '天使融资 vs English angel/pitch-deck bio',
  },
  {
    journey: 'investor→projects',
    query: 'i-impact-circle',
    candidate: 'p-felt-crafts',
    kind: 'zh↔en',
    note: 'English impact thesis (crafts, women, herders), Chinese craft project',
  },
  {
    journey: 'project→mentors',
    query: 'p-wooden-bowl',
    candidate: 'm-deyang-video',
    kind: 'unknown word',
    note: "抖店/投流: out of the bundled model's vocabulary",
  },
  {
    journey: 'project→investors',
    query: 'p-gear-rental',
    candidate: 'i-angel-club',
    kind: 'unknown word',
    note: 'mixed zh/en text (outdoor gear rental, backpackers)',
  },
  {
    journey: 'project→mentors',
    query: 'p-ghee-weidian',
    candidate: 'm-yang-electronics',
    kind: 'distractor',
    note: '电子工程师 shares 电子 with 电子商务',
  },
  {
    journey: 'project→mentors',
    query: 'p-yak-leather',
    candidate: 'm-tashi-coop',
    kind: 'distractor',
    note: '牦牛养殖 shares 牦牛 with 牦牛皮具',
  },
  {
    journey: 'project→services',
    query: 'p-wooden-bowl',
    candidate: 's-egov',
    kind: 'distractor',
    note: '电子政务/网上办事 vs 网店',
  },
  {
    journey: 'project→trainings',
    query: 'p-wooden-bowl',
    candidate: 't-electrician',
    kind: 'distractor',
    note: '电子电工 vs 电商',
  },
  {
    journey: 'project→trainings',
    query: 'p-basum-guesthouse',
    candidate: 't-guide-exam',
    kind: 'distractor',
    note: '导游资格证 shares 旅游 with a guesthouse',
  },
  {
    journey: 'training→founders',
    query: 't-ecom-online',
    candidate: 'f-x-yang-fan',
    kind: 'distractor',
    note: '电子信息工程 student vs an e-commerce class',
  },
];
