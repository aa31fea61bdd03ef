// A random world for the funnel and scorecard tests (seeded PRNG): centers in two prefectures, founders,
// projects moving through the lifecycle through the real API and the domain functions of src/lifecycle/
// and src/engagement/ (submitted, vetted or rejected, moved to another center, applied, admitted,
// graduated or exited), introductions to mentors and investors (accepted, declined, ended), trainings
// with enrolments, monthly outcomes. Every step the generator takes is written down in a LEDGER with
// the center it knows the project was in, then its row is moved to a random day of the year: the
// tests compare the figures with counts over the ledger (the oracle), not with the figure's SQL.
import { and, desc, eq } from 'drizzle-orm';
import { apiKeysTable } from '../../models/api-keys/table.ts';
import { auditTable } from '../../models/audit/table.ts';
import { applicationsTable } from '../../models/applications/table.ts';
import { enrollmentsTable } from '../../models/enrollments/table.ts';
import { incubationsTable } from '../../models/incubations/table.ts';
import { introductionsTable } from '../../models/introductions/table.ts';
import { projectsTable } from '../../models/projects/table.ts';
import { trainingsTable } from '../../models/trainings/table.ts';
import type { Actor } from '../../src/auth/actor.ts';
import { generateKey, hashKey } from '../../src/auth/keys.ts';
import { Introductions } from '../../src/engagement/introductions.ts';
import { todayInShanghai } from '../../src/lifecycle/access.ts';
import {
  apply,
  decide,
  exitProject,
  graduate,
  putAdmissionForm,
  putOutcome,
  submitReview,
} from '../../src/lifecycle/index.ts';
import type { TestApp } from '../harness.ts';
import { founderBody, investorBody, mentorBody, projectBody, trainingBody } from '../auth/world.ts';

export const ADMIN: Actor = { role: 'admin', keyId: null, subjectId: null, centerId: null };

/** mulberry32: a small seeded PRNG. */
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
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
  };
}

export interface LedgerEvent {
  step: 'submitted' | 'reviewed' | 'admitted' | 'graduated' | 'requested' | 'accepted' | 'ended';
  kind: '' | 'mentor' | 'investor';
  centerId: string | null;
  /** the center's region, else the project's */
  regionCode: string;
  day: string;
  projectId: string;
  /** the mentor of a mentor introduction */
  targetId?: string;
}

export interface StatsWorld {
  centers: { id: string; regionCode: string }[];
  ledger: LedgerEvent[];
  trainings: { id: string; regionCode: string; day: string; seats: number; filled: number }[];
  /** founder id → center id */
  founders: { id: string; centerId: string }[];
  enrolments: { founderId: string; day: string }[];
  year: string;
  today: string;
}

export const PROJECT_REGION = '540102';
const CENTERS = [
  { name: '统计中心甲（城关）', regionCode: '540102' },
  { name: '统计中心乙（堆龙）', regionCode: '540103' },
  { name: '统计中心丙（日喀则）', regionCode: '540202' },
  { name: '统计中心丁（昌都）', regionCode: '540302' },
];

/** A random day of the current year up to today (YYYY-MM-DD). */
function dayPicker(r: ReturnType<typeof prng>, today: string) {
  const end = Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1, Number(today.slice(8, 10)));
  /** A random day from `after` (default: January 1st) to today: a record's steps keep their order. */
  return (after = `${today.slice(0, 4)}-01-01`) => {
    const start = Date.parse(`${after}T00:00:00Z`);
    return new Date(start + r.int(Math.floor((end - start) / 86_400_000) + 1) * 86_400_000).toISOString().slice(0, 10);
  };
}
/** Noon of a day in Asia/Shanghai. */
const noon = (day: string) => new Date(`${day}T12:00:00+08:00`);

