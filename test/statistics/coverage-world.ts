// A random world for the statistics figures (seeded PRNG): centers with a status history (closed,
// suspended, reopened), founders across counties and prefecture codes (erased, moved between centers,
// backdated), graduates with projects, introductions and enrolments, targets missing, zero or set.
// The records are kept in plain objects too, so tests count them by brute force and compare.
import { sql } from 'drizzle-orm';
import { CENTER_KINDS, PROVIDER_KINDS, SECTORS, STAGES, TOPICS, TRAINING_MODES } from '../../models/enums.ts';
import {
  centersTable,
  enrollmentsTable,
  foundersTable,
  introductionsTable,
  projectFoundersTable,
  projectsTable,
  regionTargetsTable,
  trainingsTable,
} from '../../models/schema.ts';
import { uuidv7 } from '../../models/common/uuid.ts';
import { regions } from '../../seeds/reference/regions.ts';
import type { Db } from '../../src/db/client.ts';
import { todayInShanghai } from '../../src/lifecycle/access.ts';

/** mulberry32: small, fast, reproducible. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
  };
}

export interface WCenter {
  id: string;
  regionCode: string;
  kind: string;
  /** In the order recorded (a later entry wins a tie on `since`). */
  history: { status: string; since: string }[];
}
export interface WFounder {
  id: string;
  regionCode: string;
  centerId: string | null;
  createdDay: string;
  erased: boolean;
  graduate: boolean;
  graduationYear: number | null;
  leftSchoolUnemployed: boolean | null;
  introduced: boolean;
  enrolled: boolean;
}
export interface World {
  centers: WCenter[];
  founders: WFounder[];
  /** `${code}:${year}` → potential founders (zero allowed). */
  targets: Map<string, { potentialFounders: number; centers: number | null }>;
  today: string;
}

