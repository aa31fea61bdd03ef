// Centers in the registry: admins register a center with its status, status date and level (what the
// statistics count); center staff edit their own center's other fields and never see those three;
// the center's page lists its status history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../auth/world.ts';
import { startTestApp, type TestApp } from '../harness.ts';
import { signedIn } from './accounts.ts';
import { type ConsoleClient, visibleText } from './client.ts';

let app: TestApp;
let w: World;
let admin: ConsoleClient;
let staffA: ConsoleClient;

beforeAll(async () => {
  app = await startTestApp();
  w = await buildWorld(app);
  admin = (await signedIn(app, { login: 'centers.admin', role: 'admin' })).client;
  staffA = (await signedIn(app, { login: 'centers.staff.a', role: 'center_staff', centerId: w.cA })).client;
}, 60_000);
afterAll(() => app?.close());

describe('centers in the registry', () => {
  it('an admin registers a planned center, then opens it: the history follows', async () => {
    const form = await admin.get('/app/registry/centers/new');
    expect(form.status).toBe(200);
    expect(form.html).toContain('name="status"');
    expect(form.html).toContain('name="statusSince"');
    const created = await admin.post('/app/registry/centers', {
      name: '扎囊县双创中心',
      regionCode: '540521',
      kind: 'makerspace',
      operator: '',
      status: 'planned',
      statusSince: '2026-03-01',
      level: 'county',
    });
    expect(created.status).toBe(303);
    const id = /\/app\/registry\/centers\/([0-9a-f-]{36})/.exec(created.location ?? '')?.[1];
    expect(id).toBeTruthy();
    const edit = await admin.post(`/app/registry/centers/${id}`, {
      name: '扎囊县双创中心',
      regionCode: '540521',
      kind: 'makerspace',
      operator: '扎囊县人社局',
      status: 'operating',
      statusSince: '2026-06-15',
      level: 'county',
    });
    expect(edit.status).toBe(303);
    const page = visibleText((await admin.get(`/app/registry/centers/${id}`)).html);
    expect(page).toContain('运营中 (2026-06-15)');
    expect(page).toContain('县（区）级');
    expect(page).toContain('扎囊县人社局');
    expect(page).toContain('2026-06-15 · 运营中');
    expect(page).toContain('2026-03-01 · 规划中');
    const api = await app.request('GET', `/v1/centers/${id}`);
    expect(api.body).toMatchObject({ status: 'operating', statusSince: '2026-06-15', level: 'county' });
  });

  it('a bad status date stays in the form with its error, nothing saved', async () => {
    const bad = await admin.post('/app/registry/centers', {
      name: '未来中心',
      regionCode: '540521',
      kind: 'makerspace',
      status: 'approved',
      statusSince: '2999-01-01',
    });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('value="2999-01-01"');
    const list = await app.request('GET', `/v1/centers?q=${encodeURIComponent('未来中心')}`);
    expect(list.body.items).toHaveLength(0);
  });

  it("staff edit their own center's details without the admins' fields, and cannot register one", async () => {
    const form = await staffA.get(`/app/registry/centers/${w.cA}/edit`);
    expect(form.status).toBe(200);
    expect(form.html).not.toContain('name="status"');
    expect(form.html).not.toContain('name="level"');
    const before = (await app.request('GET', `/v1/centers/${w.cA}`)).body;
    const saved = await staffA.post(`/app/registry/centers/${w.cA}`, {
      name: before.name,
      regionCode: before.regionCode,
      kind: before.kind,
      operator: '城关区团委',
    });
    expect(saved.status).toBe(303);
    const after = (await app.request('GET', `/v1/centers/${w.cA}`)).body;
    expect(after.operator).toBe('城关区团委');
    expect(after.status).toBe(before.status);
    expect((await staffA.get('/app/registry/centers/new')).status).toBe(404);
    expect((await staffA.get(`/app/registry/centers/${w.cB}/edit`)).status).toBe(404);
  });

  it('lists centers filtered by status in the reader’s language', async () => {
    const page = await admin.get('/app/registry/centers?status=planned&lang=en');
    expect(page.status).toBe(200);
    expect(visibleText(page.html)).toContain('0 centers');
    const all = visibleText((await admin.get('/app/registry/centers?lang=bo')).html);
    expect(all).toContain('གསར་གཏོད་ལྟེ་གནས་');
  });
});