export async function buildStatsWorld(t: TestApp, seed: number, size = 24): Promise<StatsWorld> {
  const r = prng(seed);
  const today = todayInShanghai();
  const randomDay = dayPicker(r, today);
  const post = async (path: string, body: unknown) => {
    const res = await t.request('POST', path, { body });
    if (res.status !== 201 && res.status !== 200) throw new Error(`${path}: ${res.status} ${res.text}`);
    return res.body;
  };
  const patch = async (path: string, body: unknown) => {
    const res = await t.request('PATCH', path, { body });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${res.text}`);
    return res.body;
  };
  const centers: StatsWorld['centers'] = [];
  for (const c of CENTERS) {
    const made = await post('/v1/centers', { ...c, kind: 'incubator', pilot: false });
    centers.push({ id: made.id, regionCode: c.regionCode });
    await putAdmissionForm(t.db, ADMIN, made.id, {
      questions: [],
      criteria: [{ id: 'team', name: { zh: '团队' }, weight: 1 }],
      scale: 5,
      minReviews: 1,
    } as any);
  }
  const regionOf = new Map(centers.map((c) => [c.id, c.regionCode]));
  const founders: StatsWorld['founders'] = [];
  for (const [i, c] of centers.entries())
    for (let k = 0; k < 2; k++) {
      const f = await post('/v1/founders', founderBody(`统计创业者${i}-${k}`, `wx-stat-${i}-${k}`, c.id));
      founders.push({ id: f.id, centerId: c.id });
    }
  const mentors: string[] = [];
  for (let k = 0; k < 3; k++)
    mentors.push((await post('/v1/mentors', { ...mentorBody(`统计导师${k}`, `wx-m-${k}`), capacity: 50 })).id);
  const investors: string[] = [];
  for (let k = 0; k < 2; k++)
    investors.push((await post('/v1/investors', investorBody(`统计投资人${k}`, `wx-i-${k}`))).id);

  const ledger: LedgerEvent[] = [];
  const note = (e: Omit<LedgerEvent, 'regionCode'>) =>
    ledger.push({ ...e, regionCode: e.centerId ? regionOf.get(e.centerId)! : PROJECT_REGION });
  // The newest audit entry of an entity (the one the step just wrote), moved to `day`.
  const backdateAudit = async (entityId: string, action: string, day: string) => {
    const [row] = await t.db
      .select({ id: auditTable.id })
      .from(auditTable)
      .where(and(eq(auditTable.entityId, entityId), eq(auditTable.action, action)))
      .orderBy(desc(auditTable.createdAt), desc(auditTable.id))
      .limit(1);
    if (!row) throw new Error(`no ${action} entry for ${entityId}`);
    await t.db
      .update(auditTable)
      .set({ createdAt: noon(day) })
      .where(eq(auditTable.id, row.id));
  };
  const intros = new Introductions(t.db);

  for (let p = 0; p < size; p++) {
    let center = r.pick(centers).id;
    const founder = founders.find((f) => f.centerId === center)!;
    const initial = r.pick(['draft', 'submitted', 'submitted', 'vetted'] as const);
    const proj = await post('/v1/projects', {
      ...projectBody({ title: `统计项目${p}`, centerId: center, founderIds: [founder.id], status: initial }),
      regionCode: PROJECT_REGION,
    });
    const id: string = proj.id;
    const created = randomDay();
    let cursor = created;
    const nextDay = () => {
      cursor = randomDay(cursor);
      return cursor;
    };
    await t.db
      .update(projectsTable)
      .set({ createdAt: noon(created) })
      .where(eq(projectsTable.id, id));
    if (initial === 'submitted') note({ step: 'submitted', kind: '', centerId: center, day: created, projectId: id });
    if (initial === 'vetted') {
      note({ step: 'reviewed', kind: '', centerId: center, day: created, projectId: id });
      await backdateAudit(id, 'project.status', created);
    }
    let status: string = initial;
    if (status === 'draft' && r.chance(0.7)) {
      await patch(`/v1/projects/${id}`, { status: 'submitted' });
      const day = nextDay();
      await backdateAudit(id, 'project.status', day);
      note({ step: 'submitted', kind: '', centerId: center, day, projectId: id });
      status = 'submitted';
    }
    if (status === 'submitted' && r.chance(0.6)) {
      const to = r.pick(['vetted', 'vetted', 'rejected'] as const);
      await patch(`/v1/projects/${id}`, { status: to });
      const day = nextDay();
      await backdateAudit(id, 'project.status', day);
      note({ step: 'reviewed', kind: '', centerId: center, day, projectId: id });
      status = to;
    }
    // Moved by an admin: a decided project goes back to review at its new center.
    if ((status === 'vetted' || status === 'rejected') && r.chance(0.3)) {
      const to = r.pick(centers.filter((c) => c.id !== center)).id;
      await patch(`/v1/projects/${id}`, { centerId: to });
      center = to;
      const day = nextDay();
      await backdateAudit(id, 'project.resubmitted', day);
      note({ step: 'submitted', kind: '', centerId: center, day, projectId: id });
      status = 'submitted';
    }
    // Applies, to its center or another one (the admitting center takes it).
    if ((status === 'submitted' || status === 'vetted') && r.chance(0.6)) {
      const to = r.chance(0.25) ? r.pick(centers).id : center;
      const app = await apply(t.db, ADMIN, { projectId: id, centerId: to, answers: {} });
      await submitReview(t.db, ADMIN, app.id, { scores: { team: 4 }, recommendation: 'admit' } as any);
      if (r.chance(0.85)) {
        const decision = r.pick(['admitted', 'admitted', 'rejected', 'waitlisted'] as const);
        await decide(t.db, ADMIN, app.id, { decision, reason: '统计测试' });
        const day = nextDay();
        await t.db
          .update(applicationsTable)
          .set({ decidedAt: noon(day) })
          .where(eq(applicationsTable.id, app.id));
        note({ step: 'reviewed', kind: '', centerId: to, day, projectId: id });
        if (decision === 'admitted') {
          note({ step: 'admitted', kind: '', centerId: to, day, projectId: id });
          center = to;
          status = 'incubating';
        }
      }
    }
    if (status === 'incubating') {
      const month = today.slice(0, 7);
      const months = [month, `${today.slice(0, 4)}-01`, `${Number(today.slice(0, 4)) - 1}-12`];
      for (const period of months)
        if (r.chance(0.6))
          await putOutcome(t.db, ADMIN, id, period, {
            employees: r.int(20),
            graduatesHired: r.int(5),
            localHires: r.int(8),
            revenueCny: r.int(100_000),
            fundingRaisedCny: r.int(500_000),
            ipFilings: r.int(3),
          } as any);
      const end = r.next();
      if (end < 0.5) {
        await graduate(t.db, ADMIN, id, { graduatedOn: today });
        const day = nextDay();
        await t.db
          .update(incubationsTable)
          .set({ endedOn: day })
          .where(and(eq(incubationsTable.projectId, id), eq(incubationsTable.end, 'graduated')));
        note({ step: 'graduated', kind: '', centerId: center, day, projectId: id });
      } else if (end < 0.7) {
        await exitProject(t.db, ADMIN, id, { reason: 'other' } as any);
      }
    }
    // Introductions (a mentor or an investor), asked while the project was with `center`.
    for (let k = r.int(3); k > 0; k--) {
      const kind = r.pick(['mentor', 'investor'] as const);
      const targetId = r.pick(kind === 'mentor' ? mentors : investors);
      let intro: { id: string };
      try {
        intro = await intros.request(ADMIN, { projectId: id, targetKind: kind, targetId, message: null });
      } catch {
        continue; // e.g. an open one to the same target, or an exited project
      }
      const asked = randomDay(created);
      await t.db
        .update(introductionsTable)
        .set({ createdAt: noon(asked) })
        .where(eq(introductionsTable.id, intro.id));
      note({ step: 'requested', kind, centerId: center, day: asked, projectId: id, targetId });
      const fate = r.next();
      if (fate < 0.6) {
        await intros.decide(ADMIN, intro.id, 'accept');
        const day = randomDay(asked);
        await t.db
          .update(introductionsTable)
          .set({ decidedAt: noon(day) })
          .where(eq(introductionsTable.id, intro.id));
        note({ step: 'accepted', kind, centerId: center, day, projectId: id, targetId });
        if (r.chance(0.4)) {
          await intros.end(ADMIN, intro.id);
          const ended = randomDay(day);
          await t.db
            .update(introductionsTable)
            .set({ endedAt: noon(ended) })
            .where(eq(introductionsTable.id, intro.id));
          note({ step: 'ended', kind, centerId: center, day: ended, projectId: id, targetId });
        }
      } else if (fate < 0.8) {
        await intros.decide(ADMIN, intro.id, 'decline');
      } else if (fate < 0.9) {
        await intros.end(ADMIN, intro.id); // closed unanswered: ends nothing in the funnel
      }
    }
  }

  const trainings: StatsWorld['trainings'] = [];
  const enrolments: StatsWorld['enrolments'] = [];
  for (let k = 0; k < 6; k++) {
    const regionCode = r.pick(['540102', '540103', '540202', '540302', '540100']);
    const seats = 2 + r.int(5);
    const tr = await post('/v1/trainings', {
      ...trainingBody(`统计培训${k}`, 'PROV-STAT'),
      regionCode,
      seats,
      targetGroups: [],
    });
    const day = randomDay();
    let filled = 0;
    for (const f of founders)
      if (filled < seats && r.chance(0.3)) {
        const res = await t.request('POST', `/v1/trainings/${tr.id}/enrollments`, { body: { founderId: f.id } });
        if (res.status !== 201) continue;
        const at = randomDay();
        await t.db
          .update(enrollmentsTable)
          .set({ createdAt: noon(at) })
          .where(and(eq(enrollmentsTable.trainingId, tr.id), eq(enrollmentsTable.founderId, f.id)));
        enrolments.push({ founderId: f.id, day: at });
        filled++;
      }
    // Moved to its day after the enrolments (a training that started takes none).
    await t.db.update(trainingsTable).set({ startsOn: day, endsOn: day }).where(eq(trainingsTable.id, tr.id));
    trainings.push({ id: tr.id, regionCode, day, seats, filled });
  }
  return { centers, ledger, trainings, founders, enrolments, year: today.slice(0, 4), today };
}

/** A region_admin API key bound to `regionCode`, inserted directly (POST /v1/api-keys may not issue the role yet). */
export async function regionAdminKey(t: TestApp, regionCode: string): Promise<string> {
  const key = generateKey();
  await t.db.insert(apiKeysTable).values({
    keyHash: hashKey(key),
    prefix: key.slice(0, 8),
    role: 'region_admin',
    regionCode,
    label: `test region_admin ${regionCode}`,
  });
  return key;
}
