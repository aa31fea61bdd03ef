// The founder's side of a project's life in a center: on the project's page, its applications with the
// decisions and their reasons (as the center wrote them); applying to a center with its form's questions
// in the reader's language (Chinese when the center gave none); entering outcomes month by month.
import { type Context, Hono } from 'hono';
import type { ProjectStatus } from '../../../models/enums.ts';
import { MAX_ANSWER } from '../../../models/applications/validation.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../auth/actor.ts';
import { notFound } from '../../errors.ts';
import { isFounderOfProject, visibleProject } from '../../lifecycle/access.ts';
import { getAdmissionForm, type AdmissionFormView } from '../../lifecycle/admission-form.ts';
import { APPLYING_STATUSES, apply, listApplications, type ApplicationView } from '../../lifecycle/applications.ts';
import { incubationsOf, type IncubationView } from '../../lifecycle/incubation.ts';
import { listOutcomes, OUTCOME_STATUSES, putOutcome } from '../../lifecycle/outcomes.ts';
import { CsrfField, FormErrors, Notice, Select, TextArea } from '../components.tsx';
import type { ConsoleEnv } from '../env.ts';
import { founderOnly } from '../founder/shared.ts';
import { formatDate } from '../format.ts';
import { type FieldErrors, field, readForm } from '../forms.ts';
import { Page } from '../layout.tsx';
import { type Ui, uiOf } from '../ui.ts';
import { StateBadge } from './admission.pages.tsx';
import {
  emptyOutcome,
  OutcomeForm,
  outcomeBody,
  OutcomesTable,
  type OutcomeValues,
  readOutcomeForm,
  valuesOfOutcome,
} from './outcomes.tsx';
import { type CenterChoice, centerChoices, type LifeDeps, localText, plannedEnd, refusalErrors } from './shared.tsx';

export interface ProjectLife {
  projectId: string;
  status: ProjectStatus;
  applications: (ApplicationView & { centerName: string })[];
  incubation: IncubationView | null;
}

/** What the founder's project page shows of the project's life in centers (`centerName`: as the reader may read it). */
export async function projectLife(
  db: Db,
  actor: Actor,
  project: { id: string; status: ProjectStatus },
  centerName: (id: string) => Promise<string | null>,
): Promise<ProjectLife> {
  const { items } = await listApplications(db, actor, { projectId: project.id, limit: 50 });
  const names = new Map<string, string>();
  for (const id of new Set(items.map((a) => a.centerId))) names.set(id, (await centerName(id)) ?? '');
  const incs = await incubationsOf(db, actor, project.id);
  return {
    projectId: project.id,
    status: project.status,
    applications: items.map((a) => ({ ...a, centerName: names.get(a.centerId) ?? '' })),
    incubation: incs[0] ?? null,
  };
}

