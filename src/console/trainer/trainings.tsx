// The trainer's trainings: the list (dates, mode, seats taken and left), create, a training's page and
// edit. Writes go through the trainings Repository with the trainer's actor, so the API's policy
// decides (a trainer writes trainings of its own provider name only).
import type { Context } from 'hono';
import { Hono } from 'hono';
import { trainingBodySchema } from '../../../models/trainings/validation.ts';
import { regions } from '../../../seeds/reference/regions.ts';
import type { Lang } from '../../i18n/lang.ts';
import { AppError } from '../../errors.ts';
import { enumLabel, regionName } from '../../i18n/labels.ts';
import type { Row } from '../../resources/types.ts';
import { Badge, Notice, Pager } from '../components.tsx';
import type { ConsoleEnv } from '../env.ts';
import { formatNumber } from '../format.ts';
import { appFieldErrors, type FieldErrors, readForm, zodFieldErrors } from '../forms.ts';
import { Page } from '../layout.tsx';
import { type Ui, uiOf } from '../ui.ts';
import {
  invitationsOf,
  myTrainings,
  ownTraining,
  providerOf,
  type Seats,
  seatsOf,
  type TrainerDomain,
} from './trainer.data.ts';
import {
  emptyTraining,
  formErrors,
  readTrainingForm,
  TrainingForm,
  type TrainingValues,
  trainingBody,
  valuesOfTraining,
} from './training-form.tsx';

/** "2027-03-01 – 2027-04-30" (one day: the date once). */
export const dateRange = (r: Row) => (r.startsOn === r.endsOn ? r.startsOn : `${r.startsOn} – ${r.endsOn}`);

const COUNTY_PARENT = new Map(regions.map((r) => [r.code, r.level === 'county' ? r.parentCode : null]));

/** Where a training is: a county with its prefecture ("拉萨市 · 城关区"), else the region's name. */
export function placeName(code: string, lang: Lang): string {
  const parent = COUNTY_PARENT.get(code);
  return parent ? `${regionName(parent, lang)} · ${regionName(code, lang)}` : regionName(code, lang);
}

export function SeatsBadge(props: { ui: Ui; seats: Seats }) {
  const { ui, seats } = props;
  const kind = seats.left === 0 ? 'bad' : seats.left <= Math.max(1, Math.floor(seats.seats / 5)) ? 'warn' : 'ok';
  return (
    <Badge kind={kind}>
      {ui.t('trainer.seats.summary', {
        taken: formatNumber(seats.taken, ui.lang),
        seats: formatNumber(seats.seats, ui.lang),
        left: formatNumber(seats.left, ui.lang),
      })}
    </Badge>
  );
}

/** Enumeration labels as a list in the reader's language ("中文、藏文", "Chinese, Tibetan"); `empty` when none. */
export const labelList = (ui: Ui, kind: 'topic' | 'founderGroup' | 'stage' | 'lang', values: string[], empty: string) =>
  values.map((v) => enumLabel(ui.lang, kind, v)).join(ui.lang === 'en' ? ', ' : '、') || empty;

/** The checks the schema cannot make: dates in order, seats not below the enrolled. */
function extraErrors(ui: Ui, v: TrainingValues, enrolled: number): FieldErrors {
  const out: FieldErrors = {};
  if (v.startsOn && v.endsOn && v.endsOn < v.startsOn) out.endsOn = ui.t('trainer.field.endsBeforeStart');
  const seats = Number(v.seats);
  if (v.seats !== '' && Number.isInteger(seats) && seats < enrolled)
    out.seats = ui.t('trainer.field.seatsBelowEnrolled', { count: enrolled });
  return out;
}

/** Field errors of a refused write (422, 409, 403, 400 shown in the form); others propagate (404 page). */
function refusal(err: unknown, ui: Ui): FieldErrors | null {
  if (!(err instanceof AppError) || err.status === 404) return null;
  const errors = appFieldErrors(err, ui.lang);
  return errors ? formErrors(errors) : null;
}

