// Coach assignment for center staff and admins: start a run, watch it, review the result, change
// pins/exclusions and run again, publish. Everything goes through src/assignment/runs.ts with the
// signed-in actor (another center's run is its 404; staff of center B never see center A's runs).
import { Hono, type Context } from 'hono';
import { AssignmentRuns, presentRun } from '../../assignment/runs.ts';
import { AppError } from '../../errors.ts';
import type { AppDeps } from '../../http/app.ts';
import { centers, mentors, projects } from '../../resources/index.ts';
import { Repository } from '../../resources/repository.ts';
import type { ConsoleEnv } from '../env.ts';
import { appFieldErrors, type FieldErrors, field, localizeDetail, readForm } from '../forms.ts';
import { centerOptions, chosenCenter } from '../shared/center-choice.tsx';
import { onlyRoles } from '../shared/roles.ts';
import { uiOf } from '../ui.ts';
import {
  domainLang,
  emptyRunForm,
  fieldPaths,
  formChoices,
  formOfInput,
  type RunFormValues,
  readRunForm,
  runBody,
} from './assignment.data.ts';
import { RunPage, RunsPage } from './assignment.pages.tsx';

/** Runs listed on the page, newest first (a center makes a few a term). */
const RUNS_SHOWN = 50;

export function assignmentRouter(deps: AppDeps) {
  const db = deps.database.db;
  const runs = new AssignmentRuns(db, deps.embedder.id, deps.assignmentQueue);
  const repo = (def: ConstructorParameters<typeof Repository>[0]) => new Repository(def, db, deps.embeddingHooks);
  const repos = { projects: repo(projects), mentors: repo(mentors), centers: repo(centers) };
  const router = new Hono<ConsoleEnv>();
  const staff = onlyRoles('admin', 'center_staff');
  router.use('/assignment', staff);
  router.use('/assignment/*', staff);

  const choicesFor = (c: Context<ConsoleEnv>, centerId: string) =>
    formChoices(db, repos, c.get('ctx'), centerId, c.get('t'));

  async function runsPage(
    c: Context<ConsoleEnv>,
    centerId: string | null,
    o: { values?: RunFormValues; errors?: FieldErrors; status?: 200 | 422 } = {},
  ) {
    const ui = uiOf(c);
    // The domain's list checks the center (404 for another center's staff or an unknown id).
    const list = centerId ? await runs.recent(c.get('actor'), centerId, RUNS_SHOWN) : [];
    return c.html(
      <RunsPage
        ui={ui}
        centers={await centerOptions(c, repos.centers)}
        centerId={centerId}
        runs={list}
        values={o.values ?? emptyRunForm()}
        choices={centerId ? await choicesFor(c, centerId) : null}
        errors={o.errors}
      />,
      o.status ?? 200,
    );
  }

  async function runPage(c: Context<ConsoleEnv>, o: { publishError?: string; status?: 200 | 409 } = {}) {
    const ui = uiOf(c);
    const actor = c.get('actor');
    const row = await runs.get(actor, c.req.param('id') ?? '');
    const run = presentRun(row, domainLang(ui.lang), await runs.unreadable(actor, row));
    const finished = run.status === 'done' || run.status === 'failed';
    const rerun = finished ? { values: formOfInput(run.input), choices: await choicesFor(c, run.centerId) } : null;
    return c.html(
      <RunPage ui={ui} run={run} rerun={rerun} done={c.req.query('done')} publishError={o.publishError} />,
      o.status ?? 200,
    );
  }

  router.get('/assignment', (c) => runsPage(c, chosenCenter(c)));

  router.post('/assignment', async (c) => {
    const ui = uiOf(c);
    const form = await readForm(c);
    const centerId = chosenCenter(c, field(form, 'center'));
    const values = readRunForm(form);
    if (!centerId) return runsPage(c, null, { status: 422 });
    const parsed = runBody(values, ui.t);
    if (parsed.errors) return runsPage(c, centerId, { values, errors: parsed.errors, status: 422 });
    try {
      const run = await runs.create(c.get('actor'), centerId, parsed.body);
      return c.redirect(`/app/assignment/${run.id}`, 303);
    } catch (err) {
      const errors = err instanceof AppError && err.status === 422 ? appFieldErrors(err, ui.lang) : null;
      if (!errors) throw err;
      return runsPage(c, centerId, { values, errors: fieldPaths(errors), status: 422 });
    }
  });

  router.get('/assignment/:id', (c) => runPage(c));

  router.post('/assignment/:id/publish', async (c) => {
    try {
      const { run } = await runs.publish(c.get('actor'), c.req.param('id'));
      return c.redirect(`/app/assignment/${run.id}?done=published`, 303);
    } catch (err) {
      // 409: not finished, already published, or the world changed since the run: said on the run's page.
      if (!(err instanceof AppError) || err.status !== 409) throw err;
      const lang = uiOf(c).lang;
      const detail = err.errors.map((e) => localizeDetail(e.message, lang));
      return runPage(c, { publishError: [localizeDetail(err.message, lang), ...detail].join(' '), status: 409 });
    }
  });

  return router;
}
