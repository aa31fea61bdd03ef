// /app/discover: the vetted projects that fit the investor's thesis, with score and reasons, and one
// project's page. The investor asks for an introduction to itself (the engagement layer checks the
// project through the projects policy, duplicates and audit; the founders decide); afterwards each
// card and page shows the introduction's state instead of the form.
import { Hono, type Context } from 'hono';
import { MAX_INTRODUCTION_MESSAGE } from '../../../models/introductions/validation.ts';
import { Introductions } from '../../engagement/introductions.ts';
import { AppError } from '../../errors.ts';
import { centers } from '../../resources/index.ts';
import type { Repository } from '../../resources/repository.ts';
import { Repository as Repo } from '../../resources/repository.ts';
import type { AppDeps } from '../../http/app.ts';
import { CsrfField, FormErrors, Notice, TextArea } from '../components.tsx';
import type { ConsoleEnv } from '../env.ts';
import { type FieldErrors, field, readForm } from '../forms.ts';
import { Page } from '../layout.tsx';
import { type InboxIntro, introductionsOfProject, latestIntroductions } from '../introductions-inbox/inbox.data.ts';
import { IntroStatusBadge } from '../shared/intro-status.tsx';
import { MatchReasons, MatchScore } from '../shared/match-reasons.tsx';
import { ProjectFacts, ProjectLine, publicProject } from '../shared/project-facts.tsx';
import { type Ui, uiOf } from '../ui.ts';
import { DISCOVER_LIMITS, investorMatches, parseLimit } from './discover.data.ts';

const excerpt = (text: string, max = 160) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** Whether the investor may ask (again): never asked, or the last introduction ended. */
const mayAsk = (latest: InboxIntro | undefined) => !latest || latest.status === 'ended';

/** Where an introduction stands, from the investor's side, with the way to its inbox page. */
function IntroState(props: { ui: Ui; intro: InboxIntro }) {
  const { ui, intro } = props;
  const key =
    intro.status === 'requested'
      ? intro.initiator === 'target'
        ? 'discover.state.asked'
        : 'discover.state.invited'
      : (`discover.state.${intro.status}` as const);
  return (
    <p>
      <IntroStatusBadge ui={ui} status={intro.status} /> {ui.t(key)}{' '}
      <a href={`/app/inbox/${intro.id}`}>{ui.t('inbox.open')}</a>
    </p>
  );
}

/** The card's ask: one button (the optional message is on the project's page). */
function AskButton(props: { ui: Ui; projectId: string }) {
  const { ui } = props;
  return (
    <div class="actions">
      <form method="post" action={`/app/discover/${props.projectId}/ask`}>
        <CsrfField ui={ui} />
        <input type="hidden" name="from" value="list" />
        <button type="submit">{ui.t('discover.ask.button')}</button>
      </form>
      <a href={`/app/discover/${props.projectId}#ask-heading`}>{ui.t('discover.ask.withMessage')}</a>
    </div>
  );
}

function AskForm(props: { ui: Ui; projectId: string; message?: string; errors?: FieldErrors }) {
  const { ui } = props;
  return (
    <form method="post" action={`/app/discover/${props.projectId}/ask`} novalidate>
      <CsrfField ui={ui} />
      <FormErrors ui={ui} errors={props.errors} />
      <TextArea
        name="message"
        label={ui.t('discover.ask.message')}
        hint={ui.t('discover.ask.hint')}
        rows={4}
        maxlength={MAX_INTRODUCTION_MESSAGE}
        value={props.message}
        errors={props.errors}
      />
      <div class="actions">
        <button type="submit">{ui.t('discover.ask.button')}</button>
      </div>
    </form>
  );
}

