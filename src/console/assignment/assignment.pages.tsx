// The coach assignment pages: the center's runs with the form that starts one, and a run's page
// (progress, then the result with the form that changes pins/exclusions and runs again, and publish).
import type { RunStatus } from '../../../models/enums.ts';
import type { AssignmentRuns, presentRun } from '../../assignment/runs.ts';
import { Badge, Checkboxes, CsrfField, FormErrors, Notice, type Option, Radios, Select } from '../components.tsx';
import { formatDate, formatNumber } from '../format.ts';
import { type FieldErrors, localizeDetail } from '../forms.ts';
import { Page } from '../layout.tsx';
import { CenterPicker } from '../shared/center-choice.tsx';
import { MatchReasons, MatchScore } from '../shared/match-reasons.tsx';
import type { Ui } from '../ui.ts';
import {
  BALANCE_STEPS,
  EMPTY_PAIR_ROWS,
  KEEP_CHOICES,
  type FormChoices,
  type Pair,
  type RunFormValues,
} from './assignment.data.ts';

export type RunView = ReturnType<typeof presentRun>;
export type RunSummary = Awaited<ReturnType<AssignmentRuns['recent']>>[number];

/** Seconds between reloads of a run's page while it is queued or running. */
export const REFRESH_SECONDS = 3;

const STATUS_KIND: Record<RunStatus, 'info' | 'warn' | 'ok' | 'bad'> = {
  queued: 'info',
  running: 'warn',
  done: 'ok',
  failed: 'bad',
};

export function RunStatusBadge(props: { ui: Ui; status: RunStatus }) {
  return <Badge kind={STATUS_KIND[props.status]}>{props.ui.t(`assign.status.${props.status}`)}</Badge>;
}

const centerQuery = (ui: Ui, centerId: string) =>
  ui.session?.account.role === 'admin' ? `?center=${encodeURIComponent(centerId)}` : '';

function PairRows(props: {
  ui: Ui;
  name: 'pins' | 'exclusions';
  rows: Pair[];
  choices: FormChoices;
  errors?: FieldErrors;
}) {
  const { ui } = props;
  const { t } = ui;
  const rows = [...props.rows, ...Array.from({ length: EMPTY_PAIR_ROWS }, () => ({ projectId: '', mentorId: '' }))];
  // A pair chosen earlier (e.g. through the API) stays selectable even when it is outside the lists.
  const withValue = (options: Option[], value: string) =>
    !value || options.some((o) => o.value === value) ? options : [...options, { value, label: value }];
  return (
    <fieldset class="field pair-rows">
      <legend>{t(`assign.form.${props.name}`)}</legend>
      <p class="hint">{t(`assign.form.${props.name}.hint`)}</p>
      {rows.map((r, k) => {
        const rowError = props.errors?.[`${props.name}.${k}`];
        return (
          <fieldset class="pair-row">
            <legend>{t(`assign.form.${props.name}.row`, { n: k + 1 })}</legend>
            <Select
              name={`${props.name}.${k}.projectId`}
              label={t('assign.form.project')}
              options={withValue(props.choices.projects, r.projectId)}
              value={r.projectId}
              empty={t('assign.form.none')}
              errors={props.errors}
            />
            <Select
              name={`${props.name}.${k}.mentorId`}
              label={t('assign.form.mentor')}
              options={withValue(props.choices.mentors, r.mentorId)}
              value={r.mentorId}
              empty={t('assign.form.none')}
              errors={props.errors}
            />
            {rowError && <p class="field-error">{rowError}</p>}
          </fieldset>
        );
      })}
    </fieldset>
  );
}

/** The previous run's free pairs, each to leave open, fix or exclude in one step. */
function KeptPairs(props: { ui: Ui; pairs: RunView['assignments'] }) {
  const { ui } = props;
  const { t } = ui;
  const open = props.pairs.filter((a) => !a.pinned);
  if (!open.length) return null;
  const options = KEEP_CHOICES.map((k) => ({ value: k, label: t(`assign.keep.${k || 'open'}`) }));
  return (
    <fieldset class="field kept-pairs">
      <legend>{t('assign.keep')}</legend>
      <p class="hint">{t('assign.keep.hint')}</p>
      {open.map((a, k) => (
        <div class="kept-pair">
          <input type="hidden" name={`keep.${k}.projectId`} value={a.projectId} />
          <input type="hidden" name={`keep.${k}.mentorId`} value={a.mentorId} />
          <Select name={`keep.${k}`} label={`${a.projectTitle} → ${a.mentorName}`} options={options} value="" />
        </div>
      ))}
    </fieldset>
  );
}

