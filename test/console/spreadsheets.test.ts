// /app/spreadsheets over HTTP: multipart upload with the form token, the report, import now, exports, and who may.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settled } from '../../src/spreadsheets/imports.ts';
import { startTestApp, type TestApp } from '../harness.ts';
import { buildWorld, M, type World } from '../auth/world.ts';
import { csv, FOUNDER_HEADER, founderRow, xlsx } from '../spreadsheets/files.ts';
import { type ConsoleClient, visibleText } from './client.ts';
import { signedIn } from './accounts.ts';

let app: TestApp;
let w: World;
let staff: ConsoleClient;

beforeAll(async () => {
  app = await startTestApp();
  w = await buildWorld(app);
  staff = (await signedIn(app, { login: 'sheets.staff', role: 'center_staff', centerId: w.cA })).client;
}, 120_000);
afterAll(() => app?.close());

async function upload(
  client: ConsoleClient,
  resource: string,
  file: Uint8Array | null,
  name = 'f.xlsx',
  csrf = client.csrf,
) {
  const form = new FormData();
  form.append('_csrf', csrf);
  form.append('resource', resource);
  if (file) form.append('file', new Blob([file as unknown as BlobPart]), name);
  const res = await app.service.app.request('http://localhost/app/spreadsheets', {
    method: 'POST',
    headers: { cookie: client.cookieHeader(), origin: 'http://localhost' },
    body: form,
  });
  return { status: res.status, location: res.headers.get('location'), html: await res.text() };
}

describe('/app/spreadsheets', () => {
  it('staff see the upload form, templates and export links', async () => {
    const page = await staff.get('/app/spreadsheets');
    expect(page.status).toBe(200);
    expect(page.html).toContain('enctype="multipart/form-data"');
    expect(page.html).toContain('href="/app/spreadsheets/templates/founders.xlsx"');
    expect(page.html).toContain('href="/app/exports/founders.xlsx"');
    // Staff may not import investors: no template, not offered.
    expect(page.html).not.toContain('templates/investors.xlsx');
    expect(page.html).not.toContain('<option value="investors"');
  });

  it('a bad file shows the report per row and column and no import button; a clean one imports', async () => {
    await staff.get('/app/spreadsheets');
    const bad = await upload(
      staff,
      'founders',
      await xlsx([FOUNDER_HEADER, founderRow('CON-1', '控制台一', { langs: '火星文' })]),
    );
    expect(bad.status).toBe(303);
    const report = await staff.get(bad.location!);
    expect(report.status).toBe(200);
    const text = visibleText(report.html);
    expect(text).toContain('“火星文”不是可选的值');
    expect(text).toContain('语言');
    expect(report.html).not.toContain('/run"');

    await staff.get('/app/spreadsheets');
    const good = await upload(
      staff,
      'founders',
      csv([FOUNDER_HEADER, founderRow('CON-2', '控制台二')], { bom: true }),
      'g.csv',
    );
    const checked = await staff.get(good.location!);
    expect(visibleText(checked.html)).toContain('检查通过');
    const id = good.location!.split('/').pop()!;
    const run = await staff.post(`/app/spreadsheets/imports/${id}/run`, {});
    expect(run.status).toBe(303);
    await settled(id);
    const done = await staff.get(`/app/spreadsheets/imports/${id}`);
    expect(visibleText(done.html)).toContain('导入完成：新建 1 条');
    // Running it twice is refused: the kept file was used.
    expect((await staff.post(`/app/spreadsheets/imports/${id}/run`, {})).status).toBe(409);
    const list = await staff.get('/app/spreadsheets');
    expect(list.html).toContain(`/app/spreadsheets/imports/${id}`);
  });

  it('a missing file redraws the form with 422; a post without the form token is refused', async () => {
    await staff.get('/app/spreadsheets');
    const none = await upload(staff, 'founders', null);
    expect(none.status).toBe(422);
    expect(none.html).toContain('请选择要上传的文件');
    const forged = await upload(staff, 'founders', csv([FOUNDER_HEADER]), 'x.csv', 'not-the-token');
    expect(forged.status).toBe(403);
  });

  it('other roles and other centers get 404', async () => {
    const founder = (await signedIn(app, { login: 'sheets.founder', role: 'founder', subjectId: w.fA1 })).client;
    expect((await founder.get('/app/spreadsheets')).status).toBe(404);
    const staffB = (await signedIn(app, { login: 'sheets.staffb', role: 'center_staff', centerId: w.cB })).client;
    const list = await staff.get('/app/spreadsheets');
    const id = /\/app\/spreadsheets\/imports\/([\w-]+)/.exec(list.html)![1];
    expect((await staffB.get(`/app/spreadsheets/imports/${id}`)).status).toBe(404);
    expect((await staffB.post(`/app/spreadsheets/imports/${id}/run`, {})).status).toBe(404);
  });

  it('exports as the session: staff get their center only; a founder gets its own record', async () => {
    const res = await app.service.app.request('http://localhost/app/exports/founders.csv', {
      headers: { cookie: staff.cookieHeader() },
    });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain(M.fA1Name);
    expect(text).not.toContain(M.fB1Name);
    const founder = (await signedIn(app, { login: 'sheets.founder2', role: 'founder', subjectId: w.fB1 })).client;
    const mine = await (
      await app.service.app.request('http://localhost/app/exports/founders.csv', {
        headers: { cookie: founder.cookieHeader() },
      })
    ).text();
    expect(mine).toContain(M.fB1Name);
    expect(mine).not.toContain(M.fA1Name);
  });
});
