// Property (issue 21, "Done when"): random sequences of actions (apply, review, decide, graduate,
// exit, PATCH status, material edit, outcomes, lock) by random actors through the API never make an
// illegal status change, and every accepted change has exactly one audit entry. Also: no 5xx, at
// most one open application per project and center, and a running incubation exactly while incubating.
import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_STATUSES, type ProjectStatus } from '../../models/enums.ts';
import { applicationsTable, auditTable, incubationsTable, projectsTable } from '../../models/schema.ts';
import { todayInShanghai } from '../../src/lifecycle/access.ts';
import { canTransition } from '../../src/lifecycle/transitions.ts';
import { buildWorld, createKey, ok, projectBody, type World } from '../auth/world.ts';
import { startTestApp, type TestApp } from '../harness.ts';

let t: TestApp;
let w: World;
let keys: Record<string, string>;
beforeAll(async () => {
  t = await startTestApp();
  w = await buildWorld(t);
  keys = { ...w.keys, staffA2: (await createKey(t, 'center_staff', { centerId: w.cA })).key };
  await ok(
    t.request('PUT', `/v1/centers/${w.cA}/admission-form`, {
      body: {
        questions: [{ id: 'team', text: { zh: '团队' }, required: true }],
        criteria: [
          { id: 'market', name: { zh: '市场' }, weight: 2 },
          { id: 'team', name: { zh: '团队' }, weight: 1 },
        ],
        scale: 5,
        minReviews: 2,
      },
    }),
  );
}, 120_000);
afterAll(async () => {
  await t?.close();
});

/** Set to true to print how often each action got which status (to tune the generators). */
const DEBUG = false;
const ACTORS = ['admin', 'staffA', 'staffA2', 'staffB', 'founderA1', 'founderB1', 'investor1'] as const;
// Biased towards those who may act, so that sequences get far enough to admit, graduate and exit.
const actor = fc.constantFrom<(typeof ACTORS)[number]>(
  'admin',
  'staffA',
  'staffA',
  'staffA2',
  'staffA2',
  'staffB',
  'founderA1',
  'founderA1',
  'founderB1',
  'investor1',
);
const idx = fc.nat(3);
const center = fc.constantFrom('A', 'B');
const founderish = fc.constantFrom<(typeof ACTORS)[number]>(
  'founderA1',
  'founderA1',
  'founderB1',
  'founderB1',
  'staffA',
  'investor1',
);
const staffish = fc.constantFrom<(typeof ACTORS)[number]>(
  'staffA',
  'staffA2',
  'staffB',
  'admin',
  'founderA1',
  'investor1',
);
const SCORES = [
  { market: 4, team: 3 },
  { market: 2, team: 5 },
  { overall: 4 },
  { overall: 2 },
  { market: 6, team: 1 },
  { overall: 0 },
  {},
];
const PERIODS = () => {
  const now = todayInShanghai().slice(0, 7);
  return [now, '2026-01', '2999-12', '2026-13', 'bogus'];
};
const action = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('apply' as const),
      actor: founderish,
      project: idx,
      center,
      answered: fc.boolean(),
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('review' as const),
      actor: staffish,
      app: idx,
      valid: fc.nat(4),
      scores: fc.constantFrom(...SCORES),
    }),
    weight: 5,
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('decide' as const),
      actor: staffish,
      app: idx,
      decision: fc.constantFrom('admitted', 'admitted', 'admitted', 'waitlisted', 'rejected'),
      reason: fc.constantFrom('理由', '理由', ''),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('graduate' as const),
      actor: staffish,
      project: idx,
      future: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('exit' as const),
      actor: staffish,
      project: idx,
      reason: fc.constantFrom('closed', 'merged', 'nope'),
    }),
  },
  fc.record({
    kind: fc.constant('patchStatus' as const),
    actor,
    project: idx,
    status: fc.constantFrom(...PROJECT_STATUSES),
  }),
  fc.record({ kind: fc.constant('edit' as const), actor, project: idx }),
  fc.record({
    kind: fc.constant('outcome' as const),
    actor,
    project: idx,
    period: fc.nat(4),
    employees: fc.integer({ min: -1, max: 9 }),
  }),
  fc.record({ kind: fc.constant('lock' as const), actor, project: idx, period: fc.nat(4) }),
);
type Action = typeof action extends fc.Arbitrary<infer A> ? A : never;

async function statuses(ids: string[]): Promise<Map<string, ProjectStatus>> {
  const rows = await t.db
    .select({ id: projectsTable.id, status: projectsTable.status })
    .from(projectsTable)
    .where(inArray(projectsTable.id, ids));
  return new Map(rows.map((r) => [r.id, r.status]));
}
async function statusAudits(ids: string[]): Promise<Map<string, number>> {
  const rows = await t.db
    .select({ id: auditTable.entityId, n: count() })
    .from(auditTable)
    .where(
      and(inArray(auditTable.entityId, ids), inArray(auditTable.action, ['project.status', 'project.resubmitted'])),
    )
    .groupBy(auditTable.entityId);
  return new Map(rows.map((r) => [r.id!, r.n]));
}

