// The report engine on its own (no database): a spec in, XLSX and CSV read back. Layout (cover,
// totals, a sheet per prefecture), totals and rates, suppression of small counts of people (primary
// and the complementary cells that keep a total from telling them), formula neutralisation, languages.
import { describe, expect, it } from 'vitest';
import { LANGS, type Lang } from '../../models/enums.ts';
import { regionName } from '../../src/i18n/labels.ts';
import { t } from '../../src/i18n/t.ts';
import type { ReportSpec } from '../../src/statistics/reports/spec.ts';
import { HIDDEN_MARK, layOut, SMALL_MARK, shown } from '../../src/statistics/reports/table.ts';
import { labelOf, reportStream } from '../../src/statistics/reports/write.ts';
import { bytesOf, readCsv, readXlsx } from './report-files.ts';

const NOW = new Date('2026-12-07T09:30:00Z');
const EVIL = "=cmd|' /C calc'!A0";

const spec = (): ReportSpec => ({
  figure: 'test',
  title: 'reports.title.coverage',
  filters: [{ label: 'reports.filter.region', value: '=SUM(1)' }],
  asOf: '2026-12-01',
  columns: [
    { key: 'name', label: 'reports.col.region', kind: 'text' },
    { key: 'centers', label: 'reports.col.operatingCenters', kind: 'count' },
    { key: 'people', label: 'reports.col.founders', kind: 'people' },
    { key: 'inside', label: 'reports.col.foundersInCenters', kind: 'people' },
    { key: 'target', label: 'reports.col.potentialFounders', kind: 'count', whenNull: 'reports.noTarget' },
    {
      key: 'rate',
      label: 'reports.col.coverageRate',
      kind: 'rate',
      numerator: 'inside',
      denominator: 'target',
      whenNull: 'reports.noTarget',
    },
    { key: 'money', label: { zh: '金额', en: 'Amount', bo: 'དངུལ་འབོར།' }, kind: 'money' },
  ],
  rows: [
    { group: '540100', values: { name: EVIL, centers: 1, people: 10, inside: 2, target: 4, money: 3 } },
    { group: '540100', values: { name: 'B', centers: 2, people: 7, inside: 6, target: 10, money: 1000.5 } },
    { group: '540100', values: { name: 'C', centers: 0, people: 0, inside: 0, target: null, money: 0 } },
    { group: '540200', values: { name: 'D', centers: 1, people: 3, inside: 3, target: 5, money: 2 } },
    { group: '540200', values: { name: 'E', centers: 3, people: 20, inside: 9, target: 20, money: 10 } },
    { group: '540300', values: { name: 'F', centers: 0, people: 2, inside: 0, target: null, money: 0 } },
  ],
});

describe('layOut: totals, rates, suppression', () => {
  const table = layOut(spec());
  const col = (key: string) => [
    ...table.groups.flatMap((g) => [...g.rows, g.total].map((l) => shown(l, key))),
    shown(table.total, key),
  ];

  it('sums the groups and the report when the figure gives no totals; rates from numerator and denominator', () => {
    expect(table.groups.map((g) => g.code)).toEqual(['540100', '540200', '540300']);
    expect(table.groups.map((g) => g.total.values.inside)).toEqual([8, 12, 0]);
    expect(table.total.values).toMatchObject({ people: 42, inside: 20, target: 39, centers: 7, money: 1015.5 });
    expect(table.groups[0].total.values.rate).toBeCloseTo(8 / 14);
    expect(table.total.values.rate).toBeCloseTo(20 / 39);
    // No target: no rate (and no division by zero or null).
    expect(table.groups[0].rows[2].values.rate).toBeNull();
    expect(table.groups[2].total.values.rate).toBeNull();
  });

  it('shows 1–4 people as <5, hides the smallest other part ≥ 5 where a total would tell them, and their rates', () => {
    const [S, H] = [SMALL_MARK, HIDDEN_MARK];
    // people: D (3) and F (2) are small; E hidden beside D; F's prefecture total (2) is small, so on the
    // totals sheet the smallest other prefecture total (540100: 17) is hidden, and then B inside it.
    expect(col('people')).toEqual([10, H, 0, H, S, H, 23, S, S, 42]);
    // in centers: A (2) and D (3) small, B and E hidden with them; the totals stay.
    expect(col('inside')).toEqual([S, H, 0, 8, S, H, 12, 0, 0, 20]);
    // rates of a suppressed numerator are hidden; no target stays "no rate".
    const rates = col('rate');
    expect(rates.slice(0, 3)).toEqual([H, H, null]);
    expect(rates[3]).toBeCloseTo(8 / 14);
    expect(rates.slice(4, 6)).toEqual([H, H]);
    // counts of centers and money are never suppressed, however small.
    expect(col('centers')).toEqual([1, 2, 0, 3, 1, 3, 4, 0, 0, 7]);
    expect(col('money')[0]).toBe(3);
  });

  it('a group of one row: its small count is small in the row and in the total', () => {
    const one = layOut({ ...spec(), rows: [{ group: '540100', values: { name: 'X', people: 2, inside: 1 } }] });
    expect(shown(one.groups[0].rows[0], 'people')).toBe(SMALL_MARK);
    expect(shown(one.groups[0].total, 'people')).toBe(SMALL_MARK);
    expect(shown(one.total, 'people')).toBe(SMALL_MARK);
  });
});