export function discoverRouter(deps: AppDeps, projects: Repository) {
  const router = new Hono<ConsoleEnv>();
  const db = deps.database.db;
  const centerRepo = new Repo(centers, db, deps.embeddingHooks);
  const intros = new Introductions(db);

  router.get('/discover', async (c) => {
    const ui = uiOf(c);
    const limit = parseLimit(c.req.query('limit'));
    const { items } = await investorMatches(deps, c.get('actor'), ui.lang, limit);
    const latest = await latestIntroductions(
      db,
      c.get('actor'),
      items.map((x) => x.id),
    );
    return c.html(
      <Page ui={ui} title={ui.t('discover.title')}>
        {c.req.query('done') === 'asked' && <Notice kind="success">{ui.t('discover.ask.done')}</Notice>}
        <p>{ui.t('discover.intro')}</p>
        <form method="get" action="/app/discover" class="actions">
          <label for="f-limit">{ui.t('discover.limit')}</label>
          <select id="f-limit" name="limit">
            {DISCOVER_LIMITS.map((n) => (
              <option value={String(n)} selected={n === limit}>
                {n}
              </option>
            ))}
          </select>
          <button type="submit" class="secondary">
            {ui.t('discover.apply')}
          </button>
        </form>
        {items.length ? (
          <ul class="list">
            {items.map((item) => {
              const project = publicProject(item);
              const intro = latest.get(project.id);
              return (
                <li class="card" id={`p-${project.id}`}>
                  <h2>
                    <a href={`/app/discover/${project.id}`}>{project.title}</a>
                  </h2>
                  <MatchScore ui={ui} score={item.score} />
                  <ProjectLine ui={ui} project={project} />
                  <p>{excerpt(project.description)}</p>
                  <h3>{ui.t('discover.reasons')}</h3>
                  <MatchReasons ui={ui} reasons={item.reasons} />
                  {intro && <IntroState ui={ui} intro={intro} />}
                  {mayAsk(intro) && <AskButton ui={ui} projectId={project.id} />}
                </li>
              );
            })}
          </ul>
        ) : (
          <p class="empty">
            {ui.t('discover.empty')} <a href="/app/profile">{ui.t('profile.title')}</a>
          </p>
        )}
      </Page>,
    );
  });

  async function renderProject(
    c: Context<ConsoleEnv>,
    form: { message?: string; errors?: FieldErrors; problem?: string } = {},
    status: 200 | 409 | 422 = 200,
  ) {
    const ui = uiOf(c);
    const ctx = c.get('ctx');
    // The projects policy decides: an investor reads vetted projects only (404 otherwise).
    const project = publicProject(await projects.get(ctx, c.req.param('id') ?? ''));
    const [list, center] = await Promise.all([
      introductionsOfProject(db, c.get('actor'), project.id),
      project.centerId ? centerRepo.get(ctx, project.centerId).catch(() => null) : null,
    ]);
    return c.html(
      <Page ui={ui} title={project.title}>
        <p>
          <a href="/app/discover">← {ui.t('discover.title')}</a>
        </p>
        {c.req.query('done') === 'asked' && <Notice kind="success">{ui.t('discover.ask.done')}</Notice>}
        {form.problem && <Notice kind="error">{form.problem}</Notice>}
        <ProjectFacts ui={ui} project={project} full />
        <section class="card" aria-labelledby="ask-heading">
          <h2 id="ask-heading">{ui.t('discover.askTitle')}</h2>
          {list.map((it) => (
            <IntroState ui={ui} intro={it} />
          ))}
          {mayAsk(list[0]) && (
            <>
              <p>{ui.t('discover.askBody')}</p>
              <AskForm ui={ui} projectId={project.id} message={form.message} errors={form.errors} />
            </>
          )}
          {center && <p class="muted">{ui.t('discover.center', { name: String(center.name) })}</p>}
        </section>
      </Page>,
      status,
    );
  }

  router.get('/discover/:id', (c) => renderProject(c));

  router.post('/discover/:id/ask', async (c) => {
    const ui = uiOf(c);
    const id = c.req.param('id');
    const form = await readForm(c);
    const message = field(form, 'message').trim();
    // Scope first: a project the investor may not read is the 404 page whatever the form holds.
    await projects.get(c.get('ctx'), id);
    if (message.length > MAX_INTRODUCTION_MESSAGE) {
      const errors = { message: ui.t('field.tooLong', { max: MAX_INTRODUCTION_MESSAGE }) };
      return renderProject(c, { message, errors }, 422);
    }
    const actor = c.get('actor');
    try {
      await intros.request(actor, {
        projectId: id,
        targetKind: 'investor',
        targetId: actor.subjectId ?? '',
        message: message || null,
      });
    } catch (e) {
      // Asked already (open or declined): shown in place, nothing changed.
      if (!(e instanceof AppError) || e.status !== 409) throw e;
      return renderProject(c, { problem: ui.t('discover.ask.already') }, 409);
    }
    return c.redirect(
      field(form, 'from') === 'list' ? `/app/discover?done=asked#p-${id}` : `/app/discover/${id}?done=asked`,
      303,
    );
  });

  return router;
}
