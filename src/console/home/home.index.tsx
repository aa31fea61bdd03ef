// The home page: who you are and what needs you now.
import { Hono } from 'hono';
import { eq } from 'drizzle-orm';
import { accountsTable } from '../../../models/schema.ts';
import type { Db } from '../../db/client.ts';
import type { AppDeps } from '../../http/app.ts';
import type { ConsoleEnv } from '../env.ts';
import { Page } from '../layout.tsx';
import { uiOf } from '../ui.ts';
import { todosFor } from './todos.ts';
import { regionName } from '../../i18n/labels.ts';
import { statsTabsFor } from '../statistics/statistics.tabs.ts';

export function homeRouter(db: Db, deps: AppDeps) {
  const router = new Hono<ConsoleEnv>();
  router.get('/', async (c) => {
    const ui = uiOf(c);
    const session = c.get('session')!;
    const { account } = session;
    const todos = await todosFor({
      db,
      deps,
      ctx: c.get('ctx'),
      session,
      t: ui.t,
      lang: ui.lang,
      since: account.lastVisitAt,
    });
    await db.update(accountsTable).set({ lastVisitAt: new Date() }).where(eq(accountsTable.id, account.id));
    // A region_admin has no to-dos: its home names its region and leads to the figures.
    if (account.role === 'region_admin' && account.regionCode)
      return c.html(
        <Page ui={ui} title={ui.t('home.greeting', { name: account.displayName ?? account.login })}>
          <section aria-labelledby="region-heading" class="card">
            <h2 id="region-heading">
              {ui.t('roles.home.region', { region: regionName(account.regionCode, ui.lang) })}
            </h2>
            <p>{ui.t('roles.home.hint')}</p>
            <ul class="list">
              {statsTabsFor('region_admin').map((tab) => (
                <li>
                  <a href={tab.href}>{ui.t(tab.label)}</a>
                </li>
              ))}
            </ul>
            <p>
              <a class="button" href="/app/statistics">
                {ui.t('roles.home.open')}
              </a>
            </p>
          </section>
        </Page>,
      );
    return c.html(
      <Page ui={ui} title={ui.t('home.greeting', { name: account.displayName ?? account.login })}>
        <section aria-labelledby="todo-heading">
          <h2 id="todo-heading">{ui.t('home.todo')}</h2>
          {todos.length ? (
            <ul class="list todo">
              {todos.map((item) => (
                <li class="card">
                  <a href={item.href}>{item.text}</a>
                </li>
              ))}
            </ul>
          ) : (
            <p class="empty">{ui.t('home.todo.none')}</p>
          )}
        </section>
      </Page>,
    );
  });
  return router;
}
