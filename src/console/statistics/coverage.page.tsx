// /app/statistics/coverage and /app/statistics/graduates: the coverage map and table, and the graduates
// tables, for admins and region admins (their region). Filters are a GET form; the figures come from the
// same functions as GET /v1/stats/coverage and /v1/stats/graduates.
import { type Context, Hono } from 'hono';
import { covers } from '../../../models/regions/codes.ts';
import { regions } from '../../../seeds/reference/regions.ts';
import { AppError } from '../../errors.ts';
import { enumLabel, regionName } from '../../i18n/labels.ts';
import { type Coverage, type CoverageItem, coverage } from '../../statistics/coverage.ts';
import { type GraduateCounts, type Graduates, graduates } from '../../statistics/graduates.ts';
import { resolveStatsFilter } from '../../statistics/scope.ts';
import type { Db } from '../../db/client.ts';
import { Badge, Notice, type Option, Select, TextField } from '../components.tsx';
import type { ConsoleEnv } from '../env.ts';
import { localizeDetail } from '../forms.ts';
import { formatNumber } from '../format.ts';
import { onlyRoles } from '../shared/roles.ts';
import { type Ui, uiOf } from '../ui.ts';
import { CoverageGrid, missedDeadline, statusText, tileState } from './coverage-grid.tsx';
import { StatsPage } from './statistics.layout.tsx';

export const REGIONAL_ROLES = ['admin', 'region_admin'] as const;

/** The areas a reader may pick: its region and everything inside it. */
function regionOptions(ui: Ui, scope: string): Option[] {
  return regions
    .filter((r) => covers(scope, r.code))
    .map((r) => ({
      value: r.code,
      label:
        r.level === 'county' && r.parentCode
          ? `${regionName(r.parentCode, ui.lang)} · ${regionName(r.code, ui.lang)}`
          : regionName(r.code, ui.lang),
    }));
}

const pct = (rate: number | null, ui: Ui) =>
  rate === null ? '—' : `${formatNumber(Math.round(rate * 1000) / 10, ui.lang)}%`;
const names = (codes: string[], ui: Ui) => codes.map((c) => regionName(c, ui.lang)).join('、') || ui.t('cov.none');

function DeadlineBadges(props: { ui: Ui; item: CoverageItem }) {
  const { ui, item } = props;
  return (
    <ul class="cov-deadlines">
      {item.deadlines.map((d) => (
        <li>
          {ui.t(d.kind === 'seat' ? 'cov.deadline.seat' : 'cov.deadline.county', { due: d.due })}{' '}
          {d.met === null ? (
            <Badge kind="info">{ui.t('cov.deadline.pending')}</Badge>
          ) : d.met ? (
            <Badge kind="ok">{`✓ ${ui.t('cov.deadline.met')}`}</Badge>
          ) : (
            <Badge kind="bad">{`✗ ${ui.t('cov.deadline.missed')}`}</Badge>
          )}
        </li>
      ))}
    </ul>
  );
}

function Row(props: { ui: Ui; item: CoverageItem; total?: boolean; asOf: string }) {
  const { ui, item } = props;
  const { lang } = ui;
  const kinds = Object.entries(item.operatingCentersByKind)
    .map(([k, n]) => `${enumLabel(lang, 'centerKind', k)} ${formatNumber(n, lang)}`)
    .join('、');
  const name = props.total ? ui.t('cov.total', { region: item.name[lang] }) : item.name[lang];
  const state = tileState(item);
  return (
    <tr>
      <th scope="row">
        {item.level === 'prefecture' && !props.total ? (
          <a
            href={`/app/statistics/coverage?level=county&regionCode=${item.regionCode}&asOf=${props.asOf}`}
            title={ui.t('cov.drill', { region: item.name[lang] })}
          >
            {name}
          </a>
        ) : (
          name
        )}
      </th>
      <td>
        {formatNumber(item.operatingCenters, lang)}
        {kinds && <div class="muted">{kinds}</div>}
      </td>
      <td>
        {`${formatNumber(item.foundersInCenters, lang)} / ${item.potentialFounders === null ? '—' : formatNumber(item.potentialFounders, lang)}`}
        <div class="muted">{`${ui.t('cov.col.founders')} ${formatNumber(item.founders, lang)}`}</div>
      </td>
      <td>{pct(item.rate, ui)}</td>
      <td>
        <Badge kind={state === 'meets' ? 'ok' : state === 'below' ? 'warn' : 'info'}>{statusText(ui, item)}</Badge>
      </td>
      <td>
        {item.level === 'prefecture'
          ? `${formatNumber(item.countiesWithoutCenter?.length ?? 0, lang)} / ${formatNumber(item.counties ?? 0, lang)}`
          : item.level === 'county'
            ? item.operatingCenters === 0
              ? `⚠ ${ui.t('cov.noCenter')}`
              : '—'
            : '—'}
        {item.level === 'prefecture' && item.countiesWithoutCenter?.length ? (
          <div class="muted">{names(item.countiesWithoutCenter, ui)}</div>
        ) : null}
      </td>
      <td>{item.deadlines.length ? <DeadlineBadges ui={ui} item={item} /> : '—'}</td>
    </tr>
  );
}

