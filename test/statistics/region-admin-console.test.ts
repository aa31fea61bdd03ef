// The console for a region_admin and the targets tab (issue 22), over HTTP: inviting one with a region,
// its home page and nav, every other page 404, and the targets form (admins edit, region_admin reads).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../harness.ts';
import { signedIn } from '../console/accounts.ts';
import { type ConsoleClient, visibleText } from '../console/client.ts';
import { NAV } from '../../src/console/nav.ts';
import { regions } from '../../seeds/reference/regions.ts';

let t: TestApp;
let admin: ConsoleClient;
let lhasa: ConsoleClient;
let cA: string;
const YEAR = new Date().getUTCFullYear();

beforeAll(async () => {
  t = await startTestApp();
  cA = (
    await t.request('POST', '/v1/centers', {
      body: { name: '城关区双创中心', regionCode: '540102', kind: 'makerspace', pilot: false },
    })
  ).body.id;
  admin = (await signedIn(t, { login: 'admin-console', role: 'admin' })).client;
  lhasa = (
    await signedIn(t, { login: 'lhasa-stats', role: 'region_admin', regionCode: '540100', displayName: '拉萨统计' })
  ).client;
});
afterAll(async () => {
  await t?.close();
});

const navLinks = (html: string) => [...html.matchAll(/<nav[^>]*class="nav[\s\S]*?<\/nav>/g)].map((m) => m[0]).join('');

describe('inviting a region_admin in the console', () => {
  it('admins pick the region from a list in the reader’s language; the list shows it', async () => {
    const page = await admin.get('/app/accounts');
    expect(page.html).toContain('name="regionCode"');
    expect(page.html).toContain('<option value="540100">拉萨市</option>');
    const en = await admin.get('/app/accounts?lang=en');
    expect(en.html).toMatch(/<option value="540100">Lhasa/);
    await admin.get('/app/accounts?lang=zh');
    const res = await admin.post('/app/accounts', {
      login: 'shigatse-stats',
      role: 'region_admin',
      regionCode: '540200',
    });
    expect(res.status).toBe(201);
    expect(res.html).toContain('/app/invite/');
    expect(visibleText(res.html)).toContain('区域：日喀则市');
  });

  it('a region_admin without a region, or another role with one: 422, values kept', async () => {
    const none = await admin.post('/app/accounts', { login: 'no-region', role: 'region_admin', regionCode: '' });
    expect(none.status).toBe(422);
    expect(none.html).toMatch(
      /id="regionCode-error"|aria-invalid="true"[^>]*name="regionCode"|name="regionCode"[^>]*aria-invalid="true"/,
    );
    expect(none.html).toContain('value="no-region"');
    const staff = await admin.post('/app/accounts', {
      login: 'staff-region',
      role: 'mentor',
      subjectId: 'x',
      regionCode: '540100',
    });
    expect(staff.status).toBe(422);
  });

  it('center staff see no region select and cannot invite a region_admin', async () => {
    const staff = (await signedIn(t, { login: 'staff-a', role: 'center_staff', centerId: cA })).client;
    const page = await staff.get('/app/accounts');
    expect(page.html).not.toContain('name="regionCode"');
    expect(page.html).not.toContain('<option value="region_admin"');
    const res = await staff.post('/app/accounts', { login: 'sneaky', role: 'region_admin', regionCode: '540000' });
    expect(res.status).toBe(422);
    expect(
      (await t.request('GET', '/v1/accounts?role=region_admin')).body.items.map((a: any) => a.login),
    ).not.toContain('sneaky');
  });
});

describe('a region_admin in the console', () => {
  it('home greets it with its region and links to the statistics; the nav is Statistics and Account', async () => {
    const home = await lhasa.get('/app');
    expect(home.status).toBe(200);
    const text = visibleText(home.html);
    expect(text).toContain('您负责的区域：拉萨市');
    expect(home.html).toContain('href="/app/statistics"');
    expect(home.html).toContain('href="/app/statistics/targets"');
    const nav = navLinks(home.html);
    const hrefs = [...nav.matchAll(/href="(\/app[^"?]*)"/g)].map((m) => m[1]);
    expect(hrefs.filter((h) => h !== '/app' || !nav.includes('class="brand"'))).toEqual(
      expect.arrayContaining(['/app/statistics', '/app/account']),
    );
    for (const h of hrefs) expect(['/app', '/app/statistics', '/app/account', '/app/logout']).toContain(h);
    const en = visibleText((await lhasa.get('/app?lang=bo')).html);
    expect(en).toContain('ལྷ་ས');
    await lhasa.get('/app?lang=zh');
  });

  it('every other console page is 404 for it (GET and POST)', async () => {
    const others = [
      ...NAV.map((n) => n.href).filter((h) => !['/app', '/app/statistics', '/app/account'].includes(h)),
      '/app/registry/founders',
      '/app/registry/projects',
      '/app/registry/mentors',
      '/app/registry/centers',
      `/app/registry/centers/${cA}`,
      '/app/exports/founders.csv',
      '/app/exports/mentors.xlsx',
      '/app/my-data',
      '/app/weights',
      '/app/statistics/nope',
    ];
    for (const path of others) {
      const res = await lhasa.get(path);
      expect(res.status, path).toBe(404);
    }
    for (const path of ['/app/accounts', '/app/registry/founders/new', '/app/statistics/targets'])
      expect((await lhasa.post(path, { name: 'x' })).status, `POST ${path}`).toBe(404);
    expect((await lhasa.get('/app/account')).status).toBe(200);
    expect((await lhasa.get('/app/statistics')).status).toBe(303);
  });
});

describe('the targets tab', () => {
  const codesIn = (html: string) => [...html.matchAll(/<th scope="row" id="rt-(\d{6})"/g)].map((m) => m[1]);

  it('admins: one row per area (the region, each prefecture then its counties) with two inputs each', async () => {
    const page = await admin.get('/app/statistics/targets');
    expect(page.status).toBe(200);
    expect(page.html).toContain('aria-current="page"');
    const codes = codesIn(page.html);
    expect(codes).toHaveLength(regions.length);
    expect(codes[0]).toBe('540000');
    expect(codes.slice(1, 3)).toEqual(['540100', '540102']);
    expect(page.html).toContain('name="pf_540102"');
    expect(page.html).toContain('name="c_540102"');
    expect(page.html).toContain(`<option value="${YEAR}" selected`);
  });

  it('saves what was typed (audited), keeps it on errors and saves nothing then', async () => {
    await admin.get(`/app/statistics/targets?year=${YEAR}`);
    const saved = await admin.post(`/app/statistics/targets?year=${YEAR}`, {
      pf_540100: '3000',
      c_540100: '12',
      pf_540102: '400',
      c_540102: '',
    });
    expect(saved.status).toBe(303);
    expect(saved.location).toBe(`/app/statistics/targets?year=${YEAR}&saved=1`);
    const stored = (await t.request('GET', '/v1/regions/540102/targets')).body.items;
    expect(stored).toEqual([expect.objectContaining({ year: YEAR, potentialFounders: 400, centers: null })]);
    const after = await admin.get(saved.location!);
    expect(after.html).toContain('name="pf_540100" inputmode="numeric" value="3000"');
    expect(visibleText(after.html)).toContain('目标已保存');
    const audit = (await t.request('GET', '/v1/audit?action=region_target.update')).body.items;
    expect(audit).toHaveLength(2);

    const bad = await admin.post(`/app/statistics/targets?year=${YEAR}`, {
      pf_540100: '3500',
      pf_540102: 'many',
      c_540103: '2', // centers without would-be founders
      pf_540104: '-5',
      pf_540121: '99999999999',
    });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('value="many"');
    expect(bad.html).toContain('value="3500"');
    expect(bad.html).toContain('value="-5"');
    for (const name of ['pf_540102', 'pf_540103', 'pf_540104', 'pf_540121'])
      expect(bad.html).toContain(`id="rt-e-${name}"`);
    // Nothing was saved: 540100 keeps 3000.
    expect((await t.request('GET', '/v1/regions/540100/targets')).body.items[0].potentialFounders).toBe(3000);

    const clear = await admin.post(`/app/statistics/targets?year=${YEAR}`, { pf_540100: '', c_540100: '' });
    expect(clear.status).toBe(422);
    expect(clear.html).toContain('id="rt-e-pf_540100"');
  });

  it('another year is its own table; a year outside 2000–2100 or not a year is 404', async () => {
    const next = await admin.get(`/app/statistics/targets?year=${YEAR + 1}`);
    expect(next.html).toContain('name="pf_540100" inputmode="numeric" value=""');
    for (const y of ['1999', '2101', 'abc', '20266'])
      expect((await admin.get(`/app/statistics/targets?year=${y}`)).status).toBe(404);
  });

  it('a region_admin reads its region’s rows only, without inputs, and cannot save', async () => {
    const page = await lhasa.get('/app/statistics/targets');
    expect(page.status).toBe(200);
    const codes = codesIn(page.html);
    expect(codes[0]).toBe('540100');
    expect(codes).toEqual(['540100', ...regions.filter((r) => r.parentCode === '540100').map((r) => r.code)]);
    expect(page.html).not.toContain('<input name="pf_');
    expect(visibleText(page.html)).toContain('3,000');
    expect(visibleText(page.html)).toContain('未设定');
    const res = await lhasa.post(`/app/statistics/targets?year=${YEAR}`, { pf_540100: '1' });
    expect(res.status).toBe(404);
    expect((await t.request('GET', '/v1/regions/540100/targets')).body.items[0].potentialFounders).toBe(3000);
  });

  it('other roles: the tab does not exist', async () => {
    const staff = (await signedIn(t, { login: 'staff-b', role: 'center_staff', centerId: cA })).client;
    expect((await staff.get('/app/statistics/targets')).status).toBe(404);
  });
});