export const addDays = (day: string, n: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/** The center operates on `day`: its latest history entry with since ≤ day (ties: the later recorded) says so. */
export function operatesOn(c: WCenter, day: string): boolean {
  let last: { status: string; since: string } | null = null;
  for (const h of c.history) if (h.since <= day && (!last || h.since >= last.since)) last = h;
  return last?.status === 'operating';
}

const counties = regions.filter((r) => r.level === 'county');
const prefectures = regions.filter((r) => r.level === 'prefecture');

export async function buildWorld(db: Db, seed: number): Promise<World> {
  const r = prng(seed);
  const today = todayInShanghai();
  const thisYear = Number(today.slice(0, 4));
  const dayBetween = (from: string, to: string) => {
    const a = Date.parse(`${from}T00:00:00Z`);
    const b = Date.parse(`${to}T00:00:00Z`);
    return new Date(a + Math.floor(r.next() * ((b - a) / 86_400_000 + 1)) * 86_400_000).toISOString().slice(0, 10);
  };
  const yesterday = addDays(today, -1);

  // Centers already there (the reference pilot centers): their one history entry is their current status.
  const existing = await db
    .select({
      id: centersTable.id,
      regionCode: centersTable.regionCode,
      kind: centersTable.kind,
      status: centersTable.status,
      since: centersTable.statusSince,
    })
    .from(centersTable);
  const centers: WCenter[] = existing.map((c) => ({
    id: c.id,
    regionCode: c.regionCode,
    kind: c.kind,
    history: [{ status: c.status, since: c.since }],
  }));

  // 40 centers in a third of the counties (many without one) and some at prefecture codes.
  const centerCounties = counties.filter(() => r.chance(0.35));
  for (let i = 0; i < 40; i++) {
    const regionCode = r.chance(0.15) ? r.pick(prefectures).code : r.pick(centerCounties).code;
    const kind = r.pick(CENTER_KINDS);
    const steps = r.int(1, 4);
    const history: { status: string; since: string }[] = [];
    let since = dayBetween('2017-06-01', '2021-06-30');
    for (let s = 0; s < steps; s++) {
      const status =
        s === 0
          ? r.pick(['planned', 'approved', 'operating', 'operating'] as const)
          : r.pick(['operating', 'suspended', 'closed', 'operating'] as const);
      // Sometimes a correction on the same day (a tie: the later recorded wins).
      if (s > 0 && !r.chance(0.15)) since = dayBetween(since, yesterday);
      history.push({ status, since });
    }
    const [row] = await db
      .insert(centersTable)
      .values({
        name: `统计中心 ${i}`,
        regionCode,
        kind,
        status: history[0].status as never,
        statusSince: history[0].since,
      })
      .returning({ id: centersTable.id });
    for (const h of history.slice(1))
      await db
        .update(centersTable)
        .set({ status: h.status as never, statusSince: h.since })
        .where(sql`id = ${row.id}`);
    centers.push({ id: row.id, regionCode, kind, history });
  }
  const pickCenter = () => (r.chance(0.55) ? r.pick(centers).id : null);

  // 500 founders: counties, some at a prefecture code or the region's code.
  const trainingIds: string[] = [];
  for (let i = 0; i < 3; i++) {
    const [t] = await db
      .insert(trainingsTable)
      .values({
        title: `培训 ${i}`,
        description: '统计测试',
        provider: '测试',
        providerKind: PROVIDER_KINDS[0],
        topics: [TOPICS[0]],
        targetGroups: [],
        stages: [STAGES[0]],
        regionCode: '540100',
        mode: TRAINING_MODES[0],
        seats: 50,
        startsOn: '2025-01-01',
        endsOn: '2025-02-01',
        languages: ['zh'],
      } as never)
      .returning({ id: trainingsTable.id });
    trainingIds.push(t.id);
  }
  const founders: WFounder[] = [];
  const rows: (typeof foundersTable.$inferInsert)[] = [];
  for (let i = 0; i < 500; i++) {
    const regionCode = r.chance(0.08)
      ? r.pick(prefectures).code
      : r.chance(0.03)
        ? '540000'
        : r.chance(0.7)
          ? r.pick(centerCounties).code
          : r.pick(counties).code;
    const createdDay = r.chance(0.1) ? today : dayBetween('2018-01-01', yesterday);
    const graduate = r.chance(0.5);
    const erased = r.chance(0.1);
    const graduationYear = graduate && !erased ? r.int(thisYear - 7, thisYear) : null;
    const leftSchoolUnemployed = graduate && !erased ? (r.chance(0.15) ? null : r.chance(0.5)) : null;
    const f: WFounder = {
      id: uuidv7(),
      regionCode,
      centerId: pickCenter(),
      createdDay,
      erased,
      graduate,
      graduationYear,
      leftSchoolUnemployed,
      introduced: false,
      enrolled: false,
    };
    founders.push(f);
    rows.push({
      id: f.id,
      name: erased ? '' : `创业者 ${i}`,
      groups: graduate ? ['graduate'] : [r.pick(['student', 'researcher'] as const)],
      regionCode,
      languages: ['zh'],
      centerId: f.centerId,
      graduationYear,
      leftSchoolUnemployed,
      erasedAt: erased ? new Date() : null,
      // Noon in Lhasa of the day (today: now, so "created by the end of today" holds).
      createdAt: createdDay === today ? new Date() : new Date(`${createdDay}T12:00:00+08:00`),
    });
  }
  await db.insert(foundersTable).values(rows);

  // Moves: a tenth of the founders change center (or leave one) after creation.
  for (const f of founders.filter(() => r.chance(0.1))) {
    f.centerId = pickCenter();
    await db.update(foundersTable).set({ centerId: f.centerId }).where(sql`id = ${f.id}`);
  }

  // Graduates' projects: introductions accepted, declined, ended after acceptance or never decided.
  for (const f of founders.filter((x) => x.graduate && !x.erased && r.chance(0.6))) {
    const [p] = await db
      .insert(projectsTable)
      .values({
        title: 'p',
        description: 'p',
        sector: SECTORS[0],
        stage: STAGES[0],
        regionCode: f.regionCode,
        needs: [TOPICS[0]],
        languages: ['zh'],
      })
      .returning({ id: projectsTable.id });
    await db.insert(projectFoundersTable).values({ projectId: p.id, founderId: f.id });
    const kind = r.pick(['accepted', 'declined', 'ended_after_accept', 'ended_undecided', 'requested'] as const);
    const decided = kind === 'accepted' || kind === 'declined' || kind === 'ended_after_accept';
    await db.insert(introductionsTable).values({
      projectId: p.id,
      targetKind: 'mentor',
      targetId: uuidv7(),
      status: kind.startsWith('ended') ? 'ended' : (kind as 'accepted' | 'declined' | 'requested'),
      decidedAt: decided ? new Date() : null,
      endedAt: kind.startsWith('ended') ? new Date() : null,
    });
    if (kind === 'accepted' || kind === 'ended_after_accept') f.introduced = true;
  }
  for (const f of founders.filter((x) => !x.erased && r.chance(0.3))) {
    await db.insert(enrollmentsTable).values({ trainingId: r.pick(trainingIds), founderId: f.id });
    f.enrolled = true;
  }

  // Targets: this year and last year, for prefectures, counties and the region; some missing, some zero.
  const targets = new Map<string, { potentialFounders: number; centers: number | null }>();
  for (const year of [thisYear, thisYear - 1])
    for (const area of regions) {
      if (r.chance(0.3)) continue;
      const t = { potentialFounders: r.chance(0.1) ? 0 : r.int(1, 120), centers: r.chance(0.5) ? r.int(0, 5) : null };
      targets.set(`${area.code}:${year}`, t);
      await db.insert(regionTargetsTable).values({ regionCode: area.code, year, ...t });
    }
  return { centers, founders, targets, today };
}
