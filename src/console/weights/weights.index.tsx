// The center's matching weights per journey: edit, preview how the top matches of a sample of the
// center's projects would change, save, reset to the defaults. Reads, writes and the audit record are
// src/matching/weights.ts's (staff their own center, admins any; others 404).
import { Hono, type Context } from 'hono';
import { AppError } from '../../errors.ts';
import type { AppDeps } from '../../http/app.ts';
import { getWeights, previewWeights, putWeights } from '../../matching/weights.ts';
import { centers } from '../../resources/index.ts';
import { Repository } from '../../resources/repository.ts';
import type { ConsoleEnv } from '../env.ts';
import { appFieldErrors, type FieldErrors, field, readForm } from '../forms.ts';
import { centerOptions, chosenCenter } from '../shared/center-choice.tsx';
import { onlyRoles } from '../shared/roles.ts';
import { uiOf } from '../ui.ts';
import {
  canPreview,
  candidateNames,
  journeyOf,
  PREVIEW_SAMPLE,
  parseWeights,
  readWeights,
  valuesOf,
  type WeightValues,
  withJourney,
} from './weights.data.ts';
import { type Preview, WeightsPage } from './weights.pages.tsx';

export function weightsRouter(deps: AppDeps) {
  const db = deps.database.db;
  const centersRepo = new Repository(centers, db, deps.embeddingHooks);
  const router = new Hono<ConsoleEnv>();
  const staff = onlyRoles('admin', 'center_staff');
  router.use('/weights', staff);
  router.use('/weights/*', staff);

  const back = (c: Context<ConsoleEnv>, centerId: string, journey: string, done: string) => {
    const q = new URLSearchParams({ journey, done });
    if (c.get('actor').role === 'admin') q.set('center', centerId);
    return c.redirect(`/app/weights?${q}`, 303);
  };

  async function page(
    c: Context<ConsoleEnv>,
    centerId: string | null,
    journeyId: string | undefined,
    o: {
      values?: WeightValues;
      errors?: FieldErrors;
      preview?: { preview: Preview; names: Map<string, string> };
      status?: 200 | 422;
    } = {},
  ) {
    const ui = uiOf(c);
    const journey = journeyOf(journeyId);
    // The domain checks the center: another center's staff, or an unknown id, get the 404 page.
    const current = centerId ? await getWeights(db, c.get('actor'), centerId) : null;
    return c.html(
      <WeightsPage
        ui={ui}
        centers={await centerOptions(c, centersRepo)}
        centerId={centerId}
        journey={journey}
        values={o.values ?? valuesOf(current?.weights[journey.id] ?? {}, journey.features)}
        defaults={current?.defaults[journey.id] ?? {}}
        updatedAt={current?.updatedAt ?? null}
        errors={o.errors}
        done={c.req.query('done')}
        preview={o.preview}
      />,
      o.status ?? 200,
    );
  }

  router.get('/weights', (c) => page(c, chosenCenter(c), c.req.query('journey')));

  router.post('/weights', async (c) => {
    const ui = uiOf(c);
    const form = await readForm(c);
    const centerId = chosenCenter(c, field(form, 'centerId'));
    const journey = journeyOf(field(form, 'journey'));
    if (!centerId) return page(c, null, journey.id, { status: 422 });
    const values = readWeights(form, journey.features);
    const parsed = parseWeights(journey.id, journey.features, values, ui.t);
    if (parsed.errors) return page(c, centerId, journey.id, { values, errors: parsed.errors, status: 422 });
    const actor = c.get('actor');
    if (field(form, 'action') === 'preview' && canPreview(journey.id)) {
      const ctx = { db, model: deps.embedder.id, lang: ui.lang === 'en' ? ('en' as const) : ('zh' as const) };
      const preview = await previewWeights(
        ctx,
        actor,
        centerId,
        { [journey.id]: parsed.weights },
        journey.id,
        PREVIEW_SAMPLE,
        c.get('spend'),
      );
      const ids = [...new Set(preview.projects.flatMap((p) => [...p.current, ...p.proposed].map((x) => x.id)))];
      const names = await candidateNames(deps, c.get('ctx'), journey.id, ids);
      return page(c, centerId, journey.id, { values, preview: { preview, names } });
    }
    try {
      const current = await getWeights(db, actor, centerId);
      await putWeights(db, actor, centerId, withJourney(current.weights, journey.id, parsed.weights));
    } catch (err) {
      const errors = err instanceof AppError && err.status === 422 ? appFieldErrors(err, ui.lang) : null;
      if (!errors) throw err;
      // The domain names `weights.<journey>`: a message about the form as a whole.
      return page(c, centerId, journey.id, { values, errors: { '': Object.values(errors)[0] }, status: 422 });
    }
    return back(c, centerId, journey.id, 'saved');
  });

  router.post('/weights/reset', async (c) => {
    const form = await readForm(c);
    const centerId = chosenCenter(c, field(form, 'centerId'));
    const journey = journeyOf(field(form, 'journey'));
    if (!centerId) return page(c, null, journey.id, { status: 422 });
    const actor = c.get('actor');
    const current = await getWeights(db, actor, centerId);
    await putWeights(db, actor, centerId, withJourney(current.weights, journey.id, current.defaults[journey.id]));
    return back(c, centerId, journey.id, 'reset');
  });

  return router;
}
