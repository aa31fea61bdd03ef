// Seeded generator of small matching worlds, created through the API (centers, founders, projects,
// mentors, investors, trainings, services) plus introductions and enrolments inserted directly
// through the database (so that capacity and seats can even be over-used, and every status occurs).
// Everything it creates is returned as the API returned it, so a test can re-derive the contract's
// rules from this record alone, independently of the engine.
import { expect } from 'vitest';
import { enrollmentsTable, introductionsTable } from '../../models/schema.ts';
import { FOUNDER_GROUPS, SECTORS, STAGES, TOPICS } from '../../models/enums.ts';
import type { TestApp } from '../harness.ts';

export type Row = Record<string, any>;

/** mulberry32: a small, fast, seeded PRNG. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)];
  const bool = (p = 0.5) => next() < p;
  /** A random subset of between min and max elements (order of the source list). */
  const subset = <T>(xs: readonly T[], min = 0, max = xs.length): T[] => {
    const n = int(min, Math.min(max, xs.length));
    const shuffled = [...xs].sort(() => next() - 0.5);
    const chosen = new Set(shuffled.slice(0, n));
    return xs.filter((x) => chosen.has(x));
  };
  return { next, int, pick, bool, subset };
}
export type Rand = ReturnType<typeof prng>;

// Two prefectures (Lhasa 5401, Shigatse 5402), a few counties of each, and the region root.
export const LHASA_COUNTIES = ['540102', '540103', '540121'];
export const SHIGATSE_COUNTIES = ['540202', '540221', '540222'];
export const PLACES = [...LHASA_COUNTIES, ...SHIGATSE_COUNTIES, '540000'];
/** Where an entity is: mostly a county, sometimes a whole prefecture or the region root. */
const place = (r: Rand) => (r.bool(0.85) ? r.pick(PLACES) : r.pick(['540100', '540200']));
/** Codes a coverage list may name: counties, the two prefectures, the root. */
export const COVER_CODES = [...LHASA_COUNTIES, '540100', ...SHIGATSE_COUNTIES, '540200', '540000'];
export const LANGS = ['zh', 'bo', 'en'] as const;
export const PROVIDERS = ['GEN-PROV-A 拉萨创业培训基地', 'GEN-PROV-B 日喀则职业技术学校'];

const PROJECT_TEXTS = [
  ['酥油微店', '想开个微店卖酥油，也想在抖音上做推广。'],
  ['牦牛奶酪', '牦牛奶酪加工坊，产品需要SC认证和第三方检测。'],
  ['唐卡文创', '唐卡图案做成文创产品，担心被抄袭，想注册商标。'],
  ['光储微电网', '牧区光储微电网，需要检测认证，争取清洁取暖政策补贴。'],
  ['藏文输入法', '藏文输入法App，想找天使投资，也要申请软件著作权。'],
  ['民宿', '在日喀则开了一家民宿，冬季淡季客源不足，需要营销。'],
  ['Trekking lodge', 'Trekking guesthouse near Everest; we need help with branding and online bookings.'],
  ['边贸冷链', '在吉隆口岸做边贸报关和冷链仓储，需要贷款备货。'],
  ['青稞饼干', '青稞饼干小作坊，还没注册公司，不知道营业执照怎么办。'],
  ['Yak wool', 'Yak wool scarves sold online; we need a microloan and bookkeeping help.'],
];
const MENTOR_BIOS = [
  '电商运营专家，帮助合作社开网店、做直播带货。',
  '食品科学副教授，辅导认证检测与研发设计。',
  '注册会计师，多年为小微企业做财税指导。',
  '律师，擅长合同与知识产权保护。',
  'Angel investor and startup coach; helps founders write business plans and pitch.',
  '文旅营销策划，做过多家民宿品牌推广。',
  '银行信贷经理，熟悉创业担保贷款政策。',
  'Software engineer mentoring digital products and Tibetan-language apps.',
];
const THESES = [
  '投拉萨早期高原特色消费品。',
  '关注清洁能源与绿色工业项目。',
  'Early-stage digital and tourism startups in Tibet.',
  '普惠金融，支持农牧民合作社贷款。',
  '政府引导基金，投资成长期企业。',
];
const TRAINING_TEXTS = [
  ['电商直播训练营', '手把手教开网店、直播带货与短视频营销。'],
  ['创业计划书工作坊', '项目策划、商业计划书与路演辅导。'],
  ['财税入门', '小微企业记账报税与发票管理。'],
  ['Digital skills bootcamp', 'Online tools, e-commerce platforms and digital marketing for founders.'],
  ['认证检测实务', '食品SC认证、检测送样流程。'],
  ['非遗技艺提升班', '唐卡、藏香等非遗技艺与文创设计。'],
];
const SERVICE_TEXTS = [
  ['企业注册代办', '三个工作日办结营业执照。'],
  ['创业担保贷款受理', '协助申请创业担保贷款与贴息。'],
  ['知识产权服务', '商标注册与专利申请代理。'],
  ['Legal aid desk', 'Contract review and legal advice for small firms.'],
  ['检测认证服务', '对接第三方检测机构，办理SC认证。'],
  ['电商孵化服务', '网店开设、产品拍摄与运营培训。'],
];
const INTERESTS = [
  '想学直播带货',
  '对非遗文创感兴趣',
  'I want to learn bookkeeping and taxes',
  '想了解创业贷款政策',
  '',
  '牦牛产品加工',
];

