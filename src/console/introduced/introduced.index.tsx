// /app/introduced: the projects introduced to the signed-in mentor or investor, and one project's page.
// A project with no introduction to the reader is 404 here, as one the projects policy hides.
import { Hono } from 'hono';
import type { Db } from '../../db/client.ts';
import { isUuid } from '../../engagement/shared.ts';
import { notFound } from '../../errors.ts';
import type { Repository } from '../../resources/repository.ts';
import type { ConsoleEnv } from '../env.ts';
import { Page } from '../layout.tsx';
import { introducedProjects, introductionsOfProject, readableProjects } from '../introductions-inbox/inbox.data.ts';
import { formatDate } from '../format.ts';
import { IntroStatusBadge } from '../shared/intro-status.tsx';
import { ProjectFacts, ProjectLine } from '../shared/project-facts.tsx';
import { uiOf } from '../ui.ts';

export function introducedRouter(db: Db, projects: Repository) {
  const router = new Hono<ConsoleEnv>();

  router.get('/introduced', async (c) => {
    const ui = uiOf(c);
    const items = await introducedProjects(db, projects, c.get('ctx'));
    return c.html(
      <Page ui={ui} title={ui.t('introduced.title')}>
        {items.length ? (
          <ul class="list">
            {items.map((it) => (
              <li class="card">
                <h2>
                  <a href={`/app/introduced/${it.project.id}`}>{it.project.title}</a>{' '}
                  <IntroStatusBadge ui={ui} status={it.status} />
                </h2>
                <ProjectLine ui={ui} project={it.project} />
              </li>
            ))}
          </ul>
        ) : (
          <p class="empty">{ui.t('introduced.empty')}</p>
        )}
      </Page>,
    );
  });

  router.get('/introduced/:id', async (c) => {
    const ui = uiOf(c);
    const id = c.req.param('id');
    if (!isUuid(id)) throw notFound('project');
    const [intros, shown] = await Promise.all([
      introductionsOfProject(db, c.get('actor'), id),
      readableProjects(projects, c.get('ctx'), [id]),
    ]);
    const project = shown.get(id);
    if (!project || !intros.length) throw notFound('project');
    return c.html(
      <Page ui={ui} title={project.title}>
        <p>
          <a href="/app/introduced">← {ui.t('introduced.title')}</a>
        </p>
        <ProjectFacts ui={ui} project={project} full />
        <section aria-labelledby="intros-heading">
          <h2 id="intros-heading">{ui.t('introduced.introductions')}</h2>
          <ul class="list">
            {intros.map((it) => (
              <li class="card">
                <IntroStatusBadge ui={ui} status={it.status} />{' '}
                <span class="muted">{ui.t('inbox.requestedOn', { date: formatDate(it.createdAt) })}</span>{' '}
                <a href={`/app/inbox/${it.id}`}>{ui.t('inbox.open')}</a>
              </li>
            ))}
          </ul>
        </section>
      </Page>,
    );
  });

  return router;
}
