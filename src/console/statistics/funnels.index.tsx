// The funnels and the center scorecard pages (issue 22): /app/statistics/funnels,
// /app/statistics/scorecard and, for admins, /app/statistics/scorecard/indicators. They call the
// figure functions with the session's actor through the API's own query checks (422 drawn as a notice,
// out of scope the 404 page).
import { Hono } from 'hono';
import { asc, sql } from 'drizzle-orm';
import { centersTable } from '../../../models/centers/table.ts';
import { covers, REGION_ROOT } from '../../../models/regions/codes.ts';
import { SCORECARD_INDICATORS, type ScorecardIndicatorKey } from '../../../models/scorecard-indicators/validation.ts';
import { regions } from '../../../seeds/reference/regions.ts';
import type { Actor } from '../../auth/actor.ts';
import { AppError } from '../../errors.ts';
import type { AppDeps } from '../../http/app.ts';
import { enumLabel, regionName } from '../../i18n/labels.ts';
import type { MessageKey } from '../../i18n/t.ts';
import type { Executor } from '../../resources/types.ts';
import { type Funnel, funnel } from '../../statistics/funnel.ts';
import { funnelQueryFor, scorecardQueryFor } from '../../statistics/funnel-query.ts';
import { putIndicators, readIndicators, type Scorecard, scorecard } from '../../statistics/scorecard.ts';
import { Badge, CsrfField, Notice, type Option, Select, TextField } from '../components.tsx';
import type { ConsoleEnv } from '../env.ts';
import { field, readForm } from '../forms.ts';
import { formatNumber } from '../format.ts';
import { onlyRoles } from '../shared/roles.ts';
import { type Ui, uiOf } from '../ui.ts';
import { conversion, FunnelChart, type FunnelStep } from './funnel-chart.tsx';
import { ReportLinks } from './report-links.tsx';
import { StatsPage } from './statistics.layout.tsx';

const INDICATOR_LABEL = Object.fromEntries(
  SCORECARD_INDICATORS.map((k) => [k, `funnels.ind.${k}` as MessageKey]),
) as Record<ScorecardIndicatorKey, MessageKey>;

/** The region and center choices of the filter form: the actor's region, its prefectures; centers inside. */
async function choices(db: Executor, actor: Actor, ui: Ui) {
  const own = actor.role === 'region_admin' ? actor.regionCode! : REGION_ROOT;
  const regionOptions: Option[] = regions
    .filter((r) => covers(own, r.code) && (r.code === own || r.level === 'prefecture' || r.parentCode === own))
    .map((r) => ({ value: r.code, label: regionName(r.code, ui.lang) }));
  const centers = await db
    .select({ id: centersTable.id, name: centersTable.name, regionCode: centersTable.regionCode })
    .from(centersTable)
    .where(
      sql`${centersTable.regionCode} like ${`${own.endsWith('0000') ? own.slice(0, 2) : own.endsWith('00') ? own.slice(0, 4) : own}%`}`,
    )
    .orderBy(asc(centersTable.regionCode), asc(centersTable.name));
  return { regionOptions, centerOptions: centers.map((c) => ({ value: c.id, label: c.name })) };
}

function ScopeFields(props: {
  ui: Ui;
  actor: Actor;
  q: Record<string, string>;
  regionOptions: Option[];
  centerOptions: Option[];
}) {
  const { ui, q } = props;
  if (props.actor.role === 'center_staff') return null;
  return (
    <>
      <Select name="regionCode" label={ui.t('funnels.region')} options={props.regionOptions} value={q.regionCode} />
      <Select
        name="centerId"
        label={ui.t('funnels.center')}
        options={props.centerOptions}
        value={q.centerId}
        empty={ui.t('funnels.center.all')}
      />
    </>
  );
}

/** The query string's filters, without empty values (an empty select means "not set"). */
const queryOf = (c: { req: { query(): Record<string, string> } }) =>
  Object.fromEntries(Object.entries(c.req.query()).filter(([k, v]) => v !== '' && k !== 'lang'));

/** A 422 of the figure's query as a notice; anything else rethrown. */
const problemText = (e: unknown, ui: Ui): string => {
  if (!(e instanceof AppError) || e.status !== 422) throw e;
  return (e.errors ?? []).map((x) => x.message).join('; ') || ui.t('funnels.badQuery');
};

