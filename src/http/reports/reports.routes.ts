// OpenAPI definitions of the reports (issue 22): every figure as XLSX and CSV, with the figure's query.
import { createRoute, z } from '@hono/zod-openapi';
import { LANGS } from '../../../models/enums.ts';
import {
  encodingQuery,
  REPORT_FIGURE_NAMES,
  REPORT_FIGURES,
  type ReportFigure,
} from '../../statistics/reports/figures.ts';
import { SMALL_COUNT_MAX } from '../../statistics/reports/table.ts';
import { reportContentType, type ReportFormat } from '../../statistics/reports/write.ts';
import { problemResponses } from '../openapi-common.ts';

const lang = z
  .enum(LANGS)
  .optional()
  .describe('language of headers, labels and the cover sheet (default: Accept-Language, else zh)');

const DESCRIPTION =
  'The figure as a spreadsheet, in the requested language. XLSX: a cover sheet (title, filters in words, as-of day, ' +
  'generation time, notes), a totals sheet (one line per prefecture and the total), one sheet per prefecture (its ' +
  'lines and its total). CSV: one table with a prefecture column (UTF-8 with BOM, or `encoding=gb18030`). Every rate ' +
  `has its numerator and denominator beside it. Counts of people from 1 to ${SMALL_COUNT_MAX} show as "<${SMALL_COUNT_MAX + 1}" ` +
  '(and the rates that use them are hidden); where a total would tell such a count by subtraction, another cell is ' +
  'hidden as "×". Text that starts with = + - @ (or tab/CR) is prefixed with `\'`. Scope as the figure: admins all, ' +
  'region_admin its region (404 outside), others 404 for regional figures.';

export function reportRoute(figure: ReportFigure, format: ReportFormat) {
  const query = figure.query.extend(format === 'csv' ? { lang, encoding: encodingQuery } : { lang });
  return createRoute({
    method: 'get',
    path: `/reports/${figure.name}.${format}`,
    tags: ['statistics'],
    summary: `${figure.summary}: ${format.toUpperCase()} report`,
    description: DESCRIPTION,
    request: { query: query as never },
    responses: {
      200: {
        description: `The report (${format.toUpperCase()}, streamed as an attachment)`,
        content: {
          [reportContentType(format)]: { schema: z.string().openapi({ type: 'string', format: 'binary' }) },
        },
      },
      ...problemResponses(400, 401, 404, 422),
    },
  });
}

export const reportRoutes = REPORT_FIGURE_NAMES.flatMap((figure) =>
  (['xlsx', 'csv'] as const).map((format) => ({
    figure,
    format,
    route: reportRoute(REPORT_FIGURES[figure] as ReportFigure, format),
  })),
);
