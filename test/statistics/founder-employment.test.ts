// Founders' employment facts (issue 22): personal data like the contact — shown to admins, the
// founder's center and the founder only; in the PIPL export and the spreadsheets; cleared by erasure.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foundersTable } from '../../models/schema.ts';
import { enumLabel } from '../../src/i18n/labels.ts';
import { startTestApp, type TestApp } from '../harness.ts';
import { buildWorld, expectProblem, ok, type World } from '../auth/world.ts';

let t: TestApp;
let w: World;
const EMPLOYMENT = { employmentStatus: 'unemployed', leftSchoolUnemployed: true, employmentAsOf: '2026-07-01' };
const FIELDS = Object.keys(EMPLOYMENT);

beforeAll(async () => {
  t = await startTestApp();
  w = await buildWorld(t);
  await ok(t.request('PATCH', `/v1/founders/${w.fA1}`, { body: EMPLOYMENT }));
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('who sees a founder’s employment', () => {
  it('admins, its center’s staff and the founder itself', async () => {
    for (const who of ['admin', 'staffA', 'founderA1'] as const) {
      const one = await ok(t.request('GET', `/v1/founders/${w.fA1}`, { key: w.keys[who] }));
      expect(one, who).toMatchObject(EMPLOYMENT);
      const list = await ok(t.request('GET', '/v1/founders?limit=200', { key: w.keys[who] }));
      expect(
        list.items.find((f: any) => f.id === w.fA1),
        who,
      ).toMatchObject(EMPLOYMENT);
    }
  });

  it('a co-founder reads the founder but not its employment; other roles not the founder at all', async () => {
    const co = await ok(t.request('GET', `/v1/founders/${w.fA1}`, { key: w.keys.founderA2 }));
    for (const f of FIELDS) expect(co, f).not.toHaveProperty(f);
    for (const who of ['staffB', 'mentor1', 'investor1', 'trainer1', 'regionAdmin'] as const)
      expectProblem(await t.request('GET', `/v1/founders/${w.fA1}`, { key: w.keys[who] }), 404);
  });

  it('bad input: unknown status, a date that is no date, a flag that is no boolean', async () => {
    for (const body of [
      { employmentStatus: 'retired' },
      { employmentAsOf: '2026-13-01' },
      { leftSchoolUnemployed: 'yes' },
    ])
      expectProblem(await t.request('PATCH', `/v1/founders/${w.fA1}`, { body }), 422);
  });
});

describe('exports', () => {
  it('the PIPL export holds them (founder, staff, admin)', async () => {
    for (const who of ['admin', 'staffA', 'founderA1'] as const) {
      const exp = await ok(t.request('GET', `/v1/founders/${w.fA1}/export`, { key: w.keys[who] }));
      expect(JSON.stringify(exp)).toContain('"employmentAsOf":"2026-07-01"');
      expect(JSON.stringify(exp)).toContain('"employmentStatus":"unemployed"');
    }
  });

  it('the founders spreadsheet has the three columns, labelled in the reader’s language, with the values', async () => {
    const res = await t.service.app.request('/v1/exports/founders.csv?lang=zh', {
      headers: { authorization: `Bearer ${w.keys.staffA}` },
    });
    const text = await res.text();
    const [header, ...rows] = text.replace(/^\uFEFF/, '').split(/\r?\n/);
    expect(header).toContain('就业状况');
    expect(header).toContain('离校未就业');
    expect(header).toContain('就业信息截至');
    const row = rows.find((r) => r.includes('FNAME-A1'))!;
    expect(row).toContain(enumLabel('zh', 'employmentStatus', 'unemployed'));
    expect(row).toContain('2026-07-01');
    // Another center's staff export no row of center A, so no employment of fA1 either.
    const other = await t.service.app.request('/v1/exports/founders.csv', {
      headers: { authorization: `Bearer ${w.keys.staffB}` },
    });
    expect(await other.text()).not.toContain('FNAME-A1');
  });
});

describe('erasure', () => {
  it('DELETE clears the employment facts with the rest of the personal data', async () => {
    expect((await t.request('DELETE', `/v1/founders/${w.fA1}`, { key: w.keys.admin })).status).toBeLessThan(300);
    const [row] = await t.db.select().from(foundersTable).where(eq(foundersTable.id, w.fA1));
    expect(row.erasedAt).not.toBeNull();
    expect(row.employmentStatus).toBeNull();
    expect(row.leftSchoolUnemployed).toBeNull();
    expect(row.employmentAsOf).toBeNull();
  });
});
