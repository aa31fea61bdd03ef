// /app/statistics/trends over HTTP: the chart (SVG with title/desc, one polyline per recorded run of
// days) and its table hold the series' values, the tab is listed, a region admin-less role gets 404,
// center staff without per-center metrics get the notice, unknown choices fall back to defaults.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInShanghai } from '../../src/statistics/days.ts';
import { backfill } from '../../src/statistics/backfill.ts';
import { METRICS } from '../../src/statistics/metrics.ts';
import { readSeries } from '../../src/statistics/series.ts';
import { systemActor } from '../../src/auth/actor.ts';
import { create } from '../engagement/helpers.ts';
import { founderBody } from '../auth/world.ts';
import { startTestApp, type TestApp } from '../harness.ts';
import { signedIn } from './accounts.ts';
import type { ConsoleClient } from './client.ts';

let t: TestApp;
let admin: ConsoleClient;
let staff: ConsoleClient;
let founder: ConsoleClient;
const today = todayInShanghai();

beforeAll(async () => {
  t = await startTestApp();
  const since = addDays(today, -20);
  const c = await create(t, '/v1/centers', {
    name: '趋势中心',
    regionCode: '540102',
    kind: 'incubator',
    statusSince: since,
  });
  await create(t, '/v1/centers', {
    name: '趋势中心二',
    regionCode: '540202',
    kind: 'incubator',
    statusSince: addDays(today, -10),
  });
  await backfill(t.db, { from: addDays(today, -29), to: addDays(today, -1) });
  admin = (await signedIn(t, { login: 'trend-admin', role: 'admin' })).client;
  staff = (await signedIn(t, { login: 'trend-staff', role: 'center_staff', centerId: c })).client;
  const f = await create(t, '/v1/founders', founderBody('趋势创始人', 'wx-trend', c));
  founder = (await signedIn(t, { login: 'trend-founder', role: 'founder', subjectId: f })).client;
});
afterAll(async () => {
  await t?.close();
});

describe('/app/statistics/trends', () => {
  it('the tab leads to the page; the chart and the table show the series of the region', async () => {
    const home = await admin.get('/app/statistics/coverage');
    expect(home.html).toContain('href="/app/statistics/trends"');
    const page = await admin.get('/app/statistics/trends?metric=registry.centersOperating&regionCode=540000&range=30');
    expect(page.status).toBe(200);
    const html = page.html;
    expect(html).toContain('<svg');
    expect(html).toMatch(/<title id="trend-title">运营中的双创中心 · 西藏自治区<\/title>/);
    expect(html).toContain('<desc id="trend-desc">');
    // Centers operate from 20 and 10 days ago: every recorded day in one line.
    expect(html.match(/<polyline/g)).toHaveLength(1);
    const series = await readSeries(t.db, systemActor, { metric: 'registry.centersOperating' });
    for (const p of series.points) expect(html).toContain(p.day);
    // (Later days also count the reference data's pilot centers, registered today.)
    expect(series.points.find((p) => p.day === addDays(today, -2))!.value).toBe(2);
    expect(series.points.find((p) => p.day === addDays(today, -15))!.value).toBe(1);
    expect(series.points.find((p) => p.day === addDays(today, -25))!.value).toBe(0);
  });

  it('a prefecture and a language', async () => {
    const page = await admin.get(
      '/app/statistics/trends?metric=registry.centersOperating&regionCode=540200&range=90&lang=en',
    );
    expect(page.status).toBe(200);
    expect(page.html).toMatch(/<title id="trend-title">Operating centers · [^<]*Shigatse[^<]*<\/title>/i);
    // 90 days, of which the 60 before the backfill were never recorded: a gap, then the line.
    expect(page.html).toContain('not recorded');
  });

  it('unknown choices fall back to the defaults', async () => {
    const page = await admin.get('/app/statistics/trends?metric=nope&regionCode=999999&range=7');
    expect(page.status).toBe(200);
    expect(page.html).toContain(`<option value="${METRICS[0]!.name}" selected`);
    expect(page.html).toContain('<option value="30" selected');
  });

  it("center staff are offered their center's metrics only; founders 404", async () => {
    const page = await staff.get('/app/statistics/trends');
    expect(page.status).toBe(200);
    expect(page.html).toContain('<option value="funnel.projectsSubmitted"');
    expect(page.html).not.toContain('<option value="coverage.founders"');
    expect(page.html).not.toContain('<option value="registry.centersOperating"');
    expect((await founder.get('/app/statistics/trends')).status).toBe(404);
  });
});