/** YYYY-MM-DD in Asia/Shanghai (written here again so the tests do not lean on the code under test). */
export const shanghaiToday = (now = new Date()) => {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const get = (k: string) => parts.find((p) => p.type === k)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
};
export const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export interface Intro {
  projectId: string;
  targetKind: 'mentor' | 'investor';
  targetId: string;
  status: 'requested' | 'accepted' | 'declined' | 'ended';
}
export interface Enrollment {
  trainingId: string;
  founderId: string;
}

export interface World {
  seed: number;
  today: string;
  centers: Row[];
  founders: Row[];
  projects: Row[];
  mentors: Row[];
  investors: Row[];
  trainings: Row[];
  services: Row[];
  introductions: Intro[];
  enrollments: Enrollment[];
}

export interface Sizes {
  founders: number;
  projects: number;
  mentors: number;
  investors: number;
  trainings: number;
  services: number;
  introductions: number;
  enrollments: number;
}
export const DEFAULT_SIZES: Sizes = {
  founders: 8,
  projects: 8,
  mentors: 8,
  investors: 6,
  trainings: 8,
  services: 6,
  introductions: 10,
  enrollments: 8,
};

const langs = (r: Rand) => r.subset(LANGS, 1, 3);
const maybe = <T>(r: Rand, p: number, v: () => T): T | undefined => (r.bool(p) ? v() : undefined);
const TICKETS = [0, 50_000, 100_000, 200_000, 500_000, 1_000_000, 3_000_000];
const NEEDS_CNY = [0, 30_000, 50_000, 100_000, 300_000, 1_000_000, 5_000_000];