/** The form that starts a run (empty on the runs page, prefilled from a run on its page). */
export function RunForm(props: {
  ui: Ui;
  centerId: string;
  values: RunFormValues;
  choices: FormChoices;
  errors?: FieldErrors;
  submitLabel: string;
  /** On a run's page: its assignments, to fix or exclude in one step. */
  previous?: RunView['assignments'];
}) {
  const { ui, values: v, choices } = props;
  const { t } = ui;
  const balanceOptions: Option[] = BALANCE_STEPS.map((b) => ({ value: b, label: t(`assign.balance.${b}`) }));
  if (!balanceOptions.some((o) => Number(o.value) === Number(v.balance)))
    balanceOptions.push({ value: v.balance, label: v.balance });
  const balanceValue = balanceOptions.find((o) => Number(o.value) === Number(v.balance))?.value ?? v.balance;
  return (
    <form method="post" action="/app/assignment" class="card run-form">
      <CsrfField ui={ui} />
      <input type="hidden" name="center" value={props.centerId} />
      <FormErrors ui={ui} errors={props.errors} />
      <Radios
        name="projectPool"
        label={t('assign.form.projects')}
        value={v.projectPool}
        options={[
          { value: 'default', label: t('assign.form.projects.default') },
          { value: 'chosen', label: t('assign.form.projects.chosen') },
        ]}
      />
      <details class="choose" open={v.projectPool === 'chosen' || !!props.errors?.projectIds}>
        <summary>{t('assign.form.projects.pick', { count: choices.projects.length })}</summary>
        {choices.projects.length ? (
          <Checkboxes
            name="projectIds"
            label={t('assign.form.projects.list')}
            options={choices.projects.map((p) => ({
              value: p.value,
              label: p.hasCoach ? `${p.label} (${t('assign.form.hasCoach')})` : p.label,
            }))}
            values={v.projectIds}
            errors={props.errors}
          />
        ) : (
          <p class="empty">{t('assign.form.noProjects')}</p>
        )}
        {choices.projectsCut && <p class="hint">{t('assign.form.cut', { n: choices.projects.length })}</p>}
      </details>
      {props.errors?.projectIds && !choices.projects.length && <p class="field-error">{props.errors.projectIds}</p>}
      <Radios
        name="mentorPool"
        label={t('assign.form.mentors')}
        value={v.mentorPool}
        options={[
          { value: 'all', label: t('assign.form.mentors.all') },
          { value: 'chosen', label: t('assign.form.mentors.chosen') },
        ]}
      />
      <details class="choose" open={v.mentorPool === 'chosen' || !!props.errors?.mentorIds}>
        <summary>{t('assign.form.mentors.pick', { count: choices.mentors.length })}</summary>
        <Checkboxes
          name="mentorIds"
          label={t('assign.form.mentors.list')}
          options={choices.mentors}
          values={v.mentorIds}
          errors={props.errors}
        />
        {choices.mentorsCut && <p class="hint">{t('assign.form.cut', { n: choices.mentors.length })}</p>}
      </details>
      <Select
        name="balance"
        label={t('assign.form.balance')}
        hint={t('assign.form.balance.hint')}
        options={balanceOptions}
        value={balanceValue}
        errors={props.errors}
      />
      {props.previous && <KeptPairs ui={ui} pairs={props.previous} />}
      <PairRows ui={ui} name="pins" rows={v.pins} choices={choices} errors={props.errors} />
      <PairRows ui={ui} name="exclusions" rows={v.exclusions} choices={choices} errors={props.errors} />
      <div class="actions">
        <button type="submit">{props.submitLabel}</button>
      </div>
    </form>
  );
}