/** The card on the founder's project page: applications, decisions and reasons, incubation, links. */
export function ProjectLifeCard(props: { ui: Ui; life: ProjectLife }) {
  const { ui, life } = props;
  const { t } = ui;
  const inc = life.incubation;
  const canApply = (APPLYING_STATUSES as readonly string[]).includes(life.status);
  const outcomes = (OUTCOME_STATUSES as readonly string[]).includes(life.status);
  return (
    <section class="card" aria-labelledby="life-h">
      <h2 id="life-h">{t('lifeui.founder.life')}</h2>
      {inc && (
        <p>
          {t('lifeui.incubation.since', { date: inc.startedOn })} ·{' '}
          {inc.endedOn
            ? t('lifeui.incubation.endedOn', { date: inc.endedOn })
            : t('lifeui.incubation.plannedEnd', { date: plannedEnd(inc.startedOn, inc.plannedMonths) })}
        </p>
      )}
      {life.applications.length ? (
        <ul class="list">
          {life.applications.map((a) => (
            <li>
              <h3>{t('lifeui.founder.applicationTo', { center: a.centerName })}</h3>
              <p>
                <StateBadge ui={ui} app={a} />{' '}
                <span class="muted">{t('lifeui.app.appliedOn', { date: formatDate(a.createdAt) })}</span>
              </p>
              {a.decision && (
                <div class="notice info">
                  <h4>{t('lifeui.founder.reason')}</h4>
                  <p class="prewrap">{a.decision.reason}</p>
                  <p class="muted">{t('lifeui.decision.on', { date: formatDate(a.decision.decidedAt) })}</p>
                </div>
              )}
              {a.status === 'submitted' && <p class="hint">{t('lifeui.founder.waiting')}</p>}
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">{t('lifeui.founder.noApplications')}</p>
      )}
      <div class="actions">
        {canApply && (
          <a class="button" href={`/app/projects/${life.projectId}/apply`}>
            {t('lifeui.apply')}
          </a>
        )}
        {outcomes && (
          <a class="button secondary" href={`/app/projects/${life.projectId}/outcomes`}>
            {t('lifeui.outcomes.title')}
          </a>
        )}
      </div>
      {!canApply && life.status === 'draft' && <p class="hint">{t('lifeui.apply.submitFirst')}</p>}
    </section>
  );
}

/** The founder's own project (404 for anyone else's, as in the API's scope). */
async function ownProject(db: Db, actor: Actor, id: string) {
  const project = await visibleProject(db, actor, id);
  if (!(await isFounderOfProject(db, actor, project.id))) throw notFound('project');
  return project;
}

interface ApplyProps {
  ui: Ui;
  project: { id: string; title: string; status: ProjectStatus };
  centers: CenterChoice[];
  centerId: string | null;
  form: AdmissionFormView | null;
  values?: { answers: Record<string, string>; wanted: string };
  errors?: FieldErrors;
}

function ApplyPage(props: ApplyProps) {
  const { ui, project: p, form } = props;
  const { t, lang } = ui;
  const v = props.values ?? { answers: {}, wanted: '' };
  const canApply = (APPLYING_STATUSES as readonly string[]).includes(p.status);
  const centerName = props.centers.find((x) => x.id === props.centerId)?.name ?? '';
  return (
    <Page ui={ui} title={t('lifeui.apply.title', { title: p.title })}>
      <p>
        <a href={`/app/projects/${p.id}`}>{t('lifeui.founder.back', { title: p.title })}</a>
      </p>
      {!canApply ? (
        <Notice kind="info">{p.status === 'draft' ? t('lifeui.apply.submitFirst') : t('lifeui.apply.notNow')}</Notice>
      ) : (
        <>
          <form method="get" action={`/app/projects/${p.id}/apply`} class="card">
            <Select
              name="center"
              label={t('lifeui.apply.center')}
              hint={t('lifeui.apply.center.hint')}
              options={props.centers.map((x) => ({ value: x.id, label: x.name }))}
              value={props.centerId}
              empty={t('lifeui.review.choose')}
              required
            />
            <div class="actions">
              <button type="submit" class={form ? 'secondary' : undefined}>
                {t('lifeui.apply.showForm')}
              </button>
            </div>
          </form>
          {form && props.centerId && (
            <form method="post" action={`/app/projects/${p.id}/apply`} class="card" aria-labelledby="apply-h">
              <h2 id="apply-h">{t('lifeui.apply.formOf', { center: centerName })}</h2>
              <CsrfField ui={ui} />
              <input type="hidden" name="centerId" value={props.centerId} />
              <FormErrors ui={ui} errors={props.errors} />
              {form.questions.length ? (
                <p class="hint">{t('lifeui.apply.requiredMarked')}</p>
              ) : (
                <p>{t('lifeui.apply.noQuestions')}</p>
              )}
              {form.questions.map((q) => (
                <TextArea
                  name={`answers.${q.id}`}
                  label={
                    q.required
                      ? t('lifeui.question.requiredMark', { text: localText(q.text, lang) })
                      : localText(q.text, lang)
                  }
                  hint={q.confidential ? t('lifeui.apply.confidential') : undefined}
                  value={v.answers[q.id]}
                  rows={3}
                  maxlength={MAX_ANSWER}
                  required={q.required}
                  errors={props.errors}
                />
              ))}
              <TextArea
                name="wanted"
                label={t('lifeui.apply.wanted')}
                hint={t('lifeui.apply.wanted.hint')}
                value={v.wanted}
                rows={3}
                maxlength={2000}
                errors={props.errors}
              />
              <div class="actions">
                <button type="submit">{t('lifeui.apply.submit')}</button>
              </div>
            </form>
          )}
        </>
      )}
    </Page>
  );
}

function OutcomesPage(props: {
  ui: Ui;
  project: { id: string; title: string; status: ProjectStatus };
  items: Awaited<ReturnType<typeof listOutcomes>>['items'];
  values: OutcomeValues;
  errors?: FieldErrors;
  done?: string;
}) {
  const { ui, project: p } = props;
  const { t } = ui;
  const base = `/app/projects/${p.id}/outcomes`;
  const open = (OUTCOME_STATUSES as readonly string[]).includes(p.status);
  return (
    <Page ui={ui} title={t('lifeui.outcomes.of', { title: p.title })}>
      <p>
        <a href={`/app/projects/${p.id}`}>{t('lifeui.founder.back', { title: p.title })}</a>
      </p>
      {props.done === 'saved' && <Notice kind="success">{t('lifeui.outcomes.saved')}</Notice>}
      <p>{t('lifeui.outcomes.intro')}</p>
      <OutcomesTable
        ui={ui}
        items={props.items}
        editHref={open ? (period) => `${base}?period=${period}#outcome-h` : undefined}
      />
      {open ? (
        <OutcomeForm ui={ui} action={base} values={props.values} errors={props.errors} />
      ) : (
        <Notice kind="info">{t('lifeui.outcomes.closed')}</Notice>
      )}
    </Page>
  );
}

export function founderLifeRouter(deps: LifeDeps) {
  const db = deps.database.db;
  const router = new Hono<ConsoleEnv>();

  const applyPage = async (
    c: Context<ConsoleEnv>,
    centerId: string | null,
    extra: Partial<ApplyProps> = {},
    status: 200 | 403 | 409 | 422 = 200,
  ) => {
    const actor = c.get('actor');
    const project = await ownProject(db, actor, c.req.param('id') ?? '');
    const centers = await centerChoices(deps, c);
    const known = centerId && centers.some((x) => x.id === centerId) ? centerId : null;
    const form = known ? await getAdmissionForm(db, actor, known) : null;
    return c.html(
      <ApplyPage ui={uiOf(c)} project={project} centers={centers} centerId={known} form={form} {...extra} />,
      status,
    );
  };

  router.get(
    '/projects/:id/apply',
    founderOnly((c) => applyPage(c, c.req.query('center') ?? null)),
  );

  router.post(
    '/projects/:id/apply',
    founderOnly(async (c) => {
      const ui = uiOf(c);
      const actor = c.get('actor');
      const project = await ownProject(db, actor, c.req.param('id') ?? '');
      const form = await readForm(c);
      const centerId = field(form, 'centerId');
      const answers: Record<string, string> = {};
      for (const k of Object.keys(form))
        if (k.startsWith('answers.') && field(form, k).trim()) answers[k.slice('answers.'.length)] = field(form, k);
      const values = { answers, wanted: field(form, 'wanted') };
      try {
        await apply(db, actor, {
          projectId: project.id,
          centerId,
          answers,
          ...(values.wanted.trim() ? { wanted: values.wanted } : {}),
        });
      } catch (err) {
        const refused = refusalErrors(err, ui.lang);
        if (!refused) throw err;
        return applyPage(c, centerId, { values, errors: refused.errors }, refused.status);
      }
      return c.redirect(`/app/projects/${project.id}?done=applied`, 303);
    }),
  );

  const outcomesPage = async (
    c: Context<ConsoleEnv>,
    extra: { values?: OutcomeValues; errors?: FieldErrors } = {},
    status: 200 | 403 | 409 | 422 = 200,
  ) => {
    const actor = c.get('actor');
    const project = await ownProject(db, actor, c.req.param('id') ?? '');
    const { items } = await listOutcomes(db, actor, project.id);
    const period = c.req.query('period');
    const editing = period ? items.find((o) => o.period === period && !o.lockedAt) : undefined;
    return c.html(
      <OutcomesPage
        ui={uiOf(c)}
        project={project}
        items={items}
        values={extra.values ?? (editing ? valuesOfOutcome(editing) : emptyOutcome())}
        errors={extra.errors}
        done={c.req.query('done')}
      />,
      status,
    );
  };

  router.get(
    '/projects/:id/outcomes',
    founderOnly((c) => outcomesPage(c)),
  );

  router.post(
    '/projects/:id/outcomes',
    founderOnly(async (c) => {
      const ui = uiOf(c);
      const actor = c.get('actor');
      const project = await ownProject(db, actor, c.req.param('id') ?? '');
      const values = readOutcomeForm(await readForm(c));
      const parsed = outcomeBody(values, ui);
      if ('errors' in parsed) return outcomesPage(c, { values, errors: parsed.errors }, 422);
      try {
        await putOutcome(db, actor, project.id, values.period, parsed.body);
      } catch (err) {
        const refused = refusalErrors(err, ui.lang);
        if (!refused) throw err;
        return outcomesPage(c, { values, errors: refused.errors }, refused.status);
      }
      return c.redirect(`/app/projects/${project.id}/outcomes?done=saved`, 303);
    }),
  );

  return router;
}