describe('the project state machine under random actions', () => {
  it('accepts only allowed transitions, each with exactly one audit entry', async () => {
    let run = 0;
    let accepted = 0;
    const seen = new Set<string>();
    const tally = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 15, maxLength: 40 }), async (actions: Action[]) => {
        run++;
        // Fresh projects per run: two of center A (fA1), one of center B (fB1), in various statuses.
        const make = async (title: string, c: string, f: string, status: string) =>
          (
            await ok(
              t.request('POST', '/v1/projects', {
                body: projectBody({ title: `${title} R${run}`, centerId: c, founderIds: [f], status }),
              }),
              201,
            )
          ).id as string;
        const projects = [
          await make('甲', w.cA, w.fA1, 'submitted'),
          await make('乙', w.cA, w.fA1, 'vetted'),
          await make('丙', w.cB, w.fB1, 'submitted'),
          await make('丁', w.cA, w.fA1, 'draft'),
        ];
        const apps: { id: string; center: string }[] = [];
        for (const a of actions) {
          const before = await statuses(projects);
          const auditsBefore = await statusAudits(projects);
          const key = keys[a.actor];
          const req = (method: string, path: string, body?: unknown) =>
            t.request(method, path, { key, ...(body === undefined ? {} : { body }) });
          const pid = 'project' in a ? projects[a.project % projects.length] : '';
          let res: Awaited<ReturnType<typeof req>>;
          switch (a.kind) {
            case 'apply': {
              res = await req('POST', '/v1/applications', {
                projectId: pid,
                centerId: a.center === 'A' ? w.cA : w.cB,
                answers: a.center === 'A' && a.answered ? { team: '3' } : {},
              });
              if (res.status === 201) apps.push({ id: res.body.id, center: a.center });
              break;
            }
            case 'review':
              if (!apps.length) continue;
              {
                const app = apps[apps.length - 1 - (a.app % apps.length)];
                // Mostly valid scores for the application's center, sometimes any (off the scale, wrong criteria).
                const valid =
                  app.center === 'A' ? { market: 1 + a.valid, team: 5 - a.valid } : { overall: 1 + a.valid };
                res = await req('POST', `/v1/applications/${app.id}/reviews`, {
                  scores: a.valid < 4 ? valid : a.scores,
                  recommendation: 'admit',
                });
              }
              break;
            case 'decide':
              if (!apps.length) continue;
              res = await req('POST', `/v1/applications/${apps[apps.length - 1 - (a.app % apps.length)].id}/decision`, {
                decision: a.decision,
                reason: a.reason,
              });
              break;
            case 'graduate':
              res = await req('POST', `/v1/projects/${pid}/graduate`, {
                graduatedOn: a.future ? '2999-01-01' : todayInShanghai(),
              });
              break;
            case 'exit':
              res = await req('POST', `/v1/projects/${pid}/exit`, { reason: a.reason });
              break;
            case 'patchStatus':
              res = await req('PATCH', `/v1/projects/${pid}`, { status: a.status });
              break;
            case 'edit':
              res = await req('PATCH', `/v1/projects/${pid}`, { description: `改过 ${Math.random()}` });
              break;
            case 'outcome':
              res = await req('PUT', `/v1/projects/${pid}/outcomes/${PERIODS()[a.period]}`, {
                employees: a.employees,
                graduatesHired: 0,
                localHires: 0,
                revenueCny: 0,
                fundingRaisedCny: 0,
                ipFilings: 0,
              });
              break;
            case 'lock':
              res = await req('POST', `/v1/projects/${pid}/outcomes/${PERIODS()[a.period]}/lock`);
              break;
          }
          expect(res.status, `${a.kind} ${res.text}`).toBeLessThan(500);
          if (DEBUG) tally.set(`${a.kind} ${res.status}`, (tally.get(`${a.kind} ${res.status}`) ?? 0) + 1);
          const after = await statuses(projects);
          const auditsAfter = await statusAudits(projects);
          for (const id of projects) {
            const from = before.get(id)!;
            const to = after.get(id)!;
            const newAudits = (auditsAfter.get(id) ?? 0) - (auditsBefore.get(id) ?? 0);
            if (from !== to) {
              accepted++;
              seen.add(`${from}→${to}`);
              expect(canTransition(from, to), `${a.kind} by ${a.actor}: ${from} → ${to}`).toBe(true);
              expect(newAudits, `${from} → ${to} audited once`).toBe(1);
            } else expect(newAudits, `${a.kind} by ${a.actor}: no change, no status audit`).toBe(0);
          }
        }
        // One open application per project and center; a running incubation exactly while incubating.
        const open = await t.db
          .select({ p: applicationsTable.projectId, c: applicationsTable.centerId, n: count() })
          .from(applicationsTable)
          .where(and(inArray(applicationsTable.projectId, projects), eq(applicationsTable.status, 'submitted')))
          .groupBy(applicationsTable.projectId, applicationsTable.centerId);
        expect(open.every((r) => r.n === 1)).toBe(true);
        const running = await t.db
          .select({ p: incubationsTable.projectId })
          .from(incubationsTable)
          .where(and(inArray(incubationsTable.projectId, projects), isNull(incubationsTable.endedOn)));
        const final = await statuses(projects);
        expect(new Set(running.map((r) => r.p))).toEqual(
          new Set(projects.filter((p) => final.get(p) === 'incubating')),
        );
      }),
      {
        numRuns: 40,
        seed: 2026,
        endOnFailure: true,
      },
    );
    // The runs did exercise the machine (not only refusals).
    expect(accepted).toBeGreaterThan(5);
    if (DEBUG) console.log([...tally].sort());
    console.log(`accepted ${accepted} transitions: ${[...seen].sort().join(', ')}`);
  }, 120_000);
});
