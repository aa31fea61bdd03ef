// The center's incubation pages (staff of the center, admins): the incubating projects with their start
// and planned end, and one project's page — its outcomes (enter, lock a month), graduation (date,
// criteria met, from the center's own graduation criteria) and exit (reason, note). The domain allows only the transitions that exist (409 else).
import { type Context, Hono } from 'hono';
import type { GraduationCriterion, LocalText } from '../../../models/admission-forms/table.ts';
import { EXIT_REASONS, type ProjectStatus } from '../../../models/enums.ts';
import { loadForm } from '../../lifecycle/admission-form.ts';
import { managesCenter, todayInShanghai, visibleProject } from '../../lifecycle/access.ts';
import { exitProject, graduate, incubationsOf, type IncubationView } from '../../lifecycle/incubation.ts';
import { listOutcomes, lockOutcome, putOutcome } from '../../lifecycle/outcomes.ts';
import { notFound } from '../../errors.ts';
import { projects } from '../../resources/index.ts';
import { Repository } from '../../resources/repository.ts';
import type { Row } from '../../resources/types.ts';
import { CsrfField, FormErrors, Notice, Select, TextArea, TextField } from '../components.tsx';
import type { ConsoleEnv } from '../env.ts';
import { StatusBadge } from '../founder/projects.tsx';
import { type FieldErrors, field, fieldList, readForm } from '../forms.ts';
import { Page } from '../layout.tsx';
import { type Ui, uiOf } from '../ui.ts';
import {
  emptyOutcome,
  OutcomeForm,
  outcomeBody,
  OutcomesTable,
  type OutcomeValues,
  readOutcomeForm,
  valuesOfOutcome,
} from './outcomes.tsx';
import {
  type CenterChoice,
  CenterChooser,
  centerChoices,
  centerQuery,
  type LifeDeps,
  pageCenter,
  plannedEnd,
  refusalErrors,
} from './shared.tsx';

/** A center's text in the reader's language, Chinese when the center gave none. */
const localName = (ui: Ui, text: LocalText) => text[ui.lang]?.trim() || text.zh;

/** The criteria a graduation met, by the center's names (a key since removed from the form shows as is). */
function CriteriaMet(props: { ui: Ui; met: Record<string, unknown>; criteria: GraduationCriterion[] }) {
  const { ui } = props;
  return (
    <ul>
      {Object.entries(props.met).map(([k, v]) => {
        const known = props.criteria.find((g) => g.id === k);
        const name = known ? localName(ui, known.name) : k;
        return <li>{v === true ? name : `${name}: ${String(v)}`}</li>;
      })}
    </ul>
  );
}

interface Listed {
  project: Row;
  incubation: IncubationView | null;
}

