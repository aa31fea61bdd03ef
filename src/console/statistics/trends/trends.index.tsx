// /app/statistics/trends: a metric's daily history (src/statistics/series.ts) for a region or, for
// center staff, their own center: a GET form (metric, region, range), a line chart drawn on the server
// and the same figures as a table. The series' own checks and scope apply (422 shown on the form, 404 page).
import { type Context, Hono } from 'hono';
import { covers, REGION_ROOT } from '../../../../models/regions/codes.ts';
import { regions } from '../../../../seeds/reference/regions.ts';
import { AppError } from '../../../errors.ts';
import type { AppDeps } from '../../../http/app.ts';
import { regionName } from '../../../i18n/labels.ts';
import { addDays, todayInShanghai } from '../../../statistics/days.ts';
import { listMetrics, type MetricInfo, readSeries, type Series } from '../../../statistics/series.ts';
import { Notice, Select } from '../../components.tsx';
import type { ConsoleEnv } from '../../env.ts';
import { formatNumber } from '../../format.ts';
import type { Ui } from '../../ui.ts';
import { uiOf } from '../../ui.ts';
import { ReportLinks } from '../report-links.tsx';
import { StatsPage } from '../statistics.layout.tsx';
import { LineChart } from './trends.chart.tsx';

/** The ranges offered, in days ending today (1096 = three years). */
const RANGES = ['30', '90', '365', '1096'] as const;
type Range = (typeof RANGES)[number];

interface Filters {
  metric: string;
  regionCode: string;
  range: Range;
}

function TrendsPage(props: {
  ui: Ui;
  filters: Filters;
  metrics: MetricInfo[];
  regionOptions: { value: string; label: string }[] | null;
  series: Series | null;
  error: string | null;
}) {
  const { ui, filters: f, series } = props;
  const { t, lang } = ui;
  const metric = props.metrics.find((m) => m.name === f.metric);
  const label = metric?.labels[lang] ?? f.metric;
  const where = series?.centerId ? t('trends.ownCenter') : regionName(series?.regionCode ?? f.regionCode, lang);
  const values = series?.points.flatMap((p) => (p.value === null ? [] : [p.value])) ?? [];
  const fmt = (v: number | null) => (v === null ? t('trends.notRecorded') : formatNumber(v, lang));
  const today = todayInShanghai();
  return (
    <StatsPage ui={ui} title={t('trends.title')}>
      <p>{t('trends.intro')}</p>
      {props.metrics.length === 0 ? (
        <Notice>{t('trends.noMetrics')}</Notice>
      ) : (
        <form method="get" action="/app/statistics/trends" class="card trends-form" aria-label={t('trends.show')}>
          <Select
            name="metric"
            label={t('trends.metric')}
            value={f.metric}
            options={props.metrics.map((m) => ({ value: m.name, label: m.labels[lang] }))}
          />
          {props.regionOptions && (
            <Select name="regionCode" label={t('trends.region')} value={f.regionCode} options={props.regionOptions} />
          )}
          <Select
            name="range"
            label={t('trends.range')}
            value={f.range}
            options={RANGES.map((r) => ({ value: r, label: t(`trends.range.${r}`) }))}
          />
          <div class="actions">
            <button type="submit">{t('trends.show')}</button>
          </div>
        </form>
      )}
      {props.error && <Notice kind="error">{props.error}</Notice>}
      {series && (
        <ReportLinks
          ui={ui}
          figure="series"
          query={{
            metric: series.metric,
            regionCode: props.regionOptions ? series.regionCode : undefined,
            from: series.from,
            to: series.to,
          }}
        />
      )}
      {series && (
        <section class="card trends" aria-labelledby="trend-heading">
          <h2 id="trend-heading">{`${label} · ${where}`}</h2>
          <p class="muted">{t('trends.span', { from: series.from, to: series.to })}</p>
          <LineChart
            id="trend"
            lang={lang}
            points={series.points}
            title={`${label} · ${where}`}
            desc={t('trends.desc', {
              from: series.from,
              to: series.to,
              min: values.length ? formatNumber(Math.min(...values), lang) : '—',
              max: values.length ? formatNumber(Math.max(...values), lang) : '—',
              last: fmt(series.points.at(-1)?.value ?? null),
            })}
          />
          <p class="muted">{t('trends.gaps')}</p>
          <details class="trends-table">
            <summary>{t('trends.table')}</summary>
            <div class="table-wrap">
              <table>
                <caption>{`${label} · ${where}`}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('trends.col.day')}</th>
                    <th scope="col">{t('trends.col.value')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...series.points].reverse().map((p) => (
                    <tr>
                      <th scope="row">{p.day === today ? `${p.day} ${t('trends.today')}` : p.day}</th>
                      <td class="num">{fmt(p.value)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </section>
      )}
    </StatsPage>
  );
}

export function trendsRouter(deps: AppDeps) {
  const db = deps.database.db;
  const router = new Hono<ConsoleEnv>();
  router.get('/statistics/trends', async (c: Context<ConsoleEnv>) => {
    const ui = uiOf(c);
    const actor = c.get('actor');
    const metrics = listMetrics(actor);
    const q = (k: string) => (c.req.query(k) ?? '').trim().slice(0, 100);
    const own = actor.role === 'region_admin' && actor.regionCode ? actor.regionCode : REGION_ROOT;
    // Center staff read their own center: no region to choose.
    const regionOptions =
      actor.role === 'center_staff'
        ? null
        : regions
            .filter((r) => covers(own, r.code))
            .sort((a, b) => a.code.localeCompare(b.code))
            .map((r) => ({
              value: r.code,
              label: `${r.level === 'county' ? '· ' : ''}${regionName(r.code, ui.lang)}`,
            }));
    const filters: Filters = {
      metric: metrics.some((m) => m.name === q('metric')) ? q('metric') : (metrics[0]?.name ?? ''),
      regionCode: regionOptions?.some((o) => o.value === q('regionCode')) ? q('regionCode') : own,
      range: (RANGES as readonly string[]).includes(q('range')) ? (q('range') as Range) : '30',
    };
    let series: Series | null = null;
    let error: string | null = null;
    if (filters.metric) {
      const to = todayInShanghai();
      try {
        series = await readSeries(db, actor, {
          metric: filters.metric,
          regionCode: regionOptions ? filters.regionCode : undefined,
          from: addDays(to, -(Number(filters.range) - 1)),
          to,
        });
      } catch (e) {
        if (!(e instanceof AppError) || e.status !== 422) throw e;
        error = ui.t('trends.invalid');
      }
    }
    return c.html(
      <TrendsPage
        ui={ui}
        filters={filters}
        metrics={metrics}
        regionOptions={regionOptions}
        series={series}
        error={error}
      />,
      error ? 422 : 200,
    );
  });
  return router;
}