export function trainingsRouter(d: TrainerDomain) {
  const router = new Hono<ConsoleEnv>();

  router.get('/trainings', async (c) => {
    const ui = uiOf(c);
    const { t, lang } = ui;
    const cursor = c.req.query('cursor') || undefined;
    const page = await myTrainings(d, c.get('ctx'), cursor);
    const seats = await Promise.all(page.items.map((r) => seatsOf(d, r)));
    return c.html(
      <Page ui={ui} title={t('trainer.list.title')}>
        <p class="actions">
          <a class="button" href="/app/trainings/new">
            {t('trainer.list.new')}
          </a>
        </p>
        <p class="muted">{t('trainer.list.total', { count: formatNumber(page.total, lang) })}</p>
        {page.items.length ? (
          <ul class="list">
            {page.items.map((r, i) => (
              <li class="card">
                <h2>
                  <a href={`/app/trainings/${r.id}`}>{r.title}</a>
                </h2>
                <p>
                  <SeatsBadge ui={ui} seats={seats[i]} />
                </p>
                <p class="muted">
                  {dateRange(r)} · {enumLabel(lang, 'trainingMode', r.mode)} · {placeName(r.regionCode, lang)}
                </p>
                <p>
                  <a href={`/app/trainings/${r.id}/cohort`}>{t('trainer.cohort.open')}</a>
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p class="empty">{t('trainer.list.none')}</p>
        )}
        <Pager
          ui={ui}
          previous={cursor ? '/app/trainings' : null}
          next={page.nextCursor ? `/app/trainings?cursor=${encodeURIComponent(page.nextCursor)}` : null}
        />
      </Page>,
    );
  });

  const formPage = (
    c: Context<ConsoleEnv>,
    o: { training?: Row; enrolled?: number; values: TrainingValues; errors?: FieldErrors; status?: number },
  ) => {
    const ui = uiOf(c);
    const { t } = ui;
    const r = o.training;
    return c.html(
      <Page ui={ui} title={r ? t('trainer.edit.title') : t('trainer.new.title')}>
        {r && <p class="muted">{r.title}</p>}
        <TrainingForm
          ui={ui}
          action={r ? `/app/trainings/${r.id}` : '/app/trainings'}
          values={o.values}
          errors={o.errors}
          enrolled={o.enrolled}
          submitLabel={r ? t('action.save') : t('trainer.new.submit')}
          cancelHref={r ? `/app/trainings/${r.id}` : '/app/trainings'}
        />
      </Page>,
      (o.status ?? 200) as 200,
    );
  };

  router.get('/trainings/new', async (c) => {
    // A provider is one kind of provider: its earlier trainings say which, so it need not be chosen again.
    const earlier = (await myTrainings(d, c.get('ctx'))).items[0];
    return formPage(c, { values: { ...emptyTraining(), providerKind: earlier?.providerKind ?? '' } });
  });

  router.post('/trainings', async (c) => {
    const ui = uiOf(c);
    const values = readTrainingForm(await readForm(c));
    const body = { ...trainingBody(values), provider: providerOf(c.get('actor')) };
    const parsed = trainingBodySchema.safeParse(body);
    const errors = {
      ...extraErrors(ui, values, 0),
      ...(parsed.success ? {} : formErrors(zodFieldErrors(parsed.error, ui.t))),
    };
    if (!parsed.success || Object.keys(errors).length) return formPage(c, { values, errors, status: 422 });
    try {
      const created = await d.trainings.create(c.get('ctx'), parsed.data);
      return c.redirect(`/app/trainings/${created.id}?done=created`, 303);
    } catch (err) {
      const refused = refusal(err, ui);
      if (!refused) throw err;
      return formPage(c, { values, errors: refused, status: (err as AppError).status });
    }
  });

  router.get('/trainings/:id', async (c) => {
    const ui = uiOf(c);
    const { t, lang } = ui;
    const r = await ownTraining(d, c, c.req.param('id'));
    const [seats, invitations] = await Promise.all([seatsOf(d, r), invitationsOf(d, c.get('actor'), r.id)]);
    const count = (status: string) => invitations.filter((i) => i.status === status).length;
    const done = c.req.query('done');
    const none = t('common.none');
    return c.html(
      <Page ui={ui} title={r.title}>
        {done === 'created' && <Notice kind="success">{t('trainer.done.created')}</Notice>}
        {done === 'saved' && <Notice kind="success">{t('trainer.done.saved')}</Notice>}
        <section class="card" aria-labelledby="cohort-h">
          <h2 id="cohort-h">{t('trainer.cohort.title')}</h2>
          <p>
            <SeatsBadge ui={ui} seats={seats} />
          </p>
          <p>
            {t('trainer.invitations.counts', {
              invited: formatNumber(count('invited'), lang),
              accepted: formatNumber(count('accepted'), lang),
              declined: formatNumber(count('declined'), lang),
            })}
          </p>
          <div class="actions">
            <a class="button" href={`/app/trainings/${r.id}/cohort`}>
              {t('trainer.cohort.open')}
            </a>
            <a class="button secondary" href={`/app/trainings/${r.id}/edit`}>
              {t('trainer.edit')}
            </a>
          </div>
        </section>
        <section class="card" aria-labelledby="facts-h">
          <h2 id="facts-h">{t('trainer.facts')}</h2>
          <dl class="facts">
            <dt>{t('trainer.field.description')}</dt>
            <dd>{r.description}</dd>
            <dt>{t('trainer.field.dates')}</dt>
            <dd>{dateRange(r)}</dd>
            <dt>{t('trainer.field.mode')}</dt>
            <dd>{enumLabel(lang, 'trainingMode', r.mode)}</dd>
            <dt>{t('trainer.field.region')}</dt>
            <dd>{placeName(r.regionCode, lang)}</dd>
            <dt>{t('trainer.field.providerKind')}</dt>
            <dd>
              {r.provider} · {enumLabel(lang, 'providerKind', r.providerKind)}
            </dd>
            <dt>{t('trainer.field.topics')}</dt>
            <dd>{labelList(ui, 'topic', r.topics, none)}</dd>
            <dt>{t('trainer.field.targetGroups')}</dt>
            <dd>{labelList(ui, 'founderGroup', r.targetGroups, t('trainer.field.all'))}</dd>
            <dt>{t('trainer.field.stages')}</dt>
            <dd>{labelList(ui, 'stage', r.stages, t('trainer.field.all'))}</dd>
            <dt>{t('trainer.field.languages')}</dt>
            <dd>{labelList(ui, 'lang', r.languages, none)}</dd>
          </dl>
        </section>
        <p>
          <a href="/app/trainings">{t('trainer.back')}</a>
        </p>
      </Page>,
    );
  });

  router.get('/trainings/:id/edit', async (c) => {
    const r = await ownTraining(d, c, c.req.param('id'));
    const { taken } = await seatsOf(d, r);
    return formPage(c, { training: r, enrolled: taken, values: valuesOfTraining(r) });
  });

  router.post('/trainings/:id', async (c) => {
    const ui = uiOf(c);
    const ctx = c.get('ctx');
    const r = await ownTraining(d, c, c.req.param('id'));
    const { taken } = await seatsOf(d, r);
    const values = readTrainingForm(await readForm(c));
    // The whole body is checked (a cleared field is an error, not "unchanged"); the provider stays.
    const parsed = trainingBodySchema.safeParse({ ...trainingBody(values), provider: r.provider });
    const errors = {
      ...extraErrors(ui, values, taken),
      ...(parsed.success ? {} : formErrors(zodFieldErrors(parsed.error, ui.t))),
    };
    if (!parsed.success || Object.keys(errors).length)
      return formPage(c, { training: r, enrolled: taken, values, errors, status: 422 });
    try {
      await d.trainings.update(ctx, r.id, parsed.data);
      return c.redirect(`/app/trainings/${r.id}?done=saved`, 303);
    } catch (err) {
      const refused = refusal(err, ui);
      if (!refused) throw err;
      return formPage(c, { training: r, enrolled: taken, values, errors: refused, status: (err as AppError).status });
    }
  });

  return router;
}