function IncubatingList(props: { ui: Ui; items: Listed[]; query: string; empty: string }) {
  const { ui } = props;
  const { t } = ui;
  if (!props.items.length) return <p class="empty">{props.empty}</p>;
  return (
    <ul class="list">
      {props.items.map(({ project: p, incubation: inc }) => (
        <li class="card">
          <h3>
            <a href={`/app/incubation/${p.id}`}>{p.title}</a>
          </h3>
          <p>
            <StatusBadge ui={ui} status={p.status as ProjectStatus} />
          </p>
          {inc && (
            <p>
              {t('lifeui.incubation.since', { date: inc.startedOn })} ·{' '}
              {inc.endedOn
                ? t('lifeui.incubation.endedOn', { date: inc.endedOn })
                : t('lifeui.incubation.plannedEnd', { date: plannedEnd(inc.startedOn, inc.plannedMonths) })}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

interface ProjectPageProps {
  ui: Ui;
  project: { id: string; title: string; status: ProjectStatus };
  incubation: IncubationView | null;
  /** The center's graduation criteria (its admission form). */
  graduationCriteria: GraduationCriterion[];
  outcomes: Awaited<ReturnType<typeof listOutcomes>>['items'];
  outcome?: { values: OutcomeValues; errors?: FieldErrors };
  graduateForm?: { values: { graduatedOn?: string; criteria?: string[]; note?: string }; errors?: FieldErrors };
  exitForm?: { values: { reason?: string; note?: string; exitedOn?: string }; errors?: FieldErrors };
  lockErrors?: FieldErrors;
  done?: string;
}

function ProjectPage(props: ProjectPageProps) {
  const { ui, project: p, incubation: inc } = props;
  const { t } = ui;
  const base = `/app/incubation/${p.id}`;
  const incubating = p.status === 'incubating';
  const canEnter = incubating || p.status === 'graduated';
  const g = props.graduateForm?.values ?? { graduatedOn: todayInShanghai() };
  const x = props.exitForm?.values ?? {};
  return (
    <Page ui={ui} title={p.title}>
      <p>
        <a href="/app/incubation">{t('lifeui.incubation.back')}</a>
      </p>
      {props.done && (
        <Notice kind="success">{t(`lifeui.incubation.done.${props.done}` as 'lifeui.incubation.done.saved')}</Notice>
      )}
      <section class="card" aria-labelledby="inc-h">
        <h2 id="inc-h">{t('lifeui.incubation.state')}</h2>
        <p>
          <StatusBadge ui={ui} status={p.status} />
        </p>
        {inc && (
          <dl class="facts">
            <dt>{t('lifeui.incubation.started')}</dt>
            <dd>{inc.startedOn}</dd>
            <dt>{t('lifeui.incubation.planned')}</dt>
            <dd>
              {t('lifeui.incubation.months', { months: inc.plannedMonths })} ·{' '}
              {plannedEnd(inc.startedOn, inc.plannedMonths)}
            </dd>
            {inc.endedOn && (
              <>
                <dt>{t('lifeui.incubation.ended')}</dt>
                <dd>
                  {inc.endedOn}
                  {inc.exitReason && ` · ${t(`lifeui.exit.reason.${inc.exitReason}`)}`}
                </dd>
              </>
            )}
            {inc.criteriaMet && Object.keys(inc.criteriaMet).length > 0 && (
              <>
                <dt>{t('lifeui.graduate.criteria')}</dt>
                <dd>
                  <CriteriaMet ui={ui} met={inc.criteriaMet} criteria={props.graduationCriteria} />
                </dd>
              </>
            )}
            {inc.note && (
              <>
                <dt>{t('lifeui.note')}</dt>
                <dd class="prewrap">{inc.note}</dd>
              </>
            )}
          </dl>
        )}
      </section>
      <section aria-labelledby="outcomes-h">
        <h2 id="outcomes-h">{t('lifeui.outcomes.title')}</h2>
        <FormErrors ui={ui} errors={props.lockErrors} />
        <OutcomesTable
          ui={ui}
          items={props.outcomes}
          editHref={canEnter ? (period) => `${base}?period=${period}#outcome-h` : undefined}
          lockAction={(period) => `${base}/outcomes/${period}/lock`}
        />
      </section>
      {canEnter && (
        <OutcomeForm
          ui={ui}
          action={`${base}/outcomes`}
          values={props.outcome?.values ?? emptyOutcome()}
          errors={props.outcome?.errors}
        />
      )}
      {incubating && (
        <>
          <form method="post" action={`${base}/graduate`} class="card" aria-labelledby="graduate-h">
            <h2 id="graduate-h">{t('lifeui.graduate')}</h2>
            <CsrfField ui={ui} />
            <FormErrors ui={ui} errors={props.graduateForm?.errors} />
            <TextField
              name="graduatedOn"
              label={t('lifeui.graduate.on')}
              type="date"
              value={g.graduatedOn}
              required
              errors={props.graduateForm?.errors}
            />
            <fieldset class="field">
              <legend>{t('lifeui.graduate.criteria')}</legend>
              {props.graduateForm?.errors?.criteria && (
                <p class="field-error" id="f-criteria-error">
                  {props.graduateForm.errors.criteria}
                </p>
              )}
              {props.graduationCriteria.length ? (
                <div class="choices">
                  {props.graduationCriteria.map((k) => (
                    <label class="choice">
                      <input type="checkbox" name="criteria" value={k.id} checked={g.criteria?.includes(k.id)} />{' '}
                      {localName(ui, k.name)}
                    </label>
                  ))}
                </div>
              ) : (
                <p class="hint">{t('lifeui.graduate.noCriteria')}</p>
              )}
            </fieldset>
            <TextArea
              name="note"
              label={t('lifeui.note')}
              value={g.note}
              rows={2}
              maxlength={2000}
              errors={props.graduateForm?.errors}
            />
            <div class="actions">
              <button type="submit">{t('lifeui.graduate.submit')}</button>
            </div>
          </form>
          <form method="post" action={`${base}/exit`} class="card" aria-labelledby="exit-h">
            <h2 id="exit-h">{t('lifeui.exit')}</h2>
            <p class="hint">{t('lifeui.exit.hint')}</p>
            <CsrfField ui={ui} />
            <FormErrors ui={ui} errors={props.exitForm?.errors} />
            <Select
              name="reason"
              label={t('lifeui.exit.reason')}
              options={EXIT_REASONS.map((r) => ({ value: r, label: t(`lifeui.exit.reason.${r}`) }))}
              value={x.reason}
              empty={t('lifeui.review.choose')}
              required
              errors={props.exitForm?.errors}
            />
            <TextField
              name="exitedOn"
              label={t('lifeui.exit.on')}
              hint={t('lifeui.exit.on.hint')}
              type="date"
              value={x.exitedOn}
              errors={props.exitForm?.errors}
            />
            <TextArea
              name="note"
              label={t('lifeui.note')}
              value={x.note}
              rows={2}
              maxlength={2000}
              errors={props.exitForm?.errors}
            />
            <div class="actions">
              <button type="submit" class="secondary">
                {t('lifeui.exit.submit')}
              </button>
            </div>
          </form>
        </>
      )}
    </Page>
  );
}

export function incubationRouter(deps: LifeDeps) {
  const db = deps.database.db;
  const projectRepo = new Repository(projects, db, deps.embeddingHooks);
  const router = new Hono<ConsoleEnv>();

  router.get('/incubation', async (c) => {
    const ui = uiOf(c);
    const { t } = ui;
    const actor = c.get('actor');
    const ctx = c.get('ctx');
    const centerId = pageCenter(c);
    const choose: { centers: CenterChoice[]; value: string | null } | undefined =
      actor.role === 'admin' ? { centers: await centerChoices(deps, c), value: centerId } : undefined;
    const listed = async (status: ProjectStatus): Promise<Listed[]> => {
      if (!centerId) return [];
      const page = await projectRepo.list(ctx, { limit: 100, filters: { status, centerId } });
      const out: Listed[] = [];
      for (const project of page.items) {
        const incs = await incubationsOf(db, actor, project.id as string);
        out.push({ project, incubation: incs.find((i) => i.centerId === centerId) ?? incs[0] ?? null });
      }
      return out;
    };
    const incubating = await listed('incubating');
    const graduated = await listed('graduated');
    return c.html(
      <Page ui={ui} title={t('lifeui.incubation.title')}>
        {choose && <CenterChooser ui={ui} action="/app/incubation" {...choose} />}
        {centerId && (
          <>
            <p>{t('lifeui.incubation.intro')}</p>
            <section aria-labelledby="incubating-h">
              <h2 id="incubating-h">{t('lifeui.incubation.incubating', { count: incubating.length })}</h2>
              <IncubatingList
                ui={ui}
                items={incubating}
                query={centerQuery(c, centerId)}
                empty={t('lifeui.incubation.none')}
              />
            </section>
            <section aria-labelledby="graduated-h">
              <h2 id="graduated-h">{t('lifeui.incubation.graduated')}</h2>
              <IncubatingList
                ui={ui}
                items={graduated}
                query={centerQuery(c, centerId)}
                empty={t('lifeui.incubation.noneGraduated')}
              />
            </section>
          </>
        )}
      </Page>,
    );
  });

  /** The project if the actor manages its center (another center's, or no such project: 404). */
  const managedProject = async (c: Context<ConsoleEnv>) => {
    const actor = c.get('actor');
    const project = await visibleProject(db, actor, c.req.param('id') ?? '');
    if (!managesCenter(actor, project.centerId)) throw notFound('project');
    return project;
  };

  const projectPage = async (
    c: Context<ConsoleEnv>,
    extra: Partial<ProjectPageProps> = {},
    status: 200 | 403 | 409 | 422 = 200,
  ) => {
    const actor = c.get('actor');
    const project = await managedProject(c);
    const incs = await incubationsOf(db, actor, project.id);
    const { items } = await listOutcomes(db, actor, project.id);
    const graduationCriteria = project.centerId ? (await loadForm(db, project.centerId)).graduationCriteria : [];
    const period = c.req.query('period');
    const editing = period ? items.find((o) => o.period === period && !o.lockedAt) : undefined;
    return c.html(
      <ProjectPage
        ui={uiOf(c)}
        project={project}
        incubation={incs[0] ?? null}
        graduationCriteria={graduationCriteria}
        outcomes={items}
        outcome={editing ? { values: valuesOfOutcome(editing) } : undefined}
        done={c.req.query('done')}
        {...extra}
      />,
      status,
    );
  };

  router.get('/incubation/:id', (c) => projectPage(c));

  router.post('/incubation/:id/outcomes', async (c) => {
    const ui = uiOf(c);
    const project = await managedProject(c);
    const values = readOutcomeForm(await readForm(c));
    const parsed = outcomeBody(values, ui);
    if ('errors' in parsed) return projectPage(c, { outcome: { values, errors: parsed.errors } }, 422);
    try {
      await putOutcome(db, c.get('actor'), project.id, values.period, parsed.body);
    } catch (err) {
      const refused = refusalErrors(err, ui.lang);
      if (!refused) throw err;
      return projectPage(c, { outcome: { values, errors: refused.errors } }, refused.status);
    }
    return c.redirect(`/app/incubation/${project.id}?done=saved`, 303);
  });

  router.post('/incubation/:id/outcomes/:period/lock', async (c) => {
    const ui = uiOf(c);
    const project = await managedProject(c);
    try {
      await lockOutcome(db, c.get('actor'), project.id, c.req.param('period'));
    } catch (err) {
      const refused = refusalErrors(err, ui.lang);
      if (!refused) throw err;
      return projectPage(c, { lockErrors: refused.errors }, refused.status);
    }
    return c.redirect(`/app/incubation/${project.id}?done=locked`, 303);
  });

  router.post('/incubation/:id/graduate', async (c) => {
    const ui = uiOf(c);
    const project = await managedProject(c);
    const form = await readForm(c);
    const values = {
      graduatedOn: field(form, 'graduatedOn'),
      criteria: fieldList(form, 'criteria'),
      note: field(form, 'note'),
    };
    // The keys go to the domain as ticked: one not among the center's criteria is refused there (422).
    const criteria = [...new Set(values.criteria)];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.graduatedOn))
      return projectPage(c, { graduateForm: { values, errors: { graduatedOn: ui.t('field.notDate') } } }, 422);
    try {
      await graduate(db, c.get('actor'), project.id, {
        graduatedOn: values.graduatedOn,
        ...(criteria.length ? { criteriaMet: Object.fromEntries(criteria.map((k) => [k, true])) } : {}),
        ...(values.note.trim() ? { note: values.note } : {}),
      });
    } catch (err) {
      const refused = refusalErrors(err, ui.lang);
      if (!refused) throw err;
      // A key refused by the domain (the form changed since the page was drawn) shows on the tick boxes.
      const errors: FieldErrors = {};
      for (const [path, message] of Object.entries(refused.errors))
        if (path.startsWith('criteriaMet.')) errors.criteria = [errors.criteria, message].filter(Boolean).join(' ');
        else errors[path] = message;
      return projectPage(c, { graduateForm: { values, errors } }, refused.status);
    }
    return c.redirect(`/app/incubation/${project.id}?done=graduated`, 303);
  });

  router.post('/incubation/:id/exit', async (c) => {
    const ui = uiOf(c);
    const project = await managedProject(c);
    const form = await readForm(c);
    const values = { reason: field(form, 'reason'), note: field(form, 'note'), exitedOn: field(form, 'exitedOn') };
    const errors: FieldErrors = {};
    if (!(EXIT_REASONS as readonly string[]).includes(values.reason)) errors.reason = ui.t('field.required');
    if (values.exitedOn && !/^\d{4}-\d{2}-\d{2}$/.test(values.exitedOn)) errors.exitedOn = ui.t('field.notDate');
    if (Object.keys(errors).length) return projectPage(c, { exitForm: { values, errors } }, 422);
    try {
      await exitProject(db, c.get('actor'), project.id, {
        reason: values.reason as 'other',
        ...(values.note.trim() ? { note: values.note } : {}),
        ...(values.exitedOn ? { exitedOn: values.exitedOn } : {}),
      });
    } catch (err) {
      const refused = refusalErrors(err, ui.lang);
      if (!refused) throw err;
      return projectPage(c, { exitForm: { values, errors: refused.errors } }, refused.status);
    }
    return c.redirect(`/app/incubation/${project.id}?done=exited`, 303);
  });

  return router;
}
