// GET /v1/reports/{funnel,scorecard,series}.{xlsx|csv} through the real app over the seeded statistics
// world: each workbook read back equals the figure's JSON (GET /v1/stats/funnel, /scorecard, /series),
// the CSV the same cells; headers in en and bo; scope (region_admin outside its region, staff of another
// center: 404); bad queries 422 as the figure's; the console's figure pages link their reports.
import { asc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centersTable } from '../../models/centers/table.ts';
import { regions } from '../../seeds/reference/regions.ts';
import { t } from '../../src/i18n/t.ts';
import { enumLabel, regionName } from '../../src/i18n/labels.ts';
import { addDays, todayInShanghai } from '../../src/statistics/days.ts';
import { HIDDEN_MARK, SMALL_MARK } from '../../src/statistics/reports/table.ts';
import { signedIn } from '../console/accounts.ts';
import { createKey, ok } from '../auth/world.ts';
import { ADMIN_KEY, startTestApp, type TestApp } from '../harness.ts';
import { readCsv, readXlsx } from './report-files.ts';
import { buildStatsWorld, regionAdminKey, type StatsWorld } from './world.ts';

let app: TestApp;
let w: StatsWorld;
const keys: Record<string, string> = {};
const today = todayInShanghai();

beforeAll(async () => {
  app = await startTestApp();
  w = await buildStatsWorld(app, 2207, 16);
  keys.admin = ADMIN_KEY;
  keys.shigatse = await regionAdminKey(app, '540200');
  keys.staffA = (await createKey(app, 'center_staff', { centerId: w.centers[0].id })).key;
  // A target, so that scores exist.
  await ok(
    app.request('PUT', '/v1/stats/scorecard/indicators', {
      body: { items: [{ key: 'admittedProjects', enabled: true, weight: 3, target: 2 }] },
    }),
  );
}, 300_000);
afterAll(() => app?.close());

async function download(key: string | null, path: string) {
  const res = await app.service.app.request(path, { headers: key ? { authorization: `Bearer ${key}` } : {} });
  return { status: res.status, headers: res.headers, buf: Buffer.from(await res.arrayBuffer()) };
}
const json = (path: string, key = keys.admin) => ok(app.request('GET', path, { key }));

/** exceljs leaves trailing empty cells out. */
const trim = (l: unknown[]) => {
  const out = Array.from(l, (v) => v ?? null);
  while (out.length && out.at(-1) === null) out.pop();
  return out;
};
const rate = (n: number, d: number) => (d > 0 ? n / d : null);

/** The report's line of a funnel JSON: conversion rates right after their numerator. */
function funnelLine(f: any, first: string, region: string) {
  const p = f.projects;
  const intro = (k: 'mentor' | 'investor') => {
    const i = f.introductions[k];
    return [i.requested, i.accepted, rate(i.accepted, i.requested), i.ended, rate(i.ended, i.accepted)];
  };
  const tr = f.trainings;
  return trim([
    first,
    region,
    p.submitted,
    p.reviewed,
    rate(p.reviewed, p.submitted),
    p.admitted,
    rate(p.admitted, p.reviewed),
    p.graduated,
    rate(p.graduated, p.admitted),
    ...intro('mentor'),
    ...intro('investor'),
    tr.seatsOffered,
    tr.seatsFilled,
    rate(tr.seatsFilled, tr.seatsOffered),
  ]);
}

const asCsv = (l: unknown[], rates: number[]) =>
  Array.from(l, (v) => v ?? null).map((v, i) =>
    v === null ? '' : rates.includes(i) && typeof v === 'number' ? `${(v * 100).toFixed(1)}%` : String(v),
  );

