// The coverage and graduates pages over HTTP: the map (SVG with title and desc, text beside colour, "no
// target"), the table with numerator and denominator, the filters (a future date is an error beside the
// form), zh/en/bo; region admins their region only; staff and founders 404.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsTable } from '../../models/schema.ts';
import { coverage } from '../../src/statistics/coverage.ts';
import { graduates } from '../../src/statistics/graduates.ts';
import { startTestApp, type TestApp } from '../harness.ts';
import { addDays, buildWorld, type World } from '../statistics/coverage-world.ts';
import { signedIn } from './accounts.ts';
import { type ConsoleClient, visibleText } from './client.ts';

let app: TestApp;
let w: World;
let admin: ConsoleClient;
let shigatse: ConsoleClient;
beforeAll(async () => {
  app = await startTestApp();
  w = await buildWorld(app.db, 7);
  admin = (await signedIn(app, { login: 'stats.admin', role: 'admin' })).client;
  // A region admin of 日喀则市: made as an admin account, then bound to its region (the invitation API for
  // region_admin comes with the roles work).
  const ra = await signedIn(app, { login: 'stats.shigatse', role: 'admin' });
  await app.db
    .update(accountsTable)
    .set({ role: 'region_admin', regionCode: '540200' })
    .where(eq(accountsTable.id, ra.id));
  shigatse = ra.client;
}, 180_000);
afterAll(() => app?.close());

const page = async (c: ConsoleClient, path: string, status = 200) => {
  const res = await c.get(path);
  expect(res.status, path).toBe(status);
  return res;
};

describe('the coverage page', () => {
  it('draws one tile per prefecture, says the rate in text, and lists numerator and denominator', async () => {
    const res = await page(admin, '/app/statistics/coverage?lang=zh');
    const figure = await coverage(app.db, { level: 'prefecture' });
    expect(res.html).toContain('role="img"');
    expect(res.html).toMatch(/<title id="cov-grid-title">覆盖率图：西藏自治区，截至 \d{4}-\d{2}-\d{2}<\/title>/);
    // Two drawings (the desktop map, the phone's two columns), seven tiles each.
    expect(res.html.match(/class="cov-tile /g)).toHaveLength(14);
    const text = visibleText(res.html);
    for (const item of figure.items) {
      const denominator = item.potentialFounders === null ? '—' : String(item.potentialFounders);
      expect(text).toContain(`${item.foundersInCenters} / ${denominator}`);
      if (item.target === 'missing') expect(res.html).toContain('无目标');
      if (item.meetsTarget === true) expect(text).toContain('≥50% 达标');
      if (item.meetsTarget === false) expect(text).toContain('<50% 未达标');
    }
    expect(text).toContain('截至');
    expect(text).toContain('地市驻地（2019-06-30 前）');
    // The tab strip has the two figures.
    expect(res.html).toContain('href="/app/statistics/coverage"');
    expect(res.html).toContain('href="/app/statistics/graduates"');
  });

  it('shows the counties of a prefecture, flags those without a center, in en and bo', async () => {
    const figure = await coverage(app.db, { level: 'county', regionCode: '540200' });
    const en = visibleText((await page(admin, '/app/statistics/coverage?level=county&regionCode=540200&lang=en')).html);
    expect(en).toContain('Coverage map: Shigatse');
    if (figure.items.some((i) => i.operatingCenters === 0)) expect(en).toContain('no operating center');
    if (figure.items.some((i) => i.target === 'missing')) expect(en).toContain('no target');
    const bo = await page(admin, '/app/statistics/coverage?level=county&regionCode=540200&lang=bo');
    expect(bo.html).toContain('ཁྱབ་ཚད་ས་ཁྲ།');
  });

  it('a past day says where the founder counts come from; a future day is an error beside the form', async () => {
    const past = visibleText(
      (await page(admin, `/app/statistics/coverage?asOf=${addDays(w.today, -100)}&lang=zh`)).html,
    );
    expect(past).toContain('当日没有快照');
    const future = await page(admin, `/app/statistics/coverage?asOf=${addDays(w.today, 2)}&lang=zh`);
    expect(visibleText(future.html)).toContain('截止日期不能是将来的日期');
    expect(future.html).not.toContain('class="cov-grid"');
    const bad = await page(admin, '/app/statistics/coverage?level=prefecture&regionCode=540102&lang=en');
    expect(visibleText(bad.html)).toContain('level=prefecture asks for prefectures');
  });

  it('a region admin reads its prefecture only', async () => {
    const res = await page(shigatse, '/app/statistics/coverage?lang=zh');
    expect(res.html.match(/class="cov-tile /g)).toHaveLength(2);
    expect(visibleText(res.html)).toContain('日喀则市');
    await page(shigatse, '/app/statistics/coverage?regionCode=540100', 404);
    await page(shigatse, '/app/statistics/graduates?regionCode=540000', 404);
    const counties = await page(shigatse, '/app/statistics/coverage?level=county');
    expect(counties.html.match(/class="cov-tile /g)!.length).toBeGreaterThan(10);
  });

  it('center staff and founders get 404', async () => {
    const staff = (await signedIn(app, { login: 'stats.staff', role: 'center_staff', centerId: w.centers[0].id }))
      .client;
    await page(staff, '/app/statistics/coverage', 404);
    await page(staff, '/app/statistics/graduates', 404);
    const founderId = w.founders.find((f) => !f.erased)!.id;
    const founder = (await signedIn(app, { login: 'stats.founder', role: 'founder', subjectId: founderId })).client;
    await page(founder, '/app/statistics/coverage', 404);
  });
});

describe('the graduates page', () => {
  it('lists the years and the prefectures with the figure’s counts', async () => {
    const figure = await graduates(app.db, {});
    const res = await page(admin, '/app/statistics/graduates?lang=zh');
    const text = visibleText(res.html);
    expect(text).toContain('离校未就业');
    for (const y of figure.years)
      expect(text).toContain(
        `${y.year} ${y.graduates} ${y.leftSchoolUnemployed} ${y.inCenters} ${y.introduced} ${y.enrolled}`,
      );
    const t = figure.total;
    expect(text).toContain(
      `合计 ${t.graduates} ${t.leftSchoolUnemployed} ${t.inCenters} ${t.introduced} ${t.enrolled}`,
    );
    const bad = await page(admin, '/app/statistics/graduates?from=2025&to=2020&lang=zh');
    expect(visibleText(bad.html)).toContain('毕业年份无效');
  });
});