function FunnelGroup(props: { ui: Ui; id: string; title: string; steps: FunnelStep[] }) {
  const { ui, steps } = props;
  const desc = steps
    .map((s, i) => `${s.label}: ${s.value}${i ? ` (${conversion(steps, i, ui.lang)})` : ''}`)
    .join('; ');
  return (
    <section class="funnel-group" aria-labelledby={`${props.id}-h`}>
      <h2 id={`${props.id}-h`}>{props.title}</h2>
      <FunnelChart id={props.id} title={props.title} desc={desc} steps={steps} lang={ui.lang} />
      <table>
        <caption class="visually-hidden">{props.title}</caption>
        <thead>
          <tr>
            <th scope="col">{ui.t('funnels.step')}</th>
            <th scope="col" class="num">
              {ui.t('funnels.count')}
            </th>
            <th scope="col" class="num">
              {ui.t('funnels.conversion')}
            </th>
          </tr>
        </thead>
        <tbody>
          {steps.map((s, i) => (
            <tr>
              <th scope="row">{s.label}</th>
              <td class="num" data-label={ui.t('funnels.count')}>
                {formatNumber(s.value, ui.lang)}
              </td>
              <td class="num" data-label={ui.t('funnels.conversion')}>
                {conversion(steps, i, ui.lang) || '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function FunnelFigures(props: { ui: Ui; f: Funnel }) {
  const { ui, f } = props;
  const t = ui.t;
  const intro = (kind: 'mentor' | 'investor') => [
    { label: t('funnels.step.requested'), value: f.introductions[kind].requested },
    { label: t('funnels.step.accepted'), value: f.introductions[kind].accepted },
    { label: t('funnels.step.ended'), value: f.introductions[kind].ended },
  ];
  return (
    <div class="funnel-grid">
      <FunnelGroup
        ui={ui}
        id="fp"
        title={t('funnels.projects')}
        steps={[
          { label: t('funnels.step.submitted'), value: f.projects.submitted },
          { label: t('funnels.step.reviewed'), value: f.projects.reviewed },
          { label: t('funnels.step.admitted'), value: f.projects.admitted },
          { label: t('funnels.step.graduated'), value: f.projects.graduated },
        ]}
      />
      <FunnelGroup ui={ui} id="fm" title={t('funnels.mentors')} steps={intro('mentor')} />
      <FunnelGroup ui={ui} id="fi" title={t('funnels.investors')} steps={intro('investor')} />
      <FunnelGroup
        ui={ui}
        id="ft"
        title={t('funnels.trainings')}
        steps={[
          { label: t('funnels.step.seatsOffered'), value: f.trainings.seatsOffered },
          { label: t('funnels.step.seatsFilled'), value: f.trainings.seatsFilled },
        ]}
      />
    </div>
  );
}

function ScorecardTable(props: { ui: Ui; card: Scorecard }) {
  const { ui, card } = props;
  const value = (key: ScorecardIndicatorKey, v: number) =>
    key === 'fundingRaisedCny' ? `¥${formatNumber(v, ui.lang)}` : formatNumber(v, ui.lang);
  return (
    <div class="table-wrap">
      <table class="scorecard">
        <caption>{ui.t('funnels.scorecard.caption', { from: card.from, to: card.to })}</caption>
        <thead>
          <tr>
            <th scope="col">{ui.t('funnels.center')}</th>
            {card.indicators.map((i) => (
              <th scope="col" class="num">
                {ui.t(INDICATOR_LABEL[i.key])}
              </th>
            ))}
            <th scope="col" class="num">
              {ui.t('funnels.score')}
            </th>
          </tr>
        </thead>
        <tbody>
          {card.items.map((item) => (
            <tr>
              <th scope="row">
                {item.name}{' '}
                <span class="muted">
                  {regionName(item.regionCode, ui.lang)} · {enumLabel(ui.lang, 'centerStatus', item.status)}
                </span>
              </th>
              {card.indicators.map((i) => {
                const cell = item.values[i.key];
                return (
                  <td class="num" data-label={ui.t(INDICATOR_LABEL[i.key])}>
                    {cell.notCollected || cell.value === null ? (
                      <Badge kind="info">{ui.t('funnels.notCollected')}</Badge>
                    ) : (
                      value(i.key, cell.value)
                    )}
                    {cell.target !== null && <span class="muted"> / {value(i.key, cell.target)}</span>}
                  </td>
                );
              })}
              <td class="num" data-label={ui.t('funnels.score')}>
                {item.score === null ? (
                  <span class="muted">{ui.t('funnels.noScore')}</span>
                ) : (
                  formatNumber(item.score, ui.lang)
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function funnelsRouter(deps: AppDeps) {
  const db = deps.database.db;
  const router = new Hono<ConsoleEnv>();

  router.get('/statistics/funnels', async (c) => {
    const ui = uiOf(c);
    const actor = c.get('actor');
    const q = queryOf(c);
    const { regionOptions, centerOptions } = await choices(db, actor, ui);
    let f: Funnel | null = null;
    let problem: string | null = null;
    try {
      f = await funnel(db, await funnelQueryFor(db, actor, q));
    } catch (e) {
      problem = problemText(e, ui);
    }
    return c.html(
      <StatsPage ui={ui} title={ui.t('funnels.title')}>
        <p>{ui.t('funnels.intro')}</p>
        <form method="get" action="/app/statistics/funnels" class="stats-filters">
          <TextField name="from" type="date" label={ui.t('funnels.from')} value={f?.from ?? q.from} />
          <TextField name="to" type="date" label={ui.t('funnels.to')} value={f?.to ?? q.to} />
          <ScopeFields ui={ui} actor={actor} q={q} regionOptions={regionOptions} centerOptions={centerOptions} />
          <button type="submit">{ui.t('funnels.show')}</button>
        </form>
        {f && <ReportLinks ui={ui} figure="funnel" query={{ ...q, from: f.from, to: f.to }} />}
        {problem && <Notice kind="error">{problem}</Notice>}
        {f && <FunnelFigures ui={ui} f={f} />}
        {f && <p class="hint">{ui.t('funnels.rules')}</p>}
      </StatsPage>,
      problem ? 422 : 200,
    );
  });

  router.get('/statistics/scorecard', async (c) => {
    const ui = uiOf(c);
    const actor = c.get('actor');
    const q = queryOf(c);
    const { regionOptions, centerOptions } = await choices(db, actor, ui);
    let card: Scorecard | null = null;
    let problem: string | null = null;
    try {
      card = await scorecard(db, await scorecardQueryFor(db, actor, q));
    } catch (e) {
      problem = problemText(e, ui);
    }
    return c.html(
      <StatsPage ui={ui} title={ui.t('funnels.scorecard.title')}>
        <p>{ui.t('funnels.scorecard.intro')}</p>
        <form method="get" action="/app/statistics/scorecard" class="stats-filters">
          <TextField
            name="period"
            label={ui.t('funnels.period')}
            hint={ui.t('funnels.period.hint')}
            value={card?.period ?? q.period}
          />
          <ScopeFields ui={ui} actor={actor} q={q} regionOptions={regionOptions} centerOptions={centerOptions} />
          <button type="submit">{ui.t('funnels.show')}</button>
        </form>
        {card && <ReportLinks ui={ui} figure="scorecard" query={{ ...q, period: card.period }} />}
        {actor.role === 'admin' && (
          <p>
            <a href="/app/statistics/scorecard/indicators">{ui.t('funnels.indicators.edit')}</a>
          </p>
        )}
        {problem && <Notice kind="error">{problem}</Notice>}
        {card && (card.items.length ? <ScorecardTable ui={ui} card={card} /> : <p>{ui.t('funnels.scorecard.none')}</p>)}
        {card && <p class="hint">{ui.t('funnels.scorecard.rules')}</p>}
      </StatsPage>,
      problem ? 422 : 200,
    );
  });

  router.use('/statistics/scorecard/indicators', onlyRoles('admin'));
  const indicatorsPage = async (
    c: any,
    opts: { problem?: string; saved?: boolean; values?: Record<string, string> } = {},
  ) => {
    const ui = uiOf(c);
    const items = await readIndicators(db);
    const v = opts.values;
    return c.html(
      <StatsPage ui={ui} title={ui.t('funnels.indicators.title')}>
        <p>{ui.t('funnels.indicators.intro')}</p>
        {opts.saved && <Notice kind="success">{ui.t('funnels.indicators.saved')}</Notice>}
        {opts.problem && <Notice kind="error">{opts.problem}</Notice>}
        <form method="post" action="/app/statistics/scorecard/indicators">
          <CsrfField ui={ui} />
          {items.map((i) => (
            <fieldset class="indicator-row">
              <legend>{ui.t(INDICATOR_LABEL[i.key])}</legend>
              <label class="choice">
                <input
                  type="checkbox"
                  name={`${i.key}.enabled`}
                  value="on"
                  checked={v ? v[`${i.key}.enabled`] === 'on' : i.enabled}
                />{' '}
                {ui.t('funnels.indicators.enabled')}
              </label>
              <TextField
                name={`${i.key}.weight`}
                type="number"
                min={0}
                step="any"
                label={ui.t('funnels.indicators.weight')}
                value={v ? v[`${i.key}.weight`] : String(i.weight)}
              />
              <TextField
                name={`${i.key}.target`}
                type="number"
                min={0}
                step="any"
                label={ui.t('funnels.indicators.target')}
                hint={ui.t('funnels.indicators.target.hint')}
                value={v ? v[`${i.key}.target`] : i.target === null ? '' : String(i.target)}
              />
            </fieldset>
          ))}
          <button type="submit">{ui.t('funnels.indicators.save')}</button>
        </form>
        <p>
          <a href="/app/statistics/scorecard">{ui.t('funnels.indicators.back')}</a>
        </p>
      </StatsPage>,
      opts.problem ? 422 : 200,
    );
  };
  router.get('/statistics/scorecard/indicators', (c) => indicatorsPage(c, { saved: c.req.query('saved') === '1' }));
  router.post('/statistics/scorecard/indicators', async (c) => {
    const ui = uiOf(c);
    const form = await readForm(c);
    const values = Object.fromEntries(Object.keys(form).map((k) => [k, field(form, k)]));
    const num = (s: string) => (s.trim() === '' ? null : Number(s));
    const items = SCORECARD_INDICATORS.map((key) => ({
      key,
      enabled: values[`${key}.enabled`] === 'on',
      weight: num(values[`${key}.weight`] ?? '') ?? Number.NaN,
      target: num(values[`${key}.target`] ?? ''),
    }));
    try {
      await putIndicators(db, c.get('actor'), { items });
    } catch (e) {
      return indicatorsPage(c, { problem: problemText(e, ui), values });
    }
    return c.redirect('/app/statistics/scorecard/indicators?saved=1', 303);
  });
  return router;
}
