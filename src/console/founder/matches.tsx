// A project's matches per journey (mentors, investors, trainings, services): the list the API's match
// endpoint serves this founder (same cache, same limit filter, reasons in the reader's language), with
// "request an introduction" (mentors, investors) and "enrol" (trainings) as plain forms.
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { enrollmentsTable, trainingsTable } from '../../../models/schema.ts';
import { introductionBodySchema } from '../../../models/introductions/validation.ts';
import { AppError, notFound } from '../../errors.ts';
import { MatchQuery } from '../../http/matches/matches.routes.ts';
import { servedProjectMatches } from '../../matching/served.ts';
import type { Row } from '../../resources/types.ts';
import { Badge, CsrfField, Notice } from '../components.tsx';
import type { ConsoleEnv } from '../env.ts';
import { appFieldErrors, field, readForm } from '../forms.ts';
import { Page } from '../layout.tsx';
import { type Ui, uiOf } from '../ui.ts';
import { INTRODUCED, isJourney, type Journey, JOURNEYS, journeyLabel } from './journeys.ts';
import { enumLabel, regionName } from '../../i18n/labels.ts';
import { type FounderDomain, founderId, founderOnly, formatNumber } from './shared.ts';
import { IntroStatusBadge } from './introductions.tsx';
import { MatchReasons } from '../shared/match-reasons.tsx';
import { isReviewed } from '../../lifecycle/reviewed.ts';

/** The limits offered (the API takes 1–100). */
const LIMITS = [10, 20, 50] as const;

function Score(props: { ui: Ui; score: number; id: string }) {
  const pct = Math.round(props.score * 100);
  return (
    <p class="score">
      <span id={`score-${props.id}`}>{props.ui.t('founder.matches.score')}</span>{' '}
      <meter min={0} max={1} value={props.score} aria-labelledby={`score-${props.id}`} /> <strong>{pct}</strong>
    </p>
  );
}

/** What a match shows besides name, score and reasons (the API's summary fields, labelled). */
function Summary(props: { ui: Ui; journey: Journey; m: Row }) {
  const { ui, m } = props;
  const { t, lang } = ui;
  const topics = (xs: string[] | undefined) => (xs ?? []).map((x) => enumLabel(lang, 'topic', x)).join('、');
  switch (props.journey) {
    case 'mentors':
      return (
        <>
          {m.bio && <p>{m.bio}</p>}
          <p class="muted">
            {topics(m.expertise)}
            {m.regionCode && ` · ${regionName(m.regionCode, lang)}`}
            {m.remote && ` · ${t('founder.matches.remote')}`}
          </p>
        </>
      );
    case 'investors':
      return (
        <>
          {m.thesis && <p>{m.thesis}</p>}
          <p class="muted">
            {enumLabel(lang, 'investorKind', m.kind)} ·{' '}
            {t('founder.matches.ticket', {
              min: formatNumber(m.ticketMinCny ?? 0, lang),
              max: m.ticketMaxCny == null ? '…' : formatNumber(m.ticketMaxCny, lang),
            })}
          </p>
        </>
      );
    case 'trainings':
      return (
        <p class="muted">
          {t('founder.matches.provider', { name: m.provider })} · {enumLabel(lang, 'trainingMode', m.mode)} ·{' '}
          {t('founder.matches.dates', { start: m.startsOn, end: m.endsOn })}
        </p>
      );
    case 'services':
      return (
        <>
          {m.description && <p>{m.description}</p>}
          <p class="muted">
            {t('founder.matches.provider', { name: m.provider })} · {enumLabel(lang, 'topic', m.category)}
            {m.voucherEligible && ` · ${t('founder.matches.voucher')}`}
          </p>
        </>
      );
  }
}