export function RunsPage(props: {
  ui: Ui;
  centers: Option[];
  centerId: string | null;
  runs: RunSummary[];
  values: RunFormValues;
  choices: FormChoices | null;
  errors?: FieldErrors;
}) {
  const { ui } = props;
  const { t, lang } = ui;
  return (
    <Page ui={ui} title={t('assign.title')}>
      <p class="muted">{t('assign.intro')}</p>
      <CenterPicker ui={ui} action="/app/assignment" centers={props.centers} value={props.centerId} />
      {!props.centerId ? (
        <p class="empty">{t('assign.center.none')}</p>
      ) : (
        <>
          <section aria-labelledby="start-h">
            <h2 id="start-h">{t('assign.start')}</h2>
            {props.choices && (
              <RunForm
                ui={ui}
                centerId={props.centerId}
                values={props.values}
                choices={props.choices}
                errors={props.errors}
                submitLabel={t('assign.start.submit')}
              />
            )}
          </section>
          <section aria-labelledby="runs-h">
            <h2 id="runs-h">{t('assign.runs')}</h2>
            {props.runs.length ? (
              <div class="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('assign.runs.date')}</th>
                      <th scope="col">{t('assign.runs.status')}</th>
                      <th scope="col" class="num">
                        {t('assign.runs.assigned')}
                      </th>
                      <th scope="col" class="num">
                        {t('assign.runs.unassigned')}
                      </th>
                      <th scope="col">{t('assign.runs.published')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {props.runs.map((r) => (
                      <tr>
                        <td data-label={t('assign.runs.date')}>
                          <a href={`/app/assignment/${r.id}`}>
                            {formatDate(r.createdAt)} {timeOf(r.createdAt)}
                          </a>
                        </td>
                        <td data-label={t('assign.runs.status')}>
                          <RunStatusBadge ui={ui} status={r.status} />
                        </td>
                        <td data-label={t('assign.runs.assigned')} class="num">
                          {r.assignedCount === null ? '—' : formatNumber(r.assignedCount, lang)}
                        </td>
                        <td data-label={t('assign.runs.unassigned')} class="num">
                          {r.unassignedCount === null ? '—' : formatNumber(r.unassignedCount, lang)}
                        </td>
                        <td data-label={t('assign.runs.published')}>
                          {r.publishedAt ? formatDate(r.publishedAt) : t('assign.runs.notPublished')}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              <p class="empty">{t('assign.runs.none')}</p>
            )}
          </section>
        </>
      )}
    </Page>
  );
}

/** HH:MM in Shanghai time: several runs a day are told apart by their time. */
const timeOf = (d: Date | string) =>
  new Date(d).toLocaleTimeString('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' });

const fixed = (n: number) => n.toFixed(2);

function Outcome(props: { ui: Ui; run: RunView }) {
  const { ui, run } = props;
  const { t, lang } = ui;
  const objective = run.objective ?? 0;
  const greedy = run.greedyObjective ?? 0;
  const better = greedy > 0 ? ((objective - greedy) / greedy) * 100 : 0;
  const gap = run.dualBound !== null && run.dualBound > 0 ? ((run.dualBound - objective) / run.dualBound) * 100 : 0;
  return (
    <section class="card" aria-labelledby="outcome-h">
      <h2 id="outcome-h">{t('assign.result.outcome')}</h2>
      <p>
        {t('assign.result.counts', {
          assigned: formatNumber(run.assignments.length, lang),
          unassigned: formatNumber(run.unassignedDetail.length, lang),
          mentors: formatNumber(run.mentorLoad.length, lang),
        })}
      </p>
      <p>{t('assign.result.objective', { objective: fixed(objective) })}</p>
      <p>
        {better > 0.005
          ? t('assign.result.greedyBetter', {
              greedy: fixed(greedy),
              assigned: formatNumber(run.greedyAssigned ?? 0, lang),
              pct: better.toFixed(1),
            })
          : t('assign.result.greedySame', { greedy: fixed(greedy) })}
      </p>
      {run.dualBound !== null ? (
        <p>
          <strong>
            {gap < 0.005 ? t('assign.result.optimal') : t('assign.result.withinGap', { pct: gap.toFixed(1) })}
          </strong>{' '}
          <span class="muted">{t('assign.result.bound', { bound: fixed(run.dualBound) })}</span>
        </p>
      ) : (
        <p>
          <strong>{t('assign.result.balanced')}</strong>{' '}
          <span class="muted">{t('assign.result.penalty', { penalty: fixed(run.balancePenalty ?? 0) })}</span>
        </p>
      )}
      {run.stats && (
        <p class="muted">
          {t('assign.result.stats', {
            projects: formatNumber(run.stats.projects, lang),
            mentors: formatNumber(run.stats.mentors, lang),
            pairs: formatNumber(run.stats.candidatePairs, lang),
            seconds: ((run.totalMs ?? 0) / 1000).toFixed(1),
          })}
        </p>
      )}
    </section>
  );
}

function Publish(props: { ui: Ui; run: RunView }) {
  const { ui, run } = props;
  const { t } = ui;
  return (
    <section class="card" aria-labelledby="publish-h">
      <h2 id="publish-h">{t('assign.publish')}</h2>
      {run.publishedAt ? (
        <p>
          <Badge kind="ok">{t('assign.published')}</Badge>{' '}
          {t('assign.published.when', { date: formatDate(run.publishedAt) })}
        </p>
      ) : run.assignments.length ? (
        <>
          <p>{t('assign.publish.hint', { count: run.assignments.length })}</p>
          <form method="post" action={`/app/assignment/${run.id}/publish`}>
            <CsrfField ui={ui} />
            <div class="actions">
              <button type="submit" data-confirm={t('assign.publish.confirm', { count: run.assignments.length })}>
                {t('assign.publish.submit')}
              </button>
            </div>
          </form>
        </>
      ) : (
        <p class="muted">{t('assign.publish.nothing')}</p>
      )}
    </section>
  );
}

export function RunPage(props: {
  ui: Ui;
  run: RunView;
  rerun: { values: RunFormValues; choices: FormChoices } | null;
  done?: string;
  publishError?: string;
}) {
  const { ui, run } = props;
  const { t, lang } = ui;
  const names = new Map(run.assignments.map((a) => [a.mentorId, a.mentorName]));
  const working = run.status === 'queued' || run.status === 'running';
  const reasonLang = lang === 'bo' ? 'zh' : undefined; // the domain stores reasons in zh and en
  return (
    <Page ui={ui} title={t('assign.run.title', { date: `${formatDate(run.createdAt)} ${timeOf(run.createdAt)}` })}>
      {/* Reloads itself until the run is finished; a plain link does the same by hand. */}
      {working && <meta http-equiv="refresh" content={String(REFRESH_SECONDS)} />}
      <p>
        <a href={`/app/assignment${centerQuery(ui, run.centerId)}`}>{t('assign.run.back')}</a>
      </p>
      <p>
        <RunStatusBadge ui={ui} status={run.status} />
      </p>
      {props.done === 'published' && <Notice kind="success">{t('assign.published.done')}</Notice>}
      {props.publishError && <Notice kind="error">{props.publishError}</Notice>}
      {working && (
        <Notice kind="info">
          <p>{t(run.status === 'queued' ? 'assign.run.queued' : 'assign.run.running')}</p>
          <p>
            <a href={`/app/assignment/${run.id}`}>{t('assign.run.refresh')}</a>
          </p>
        </Notice>
      )}
      {run.status === 'failed' && <Notice kind="error">{localizeDetail(run.error ?? '', lang)}</Notice>}
      {run.status === 'done' && (
        <>
          <Outcome ui={ui} run={run} />
          <Publish ui={ui} run={run} />
          <section aria-labelledby="assigned-h">
            <h2 id="assigned-h">{t('assign.result.assigned')}</h2>
            {run.assignments.length ? (
              <ul class="list">
                {run.assignments.map((a) => (
                  <li class="card assignment">
                    <h3>{a.projectTitle}</h3>
                    <p>
                      {t('assign.result.coach')} <strong>{a.mentorName}</strong>{' '}
                      {a.pinned && <Badge kind="info">{t('assign.result.pinned')}</Badge>}
                    </p>
                    <MatchScore ui={ui} score={a.score} />
                    <MatchReasons
                      ui={ui}
                      reasons={a.reasons.map((r) => ({ code: r.code, text: r.text, lang: r.lang ?? reasonLang }))}
                    />
                  </li>
                ))}
              </ul>
            ) : (
              <p class="empty">{t('assign.result.noneAssigned')}</p>
            )}
          </section>
          <section aria-labelledby="unassigned-h">
            <h2 id="unassigned-h">{t('assign.result.unassigned')}</h2>
            {run.unassignedDetail.length ? (
              <ul class="list">
                {run.unassignedDetail.map((u) => (
                  <li class="card">
                    <h3>{u.projectTitle}</h3>
                    <p lang={reasonLang ? 'zh-Hans' : undefined}>{u.message}</p>
                  </li>
                ))}
              </ul>
            ) : (
              <p class="empty">{t('assign.result.allAssigned')}</p>
            )}
            {reasonLang && run.unassignedDetail.length > 0 && <p class="hint">{t('common.textInChinese')}</p>}
          </section>
          <section aria-labelledby="loads-h">
            <h2 id="loads-h">{t('assign.result.loads')}</h2>
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('assign.form.mentor')}</th>
                    <th scope="col" class="num">
                      {t('assign.load.capacity')}
                    </th>
                    <th scope="col" class="num">
                      {t('assign.load.before')}
                    </th>
                    <th scope="col" class="num">
                      {t('assign.load.assigned')}
                    </th>
                    <th scope="col" class="num">
                      {t('assign.load.left')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {run.mentorLoad.map((m) => (
                    <tr>
                      <td data-label={t('assign.form.mentor')}>{names.get(m.mentorId) ?? m.mentorId}</td>
                      <td data-label={t('assign.load.capacity')} class="num">
                        {m.capacity}
                      </td>
                      <td data-label={t('assign.load.before')} class="num">
                        {m.accepted + m.held}
                      </td>
                      <td data-label={t('assign.load.assigned')} class="num">
                        {m.assigned}
                      </td>
                      <td data-label={t('assign.load.left')} class="num">
                        {Math.max(0, m.capacity - m.accepted - m.held - m.assigned)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
      {props.rerun && run.status !== 'queued' && run.status !== 'running' && (
        <section aria-labelledby="rerun-h">
          <h2 id="rerun-h">{t('assign.rerun')}</h2>
          <p class="hint">{t('assign.rerun.hint')}</p>
          <RunForm
            ui={ui}
            centerId={run.centerId}
            values={props.rerun.values}
            choices={props.rerun.choices}
            previous={run.assignments}
            submitLabel={t('assign.rerun.submit')}
          />
        </section>
      )}
    </Page>
  );
}
