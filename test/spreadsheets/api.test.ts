// The spreadsheet API: imports (dry run, background import, progress), templates, exports — and who may.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settled } from '../../src/spreadsheets/imports.ts';
import { startTestApp, type TestApp } from '../harness.ts';
import { buildWorld, M, type World } from '../auth/world.ts';
import { csv, FOUNDER_HEADER, founderRow, xlsx } from './files.ts';

let app: TestApp;
let w: World;

beforeAll(async () => {
  app = await startTestApp();
  w = await buildWorld(app);
}, 120_000);
afterAll(() => app?.close());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function upload(key: string, path: string, file: Uint8Array, type = XLSX) {
  const res = await app.service.app.request(path, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': type },
    body: file as unknown as BodyInit,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}

async function download(key: string, path: string) {
  const res = await app.service.app.request(path, { headers: { authorization: `Bearer ${key}` } });
  return { status: res.status, headers: res.headers, buf: Buffer.from(await res.arrayBuffer()) };
}

async function sheetRows(buf: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as never);
  const out: unknown[][] = [];
  wb.worksheets[0].eachRow((r) => out.push((r.values as unknown[]).slice(1)));
  return out;
}

describe('POST /v1/imports/{resource}', () => {
  it('dry run (default) reports per row and column in the requested language, writes nothing', async () => {
    const file = await xlsx([
      FOUNDER_HEADER,
      founderRow('API-1', '接口一'),
      founderRow('API-2', '接口二', { region: '火星' }),
      founderRow('API-3', '接口三', { groups: 'astronaut' }),
    ]);
    const r = await upload(w.keys.staffA, '/v1/imports/founders?lang=en', file);
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('invalid');
    expect(r.body.report).toEqual([
      expect.objectContaining({
        row: 3,
        column: 'regionCode',
        header: 'Region',
        message: expect.stringContaining('Unknown region "火星"'),
      }),
      expect.objectContaining({
        row: 4,
        column: 'groups',
        message: expect.stringContaining('"astronaut" is not one of the allowed values'),
      }),
    ]);
    const list = await app.request('GET', '/v1/founders?q=接口', { key: w.keys.staffA });
    expect(list.body.items).toEqual([]);
    // Another center's staff cannot read the import.
    expect((await app.request('GET', `/v1/imports/${r.body.id}`, { key: w.keys.staffB })).status).toBe(404);
  });

  it('dryRun=false imports in the background (202 + Location) and the import can be polled', async () => {
    const file = csv([FOUNDER_HEADER, founderRow('API-10', '接口十'), founderRow('API-11', '接口十一')]);
    const r = await upload(w.keys.staffA, '/v1/imports/founders?dryRun=false&fileName=a.csv', file, 'text/csv');
    expect(r.status).toBe(202);
    expect(r.headers.get('location')).toBe(`/v1/imports/${r.body.id}`);
    await settled(r.body.id);
    const done = await app.request('GET', `/v1/imports/${r.body.id}`, { key: w.keys.staffA });
    expect(done.body).toMatchObject({
      status: 'done',
      created: 2,
      totalRows: 2,
      processed: 2,
      fileType: 'csv',
      fileName: 'a.csv',
    });
    const audit = await app.request('GET', '/v1/audit?action=import.run', { key: w.keys.admin });
    expect(audit.status).toBe(200);
  });

  it('staff may not import investors or trainings; founders, mentors and investors keys may not import at all', async () => {
    const file = csv([['externalId'], ['x']]);
    expect((await upload(w.keys.staffA, '/v1/imports/investors', file, 'text/csv')).status).toBe(404);
    expect((await upload(w.keys.staffA, '/v1/imports/centers', file, 'text/csv')).status).toBe(404);
    for (const k of ['founderA1', 'mentor1', 'investor1', 'trainer1'] as const)
      expect((await upload(w.keys[k], '/v1/imports/founders', file, 'text/csv')).status).toBe(404);
  });

  it('refuses a body over 10 MiB with 413 and a clear problem', async () => {
    const r = await upload(w.keys.staffA, '/v1/imports/founders', new Uint8Array(12 * 1024 * 1024), 'text/csv');
    expect(r.status).toBe(413);
    expect(r.body.detail).toContain('10 MiB');
  });
});

describe('templates and exports', () => {
  it('a template has the headers in the language, an example row and an explanation sheet', async () => {
    const r = await download(w.keys.staffA, '/v1/imports/templates/founders.xlsx?lang=en');
    expect(r.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.buf as never);
    expect(wb.worksheets).toHaveLength(2);
    const rows = await sheetRows(r.buf);
    expect(rows[0]).toContain('External ID *');
    expect(rows[1]).toContain('F-0001');
    const csvT = await download(w.keys.staffA, '/v1/imports/templates/projects.csv');
    expect(csvT.buf.toString('utf8')).toContain('外部编号');
    expect((await download(w.keys.staffA, '/v1/imports/templates/nothing.xlsx')).status).toBe(404);
  });

  it("a staff member's founders export holds only its center's founders; a trainer's none of the contacts", async () => {
    const r = await download(w.keys.staffA, '/v1/exports/founders.csv');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/csv');
    const text = r.buf.toString('utf8');
    expect(text).toContain(M.fA1Name);
    expect(text).toContain(M.fA1Contact);
    expect(text).not.toContain(M.fB1Name);
    const admin = (await download(w.keys.admin, '/v1/exports/founders.xlsx')).buf;
    const rows = await sheetRows(admin);
    expect(rows.flat()).toContain(M.fB1Name);
  });

  it("an investor's projects export has only vetted projects and no confidential data", async () => {
    const text = (await download(w.keys.investor1, '/v1/exports/projects.csv')).buf.toString('utf8');
    expect(text).toContain(M.pAvTitle);
    expect(text).toContain(M.pBvTitle);
    expect(text).not.toContain(M.pAsTitle);
    expect(text).not.toContain(M.pBdTitle);
    expect(text).not.toContain('CONF-');
  });

  it('exports apply the list filters and refuse bad ones', async () => {
    const text = (await download(w.keys.admin, `/v1/exports/founders.csv?centerId=${w.cB}`)).buf.toString('utf8');
    expect(text).toContain(M.fB1Name);
    expect(text).not.toContain(M.fA1Name);
    expect((await download(w.keys.admin, '/v1/exports/founders.csv?centerId=nope')).status).toBe(400);
  });

  it('the OpenAPI document describes the spreadsheet routes', async () => {
    const doc = await app.request('GET', '/v1/openapi.json', { key: null });
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/v1/imports/{resource}',
        '/v1/imports/{id}',
        '/v1/imports/templates/{file}',
        '/v1/exports/{file}',
      ]),
    );
  });
});
