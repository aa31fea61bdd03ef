// The vetting queue (admins and center staff; staff see their own center's projects only): the
// submitted projects oldest first, and a decision — vetted or rejected with a reason the founders
// read — written through the projects Repository, so the policy decides and the audit entry keeps
// the reason.
import { Hono } from 'hono';
import type { AppDeps } from '../../http/app.ts';
import { centers, founders, projects } from '../../resources/index.ts';
import { Repository } from '../../resources/repository.ts';
import { AppError } from '../../errors.ts';
import type { ConsoleEnv } from '../env.ts';
import { appFieldErrors, type FieldErrors, field, readForm } from '../forms.ts';
import { onlyRoles } from '../shared/roles.ts';
import { uiOf } from '../ui.ts';
import type { Context } from 'hono';
import { founderNames, queuePage, resubmitted } from './vetting.data.ts';
import { type Decision, QueuePageView, ReviewPage, type ReviewProps } from './vetting.pages.tsx';
import { MAX_STATUS_REASON } from '../../../models/projects/validation.ts';

const DECISIONS: readonly string[] = ['vetted', 'rejected'] satisfies Decision[];

export function vettingRouter(deps: AppDeps) {
  const db = deps.database.db;
  const repo = (def: ConstructorParameters<typeof Repository>[0]) => new Repository(def, db, deps.embeddingHooks);
  const projectRepo = repo(projects);
  const founderRepo = repo(founders);
  const centerRepo = repo(centers);
  const router = new Hono<ConsoleEnv>();
  const staff = onlyRoles('admin', 'center_staff');
  router.use('/vetting', staff);
  router.use('/vetting/*', staff);

  router.get('/vetting', async (c) => {
    const page = Math.max(0, Math.min(10_000, Number.parseInt(c.req.query('page') ?? '1', 10) || 1) - 1);
    const queue = await queuePage(db, projectRepo, c.get('ctx'), page);
    return c.html(<QueuePageView ui={uiOf(c)} queue={queue} page={page} />);
  });

  const review = async (
    c: Context<ConsoleEnv>,
    extra: Partial<ReviewProps> = {},
    status: 200 | 422 | 409 | 403 = 200,
  ) => {
    const ctx = c.get('ctx');
    // Out of the actor's scope (another center's project): 404, as in the API.
    const project = await projectRepo.get(ctx, c.req.param('id') ?? '');
    const center = project.centerId ? await centerRepo.get(ctx, project.centerId).catch(() => null) : null;
    return c.html(
      <ReviewPage
        ui={uiOf(c)}
        project={project}
        founders={await founderNames(founderRepo, ctx, project.founderIds ?? [])}
        center={(center?.name as string | undefined) ?? null}
        revetting={(await resubmitted(db, [project.id])).has(project.id)}
        done={c.req.query('done')}
        {...extra}
      />,
      status,
    );
  };

  router.get('/vetting/:id', (c) => review(c));

  router.post('/vetting/:id', async (c) => {
    const ui = uiOf(c);
    const ctx = c.get('ctx');
    const id = c.req.param('id');
    const form = await readForm(c);
    const values = { decision: field(form, 'decision'), reason: field(form, 'reason').trim() };
    const errors: FieldErrors = {};
    if (!DECISIONS.includes(values.decision)) errors.decision = ui.t('field.required');
    if (values.decision === 'rejected' && !values.reason) errors.reason = ui.t('vetting.reason.required');
    if (values.reason.length > MAX_STATUS_REASON) errors.reason = ui.t('field.tooLong', { max: MAX_STATUS_REASON });
    if (Object.keys(errors).length) return review(c, { values, errors }, 422);
    // Decided meanwhile (another clerk, or a stale page): nothing is written, the page shows why.
    const current = await projectRepo.get(ctx, id);
    if (current.status !== 'submitted') return review(c, { errors: { '': ui.t('vetting.notWaiting') } }, 409);
    try {
      await projectRepo.update(ctx, id, { status: values.decision, statusReason: values.reason || null });
    } catch (err) {
      const fieldErrors = err instanceof AppError && err.status !== 404 ? appFieldErrors(err, ui.lang) : null;
      if (!fieldErrors) throw err;
      return review(c, { values, errors: fieldErrors }, (err as AppError).status as 422);
    }
    return c.redirect(`/app/vetting/${id}?done=${values.decision}`, 303);
  });

  return router;
}
