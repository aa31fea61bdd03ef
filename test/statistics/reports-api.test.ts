// GET /v1/reports/coverage.{xlsx|csv} through the real app: the workbook read back equals the coverage
// figure's JSON (counties, prefecture totals, the total, numerator and denominator beside each rate),
// the CSV too; small counts of founders suppressed; who may read which region; bad input.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeysTable } from '../../models/api-keys/table.ts';
import { regionTargetsTable } from '../../models/region-targets/table.ts';
import { generateKey, hashKey } from '../../src/auth/keys.ts';
import { coverage, type CoverageItem } from '../../src/statistics/coverage.ts';
import { todayInShanghai } from '../../src/statistics/as-of.ts';
import { HIDDEN_MARK, SMALL_MARK } from '../../src/statistics/reports/table.ts';
import { ADMIN_KEY, startTestApp, type TestApp } from '../harness.ts';
import { readCsv, readXlsx } from './report-files.ts';

let app: TestApp;
const YEAR = Number(todayInShanghai().slice(0, 4));
const keys: Record<string, string> = {};

async function post(path: string, body: unknown): Promise<string> {
  const r = await app.request('POST', path, { body });
  if (r.status !== 201) throw new Error(`${path}: ${r.status} ${r.text}`);
  return r.body.id;
}

/** A key bound as given, written directly (the API's region binding is another branch's). */
async function keyRow(role: 'region_admin' | 'founder' | 'center_staff', binding: Record<string, string>) {
  const key = generateKey();
  await app.db
    .insert(apiKeysTable)
    .values({ keyHash: hashKey(key), prefix: key.slice(0, 8), role, label: role, ...binding });
  return key;
}

async function founders(n: number, regionCode: string, centerId: string | null) {
  for (let i = 0; i < n; i++)
    await post('/v1/founders', {
      name: `创业者 ${regionCode}-${i}`,
      groups: ['graduate'],
      regionCode,
      languages: ['zh'],
      ...(centerId ? { centerId } : {}),
    });
}

beforeAll(async () => {
  app = await startTestApp();
  const center = (name: string, regionCode: string, kind: string) =>
    post('/v1/centers', { name, regionCode, kind, pilot: false, status: 'operating', statusSince: '2020-01-01' });
  const lhasa = await center('=HYPERLINK("http://x","拉萨中心")', '540102', 'makerspace');
  const shigatse = await center('日喀则孵化器', '540202', 'incubator');
  await center('日喀则众创空间', '540202', 'makerspace');
  // Lhasa: Chengguan 7 founders (6 in a center), Duilongdeqing 2 (both in a center): a small count.
  await founders(6, '540102', lhasa);
  await founders(1, '540102', null);
  await founders(2, '540103', lhasa);
  // Shigatse: Sangzhuzi 6 founders, 5 in a center (no small count anywhere).
  await founders(5, '540202', shigatse);
  await founders(1, '540202', null);
  await app.db.insert(regionTargetsTable).values([
    { regionCode: '540102', year: YEAR, potentialFounders: 10 },
    { regionCode: '540103', year: YEAR, potentialFounders: 4 },
    { regionCode: '540100', year: YEAR, potentialFounders: 40 },
    { regionCode: '540202', year: YEAR, potentialFounders: 0 },
    { regionCode: '540200', year: YEAR, potentialFounders: 8 },
  ]);
  keys.admin = ADMIN_KEY;
  keys.shigatseAdmin = await keyRow('region_admin', { regionCode: '540200' });
  keys.founder = await keyRow('founder', { subjectId: 'nobody' });
  keys.staff = await keyRow('center_staff', { centerId: lhasa });
}, 180_000);
afterAll(() => app?.close());

async function download(key: string | null, path: string) {
  const res = await app.service.app.request(path, { headers: key ? { authorization: `Bearer ${key}` } : {} });
  return { status: res.status, headers: res.headers, buf: Buffer.from(await res.arrayBuffer()) };
}

/** The report's line for a figure item: the columns in order, numerator and denominator beside the rate. */
function expectedLine(item: CoverageItem, label: string) {
  const yes = (v: boolean | null) => (v === null ? null : v ? '是' : '否');
  const noTarget = '未设目标';
  const kinds = [
    'makerspace',
    'star_base',
    'incubator',
    'youth_center',
    'employment_center',
    'ecommerce_county',
    'park',
    'university',
    'vocational_school',
    'soe',
    'other',
  ];
  return [
    label,
    item.operatingCenters,
    ...kinds.map((k) => item.operatingCentersByKind[k] ?? 0),
    item.founders,
    item.foundersInCenters,
    item.potentialFounders ?? noTarget,
    item.rate ?? noTarget,
    yes(item.meetsTarget) ?? noTarget,
    yes(item.deadlines.find((d) => d.kind === 'county')!.met),
  ];
}

