// The console's report downloads (/app/statistics/reports/:file): the signed-in account's scope and
// language, the same workbook as the API; and the ReportLinks component the figure pages show.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsTable } from '../../models/accounts/table.ts';
import { LANGS } from '../../models/enums.ts';
import { t, translator } from '../../src/i18n/t.ts';
import { ReportLinks, reportHref } from '../../src/console/statistics/report-links.tsx';
import { startTestApp, type TestApp } from '../harness.ts';
import { readCsv, readXlsx } from '../statistics/report-files.ts';
import type { ConsoleClient } from './client.ts';
import { signedIn } from './accounts.ts';

let app: TestApp;
let admin: ConsoleClient;
let regional: ConsoleClient;
let founder: ConsoleClient;

beforeAll(async () => {
  app = await startTestApp();
  admin = (await signedIn(app, { login: 'reports.admin', role: 'admin', lang: 'bo' })).client;
  // A region admin for Shigatse (made an admin first: the API's region binding is another branch's).
  const r = await signedIn(app, { login: 'reports.region', role: 'admin' });
  await app.db
    .update(accountsTable)
    .set({ role: 'region_admin', regionCode: '540200' })
    .where(eq(accountsTable.id, r.id));
  regional = r.client;
  const f = await app.request('POST', '/v1/founders', {
    body: { name: '报表创业者', groups: ['graduate'], regionCode: '540102', languages: ['zh'] },
  });
  founder = (await signedIn(app, { login: 'reports.founder', role: 'founder', subjectId: f.body.id })).client;
}, 120_000);
afterAll(() => app?.close());

const download = async (client: ConsoleClient, path: string) => {
  const res = await app.service.app.request(`http://localhost${path}`, { headers: { cookie: client.cookieHeader() } });
  return { status: res.status, headers: res.headers, buf: Buffer.from(await res.arrayBuffer()) };
};

describe('/app/statistics/reports/:file', () => {
  it("an admin's workbook in the account's language; ?lang= switches it", async () => {
    const r = await download(admin, '/app/statistics/reports/coverage.xlsx');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toMatch(/attachment; filename="coverage-/);
    const sheets = await readXlsx(r.buf);
    expect(sheets[0].rows[0]).toEqual([t('bo', 'reports.title.coverage')]);
    expect(sheets).toHaveLength(2 + 7);
    const en = await readXlsx((await download(admin, '/app/statistics/reports/coverage.xlsx?lang=en')).buf);
    expect(en[2].name).toBe('Lhasa');
  });

  it('a region admin gets its region, 404 outside it; CSV too', async () => {
    const own = await download(regional, '/app/statistics/reports/coverage.csv');
    expect(own.status).toBe(200);
    const { bom, rows } = readCsv(own.buf);
    expect(bom).toBe(true);
    expect(new Set(rows.slice(1, -1).map((r) => r[0]))).toEqual(new Set(['日喀则市']));
    expect((await download(regional, '/app/statistics/reports/coverage.xlsx?regionCode=540100')).status).toBe(404);
  });

  it('a founder, an unknown figure or format: 404; a bad query: 400', async () => {
    expect((await download(founder, '/app/statistics/reports/coverage.xlsx')).status).toBe(404);
    expect((await download(admin, '/app/statistics/reports/coverage.pdf')).status).toBe(404);
    expect((await download(admin, '/app/statistics/reports/secrets.csv')).status).toBe(404);
    expect((await download(admin, '/app/statistics/reports/coverage.csv?asOf=tomorrow')).status).toBe(400);
    expect((await download(admin, '/app/statistics/reports/coverage.csv?asOf=2999-01-01')).status).toBe(422);
  });
});

describe('ReportLinks', () => {
  it.each(LANGS)('two links with the page query, in %s', (lang) => {
    const ui = { lang, t: translator(lang), session: null, csrfToken: '', url: new URL('http://localhost/app') };
    const html = String(
      ReportLinks({ ui, figure: 'coverage', query: { regionCode: '540100', asOf: '', level: 'county', lang: 'en' } }),
    );
    expect(html).toContain('href="/app/statistics/reports/coverage.xlsx?regionCode=540100&amp;level=county"');
    expect(html).toContain('href="/app/statistics/reports/coverage.csv?regionCode=540100&amp;level=county"');
    expect(html).toContain(t(lang, 'reports.download.xlsx'));
    expect(html).toContain(t(lang, 'reports.download.csv'));
  });

  it('no query: bare links', () => {
    expect(reportHref('coverage', 'csv')).toBe('/app/statistics/reports/coverage.csv');
  });
});
