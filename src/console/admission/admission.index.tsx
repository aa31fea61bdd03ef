// The lifecycle console (issue 21): the staff's admission (applications, reviews, decisions, the form
// editor) and incubation pages, and the founder's apply and outcomes pages. Every write calls the
// domain (src/lifecycle/) with the signed-in actor: the same checks, audit and visibility as the API.
import { type Context, Hono } from 'hono';
import { actorLabel } from '../../auth/actor.ts';
import { getAdmissionForm, loadForm } from '../../lifecycle/admission-form.ts';
import {
  listApplications,
  presentApplication,
  projectTitles,
  visibleApplicationRow,
} from '../../lifecycle/applications.ts';
import { decide } from '../../lifecycle/decisions.ts';
import { submitReview } from '../../lifecycle/reviews.ts';
import { actorNames } from '../audit/audit.data.ts';
import type { ConsoleEnv } from '../env.ts';
import { type FieldErrors, field, readForm } from '../forms.ts';
import { onlyRoles } from '../shared/roles.ts';
import { uiOf } from '../ui.ts';
import { ApplicationPage, type ApplicationPageProps, ApplicationsPage, type ReviewValues } from './admission.pages.tsx';
import { formEditorRouter } from './form-editor.tsx';
import { incubationRouter } from './incubation.tsx';
import { founderLifeRouter } from './founder-life.tsx';
import { centerChoices, centerName, centerQuery, type LifeDeps, pageCenter, refusalErrors } from './shared.tsx';

export function lifecycleRouter(deps: LifeDeps) {
  const db = deps.database.db;
  const router = new Hono<ConsoleEnv>();
  const staff = onlyRoles('admin', 'center_staff');
  router.use('/admission', staff);
  router.use('/admission/*', staff);
  router.use('/incubation', staff);
  router.use('/incubation/*', staff);
  router.route('/', formEditorRouter(deps));
  router.route('/', incubationRouter(deps));
  router.route('/', founderLifeRouter(deps));

  router.get('/admission', async (c) => {
    const ui = uiOf(c);
    const actor = c.get('actor');
    const centerId = pageCenter(c);
    const choose = actor.role === 'admin' ? { centers: await centerChoices(deps, c), value: centerId } : undefined;
    if (!centerId)
      return c.html(<ApplicationsPage ui={ui} items={[]} form={null} centerName={null} choose={choose} query="" />);
    const form = await getAdmissionForm(db, actor, centerId);
    const { items } = await listApplications(db, actor, { centerId, limit: 300 });
    // Open first, the longest waiting on top; then the decided and withdrawn, newest first.
    const open = items.filter((a) => a.status === 'submitted').reverse();
    const rest = items.filter((a) => a.status !== 'submitted');
    const titles = await projectTitles(
      db,
      items.map((a) => a.projectId),
    );
    return c.html(
      <ApplicationsPage
        ui={ui}
        items={[...open, ...rest].map((app) => ({ app, title: titles.get(app.projectId) ?? app.projectId }))}
        form={form}
        centerName={await centerName(deps, c, centerId)}
        choose={choose}
        query={centerQuery(c, centerId)}
      />,
    );
  });

  const applicationPage = async (
    c: Context<ConsoleEnv>,
    extra: Partial<ApplicationPageProps> = {},
    status: 200 | 403 | 409 | 422 = 200,
  ) => {
    const ui = uiOf(c);
    const actor = c.get('actor');
    // Another center's application, or no such one: 404 (the domain's visibility).
    const row = await visibleApplicationRow(db, actor, c.req.param('id') ?? '');
    const form = await loadForm(db, row.centerId);
    const app = await presentApplication(db, actor, row, form);
    const titles = await projectTitles(db, [app.projectId]);
    const me = actorLabel(actor);
    return c.html(
      <ApplicationPage
        ui={ui}
        app={app}
        title={titles.get(app.projectId) ?? app.projectId}
        form={form}
        reviewers={
          await actorNames(
            db,
            actor,
            ui,
            app.reviews.map((r) => r.reviewer),
          )
        }
        mine={app.reviews.find((r) => r.reviewer === me) ?? null}
        done={c.req.query('done')}
        {...extra}
      />,
      status,
    );
  };

  router.get('/admission/:id', (c) => applicationPage(c));

  router.post('/admission/:id/review', async (c) => {
    const ui = uiOf(c);
    const id = c.req.param('id');
    const form = await readForm(c);
    const values: ReviewValues = {
      scores: Object.fromEntries(
        Object.keys(form)
          .filter((k) => k.startsWith('scores.'))
          .map((k) => [k.slice('scores.'.length), field(form, k)]),
      ),
      recommendation: field(form, 'recommendation'),
      comment: field(form, 'comment'),
    };
    const errors: FieldErrors = {};
    const scores: Record<string, number> = {};
    for (const [k, s] of Object.entries(values.scores)) {
      if (!s.trim()) errors[`scores.${k}`] = ui.t('field.required');
      else if (!/^\d+$/.test(s.trim())) errors[`scores.${k}`] = ui.t('field.notNumber');
      else scores[k] = Number(s);
    }
    if (!['admit', 'waitlist', 'reject'].includes(values.recommendation ?? ''))
      errors.recommendation = ui.t('field.required');
    if (Object.keys(errors).length) return applicationPage(c, { review: { values, errors } }, 422);
    try {
      await submitReview(db, c.get('actor'), id, {
        scores,
        recommendation: values.recommendation as 'admit',
        ...(values.comment?.trim() ? { comment: values.comment } : {}),
      });
    } catch (err) {
      const refused = refusalErrors(err, ui.lang);
      if (!refused) throw err;
      return applicationPage(c, { review: { values, errors: refused.errors } }, refused.status);
    }
    return c.redirect(`/app/admission/${id}?done=reviewed`, 303);
  });

  router.post('/admission/:id/decision', async (c) => {
    const ui = uiOf(c);
    const id = c.req.param('id');
    const form = await readForm(c);
    const values = { decision: field(form, 'decision'), reason: field(form, 'reason') };
    const errors: FieldErrors = {};
    if (!['admitted', 'waitlisted', 'rejected'].includes(values.decision)) errors.decision = ui.t('field.required');
    if (!values.reason.trim()) errors.reason = ui.t('lifeui.decision.reason.required');
    if (Object.keys(errors).length) return applicationPage(c, { decision: { values, errors } }, 422);
    try {
      await decide(db, c.get('actor'), id, { decision: values.decision as 'admitted', reason: values.reason });
    } catch (err) {
      const refused = refusalErrors(err, ui.lang);
      if (!refused) throw err;
      return applicationPage(c, { decision: { values, errors: refused.errors } }, refused.status);
    }
    return c.redirect(`/app/admission/${id}?done=decided`, 303);
  });

  return router;
}
