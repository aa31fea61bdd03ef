import type { Context } from 'hono';
import type { Lang } from '../../../models/enums.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Executor } from '../../resources/types.ts';
import { buildReport, type ReportFigureName } from '../../statistics/reports/figures.ts';
import {
  type CsvEncoding,
  type ReportFormat,
  reportContentType,
  reportFileName,
  reportStream,
} from '../../statistics/reports/write.ts';
import { requestLang } from '../spreadsheets/spreadsheets.handlers.ts';

/** The report's response: the spec is built (scope and query checked) before the first byte is sent. */
export async function reportResponse(
  c: Context,
  db: Executor,
  actor: Actor,
  ask: { figure: ReportFigureName; format: ReportFormat; query: Record<string, string | undefined>; lang: Lang },
) {
  const spec = await buildReport(db, actor, ask.figure, ask.query, ask.lang);
  const encoding: CsvEncoding = ask.query.encoding === 'gb18030' ? 'gb18030' : 'utf-8';
  const name = reportFileName(spec, ask.format);
  return c.body(reportStream(spec, ask.format, ask.lang, { encoding }), 200, {
    'Content-Type': reportContentType(ask.format, encoding),
    'Content-Disposition': `attachment; filename="${name}"`,
  });
}

export function reportHandlers(db: Executor) {
  return (figure: ReportFigureName, format: ReportFormat) => async (c: any) =>
    reportResponse(c, db, c.get('actor'), { figure, format, query: c.req.query(), lang: requestLang(c) });
}
