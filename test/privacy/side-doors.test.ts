// Side doors apply the same scope as a read by id (issue 18, item 4): an introduction's contacts, a
// founder export, the audit log and assignment-run results never show center staff what
// GET /v1/<resource>/{id} would answer 404 for — another center's founders' contacts, another
// center's projects and their `confidential` blocks, ids of records out of their scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../harness.ts';
import { M, buildWorld, callsAs, ok, projectBody, type Actor, type World } from '../auth/world.ts';

let t: TestApp;
let w: World;
/** pX: center A, founders A1 and B1 (B1 is center B's); pY: center B, founders B1 and A1. */
let pX: string;
let pY: string;
let intro: string;
const CONF_X = 'CONF-X-other-center-captable';
const CONF_Y = 'CONF-Y-other-center-captable';
const TITLE_Y = 'PTITLE-Y 跨中心合办项目';

const as = callsAs(
  () => t,
  () => w,
);

/** Every audit entry the actor can read, all pages. */
async function allAudit(actor: Actor): Promise<any[]> {
  const out: any[] = [];
  let cursor: string | null = null;
  do {
    const page: any = await ok(as(actor).get(`/v1/audit?limit=200${cursor ? `&cursor=${cursor}` : ''}`));
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

beforeAll(async () => {
  t = await startTestApp();
  w = await buildWorld(t);
  pX = (
    await ok(
      as('admin').post(
        '/v1/projects',
        projectBody({
          title: 'PTITLE-X 跨中心项目',
          centerId: w.cA,
          founderIds: [w.fA1, w.fB1],
          status: 'vetted',
          conf: CONF_X,
        }),
      ),
      201,
    )
  ).id;
  pY = (
    await ok(
      as('admin').post(
        '/v1/projects',
        projectBody({ title: TITLE_Y, centerId: w.cB, founderIds: [w.fB1, w.fA1], status: 'vetted', conf: CONF_Y }),
      ),
      201,
    )
  ).id;
  // B1 shares its contact with accepted counterparts; A1 does not.
  await ok(as('founderB1').patch(`/v1/founders/${w.fB1}`, { consent: { shareContact: true } }));
  intro = (
    await ok(as('founderA1').post('/v1/introductions', { projectId: pX, targetKind: 'mentor', targetId: w.m1 }), 201)
  ).id;
  await ok(as('mentor1').post(`/v1/introductions/${intro}/accept`));
  // The target reads the contacts: each founder contact revealed to it is audited under pX's center (A).
  await ok(as('mentor1').get(`/v1/introductions/${intro}/contacts`));
});
afterAll(async () => {
  await t?.close();
});

const contactOf = (body: any, founderId: string) => body.founders.find((f: any) => f.id === founderId)?.contact ?? null;

describe('introduction contacts', () => {
  it("center staff get the contacts of their own center's founders only, as on GET /v1/founders/{id}", async () => {
    const res = await as('staffA').get(`/v1/introductions/${intro}/contacts`);
    const body = await ok(res);
    expect(contactOf(body, w.fA1)).toMatchObject({ wechat: M.fA1Contact });
    expect(contactOf(body, w.fB1)).toBeNull();
    expect(res.text).not.toContain(M.fB1Contact);
    // The same founder by id: 404 for staff A, so its contact must not reach them here either.
    expect((await as('staffA').get(`/v1/founders/${w.fB1}`)).status).toBe(404);
  });

  it("admins see every founder's contact; a founder its own; the target the consenting founders'", async () => {
    const admin = await ok(as('admin').get(`/v1/introductions/${intro}/contacts`));
    expect(contactOf(admin, w.fA1)).toMatchObject({ wechat: M.fA1Contact });
    expect(contactOf(admin, w.fB1)).toMatchObject({ wechat: M.fB1Contact });
    const a1 = await ok(as('founderA1').get(`/v1/introductions/${intro}/contacts`));
    expect(contactOf(a1, w.fA1)).toMatchObject({ wechat: M.fA1Contact });
    expect(contactOf(a1, w.fB1)).toBeNull();
    const mentor = await ok(as('mentor1').get(`/v1/introductions/${intro}/contacts`));
    expect(contactOf(mentor, w.fB1)).toMatchObject({ wechat: M.fB1Contact });
    expect(contactOf(mentor, w.fA1)).toBeNull();
  });

  it('staff of another center get 404, as for the introduction itself', async () => {
    expect((await as('staffB').get(`/v1/introductions/${intro}/contacts`)).status).toBe(404);
  });
});

describe('founder export', () => {
  it("center staff get only the founder's projects of their center, without other centers' confidential blocks or audit entries", async () => {
    const res = await as('staffA').get(`/v1/founders/${w.fA1}/export`);
    const body = await ok(res);
    const ids = body.projects.map((p: any) => p.id);
    expect(ids).toEqual(expect.arrayContaining([w.pAv, w.pAs, pX]));
    expect(ids).not.toContain(pY);
    expect(res.text).not.toContain(CONF_Y);
    expect(res.text).not.toContain(TITLE_Y);
    expect(body.introductions.every((i: any) => ids.includes(i.projectId))).toBe(true);
    expect(body.audit.length).toBeGreaterThan(0);
    expect(body.audit.every((e: any) => e.centerId === w.cA || e.centerId === null)).toBe(true);
    expect(JSON.stringify(body.audit)).not.toContain(pY);
    // Their own center's project keeps its confidential block (they are its insiders).
    expect(body.projects.find((p: any) => p.id === pX).confidential).toMatchObject({ note: CONF_X });
  });

  it("the other center's staff likewise (B1's export has no center-A project)", async () => {
    const res = await as('staffB').get(`/v1/founders/${w.fB1}/export`);
    const body = await ok(res);
    expect(body.projects.map((p: any) => p.id)).toEqual(expect.arrayContaining([w.pBv, w.pBd, pY]));
    expect(body.projects.map((p: any) => p.id)).not.toContain(pX);
    expect(res.text).not.toContain(CONF_X);
    expect(res.text).not.toContain(M.fA1Contact);
  });

  it('the founder itself and admins get every project of the founder, with confidential blocks', async () => {
    for (const who of ['founderA1', 'admin'] as const) {
      const body = await ok(as(who).get(`/v1/founders/${w.fA1}/export`));
      const y = body.projects.find((p: any) => p.id === pY);
      expect(y, who).toBeDefined();
      expect(y.confidential).toMatchObject({ note: CONF_Y });
    }
  });
});

describe('audit log', () => {
  it("center staff read their center's entries without ids of founders outside their scope", async () => {
    const entries = await allAudit('staffA');
    const text = JSON.stringify(entries);
    expect(entries.length).toBeGreaterThan(0);
    expect(text).toContain(w.fA1);
    expect(text).not.toContain(w.fB1);
    // The accept's reveal names the project's founders: only the readable one is left.
    const reveal = entries.find(
      (e) => e.action === 'contact.reveal' && e.detail?.introductionId === intro && e.entityKind === 'mentor',
    );
    expect(reveal.detail.founderIds).toEqual([w.fA1]);
    // The reveal of B1's contact to the mentor is their center's entry, but about a founder they cannot read.
    const aboutB1 = entries.filter((e) => e.action === 'contact.reveal' && e.entityKind === 'founder');
    expect(aboutB1.length).toBeGreaterThan(0);
    for (const e of aboutB1) expect(e).toMatchObject({ entityId: null, detail: null });
  });

  it('admins read the entries whole', async () => {
    const entries = await allAudit('admin');
    const reveal = entries.find(
      (e) => e.action === 'contact.reveal' && e.entityKind === 'founder' && e.entityId === w.fB1,
    );
    expect(reveal.detail).toMatchObject({ introductionId: intro, projectId: pX });
  });
});

describe('assignment-run results', () => {
  it('center staff see only the rows of projects and mentors they can still read', async () => {
    // The center's default projects: pAv and pAs (pX has a coach).
    const queued = await ok(as('staffA').post(`/v1/centers/${w.cA}/assignment-runs`, {}), 202);
    let run: any;
    const deadline = Date.now() + 60_000;
    do {
      run = await ok(as('staffA').get(`/v1/assignment-runs/${queued.id}`));
      if (run.status !== 'done' && run.status !== 'failed') await new Promise((r) => setTimeout(r, 50));
    } while (run.status !== 'done' && run.status !== 'failed' && Date.now() < deadline);
    expect(run.status, run.error).toBe('done');
    const rowsOf = (r: any) => [...r.assignments.map((a: any) => a.projectId), ...r.unassigned];
    expect(rowsOf(run)).toEqual(expect.arrayContaining([w.pAv, w.pAs]));

    // pAs moves to center B: staff A can no longer read it, nor its row of the run.
    await ok(as('admin').patch(`/v1/projects/${w.pAs}`, { centerId: w.cB }));
    expect((await as('staffA').get(`/v1/projects/${w.pAs}`)).status).toBe(404);
    const res = await as('staffA').get(`/v1/assignment-runs/${queued.id}`);
    const after = await ok(res);
    expect(rowsOf(after)).toContain(w.pAv);
    expect(rowsOf(after)).not.toContain(w.pAs);
    expect(res.text).not.toContain(w.pAs);
    expect(res.text).not.toContain(M.pAsTitle);
    // Admins read every row.
    expect(rowsOf(await ok(as('admin').get(`/v1/assignment-runs/${queued.id}`)))).toContain(w.pAs);
  });
});