describe('XLSX', () => {
  it('cover, totals and one sheet per prefecture; values, marks and formats as laid out; text neutralised', async () => {
    const sheets = await readXlsx(await bytesOf(reportStream(spec(), 'xlsx', 'zh', { now: NOW })));
    expect(sheets.map((s) => s.name)).toEqual(['说明', '汇总', '拉萨市', '日喀则市', '昌都市']);
    const [cover, totals, lhasa, shigatse] = sheets;
    expect(cover.rows[0]).toEqual(['双创中心覆盖情况']);
    const flat = cover.rows.map((r) => r.join(' | '));
    expect(flat).toContain("地区 | '=SUM(1)");
    expect(flat).toContain('数据截至 | 2026-12-01');
    expect(flat).toContain('生成时间 | 2026-12-07 09:30 UTC');
    expect(flat.some((l) => l.includes('“<5”'))).toBe(true);
    expect(flat.some((l) => l.includes('“×”'))).toBe(true);
    expect(flat.some((l) => l.includes('分子 ÷ 分母'))).toBe(true);

    expect(lhasa.rows[0]).toEqual([
      '地区',
      '运营中的中心',
      '创业者',
      '入驻中心的创业者',
      '潜在创业者（目标分母）',
      '入驻率',
      '金额',
    ]);
    expect(lhasa.rows[1]).toEqual([`'${EVIL}`, 1, 10, '<5', 4, '×', 3]);
    expect(lhasa.rows[2]).toEqual(['B', 2, '×', '×', 10, '×', 1000.5]);
    expect(lhasa.rows[3]).toEqual(['C', 0, 0, 0, '未设目标', '未设目标', 0]);
    expect(lhasa.rows[4].slice(0, 5)).toEqual(['合计', 3, '×', 8, 14]);
    expect(lhasa.rows[4][5]).toBeCloseTo(8 / 14);
    expect(shigatse.rows[1]).toEqual(['D', 1, '<5', '<5', 5, '×', 2]);

    expect(totals.rows[0][0]).toBe('地市');
    expect(totals.rows.slice(1).map((r) => r[0])).toEqual(['拉萨市', '日喀则市', '昌都市', '合计']);
    expect(totals.rows[4].slice(1, 5)).toEqual([7, 42, 20, 39]);
    expect(totals.rows[4][5]).toBeCloseTo(20 / 39);
  });

  it('rates carry a percentage format and money a thousands format', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await bytesOf(reportStream(spec(), 'xlsx', 'en', { now: NOW }))) as never);
    const ws = wb.worksheets[2];
    expect(ws.getRow(5).getCell(6).numFmt).toBe('0.0%');
    expect(ws.getRow(3).getCell(7).numFmt).toBe('#,##0.00');
  });

  it.each(LANGS)('headers, sheet names and cover in %s', async (lang: Lang) => {
    const s = spec();
    const sheets = await readXlsx(await bytesOf(reportStream(s, 'xlsx', lang, { now: NOW })));
    expect(sheets[0].rows[0]).toEqual([t(lang, 'reports.title.coverage')]);
    expect(sheets[1].rows[0]).toEqual([
      t(lang, 'reports.col.prefecture'),
      ...s.columns.slice(1).map((c) => labelOf(c, lang)),
    ]);
    expect(sheets[2].rows[0]).toEqual(s.columns.map((c) => labelOf(c, lang)));
    expect(sheets[2].name).toBe(regionName('540100', lang).slice(0, 28));
    expect(sheets[2].rows.at(-1)?.[0]).toBe(t(lang, 'reports.total'));
  });
});

describe('CSV', () => {
  it('one table with a prefecture column, UTF-8 with BOM, the same cells as the XLSX; rates as percentages', async () => {
    const { bom, rows } = readCsv(await bytesOf(reportStream(spec(), 'csv', 'zh', { now: NOW })));
    expect(bom).toBe(true);
    expect(rows[0]).toEqual([
      '地市',
      '地区',
      '运营中的中心',
      '创业者',
      '入驻中心的创业者',
      '潜在创业者（目标分母）',
      '入驻率',
      '金额',
    ]);
    expect(rows[1]).toEqual(['拉萨市', `'${EVIL}`, '1', '10', '<5', '4', '×', '3']);
    expect(rows[4]).toEqual(['拉萨市', '合计', '3', '×', '8', '14', '57.1%', '1003.5']);
    expect(rows.at(-1)).toEqual(['合计', '合计', '7', '42', '20', '39', '51.3%', '1015.5']);
    expect(rows.length).toBe(1 + 3 + 1 + 2 + 1 + 1 + 1 + 1);
  });

  it('GB18030 on request: no BOM, the same table', async () => {
    const utf8 = readCsv(await bytesOf(reportStream(spec(), 'csv', 'bo', { now: NOW })));
    const gb = readCsv(await bytesOf(reportStream(spec(), 'csv', 'bo', { now: NOW, encoding: 'gb18030' })), 'gb18030');
    expect(gb.bom).toBe(false);
    expect(gb.rows).toEqual(utf8.rows);
    expect(gb.rows[0][0]).toBe(t('bo', 'reports.col.prefecture'));
  });
});
