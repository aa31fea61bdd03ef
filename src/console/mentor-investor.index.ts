// The mentor's and investor's console: inbox of introductions, the projects introduced to them,
// (investors) the vetted projects that fit their thesis, and their own profile.
import { Hono } from 'hono';
import type { AppDeps } from '../http/app.ts';
import { projects } from '../resources/index.ts';
import { Repository } from '../resources/repository.ts';
import type { ConsoleEnv } from './env.ts';
import { introducedRouter } from './introduced/introduced.index.tsx';
import { inboxRouter } from './introductions-inbox/inbox.index.tsx';
import { discoverRouter } from './investor/discover.index.tsx';
import { profileRouter } from './profile/profile.index.tsx';
import { onlyRoles } from './shared/roles.ts';

export function mentorInvestorRouter(deps: AppDeps) {
  const db = deps.database.db;
  const projectRepo = new Repository(projects, db, deps.embeddingHooks);
  const router = new Hono<ConsoleEnv>();
  const both = onlyRoles('mentor', 'investor');
  for (const path of ['/inbox', '/inbox/*', '/introduced', '/introduced/*', '/profile']) router.use(path, both);
  router.use('/discover', onlyRoles('investor'));
  router.use('/discover/*', onlyRoles('investor'));
  router.route('/', inboxRouter(db, projectRepo));
  router.route('/', introducedRouter(db, projectRepo));
  router.route('/', discoverRouter(deps, projectRepo));
  router.route('/', profileRouter(deps));
  return router;
}
