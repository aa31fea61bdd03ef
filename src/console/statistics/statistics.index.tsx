// The statistics dashboard (issue 22): figures against the policy's targets for admins, region admins
// (their region) and center staff (their center). Each figure has its page module, mounted here.
import { Hono } from 'hono';
import type { AppDeps } from '../../http/app.ts';
import { notFound } from '../../errors.ts';
import type { ConsoleEnv } from '../env.ts';
import { onlyRoles } from '../shared/roles.ts';
import { statisticsReportsRouter } from './reports.index.ts';
import { coveragePages } from './coverage.page.tsx';
import { funnelsRouter } from './funnels.index.tsx';
import { STATS_ROLES, statsTabsFor } from './statistics.tabs.ts';
import { trendsRouter } from './trends/trends.index.tsx';
import { targetsRouter } from './targets.page.tsx';

export function statisticsRouter(deps: AppDeps) {
  const router = new Hono<ConsoleEnv>();
  router.use('/statistics', onlyRoles(...STATS_ROLES));
  router.use('/statistics/*', onlyRoles(...STATS_ROLES));
  router.get('/statistics', (c) => {
    const [first] = statsTabsFor(c.get('session')!.account.role);
    if (!first) throw notFound('page');
    return c.redirect(first.href, 303);
  });
  router.route('/', statisticsReportsRouter(deps));
  router.route('/', coveragePages(deps.database.db));
  router.route('/', trendsRouter(deps));
  router.route('/', funnelsRouter(deps));
  router.route('/', targetsRouter(deps.database.db));
  return router;
}