/** Creates a world from `seed` through the API (as admin); returns what was created. */
export async function generateWorld(t: TestApp, seed: number, sizes: Partial<Sizes> = {}): Promise<World> {
  const n = { ...DEFAULT_SIZES, ...sizes };
  const r = prng(seed);
  const today = shanghaiToday();
  const tag = `g${seed}`;
  const post = async (path: string, body: Row): Promise<Row> => {
    const res = await t.request('POST', path, { body });
    expect(res.status, `POST ${path} ${JSON.stringify(body)} → ${res.status} ${res.text}`).toBe(201);
    return res.body;
  };

  const centers = [
    await post('/v1/centers', { name: `${tag} 拉萨众创空间`, regionCode: '540102', kind: 'makerspace', pilot: false }),
    await post('/v1/centers', { name: `${tag} 日喀则孵化器`, regionCode: '540202', kind: 'incubator', pilot: false }),
  ];

  const founders: Row[] = [];
  for (let i = 0; i < n.founders; i++) {
    const interests = r.pick(INTERESTS);
    founders.push(
      await post('/v1/founders', {
        name: `${tag} 创业者${i}`,
        groups: r.subset(FOUNDER_GROUPS, 1, 2),
        regionCode: place(r),
        languages: langs(r),
        ...(interests ? { interests } : {}),
        ...(r.bool(0.8) ? { centerId: r.pick(centers).id } : {}),
        contact: { phone: `1380000${String(seed % 1000).padStart(3, '0')}${i}`, wechat: `GEN-CONTACT-${tag}-${i}` },
      }),
    );
  }

  const projects: Row[] = [];
  for (let i = 0; i < n.projects; i++) {
    const [title, description] = r.pick(PROJECT_TEXTS);
    const funding = maybe(r, 0.7, () => r.pick(NEEDS_CNY));
    projects.push(
      await post('/v1/projects', {
        title: `${tag} ${title}${i}`,
        description,
        sector: r.pick(SECTORS),
        stage: r.pick(STAGES),
        regionCode: place(r),
        ...(r.bool(0.85) ? { centerId: r.pick(centers).id } : {}),
        founderIds: r.subset(
          founders.map((f) => f.id),
          1,
          2,
        ),
        needs: r.subset(TOPICS, 0, 3),
        ...(funding !== undefined ? { fundingNeedCny: funding } : {}),
        languages: langs(r),
        // vetted about half the time, so that both investor directions have something to find
        status: r.bool(0.6) ? 'vetted' : r.pick(['draft', 'submitted', 'rejected']),
        ...(r.bool(0.5) ? { confidential: { note: `GEN-CONF-${tag}-${i}` } } : {}),
      }),
    );
  }

  const mentors: Row[] = [];
  for (let i = 0; i < n.mentors; i++) {
    mentors.push(
      await post('/v1/mentors', {
        name: `${tag} 导师${i}`,
        bio: r.pick(MENTOR_BIOS),
        expertise: r.subset(TOPICS, 0, 3),
        sectors: r.subset(SECTORS, 0, 2),
        languages: langs(r),
        regionCode: place(r),
        remote: r.bool(0.4),
        capacity: r.int(0, 3),
        active: r.bool(0.8),
        contact: { wechat: `GEN-MCONTACT-${tag}-${i}` },
      }),
    );
  }

  const investors: Row[] = [];
  for (let i = 0; i < n.investors; i++) {
    const a = r.pick(TICKETS);
    const b = r.pick(TICKETS);
    investors.push(
      await post('/v1/investors', {
        name: `${tag} 投资方${i}`,
        kind: r.pick(['angel', 'vc', 'bank', 'gov_fund', 'inclusive_finance'] as const),
        thesis: r.pick(THESES),
        sectors: r.bool(0.5) ? [] : r.subset(SECTORS, 1, 3),
        stages: r.bool(0.5) ? [] : r.subset(STAGES, 1, 3),
        ticketMinCny: Math.min(a, b),
        ticketMaxCny: Math.max(a, b),
        regionCodes: r.bool(0.5) ? [] : r.subset(COVER_CODES, 1, 2),
        active: r.bool(0.85),
        contact: { wechat: `GEN-ICONTACT-${tag}-${i}` },
      }),
    );
  }

  const trainings: Row[] = [];
  for (let i = 0; i < n.trainings; i++) {
    const [title, description] = r.pick(TRAINING_TEXTS);
    // some ended yesterday or earlier, some end today (still eligible), most later
    const endsOn = addDays(today, r.pick([-10, -1, 0, 1, 7, 30, 60]));
    trainings.push(
      await post('/v1/trainings', {
        title: `${tag} ${title}${i}`,
        description,
        provider: r.pick(PROVIDERS),
        providerKind: r.pick(['training_base', 'vocational_school', 'university'] as const),
        topics: r.subset(TOPICS, 1, 3),
        targetGroups: r.bool(0.4) ? [] : r.subset(FOUNDER_GROUPS, 1, 3),
        stages: r.bool(0.4) ? [] : r.subset(STAGES, 1, 3),
        regionCode: place(r),
        mode: r.pick(['onsite', 'onsite', 'online', 'enclave'] as const),
        seats: r.int(0, 3),
        startsOn: addDays(endsOn, -r.int(0, 20)),
        endsOn,
        languages: langs(r),
      }),
    );
  }

  const services: Row[] = [];
  for (let i = 0; i < n.services; i++) {
    const [name, description] = r.pick(SERVICE_TEXTS);
    services.push(
      await post('/v1/services', {
        name: `${tag} ${name}${i}`,
        category: r.pick(TOPICS),
        provider: r.pick(['政务窗口', '双创中心', 'Law firm']),
        description,
        ...(r.bool(0.5) ? { centerId: r.pick(centers).id } : {}),
        regionCodes: r.bool(0.4) ? [] : r.subset(COVER_CODES, 1, 2),
        voucherEligible: r.bool(),
        languages: langs(r),
      }),
    );
  }

  // Introductions: every status, several accepted ones per mentor so capacity runs out (or over).
  const introductions: Intro[] = [];
  const seen = new Set<string>();
  for (let k = 0; k < n.introductions * 4 && introductions.length < n.introductions; k++) {
    const mentor = r.bool(0.65);
    const target = mentor ? r.pick(mentors) : r.pick(investors);
    const project = r.pick(projects);
    const key = `${project.id}/${target.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const status = mentor
      ? r.pick(['requested', 'accepted', 'accepted', 'declined', 'ended'] as const)
      : r.pick(['requested', 'accepted', 'declined', 'ended'] as const);
    introductions.push({
      projectId: project.id,
      targetKind: mentor ? 'mentor' : 'investor',
      targetId: target.id,
      status,
    });
  }
  if (introductions.length) {
    await t.db.insert(introductionsTable).values(
      introductions.map((x) => ({
        ...x,
        requestedBy: 'generator',
        ...(x.status !== 'requested' ? { decidedAt: new Date() } : {}),
        ...(x.status === 'ended' ? { endedAt: new Date() } : {}),
      })),
    );
  }

  // Enrolments: a founder of some project in some training (seats may end up full or over-full).
  const enrollments: Enrollment[] = [];
  const taken = new Set<string>();
  for (let k = 0; k < n.enrollments * 4 && enrollments.length < n.enrollments; k++) {
    const training = r.pick(trainings);
    const founder = r.bool(0.7)
      ? r.pick(founders.filter((f) => projects.some((p) => p.founderIds.includes(f.id))))
      : r.pick(founders);
    const key = `${training.id}/${founder.id}`;
    if (taken.has(key)) continue;
    taken.add(key);
    enrollments.push({ trainingId: training.id, founderId: founder.id });
  }
  if (enrollments.length) await t.db.insert(enrollmentsTable).values(enrollments);

  return {
    seed,
    today,
    centers,
    founders,
    projects,
    mentors,
    investors,
    trainings,
    services,
    introductions,
    enrollments,
  };
}
