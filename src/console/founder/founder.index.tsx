// The founder's console: my projects (and their matches per journey), invitations, introductions and
// my data. Every page acts as the signed-in founder through the API's own domain layer and policies.
import { Hono } from 'hono';
import type { CookieConfig } from '../cookies.ts';
import type { ConsoleEnv } from '../env.ts';
import { introductionsRouter } from './introductions.tsx';
import { invitationsRouter } from './invitations.tsx';
import { matchesRouter } from './matches.tsx';
import { myDataRouter } from './my-data.tsx';
import { projectsRouter } from './projects.tsx';
import { type FounderDeps, founderDomain } from './shared.ts';

export function founderRouter(deps: FounderDeps, cookies: CookieConfig) {
  const d = founderDomain(deps);
  const router = new Hono<ConsoleEnv>();
  router.route('/', projectsRouter(d));
  router.route('/', matchesRouter(d));
  router.route('/', introductionsRouter(d));
  router.route('/', invitationsRouter(d));
  router.route('/', myDataRouter(d, cookies));
  return router;
}
