// My projects: the list, create, a project's page, edit, submit for vetting. Reads and writes go through
// the projects Repository with the founder's actor, so the API's policy decides (scope, write checks,
// back to review after a material edit of a decided project).
import { inArray } from 'drizzle-orm';
import { Hono } from 'hono';
import { foundersTable } from '../../../models/founders/table.ts';
import type { Context } from 'hono';
import type { ProjectStatus } from '../../../models/enums.ts';
import { projectBodySchema } from '../../../models/projects/validation.ts';
import { AppError } from '../../errors.ts';
import type { Row } from '../../resources/types.ts';
import { Badge, CsrfField, Notice, type Option } from '../components.tsx';
import { InsiderProjectFacts } from '../shared/insider-project-facts.tsx';
import type { ConsoleEnv } from '../env.ts';
import { appFieldErrors, type FieldErrors, readForm, zodFieldErrors } from '../forms.ts';
import { Page } from '../layout.tsx';
import { type Ui, uiOf } from '../ui.ts';
import { enumLabel, regionName } from '../../i18n/labels.ts';
import {
  emptyProject,
  formErrors,
  ProjectForm,
  type ProjectValues,
  projectBody,
  readProjectForm,
  valuesOfProject,
} from './project-form.tsx';
import { allPages, type FounderDomain, founderId, founderOnly } from './shared.ts';
import { waitingInvitations } from './invitations.tsx';
import { JOURNEYS, journeyLabel } from './journeys.ts';
import { ProjectLifeCard, projectLife } from '../admission/founder-life.tsx';

const STATUS_BADGE: Record<ProjectStatus, 'info' | 'warn' | 'ok' | 'bad'> = {
  draft: 'info',
  submitted: 'warn',
  vetted: 'ok',
  rejected: 'bad',
  incubating: 'ok',
  graduated: 'ok',
  exited: 'info',
};

export function StatusBadge(props: { ui: Ui; status: ProjectStatus }) {
  return <Badge kind={STATUS_BADGE[props.status]}>{props.ui.t(`founder.project.status.${props.status}`)}</Badge>;
}

/** Every project of the founder (its own list, as GET /v1/projects answers it). */
export const myProjects = (d: FounderDomain, c: Context<ConsoleEnv>) =>
  allPages((cursor) => d.projects.list(c.get('ctx'), { limit: 100, cursor, filters: {} }));

async function centerOptions(d: FounderDomain, c: Context<ConsoleEnv>): Promise<Option[]> {
  const centers = await allPages((cursor) => d.centers.list(c.get('ctx'), { limit: 100, cursor, filters: {} }), 5);
  return centers.map((x) => ({ value: x.id, label: x.name }));
}

/** Field errors of a refused write (422, 409, 403, 400 shown in the form); others propagate (404 page). */
function refusal(err: unknown, ui: Ui): FieldErrors | null {
  if (!(err instanceof AppError) || err.status === 404) return null;
  const errors = appFieldErrors(err, ui.lang);
  return errors ? formErrors(errors) : null;
}