function CoveragePage(props: {
  ui: Ui;
  scope: string;
  query: { level: string; regionCode: string; asOf: string };
  result: Coverage | null;
  error: string | null;
}) {
  const { ui, result: r, query: q } = props;
  const { t, lang } = ui;
  return (
    <StatsPage ui={ui} title={t('cov.title')}>
      <p>{t('cov.intro')}</p>
      <form method="get" action="/app/statistics/coverage" class="card" aria-label={t('cov.filter')}>
        <Select
          name="level"
          label={t('cov.level')}
          value={q.level}
          options={[
            { value: 'prefecture', label: t('cov.level.prefecture') },
            { value: 'county', label: t('cov.level.county') },
          ]}
        />
        <Select
          name="regionCode"
          label={t('cov.region')}
          value={q.regionCode}
          options={regionOptions(ui, props.scope)}
        />
        <TextField
          name="asOf"
          type="date"
          label={t('cov.asOf')}
          value={q.asOf}
          errors={props.error ? { asOf: props.error } : undefined}
        />
        <div class="actions">
          <button type="submit">{t('cov.apply')}</button>
          <a class="button secondary" href="/app/statistics/coverage">
            {t('cov.reset')}
          </a>
        </div>
      </form>
      {/* report links */}
      {props.error && <Notice kind="error">{props.error}</Notice>}
      {r && (
        <>
          <Notice>{t(`cov.source.${r.source}`, { asOf: r.asOf })}</Notice>
          <div class="cov-map">
            <CoverageGrid ui={ui} coverage={r} regionName={regionName(r.regionCode, lang)} />
          </div>
          <h2>{t('cov.deadlines')}</h2>
          <ul class="cov-summary">
            {(['seat', 'county'] as const).map((k) => {
              const d = r.deadlines[k];
              return (
                <li>
                  {d.reached
                    ? t(k === 'seat' ? 'cov.deadlines.seat' : 'cov.deadlines.county', {
                        due: d.due,
                        met: formatNumber(d.areas - d.missed.length, lang),
                        areas: formatNumber(d.areas, lang),
                      })
                    : `${t(k === 'seat' ? 'cov.deadline.seat' : 'cov.deadline.county', { due: d.due })}: ${t('cov.deadline.pending')}`}
                  {d.missed.length > 0 && (
                    <>
                      {' '}
                      <strong>{`✗ ${t('cov.deadlines.missedList', { list: names(d.missed, ui) })}`}</strong>
                    </>
                  )}
                </li>
              );
            })}
          </ul>
          <h2>{t('cov.table')}</h2>
          <div class="table-wrap">
            <table class="cov-table">
              <thead>
                <tr>
                  <th scope="col">{t('cov.col.region')}</th>
                  <th scope="col">{t('cov.col.centers')}</th>
                  <th scope="col">{t('cov.col.inCenters')}</th>
                  <th scope="col">{t('cov.col.rate')}</th>
                  <th scope="col">{t('cov.col.target')}</th>
                  <th scope="col">{t('cov.col.noCenter')}</th>
                  <th scope="col">{t('cov.col.deadlines')}</th>
                </tr>
              </thead>
              <tbody>
                {r.items.map((item) => (
                  <Row ui={ui} item={item} asOf={r.asOf} />
                ))}
              </tbody>
              {r.items.length > 1 && (
                <tfoot>
                  <Row ui={ui} item={r.total} total asOf={r.asOf} />
                </tfoot>
              )}
            </table>
          </div>
          {r.items.some(missedDeadline) && <p class="muted">{`✗ ${t('cov.missed')}`}</p>}
        </>
      )}
    </StatsPage>
  );
}

const COUNT_KEYS = ['graduates', 'leftSchoolUnemployed', 'inCenters', 'introduced', 'enrolled'] as const;
const COUNT_LABELS = {
  graduates: 'grad.col.graduates',
  leftSchoolUnemployed: 'grad.col.unemployed',
  inCenters: 'grad.col.inCenters',
  introduced: 'grad.col.introduced',
  enrolled: 'grad.col.enrolled',
} as const;