function RequestForm(props: { ui: Ui; projectId: string; kind: 'mentor' | 'investor'; targetId: string }) {
  const { ui } = props;
  const id = `msg-${props.targetId}`;
  return (
    <form method="post" action={`/app/projects/${props.projectId}/introductions`}>
      <CsrfField ui={ui} />
      <input type="hidden" name="targetKind" value={props.kind} />
      <input type="hidden" name="targetId" value={props.targetId} />
      <div class="field">
        <label for={id}>{ui.t('founder.matches.message')}</label>
        <textarea id={id} name="message" rows={2} maxlength={5000} aria-describedby={`${id}-hint`} />
        <p class="hint" id={`${id}-hint`}>
          {ui.t('founder.matches.message.hint')}
        </p>
      </div>
      <button type="submit">{ui.t('founder.matches.request')}</button>
    </form>
  );
}

export function matchesRouter(d: FounderDomain) {
  const router = new Hono<ConsoleEnv>();

  const render = async (
    c: Context<ConsoleEnv>,
    projectId: string,
    journey: string,
    problem?: { message: string; status: 409 | 422 | 403 | 400 },
  ) => {
    const ui = uiOf(c);
    const { t, lang } = ui;
    const ctx = c.get('ctx');
    const actor = c.get('actor');
    const project = await d.projects.get(ctx, projectId);
    if (!isJourney(journey)) throw notFound('journey');
    const query = MatchQuery.safeParse({ limit: c.req.query('limit') || undefined });
    const limit = query.success ? query.data.limit : 10;
    const { items } = await servedProjectMatches(d.matching, actor, project.id, journey, {
      limit,
      lang,
    });
    const kind = INTRODUCED[journey];
    // What was asked already: those are no match any more (the rules exclude them), so shown apart with their state.
    const asked = kind
      ? (await d.introductions.list(actor, { projectId: project.id, targetKind: kind, limit: 100 })).items
      : [];
    const targets = kind === 'mentor' ? d.mentors : d.investors;
    const askedNames = new Map<string, string>();
    for (const i of asked) {
      const row = await targets.get(ctx, i.targetId).catch(() => null);
      askedNames.set(i.targetId, row?.name ?? t('founder.intro.removed'));
    }
    const enrolled =
      journey === 'trainings'
        ? await d.db
            .select({ id: trainingsTable.id, title: trainingsTable.title })
            .from(enrollmentsTable)
            .innerJoin(trainingsTable, eq(trainingsTable.id, enrollmentsTable.trainingId))
            .where(and(eq(enrollmentsTable.founderId, founderId(c)), isNull(trainingsTable.archivedAt)))
            .orderBy(asc(trainingsTable.startsOn))
        : [];
    const done = c.req.query('done');
    const canAsk = kind !== 'investor' || isReviewed(project.status);
    const journeyName = t(journeyLabel(journey));
    return c.html(
      <Page ui={ui} title={t('founder.matches.title', { journey: journeyName })}>
        <p>
          <a href={`/app/projects/${project.id}`}>{t('founder.matches.for', { title: project.title })}</a>
        </p>
        <nav class="tabs" aria-label={t('founder.project.matches')}>
          {JOURNEYS.map((j) => (
            <a href={`/app/projects/${project.id}/matches/${j}`} aria-current={j === journey ? 'page' : undefined}>
              {t(journeyLabel(j))}
            </a>
          ))}
        </nav>
        {done === 'requested' && <Notice kind="success">{t('founder.matches.done.requested')}</Notice>}
        {done === 'enrolled' && <Notice kind="success">{t('founder.matches.done.enrolled')}</Notice>}
        {problem && <Notice kind="error">{problem.message}</Notice>}
        <form method="get" action={`/app/projects/${project.id}/matches/${journey}`} class="card">
          <div class="field">
            <label for="f-limit">{t('founder.matches.limit')}</label>
            <select id="f-limit" name="limit">
              {LIMITS.map((n) => (
                <option value={String(n)} selected={n === limit}>
                  {n}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="secondary">
            {t('founder.matches.apply')}
          </button>
        </form>
        {kind === 'investor' && !canAsk && <Notice kind="info">{t('founder.matches.investorsNeedVetting')}</Notice>}
        {asked.length > 0 && (
          <section aria-labelledby="asked-h">
            <h2 id="asked-h">{t('founder.matches.requestedList')}</h2>
            <ul class="list">
              {asked.map((i) => (
                <li class="card">
                  <strong>{askedNames.get(i.targetId)}</strong> <IntroStatusBadge ui={ui} status={i.status} />
                  {i.status === 'accepted' && (
                    <p>
                      <a href="/app/introductions">{t('founder.intro.contact')}</a>
                    </p>
                  )}
                </li>
              ))}
            </ul>
          </section>
        )}
        {enrolled.length > 0 && (
          <section aria-labelledby="enrolled-h">
            <h2 id="enrolled-h">{t('founder.matches.enrolledList')}</h2>
            <ul class="list">
              {enrolled.map((e) => (
                <li class="card">
                  <strong>{e.title}</strong> <Badge kind="ok">{t('founder.matches.done.enrolled')}</Badge>
                </li>
              ))}
            </ul>
          </section>
        )}
        <section aria-labelledby="list-h">
          <h2 id="list-h">{journeyName}</h2>
          {items.length ? (
            <ul class="list">
              {items.map((m) => (
                <li class="card">
                  <h3>{String(m.name ?? m.title ?? '')}</h3>
                  <Score ui={ui} score={m.score} id={m.id} />
                  <Summary ui={ui} journey={journey} m={m} />
                  <h4>{t('founder.matches.reasons')}</h4>
                  <MatchReasons ui={ui} reasons={m.reasons} />
                  {kind && canAsk && <RequestForm ui={ui} projectId={project.id} kind={kind} targetId={m.id} />}
                  {journey === 'trainings' && (
                    <form method="post" action={`/app/projects/${project.id}/enrol`}>
                      <CsrfField ui={ui} />
                      <input type="hidden" name="trainingId" value={m.id} />
                      <button type="submit">{t('founder.matches.enrol')}</button>
                    </form>
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p class="empty">{t('founder.matches.none')}</p>
          )}
        </section>
      </Page>,
      problem?.status ?? 200,
    );
  };

  router.get(
    '/projects/:id/matches/:journey',
    founderOnly((c) => render(c, c.req.param('id') ?? '', c.req.param('journey') ?? '')),
  );

  /** A refused action shows the page again with the reason (422/409/403); 404 stays the 404 page. */
  const refused = (c: Context<ConsoleEnv>, projectId: string, journey: string, err: unknown) => {
    if (!(err instanceof AppError) || err.status === 404 || err.status >= 500) throw err;
    const errors = appFieldErrors(err, c.get('lang')) ?? {};
    const message = errors[''] ?? Object.values(errors)[0] ?? err.message;
    return render(c, projectId, journey, { message, status: err.status as 422 });
  };

  router.post(
    '/projects/:id/introductions',
    founderOnly(async (c) => {
      const project = await d.projects.get(c.get('ctx'), c.req.param('id') ?? '');
      const form = await readForm(c);
      const targetKind = field(form, 'targetKind');
      const journey = targetKind === 'investor' ? 'investors' : 'mentors';
      const message = field(form, 'message').trim();
      const parsed = introductionBodySchema.safeParse({
        projectId: project.id,
        targetKind,
        targetId: field(form, 'targetId'),
        ...(message ? { message } : {}),
      });
      try {
        if (!parsed.success) throw new AppError(422, 'Unprocessable', uiOf(c).t('error.formInvalid'));
        await d.introductions.request(c.get('actor'), parsed.data);
      } catch (err) {
        return refused(c, project.id, journey, err);
      }
      return c.redirect(`/app/projects/${project.id}/matches/${journey}?done=requested`, 303);
    }),
  );

  router.post(
    '/projects/:id/enrol',
    founderOnly(async (c) => {
      const project = await d.projects.get(c.get('ctx'), c.req.param('id') ?? '');
      const trainingId = field(await readForm(c), 'trainingId');
      try {
        await d.enrollments.enroll(c.get('actor'), trainingId, founderId(c));
      } catch (err) {
        return refused(c, project.id, 'trainings', err);
      }
      return c.redirect(`/app/projects/${project.id}/matches/trainings?done=enrolled`, 303);
    }),
  );

  return router;
}