export function projectsRouter(d: FounderDomain) {
  const router = new Hono<ConsoleEnv>();

  router.get(
    '/projects',
    founderOnly(async (c) => {
      const ui = uiOf(c);
      const { t, lang } = ui;
      const list = await myProjects(d, c);
      const { cofounder, trainings } = await waitingInvitations(d, c);
      const waiting = cofounder.length + trainings.length;
      return c.html(
        <Page ui={ui} title={t('founder.projects.title')}>
          {waiting > 0 && (
            <Notice kind="info">
              <a href="/app/invitations">{t('founder.projects.invitationsPending', { count: waiting })}</a>
            </Notice>
          )}
          <p class="actions">
            <a class="button" href="/app/projects/new">
              {t('founder.projects.new')}
            </a>
          </p>
          {list.length ? (
            <ul class="list">
              {list.map((p) => (
                <li class="card">
                  <h2>
                    <a href={`/app/projects/${p.id}`}>{p.title}</a>
                  </h2>
                  <p>
                    <StatusBadge ui={ui} status={p.status} />{' '}
                    <span class="muted">
                      {enumLabel(lang, 'sector', p.sector)} · {enumLabel(lang, 'stage', p.stage)} ·{' '}
                      {regionName(p.regionCode, lang)}
                    </span>
                  </p>
                </li>
              ))}
            </ul>
          ) : (
            <p class="empty">{t('founder.projects.none')}</p>
          )}
        </Page>,
      );
    }),
  );

  const formPage = async (
    c: Context<ConsoleEnv>,
    o: { project?: Row; values: ProjectValues; errors?: FieldErrors; status?: 200 | 422 | 409 | 403 | 400 },
  ) => {
    const ui = uiOf(c);
    const { t } = ui;
    const editing = !!o.project;
    return c.html(
      <Page ui={ui} title={editing ? t('founder.project.edit.title') : t('founder.project.new.title')}>
        {editing && <p class="muted">{o.project!.title}</p>}
        <ProjectForm
          ui={ui}
          action={editing ? `/app/projects/${o.project!.id}` : '/app/projects'}
          values={o.values}
          errors={o.errors}
          centers={await centerOptions(d, c)}
          submitLabel={editing ? t('action.save') : t('founder.project.saveDraft')}
          cancelHref={editing ? `/app/projects/${o.project!.id}` : '/app/projects'}
        />
      </Page>,
      o.status ?? 200,
    );
  };

  router.get(
    '/projects/new',
    founderOnly((c) => formPage(c, { values: emptyProject() })),
  );

  router.post(
    '/projects',
    founderOnly(async (c) => {
      const ui = uiOf(c);
      const values = readProjectForm(await readForm(c));
      const body: Row = { ...projectBody(values), founderIds: [founderId(c)] };
      if (body.centerId === null) delete body.centerId;
      const parsed = projectBodySchema.safeParse(body);
      if (!parsed.success)
        return formPage(c, { values, errors: formErrors(zodFieldErrors(parsed.error, ui.t)), status: 422 });
      try {
        const created = await d.projects.create(c.get('ctx'), parsed.data);
        return c.redirect(`/app/projects/${created.id}?done=created`, 303);
      } catch (err) {
        const errors = refusal(err, ui);
        if (!errors) throw err;
        return formPage(c, { values, errors, status: (err as AppError).status as 422 });
      }
    }),
  );

  router.get(
    '/projects/:id',
    founderOnly(async (c) => {
      const ui = uiOf(c);
      const { t } = ui;
      const ctx = c.get('ctx');
      const p = await d.projects.get(ctx, c.req.param('id') ?? '');
      const members = (await d.founders.readAll(ctx, inIds(p.founderIds))).map((f) => f.name as string);
      const pending: string[] = p.pendingFounderIds ?? [];
      const center = p.centerId ? await d.centers.get(ctx, p.centerId).catch(() => null) : null;
      const done = c.req.query('done');
      const status = p.status as ProjectStatus;
      const life = await projectLife(d.db, c.get('actor'), { id: p.id, status }, (id) =>
        d.centers
          .get(ctx, id)
          .then((x) => x.name as string)
          .catch(() => null),
      );
      return c.html(
        <Page ui={ui} title={p.title}>
          {done === 'created' && <Notice kind="success">{t('founder.project.done.created')}</Notice>}
          {done === 'saved' && <Notice kind="success">{t('founder.project.done.saved')}</Notice>}
          {done === 'submitted' && <Notice kind="success">{t('founder.project.done.submitted')}</Notice>}
          {done === 'applied' && <Notice kind="success">{t('lifeui.apply.done')}</Notice>}
          <section class="card" aria-labelledby="status-h">
            <h2 id="status-h">{t('founder.project.status')}</h2>
            <p>
              <StatusBadge ui={ui} status={status} />
            </p>
            <p>{t(`founder.project.status.${status}.meaning`)}</p>
            {p.statusReason && (
              <div class="notice info">
                <h3>{t('vetting.reasonForFounder')}</h3>
                <p class="prewrap">{p.statusReason}</p>
              </div>
            )}
            <div class="actions">
              <a class="button secondary" href={`/app/projects/${p.id}/edit`}>
                {t('founder.project.edit')}
              </a>
              {status === 'draft' && (
                <form method="post" action={`/app/projects/${p.id}/submit`}>
                  <CsrfField ui={ui} />
                  <button type="submit">{t('founder.project.submit')}</button>
                </form>
              )}
            </div>
            {status === 'draft' && <p class="hint">{t('founder.project.submit.hint')}</p>}
          </section>
          <ProjectLifeCard ui={ui} life={life} />
          <section aria-labelledby="matches-h">
            <h2 id="matches-h">{t('founder.project.matches')}</h2>
            <nav class="tabs" aria-labelledby="matches-h">
              {JOURNEYS.map((j) => (
                <a href={`/app/projects/${p.id}/matches/${j}`}>{t(journeyLabel(j))}</a>
              ))}
            </nav>
          </section>
          <section class="card" aria-labelledby="facts-h">
            <h2 id="facts-h">{t('founder.project.facts')}</h2>
            <InsiderProjectFacts ui={ui} project={p} center={center?.name ?? null} founders={members} />
          </section>
          <section class="card" aria-labelledby="pending-h">
            <h2 id="pending-h">{t('founder.project.pendingInvitees')}</h2>
            {pending.length ? (
              <ul>
                {pending.map((id) => (
                  <li>{t('founder.project.pendingInvitee', { id: id.slice(0, 8) })}</li>
                ))}
              </ul>
            ) : (
              <p class="empty">{t('founder.project.noPending')}</p>
            )}
          </section>
          <p>
            <a href="/app/introductions">{t('founder.project.introductions')}</a>
          </p>
        </Page>,
      );
    }),
  );

  router.get(
    '/projects/:id/edit',
    founderOnly(async (c) => {
      const p = await d.projects.get(c.get('ctx'), c.req.param('id') ?? '');
      return formPage(c, { project: p, values: valuesOfProject(p) });
    }),
  );

  router.post(
    '/projects/:id',
    founderOnly(async (c) => {
      const ui = uiOf(c);
      const ctx = c.get('ctx');
      const p = await d.projects.get(ctx, c.req.param('id') ?? '');
      const values = readProjectForm(await readForm(c));
      // founderIds is left out: the members and pending invitations stay as they are.
      const patch = projectBody(values, p.confidential);
      const parsed = projectBodySchema.partial().safeParse(patch);
      if (!parsed.success)
        return formPage(c, {
          project: p,
          values,
          errors: formErrors(zodFieldErrors(parsed.error, ui.t)),
          status: 422,
        });
      try {
        await d.projects.update(ctx, p.id, parsed.data);
        return c.redirect(`/app/projects/${p.id}?done=saved`, 303);
      } catch (err) {
        const errors = refusal(err, ui);
        if (!errors) throw err;
        return formPage(c, { project: p, values, errors, status: (err as AppError).status as 422 });
      }
    }),
  );

  router.post(
    '/projects/:id/submit',
    founderOnly(async (c) => {
      const ctx = c.get('ctx');
      const p = await d.projects.get(ctx, c.req.param('id') ?? '');
      await d.projects.update(ctx, p.id, { status: 'submitted' });
      return c.redirect(`/app/projects/${p.id}?done=submitted`, 303);
    }),
  );

  return router;
}

const inIds = (ids: string[]) => inArray(foundersTable.id, ids.length ? ids : ['00000000-0000-0000-0000-000000000000']);
