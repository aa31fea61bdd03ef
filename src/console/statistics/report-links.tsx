// The export buttons of a figure page: the figure as XLSX and CSV, with the page's own filters, served
// by /app/statistics/reports/:file (session auth, the figure's scope; src/statistics/reports/).
import type { ReportFigureName } from '../../statistics/reports/figures.ts';
import type { Ui } from '../ui.ts';

/** The report's address with the page's query (empty values left out, the language set by the session). */
export function reportHref(figure: ReportFigureName, format: 'xlsx' | 'csv', query: Record<string, unknown> = {}) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== null && v !== '' && k !== 'lang') params.set(k, String(v));
  const qs = params.toString();
  return `/app/statistics/reports/${figure}.${format}${qs ? `?${qs}` : ''}`;
}

export function ReportLinks(props: { ui: Ui; figure: ReportFigureName; query?: Record<string, unknown> }) {
  const { ui, figure, query } = props;
  return (
    <p class="actions report-links">
      <a class="button secondary" href={reportHref(figure, 'xlsx', query)} download>
        {ui.t('reports.download.xlsx')}
      </a>
      <a class="button secondary" href={reportHref(figure, 'csv', query)} download>
        {ui.t('reports.download.csv')}
      </a>
    </p>
  );
}
