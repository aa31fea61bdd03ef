// /app/discover: the vetted projects that fit the investor's thesis, with score and reasons, and one
// project's page. Introductions are requested by a project's founders or its center (the engagement
// layer gives investors no such power), so a project's page says how to be introduced instead.
import { Hono } from 'hono';
import { centers } from '../../resources/index.ts';
import type { Repository } from '../../resources/repository.ts';
import { Repository as Repo } from '../../resources/repository.ts';
import type { AppDeps } from '../../http/app.ts';
import type { ConsoleEnv } from '../env.ts';
import { Page } from '../layout.tsx';
import { introductionsOfProject } from '../introductions-inbox/inbox.data.ts';
import { IntroStatusBadge } from '../shared/intro-status.tsx';
import { MatchReasons, MatchScore } from '../shared/match-reasons.tsx';
import { ProjectFacts, ProjectLine, publicProject } from '../shared/project-facts.tsx';
import { uiOf } from '../ui.ts';
import { DISCOVER_LIMITS, investorMatches, parseLimit } from './discover.data.ts';

const excerpt = (text: string, max = 160) => (text.length > max ? `${text.slice(0, max)}…` : text);

export function discoverRouter(deps: AppDeps, projects: Repository) {
  const router = new Hono<ConsoleEnv>();
  const db = deps.database.db;
  const centerRepo = new Repo(centers, db, deps.embeddingHooks);

  router.get('/discover', async (c) => {
    const ui = uiOf(c);
    const limit = parseLimit(c.req.query('limit'));
    const { items } = await investorMatches(deps, c.get('actor'), ui.lang, limit);
    return c.html(
      <Page ui={ui} title={ui.t('discover.title')}>
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
              return (
                <li class="card">
                  <h2>
                    <a href={`/app/discover/${project.id}`}>{project.title}</a>
                  </h2>
                  <MatchScore ui={ui} score={item.score} />
                  <ProjectLine ui={ui} project={project} />
                  <p>{excerpt(project.description)}</p>
                  <h3>{ui.t('discover.reasons')}</h3>
                  <MatchReasons ui={ui} reasons={item.reasons} />
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

  router.get('/discover/:id', async (c) => {
    const ui = uiOf(c);
    const ctx = c.get('ctx');
    // The projects policy decides: an investor reads vetted projects only (404 otherwise).
    const project = publicProject(await projects.get(ctx, c.req.param('id')));
    const [intros, center] = await Promise.all([
      introductionsOfProject(db, c.get('actor'), project.id),
      project.centerId ? centerRepo.get(ctx, project.centerId).catch(() => null) : null,
    ]);
    return c.html(
      <Page ui={ui} title={project.title}>
        <p>
          <a href="/app/discover">← {ui.t('discover.title')}</a>
        </p>
        <ProjectFacts ui={ui} project={project} full />
        <section class="card" aria-labelledby="ask-heading">
          <h2 id="ask-heading">{ui.t('discover.askTitle')}</h2>
          {intros.length ? (
            <ul class="list">
              {intros.map((it) => (
                <li>
                  <IntroStatusBadge ui={ui} status={it.status} />{' '}
                  <a href={`/app/inbox/${it.id}`}>{ui.t('inbox.open')}</a>
                </li>
              ))}
            </ul>
          ) : (
            <>
              <p>{ui.t('discover.askBody')}</p>
              {center && <p>{ui.t('discover.center', { name: String(center.name) })}</p>}
            </>
          )}
        </section>
      </Page>,
    );
  });

  return router;
}
