// /app/statistics/reports/:file: a figure's report for the signed-in account (its role's scope, its
// language), the same bytes as GET /v1/reports/{figure}.{xlsx|csv}.
import { Hono } from 'hono';
import type { AppDeps } from '../../http/app.ts';
import { reportResponse } from '../../http/reports/reports.handlers.ts';
import { parseReportFile } from '../../statistics/reports/figures.ts';
import type { ConsoleEnv } from '../env.ts';

export function statisticsReportsRouter(deps: AppDeps) {
  const router = new Hono<ConsoleEnv>();
  router.get('/statistics/reports/:file', (c) => {
    const { figure, format } = parseReportFile(c.req.param('file'));
    return reportResponse(c, deps.database.db, c.get('actor'), {
      figure,
      format,
      query: c.req.query(),
      lang: c.get('lang'),
    });
  });
  return router;
}