function CountCells(props: { ui: Ui; c: GraduateCounts }) {
  return (
    <>
      {COUNT_KEYS.map((k) => (
        <td>{formatNumber(props.c[k], props.ui.lang)}</td>
      ))}
    </>
  );
}

function GraduatesPage(props: {
  ui: Ui;
  scope: string;
  query: { regionCode: string; from: string; to: string };
  result: Graduates | null;
  error: string | null;
}) {
  const { ui, result: r, query: q } = props;
  const { t, lang } = ui;
  const head = (first: string) => (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        {COUNT_KEYS.map((k) => (
          <th scope="col">{t(COUNT_LABELS[k])}</th>
        ))}
      </tr>
    </thead>
  );
  return (
    <StatsPage ui={ui} title={t('grad.title')}>
      <p>{t('grad.intro')}</p>
      <form method="get" action="/app/statistics/graduates" class="card" aria-label={t('cov.filter')}>
        <Select
          name="regionCode"
          label={t('cov.region')}
          value={q.regionCode}
          options={regionOptions(ui, props.scope)}
        />
        <TextField name="from" type="number" label={t('grad.from')} value={r ? String(r.from) : q.from} />
        <TextField
          name="to"
          type="number"
          label={t('grad.to')}
          value={r ? String(r.to) : q.to}
          errors={props.error ? { to: props.error } : undefined}
        />
        <div class="actions">
          <button type="submit">{t('cov.apply')}</button>
          <a class="button secondary" href="/app/statistics/graduates">
            {t('cov.reset')}
          </a>
        </div>
      </form>
      {/* report links */}
      {props.error && <Notice kind="error">{props.error}</Notice>}
      {r && (
        <>
          <h2>{t('grad.byYear')}</h2>
          <div class="table-wrap">
            <table>
              {head(t('grad.col.year'))}
              <tbody>
                {r.years.map((y) => (
                  <tr>
                    <th scope="row">{String(y.year)}</th>
                    <CountCells ui={ui} c={y} />
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('grad.total')}</th>
                  <CountCells ui={ui} c={r.total} />
                </tr>
              </tfoot>
            </table>
          </div>
          <h2>{t('grad.byPrefecture', { from: String(r.from), to: String(r.to) })}</h2>
          <div class="table-wrap">
            <table>
              {head(t('cov.col.region'))}
              <tbody>
                {r.prefectures.map((p) => (
                  <tr>
                    <th scope="row">{p.name[lang]}</th>
                    <CountCells ui={ui} c={p} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </StatsPage>
  );
}

/** A figure's 422 as the message shown beside the filters; anything else is thrown on. */
function inputError(err: unknown, ui: Ui): string {
  if (err instanceof AppError && err.status === 422) return localizeDetail(err.message, ui.lang);
  throw err;
}

export function coveragePages(db: Db) {
  const router = new Hono<ConsoleEnv>();
  router.use('/statistics/coverage', onlyRoles(...REGIONAL_ROLES));
  router.use('/statistics/graduates', onlyRoles(...REGIONAL_ROLES));
  const scopeOf = async (c: Context<ConsoleEnv>, regionCode: string) => {
    const actor = c.get('actor');
    const own = await resolveStatsFilter(db, actor, {}, { centerFigures: false });
    const asked = await resolveStatsFilter(db, actor, { regionCode: regionCode || null }, { centerFigures: false });
    return { scope: own.regionCode, regionCode: asked.regionCode };
  };
  router.get('/statistics/coverage', async (c) => {
    const ui = uiOf(c);
    const level = c.req.query('level') || 'prefecture';
    const asOf = c.req.query('asOf') || '';
    const { scope, regionCode } = await scopeOf(c, c.req.query('regionCode') ?? '');
    let result: Coverage | null = null;
    let error: string | null = null;
    try {
      result = await coverage(db, { level, asOf: asOf || null, regionCode });
    } catch (err) {
      error = inputError(err, ui);
    }
    return c.html(
      <CoveragePage
        ui={ui}
        scope={scope}
        query={{ level, regionCode, asOf: result?.asOf ?? asOf }}
        result={result}
        error={error}
      />,
    );
  });
  router.get('/statistics/graduates', async (c) => {
    const ui = uiOf(c);
    const from = c.req.query('from') ?? '';
    const to = c.req.query('to') ?? '';
    const { scope, regionCode } = await scopeOf(c, c.req.query('regionCode') ?? '');
    let result: Graduates | null = null;
    let error: string | null = null;
    try {
      result = await graduates(db, { regionCode, from: from || null, to: to || null });
    } catch (err) {
      error = inputError(err, ui);
    }
    return c.html(
      <GraduatesPage ui={ui} scope={scope} query={{ regionCode, from, to }} result={result} error={error} />,
    );
  });
  return router;
}