describe('GET /v1/reports/funnel.{xlsx|csv}', () => {
  const from = `${today.slice(0, 4)}-01-01`;

  it('a line per center of the prefecture, the prefecture funnel as total: equal to the JSON', async () => {
    const r = await download(keys.admin, `/v1/reports/funnel.xlsx?regionCode=540100&from=${from}&to=${today}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toMatch(/filename="funnel-/);
    const [cover, totals, lhasa, ...rest] = await readXlsx(r.buf);
    expect(rest).toEqual([]);
    expect(lhasa.name).toBe('拉萨市');
    expect(cover.rows[0]).toEqual([t('zh', 'reports2.title.funnel')]);
    const centers = await app.db
      .select()
      .from(centersTable)
      .where(sql`${centersTable.regionCode} like '5401%'`)
      .orderBy(asc(centersTable.regionCode), asc(centersTable.name));
    expect(centers.length).toBeGreaterThanOrEqual(2);
    const expected = [];
    for (const c of centers) {
      const f = await json(`/v1/stats/funnel?centerId=${c.id}&from=${from}&to=${today}`);
      expected.push(funnelLine(f, c.name, regionName(c.regionCode, 'zh')));
    }
    expect(lhasa.rows.slice(1, -1).map(trim)).toEqual(expected);
    const whole = await json(`/v1/stats/funnel?regionCode=540100&from=${from}&to=${today}`);
    expect(whole.projects.submitted).toBeGreaterThan(0);
    expect(trim(lhasa.rows.at(-1)!)).toEqual(funnelLine(whole, '合计', '拉萨市'));
    expect(trim(totals.rows[1])).toEqual(funnelLine(whole, '拉萨市', '拉萨市'));
    // Rates with numerator and denominator just before; counts of events are never suppressed.
    const h = lhasa.rows[0];
    const at = h.indexOf(t('zh', 'reports2.col.reviewedRate'));
    expect(h.slice(at - 2, at + 1)).toEqual([
      t('zh', 'reports2.col.submitted'),
      t('zh', 'reports2.col.reviewed'),
      t('zh', 'reports2.col.reviewedRate'),
    ]);
    expect(h[h.indexOf(t('zh', 'reports2.col.admittedRate')) - 1]).toBe(t('zh', 'reports2.col.admitted'));
    expect(lhasa.rows.flat()).not.toContain(SMALL_MARK);

    const csv = await download(keys.admin, `/v1/reports/funnel.csv?regionCode=540100&from=${from}&to=${today}`);
    expect(csv.status).toBe(200);
    const { bom, rows } = readCsv(csv.buf);
    expect(bom).toBe(true);
    const rates = h.flatMap((x, i) => (String(x).includes('率') ? [i] : []));
    expect(rates).toHaveLength(8);
    expect(rows[0]).toEqual(['地市', ...h]);
    expect(rows.slice(1, -1).map((l) => l.slice(0, 1 + h.length))).toEqual(
      lhasa.rows.slice(1).map((l) => ['拉萨市', ...asCsv([...l, ...Array(h.length - l.length).fill(null)], rates)]),
    );
  });

  it('the whole region: seven prefecture sheets, the total as the JSON of 540000', async () => {
    const [, totals, ...sheets] = await readXlsx(
      (await download(keys.admin, `/v1/reports/funnel.xlsx?from=${from}&to=${today}`)).buf,
    );
    // The seven prefectures in order (then the region's own centers, if any).
    expect(sheets.slice(0, 7).map((x) => x.name)).toEqual(
      regions.filter((x) => x.level === 'prefecture').map((x) => regionName(x.code, 'zh')),
    );
    const all = await json(`/v1/stats/funnel?regionCode=540000&from=${from}&to=${today}`);
    expect(trim(totals.rows.at(-1)!)).toEqual(funnelLine(all, '合计', '西藏自治区'));
    const shigatse = await json(`/v1/stats/funnel?regionCode=540200&from=${from}&to=${today}`);
    expect(trim(totals.rows.find((l) => l[0] === '日喀则市')!)).toEqual(funnelLine(shigatse, '日喀则市', '日喀则市'));
  });

  it.each([
    ['en', 'Projects: submitted', 'Lhasa'],
    ['bo', t('bo', 'reports2.col.submitted'), regionName('540100', 'bo')],
  ])('?lang=%s: headers and sheet names in that language', async (lang, header, sheet) => {
    const [cover, , lhasa] = await readXlsx(
      (await download(keys.admin, `/v1/reports/funnel.xlsx?regionCode=540100&lang=${lang}`)).buf,
    );
    expect(cover.rows[0]).toEqual([t(lang as 'en', 'reports2.title.funnel')]);
    expect(lhasa.name).toBe(sheet);
    expect(lhasa.rows[0]).toContain(header);
  });
});

describe('GET /v1/reports/scorecard.{xlsx|csv}', () => {
  it('a line per center on its prefecture sheet, "not collected" in words, the score: equal to the JSON', async () => {
    const year = today.slice(0, 4);
    const r = await download(keys.admin, `/v1/reports/scorecard.xlsx?period=${year}`);
    expect(r.status).toBe(200);
    const [, totals, ...sheets] = await readXlsx(r.buf);
    const card = await json(`/v1/stats/scorecard?period=${year}`);
    const notCollected = t('zh', 'reports2.notCollected');
    const people = new Set(['jobsCreated', 'graduatesHired', 'localHires', 'mentorsEngaged']);
    let scored = 0;
    for (const item of card.items) {
      const sheet = sheets.find((s) => s.name === regionName(`${item.regionCode.slice(0, 4)}00`, 'zh'))!;
      const line = sheet.rows.find((l) => l[0] === item.name)!;
      expect(line.slice(0, 3)).toEqual([
        item.name,
        regionName(item.regionCode, 'zh'),
        enumLabel('zh', 'centerStatus', item.status),
      ]);
      card.indicators.forEach((ind: { key: string }, i: number) => {
        const cell = line[3 + i];
        const v = item.values[ind.key].value;
        if (v === null) expect(cell).toBe(notCollected);
        else if (people.has(ind.key) && (cell === SMALL_MARK || cell === HIDDEN_MARK)) {
          if (cell === SMALL_MARK) expect(v >= 1 && v <= 4).toBe(true);
        } else expect(cell).toBe(v);
      });
      const score = line[3 + card.indicators.length];
      expect(score).toBe(item.score ?? t('zh', 'reports2.noScore'));
      if (item.score !== null) scored++;
    }
    expect(scored).toBeGreaterThan(0);
    expect(card.items.every((i: any) => i.values.satisfaction.notCollected)).toBe(true);
    // The totals sheet: a line per prefecture with centers, and the total (no score).
    const h = totals.rows[0];
    const admitted = h.indexOf(t('zh', 'funnels.ind.admittedProjects'));
    const sum = card.items.reduce((s: number, i: any) => s + i.values.admittedProjects.value, 0);
    expect(totals.rows.at(-1)![admitted]).toBe(sum);
    expect(totals.rows.at(-1)![h.indexOf(t('zh', 'reports2.col.score'))]).toBe(t('zh', 'reports2.noScore'));

    const csv = readCsv((await download(keys.admin, `/v1/reports/scorecard.csv?period=${year}`)).buf);
    expect(csv.rows[0]).toEqual(['地市', ...sheets[0].rows[0]]);
    expect(csv.rows.slice(1).map((l) => l.slice(1, 3))).toEqual(
      expect.arrayContaining(card.items.map((i: any) => [i.name, regionName(i.regionCode, 'zh')])),
    );
    expect(csv.rows.flat()).toContain(notCollected);
  });

  it('headers in en and bo', async () => {
    for (const lang of ['en', 'bo'] as const) {
      const [, totals] = await readXlsx((await download(keys.admin, `/v1/reports/scorecard.xlsx?lang=${lang}`)).buf);
      expect(totals.rows[0]).toContain(t(lang, 'funnels.ind.jobsCreated'));
      expect(totals.rows[0]).toContain(t(lang, 'reports2.col.score'));
    }
  });
});

describe('GET /v1/reports/series.{xlsx|csv}', () => {
  it('a line per day with the value, the metric in the reader language: equal to the JSON', async () => {
    const metrics = (await json('/v1/stats/metrics')).items;
    const m = metrics.find((x: any) => x.perCenter)!;
    const from = addDays(today, -6);
    const q = `metric=${m.name}&regionCode=540100&from=${from}&to=${today}`;
    const s = await json(`/v1/stats/series?${q}`);
    const r = await download(keys.admin, `/v1/reports/series.xlsx?${q}`);
    expect(r.status).toBe(200);
    const [cover, , sheet] = await readXlsx(r.buf);
    expect(cover.rows.map((l) => l.join(' | '))).toContain(`${t('zh', 'reports2.filter.metric')} | ${m.labels.zh}`);
    expect(sheet.rows[0]).toEqual([t('zh', 'reports2.col.day'), m.labels.zh]);
    expect(sheet.rows.slice(1, -1)).toEqual(
      s.points.map((p: any) => [p.day, p.value === null ? t('zh', 'trends.notRecorded') : p.value]),
    );
    expect(s.points).toHaveLength(7);
    const csv = readCsv((await download(keys.admin, `/v1/reports/series.csv?${q}`)).buf);
    expect(csv.rows.slice(1, -1)).toEqual(sheet.rows.slice(1).map((l) => ['拉萨市', ...l.map(String)]));
    for (const lang of ['en', 'bo'] as const) {
      const [, , x] = await readXlsx((await download(keys.admin, `/v1/reports/series.xlsx?${q}&lang=${lang}`)).buf);
      expect(x.rows[0]).toEqual([t(lang, 'reports2.col.day'), m.labels[lang]]);
    }
    // Center staff: their own center's per-center series.
    const own = await download(keys.staffA, `/v1/reports/series.csv?metric=${m.name}`);
    expect(own.status).toBe(200);
  });
});

describe('scope and bad input', () => {
  it('region_admin outside its region: 404; inside: 200', async () => {
    for (const f of ['funnel', 'scorecard'])
      for (const fmt of ['xlsx', 'csv']) {
        expect((await download(keys.shigatse, `/v1/reports/${f}.${fmt}?regionCode=540100`)).status).toBe(404);
        expect((await download(keys.shigatse, `/v1/reports/${f}.${fmt}?centerId=${w.centers[0].id}`)).status).toBe(404);
        expect((await download(keys.shigatse, `/v1/reports/${f}.${fmt}`)).status).toBe(200);
      }
    expect(
      (await download(keys.shigatse, '/v1/reports/series.xlsx?metric=funnel.seatsOffered&regionCode=540100')).status,
    ).toBe(404);
  });

  it("center staff read their own center's funnel and scorecard; another center's: 404", async () => {
    const other = w.centers[2].id;
    for (const f of ['funnel', 'scorecard']) {
      const own = await download(keys.staffA, `/v1/reports/${f}.xlsx`);
      expect(own.status).toBe(200);
      const [, , sheet] = await readXlsx(own.buf);
      expect(sheet.rows.slice(1, -1)).toHaveLength(1);
      expect((await download(keys.staffA, `/v1/reports/${f}.xlsx?centerId=${other}`)).status).toBe(404);
      // A region asked by staff: their center still, as the JSON.
      const region = await download(keys.staffA, `/v1/reports/${f}.csv?regionCode=540000`);
      expect(region.status).toBe(
        (await app.request('GET', `/v1/stats/${f}?regionCode=540000`, { key: keys.staffA })).status,
      );
    }
    const m = (await json('/v1/stats/metrics')).items.find((x: any) => x.perCenter)!;
    expect((await download(keys.staffA, `/v1/reports/series.csv?metric=${m.name}&centerId=${other}`)).status).toBe(404);
  });

  it('bad queries: 422 as the figure', async () => {
    const bad = [
      '/v1/reports/funnel.xlsx?from=2026-05-01&to=2026-04-01',
      '/v1/reports/funnel.csv?to=2999-01-01',
      '/v1/reports/funnel.csv?from=yesterday',
      '/v1/reports/funnel.xlsx?regionCode=123',
      '/v1/reports/scorecard.xlsx?period=2026-Q5',
      '/v1/reports/scorecard.csv?period=2999',
      '/v1/reports/series.xlsx?metric=nope',
      '/v1/reports/series.xlsx',
      `/v1/reports/series.csv?metric=funnel.seatsOffered&from=${today}&to=${addDays(today, -3)}`,
    ];
    for (const path of bad) expect([path, (await download(keys.admin, path)).status]).toEqual([path, 422]);
  });
});

describe('the console pages link their reports', () => {
  it('funnels, scorecard and trends show the XLSX and CSV links with the page filters; the links work', async () => {
    const { client } = await signedIn(app, { login: 'reports2.admin', role: 'admin' });
    const get = async (path: string) => {
      const res = await app.service.app.request(`http://localhost${path}`, {
        headers: { cookie: client.cookieHeader() },
      });
      return { status: res.status, text: await res.text() };
    };
    const funnels = await client.get('/app/statistics/funnels?regionCode=540100');
    expect(funnels.html).toMatch(
      /href="\/app\/statistics\/reports\/funnel\.xlsx\?regionCode=540100&amp;from=\d{4}-01-01&amp;to=\d{4}-\d{2}-\d{2}"/,
    );
    expect(funnels.html).toContain('/app/statistics/reports/funnel.csv?');
    const score = await client.get('/app/statistics/scorecard');
    expect(score.html).toContain(`href="/app/statistics/reports/scorecard.xlsx?period=${today.slice(0, 4)}"`);
    expect(score.html).toContain(t('zh', 'reports.download.csv'));
    const trends = await client.get('/app/statistics/trends');
    const m = /href="(\/app\/statistics\/reports\/series\.xlsx\?metric=[^"]+)"/.exec(trends.html);
    expect(m).not.toBeNull();
    expect(m![1]).toContain('regionCode=540000');
    const link = m![1].replaceAll('&amp;', '&');
    expect((await get(link)).status).toBe(200);
    expect((await get('/app/statistics/reports/funnel.csv?regionCode=540100')).status).toBe(200);
    // A bad page filter: no figure, no links.
    const badPage = await client.get('/app/statistics/scorecard?period=nope');
    expect(badPage.html).not.toContain('/app/statistics/reports/scorecard');
  });

  it("center staff's download route: their own center's funnel, not another's", async () => {
    const { client } = await signedIn(app, {
      login: 'reports2.staff',
      role: 'center_staff',
      centerId: w.centers[0].id,
    });
    const get = (path: string) =>
      app.service.app.request(`http://localhost${path}`, { headers: { cookie: client.cookieHeader() } });
    expect((await get('/app/statistics/reports/funnel.xlsx')).status).toBe(200);
    expect((await get('/app/statistics/reports/scorecard.csv')).status).toBe(200);
    expect((await get(`/app/statistics/reports/funnel.xlsx?centerId=${w.centers[2].id}`)).status).toBe(404);
    const page = await client.get('/app/statistics/funnels');
    expect(page.html).toContain('/app/statistics/reports/funnel.xlsx?from=');
  });
});
