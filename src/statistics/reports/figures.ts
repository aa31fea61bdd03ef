// The figures a report is made of: each with its own query (the figure's JSON query) and its spec
// builder (scope checked there, through src/statistics/scope.ts). Routes and console links read this list.
import { z } from 'zod';
import type { Lang } from '../../../models/enums.ts';
import type { Actor } from '../../auth/actor.ts';
import { badRequest, notFound } from '../../errors.ts';
import type { Executor } from '../../resources/types.ts';
import { coverageReport, coverageReportQuery } from './coverage.ts';
import { funnelReport, funnelReportQuery } from './funnel.ts';
import { graduatesReport, graduatesReportQuery } from './graduates.ts';
import { scorecardReport, scorecardReportQuery } from './scorecard.ts';
import { seriesReport, seriesReportQuery } from './series.ts';
import type { ReportSpec } from './spec.ts';
import type { CsvEncoding, ReportFormat } from './write.ts';

export interface ReportFigure {
  name: string;
  summary: string;
  query: z.ZodObject;
  build(db: Executor, actor: Actor, query: never, lang: Lang, now?: Date): Promise<ReportSpec>;
}

export const REPORT_FIGURES = {
  coverage: {
    name: 'coverage',
    summary: 'Coverage per prefecture and county (as GET /v1/stats/coverage)',
    query: coverageReportQuery,
    build: coverageReport,
  },
  graduates: {
    name: 'graduates',
    summary: 'Graduate founders per prefecture and graduation year (as GET /v1/stats/graduates)',
    query: graduatesReportQuery,
    build: graduatesReport,
  },
  funnel: {
    name: 'funnel',
    summary: 'Funnels per center, prefecture and area over a period (as GET /v1/stats/funnel)',
    query: funnelReportQuery,
    build: funnelReport,
  },
  scorecard: {
    name: 'scorecard',
    summary: 'Center scorecard per prefecture for a period (as GET /v1/stats/scorecard)',
    query: scorecardReportQuery,
    build: scorecardReport,
  },
  series: {
    name: 'series',
    summary: "A metric's value per day (as GET /v1/stats/series)",
    query: seriesReportQuery,
    build: seriesReport,
  },
} satisfies Record<string, ReportFigure>;

export type ReportFigureName = keyof typeof REPORT_FIGURES;
export const REPORT_FIGURE_NAMES = Object.keys(REPORT_FIGURES) as ReportFigureName[];
export const isReportFigure = (s: string): s is ReportFigureName => Object.hasOwn(REPORT_FIGURES, s);

/** `coverage.xlsx` → figure and format (404 for anything else). */
export function parseReportFile(file: string): { figure: ReportFigureName; format: ReportFormat } {
  const m = /^([a-z]+)\.(xlsx|csv)$/.exec(file);
  if (!m || !isReportFigure(m[1])) throw notFound('report');
  return { figure: m[1], format: m[2] as ReportFormat };
}

export const CSV_ENCODINGS = ['utf-8', 'gb18030'] as const satisfies readonly CsvEncoding[];
export const encodingQuery = z
  .enum(CSV_ENCODINGS)
  .optional()
  .describe('CSV only: utf-8 (default, with a BOM) or gb18030 (older Excel set to Chinese)');

/** The figure's spec from raw query parameters (the console's links), checked with the figure's schema (400). */
export async function buildReport(
  db: Executor,
  actor: Actor,
  figure: ReportFigureName,
  raw: Record<string, string | undefined>,
  lang: Lang,
): Promise<ReportSpec> {
  const def = REPORT_FIGURES[figure] as ReportFigure;
  const known = Object.fromEntries(Object.keys(def.query.shape).map((k) => [k, raw[k] || undefined]));
  const r = def.query.safeParse(known);
  if (!r.success)
    throw badRequest(
      'The query string is invalid / 请求参数无效',
      r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  return def.build(db, actor, r.data as never, lang);
}