describe('GET /v1/reports/coverage.xlsx', () => {
  it('read back equals the coverage figure: counties per prefecture sheet, prefecture totals, the total', async () => {
    const r = await download(keys.admin, '/v1/reports/coverage.xlsx?regionCode=540200');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('spreadsheetml');
    expect(r.headers.get('content-disposition')).toMatch(/^attachment; filename="coverage-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const [cover, totals, shigatse, ...rest] = await readXlsx(r.buf);
    expect(rest).toEqual([]);
    expect(shigatse.name).toBe('日喀则市');
    const counties = await coverage(app.db, { level: 'county', regionCode: '540200' });
    const prefs = await coverage(app.db, { level: 'prefecture', regionCode: '540200' });
    expect(shigatse.rows.slice(1, -1)).toEqual(counties.items.map((i) => expectedLine(i, i.name.zh)));
    expect(shigatse.rows.at(-1)).toEqual(expectedLine(prefs.items[0], '合计'));
    expect(totals.rows[1]).toEqual(expectedLine(prefs.items[0], '日喀则市'));
    expect(totals.rows[2]).toEqual(expectedLine(prefs.total, '合计'));
    // The rate with its numerator and denominator just before it.
    const header = shigatse.rows[0];
    const rate = header.indexOf('入驻率');
    expect(header.slice(rate - 2, rate + 1)).toEqual(['入驻中心的创业者', '潜在创业者（目标分母）', '入驻率']);
    expect(totals.rows[1].slice(rate - 2, rate + 1)).toEqual([5, 8, 5 / 8]);
    // A zero target: no rate, and said so.
    const sangzhuzi = shigatse.rows.find((l) => l[0] === '桑珠孜区')!;
    expect(sangzhuzi.slice(rate - 2, rate + 2)).toEqual([5, 0, '未设目标', '未设目标']);
    // The cover: title, the filter in words, the as-of day.
    const lines = cover.rows.map((l) => l.join(' | '));
    expect(lines[0]).toBe('双创中心覆盖情况');
    expect(lines).toContain('地区 | 日喀则市');
    expect(lines).toContain(`数据截至 | ${counties.asOf}`);
  });

  it('a county with 2 founders shows "<5" and its rate is hidden, and so is what would tell it', async () => {
    const [, totals, lhasa] = await readXlsx((await download(keys.admin, '/v1/reports/coverage.xlsx')).buf);
    expect(lhasa.name).toBe('拉萨市');
    const h = lhasa.rows[0];
    const at = (name: string) => lhasa.rows.find((l) => l[0] === name)!;
    const cols = ['创业者', '入驻中心的创业者', '入驻率', '达到 50%'].map((c) => h.indexOf(c));
    expect(cols.map((i) => at('堆龙德庆区')[i])).toEqual([SMALL_MARK, SMALL_MARK, HIDDEN_MARK, HIDDEN_MARK]);
    // Chengguan would tell Duilongdeqing by subtraction from the prefecture's total: hidden too.
    expect(cols.map((i) => at('城关区')[i])).toEqual([HIDDEN_MARK, HIDDEN_MARK, HIDDEN_MARK, HIDDEN_MARK]);
    // The prefecture's total stays, with its rate against the prefecture's own target.
    expect(cols.map((i) => lhasa.rows.at(-1)![i])).toEqual([9, 8, 8 / 40, '否']);
    // Every prefecture has its sheet, the seven of the region.
    expect(totals.rows.slice(1, -1)).toHaveLength(7);
  });

  it('CSV: the same cells in one table with a prefecture column, UTF-8 with BOM; GB18030 on request', async () => {
    const xlsx = await readXlsx((await download(keys.admin, '/v1/reports/coverage.xlsx?regionCode=540200')).buf);
    const r = await download(keys.admin, '/v1/reports/coverage.csv?regionCode=540200');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const { bom, rows } = readCsv(r.buf);
    expect(bom).toBe(true);
    expect(rows[0]).toEqual(['地市', ...xlsx[2].rows[0]]);
    const asCsv = (l: unknown[], rateAt: number) =>
      l.map((v, i) =>
        v === null ? '' : i === rateAt && typeof v === 'number' ? `${(v * 100).toFixed(1)}%` : String(v),
      );
    const rateAt = xlsx[2].rows[0].indexOf('入驻率');
    expect(rows.slice(1, -1)).toEqual(xlsx[2].rows.slice(1).map((l) => ['日喀则市', ...asCsv(l, rateAt)]));
    expect(rows.at(-1)).toEqual(['合计', ...asCsv(xlsx[1].rows.at(-1)!, rateAt)]);
    const gb = await download(keys.admin, '/v1/reports/coverage.csv?regionCode=540200&encoding=gb18030');
    expect(gb.headers.get('content-type')).toBe('text/csv; charset=gb18030');
    expect(readCsv(gb.buf, 'gb18030').rows).toEqual(rows);
  });

  it.each([
    ['en', 'Coverage of innovation and entrepreneurship centers', 'Shigatse', 'Founders in centers'],
    ['bo', 'གསར་གཏོད་ལྟེ་གནས་ཁྱབ་ཚད།', 'གཞིས་ཀ་རྩེ', 'ལྟེ་གནས་སུ་ཡོད་པའི་གསར་གཏོད་པ།'],
  ])('?lang=%s: headers, sheet names and cover in that language', async (lang, title, sheet, header) => {
    const [cover, , prefecture] = await readXlsx(
      (await download(keys.admin, `/v1/reports/coverage.xlsx?regionCode=540200&lang=${lang}`)).buf,
    );
    expect(cover.rows[0]).toEqual([title]);
    expect(prefecture.name).toBe(sheet);
    expect(prefecture.rows[0]).toContain(header);
  });
});

describe('who reads which report', () => {
  it('a region_admin reads its region (the default) and gets 404 outside it', async () => {
    const own = await download(keys.shigatseAdmin, '/v1/reports/coverage.xlsx');
    expect(own.status).toBe(200);
    expect((await readXlsx(own.buf)).map((s) => s.name)).toEqual(['说明', '汇总', '日喀则市']);
    expect((await download(keys.shigatseAdmin, '/v1/reports/coverage.xlsx?regionCode=540100')).status).toBe(404);
    expect((await download(keys.shigatseAdmin, '/v1/reports/coverage.csv?regionCode=540000')).status).toBe(404);
    expect((await download(keys.shigatseAdmin, '/v1/reports/coverage.csv?regionCode=540202')).status).toBe(200);
  });

  it('a founder key, and center staff for a regional figure: 404; no key: 401', async () => {
    expect((await download(keys.founder, '/v1/reports/coverage.xlsx')).status).toBe(404);
    expect((await download(keys.staff, '/v1/reports/coverage.csv')).status).toBe(404);
    expect((await download(null, '/v1/reports/coverage.xlsx')).status).toBe(401);
  });

  it('bad input: a future as-of day 422, a malformed one 400, an unknown level 422, an unknown figure 404', async () => {
    expect((await download(keys.admin, '/v1/reports/coverage.xlsx?asOf=2999-01-01')).status).toBe(422);
    expect((await download(keys.admin, '/v1/reports/coverage.xlsx?asOf=yesterday')).status).toBe(400);
    expect((await download(keys.admin, '/v1/reports/coverage.csv?level=planet')).status).toBe(422);
    expect((await download(keys.admin, '/v1/reports/coverage.csv?regionCode=999999')).status).toBe(404);
    expect((await download(keys.admin, '/v1/reports/coverage.pdf')).status).toBe(404);
    expect((await download(keys.admin, '/v1/reports/nothing.xlsx')).status).toBe(404);
    expect((await download(keys.admin, '/v1/reports/coverage.csv?encoding=latin1')).status).toBe(400);
  });

  it('is documented in the OpenAPI document, binary responses', async () => {
    const doc = (await app.request('GET', '/v1/openapi.json', { key: null })).body;
    const op = doc.paths['/v1/reports/coverage.xlsx'].get;
    expect(Object.keys(op.responses['200'].content)).toEqual([
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    expect(op.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['asOf', 'regionCode', 'level', 'lang']),
    );
    expect(doc.paths['/v1/reports/coverage.csv'].get.parameters.map((p: { name: string }) => p.name)).toContain(
      'encoding',
    );
  });
});

describe('a full regional report', () => {
  it('with 50k founders is generated within memory bounds (aggregates only, streamed)', async () => {
    await app.db.execute(sql`
      insert into founders (id, name, groups, region_code, languages)
      select gen_random_uuid(), 'bulk ' || g, array['graduate']::founder_group[], r.code, array['zh']::lang[]
      from generate_series(1, 50000) g
      join (select code, row_number() over (order by code) - 1 as i from regions where level = 'county') r
        on r.i = g % 74`);
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    const res = await app.service.app.request('/v1/reports/coverage.xlsx', {
      headers: { authorization: `Bearer ${keys.admin}` },
    });
    expect(res.status).toBe(200);
    let bytes = 0;
    const reader = res.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    expect(bytes).toBeGreaterThan(10_000);
    expect(peak - before).toBeLessThan(64 * 1024 * 1024);
    const all = await download(keys.admin, '/v1/reports/coverage.xlsx');
    const [, totals] = await readXlsx(all.buf);
    const figure = await coverage(app.db, { level: 'prefecture' });
    expect(figure.total.founders).toBeGreaterThan(50000);
    expect(totals.rows.at(-1)![totals.rows[0].indexOf('创业者')]).toBe(figure.total.founders);
  }, 300_000);
});
