// The coverage report: counties on their prefecture's sheet, each prefecture's own figure as its total
// (records and targets at the prefecture code included), the scope's figure as the report's total.
// Regional figure: center staff get 404 (scope.ts, centerFigures false).
import { z } from 'zod';
import { CENTER_KINDS, type Lang } from '../../../models/enums.ts';
import { isoDate } from '../../../models/common/validation.ts';
import { prefectureOf } from '../../../models/regions/codes.ts';
import { labels } from '../../../seeds/reference/labels.ts';
import type { Actor } from '../../auth/actor.ts';
import { regionName } from '../../i18n/labels.ts';
import { t } from '../../i18n/t.ts';
import type { Executor } from '../../resources/types.ts';
import { type Coverage, type CoverageItem, coverage, resolveCoverageQuery } from '../coverage.ts';
import { resolveStatsFilter } from '../scope.ts';
import type { ReportColumn, ReportSpec, Values } from './spec.ts';

export const coverageReportQuery = z.object({
  level: z
    .string()
    .optional()
    .describe('prefecture|county, as the figure (checked: 422 otherwise); the report always shows both levels'),
  asOf: isoDate().optional().describe('YYYY-MM-DD (Asia/Shanghai), not in the future; default today'),
  regionCode: z.string().optional().describe("the area (default: the caller's region, else 540000)"),
});
export type CoverageReportQuery = z.infer<typeof coverageReportQuery>;

const kindColumns: ReportColumn[] = CENTER_KINDS.map((k) => ({
  key: `kind.${k}`,
  label: labels.centerKind[k],
  kind: 'count',
}));

export const COVERAGE_COLUMNS: ReportColumn[] = [
  { key: 'region', label: 'reports.col.region', kind: 'text' },
  { key: 'operatingCenters', label: 'reports.col.operatingCenters', kind: 'count' },
  ...kindColumns,
  { key: 'founders', label: 'reports.col.founders', kind: 'people' },
  { key: 'foundersInCenters', label: 'reports.col.foundersInCenters', kind: 'people' },
  { key: 'potentialFounders', label: 'reports.col.potentialFounders', kind: 'count', whenNull: 'reports.noTarget' },
  {
    key: 'rate',
    label: 'reports.col.coverageRate',
    kind: 'rate',
    numerator: 'foundersInCenters',
    denominator: 'potentialFounders',
    whenNull: 'reports.noTarget',
  },
  {
    key: 'meetsTarget',
    label: 'reports.col.meetsTarget',
    kind: 'text',
    dependsOn: ['foundersInCenters'],
    whenNull: 'reports.noTarget',
  },
  { key: 'deadline', label: 'reports.col.countyDeadline', kind: 'text', whenNull: 'reports.notDue' },
];

const yesNo = (v: boolean | null, lang: Lang) => (v === null ? null : t(lang, v ? 'sheets.yes' : 'sheets.no'));

/** One line of the report from an item of the figure. */
export function coverageValues(item: CoverageItem, lang: Lang): Values {
  const v: Values = {
    region: item.name[lang] || item.name.zh,
    operatingCenters: item.operatingCenters,
    founders: item.founders,
    foundersInCenters: item.foundersInCenters,
    potentialFounders: item.potentialFounders,
    rate: item.rate,
    meetsTarget: yesNo(item.meetsTarget, lang),
    deadline: yesNo(item.deadlines.find((d) => d.kind === 'county')?.met ?? null, lang),
  };
  for (const k of CENTER_KINDS) v[`kind.${k}`] = item.operatingCentersByKind[k] ?? 0;
  return v;
}

export async function coverageReport(
  db: Executor,
  actor: Actor,
  q: CoverageReportQuery,
  lang: Lang,
  now = new Date(),
): Promise<ReportSpec> {
  const { regionCode } = await resolveStatsFilter(db, actor, { regionCode: q.regionCode }, { centerFigures: false });
  const isCounty = !regionCode.endsWith('00');
  // The report shows both levels; a county's report needs no level (the JSON would ask for county).
  const checked = resolveCoverageQuery(
    { level: q.level ?? (isCounty ? 'county' : null), asOf: q.asOf, regionCode },
    now,
  );
  const ask = { asOf: checked.asOf, regionCode };
  const [counties, prefectures]: [Coverage, Coverage | null] = await Promise.all([
    coverage(db, { ...ask, level: 'county' }, now),
    isCounty ? null : coverage(db, { ...ask, level: 'prefecture' }, now),
  ]);
  const groupOf = (code: string) => `${prefectureOf(code)}00`;
  const groupTotals: Record<string, Values> = {};
  for (const p of prefectures?.items ?? [{ ...counties.total, regionCode: groupOf(regionCode) }])
    groupTotals[p.regionCode] = coverageValues(p, lang);
  return {
    figure: 'coverage',
    title: 'reports.title.coverage',
    filters: [
      { label: 'reports.filter.region', value: regionName(regionCode, lang) },
      ...(q.level
        ? [{ label: 'reports.filter.level' as const, value: t(lang, `reports.level.${checked.level}`) }]
        : []),
    ],
    asOf: counties.asOf,
    columns: COVERAGE_COLUMNS,
    groups: Object.keys(groupTotals),
    rows: counties.items.map((i) => ({ group: groupOf(i.regionCode), values: coverageValues(i, lang) })),
    groupTotals,
    total: coverageValues((prefectures ?? counties).total, lang),
    notes: ['reports.note.coverage', ...(counties.source === 'estimate' ? (['reports.note.estimate'] as const) : [])],
  };
}
