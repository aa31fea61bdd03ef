// The web console under /app: server-rendered pages over the same data-access layer and policies as
// the API (an account acts with exactly the role and binding an API key would have).
import { Hono } from 'hono';
import type { AppDeps } from '../http/app.ts';
import { invalidateOnCommittedWrite } from '../http/middleware.ts';
import { expensiveLimit, type TokenBucket } from '../http/rate-limit.ts';
import type { ConsoleEnv } from './env.ts';
import { consoleErrors, notFoundPage } from './errors.tsx';
import { csrfProtection, language, pageHeaders, session } from './middleware.ts';
import { authRouter } from './auth/auth.index.tsx';
import { homeRouter } from './home/home.index.tsx';
import { founderRouter } from './founder/founder.index.tsx';
import { accountRouter } from './account/account.index.tsx';
import { accountsRouter } from './accounts/accounts.index.tsx';
import { mentorInvestorRouter } from './mentor-investor.index.ts';
import { trainerRouter } from './trainer/trainer.index.tsx';
import { registryRouter } from './registry/registry.index.tsx';
import { assignmentRouter } from './assignment/assignment.index.tsx';
import { weightsRouter } from './weights/weights.index.tsx';
import { vettingRouter } from './vetting/vetting.index.tsx';
import { auditPageRouter } from './audit/audit.index.tsx';
import { centerIntroductionsRouter } from './center-introductions/center-introductions.index.tsx';
import { spreadsheetsRouter } from './spreadsheets/spreadsheets.index.tsx';
import { lifecycleRouter } from './admission/admission.index.tsx';
import { statisticsRouter } from './statistics/statistics.index.tsx';
import { regionAdminPages } from './shared/region-admin.ts';

/** Pages anyone may open; everything else asks to sign in first. */
const PUBLIC = /^\/app\/(login|logout|invite\/[^/]+)\/?$/;

/** `expensive`: the API's bucket of expensive requests (each account has its budget, as each key does). */
export function consoleRouter(deps: AppDeps, limiters: { expensive: TokenBucket }) {
  const db = deps.database.db;
  const cfg = deps.config;
  const limits = { idleMinutes: cfg.SESSION_IDLE_MINUTES ?? 720, maxHours: cfg.SESSION_MAX_HOURS ?? 168 };
  const cookies = { COOKIE_SECURE: cfg.COOKIE_SECURE ?? 'auto', TRUST_PROXY: cfg.TRUST_PROXY ?? { hops: 0 } };

  const router = new Hono<ConsoleEnv>();
  router.use('*', pageHeaders);
  router.use('*', session(db, limits));
  router.use('*', language(cookies));
  router.use('*', csrfProtection(cookies));
  router.use('*', async (c, next) => {
    if (c.get('session') || PUBLIC.test(c.req.path)) return next();
    if (c.req.method !== 'GET') return c.redirect('/app/login', 303);
    const here = c.req.path + (new URL(c.req.url).search || '');
    return c.redirect(`/app/login?next=${encodeURIComponent(here)}`, 303);
  });
  router.use('*', regionAdminPages);
  router.use('*', expensiveLimit(limiters.expensive));
  router.use(
    '*',
    invalidateOnCommittedWrite(() => {
      deps.matchCache.invalidate();
      deps.candidateIndex.invalidate();
    }),
  );
  router.route('/', authRouter({ db, limits, cookies }));
  router.route('/', homeRouter(db, deps));
  router.route('/', founderRouter(deps, cookies));
  router.route('/', accountRouter(db, cookies));
  router.route('/', accountsRouter(db, cfg.INVITATION_TTL_HOURS ?? 168));
  router.route('/', mentorInvestorRouter(deps));
  router.route('/', trainerRouter(deps));
  router.route('/', registryRouter(deps));
  router.route('/', assignmentRouter(deps));
  router.route('/', weightsRouter(deps));
  router.route('/', vettingRouter(deps));
  router.route('/', auditPageRouter(deps));
  router.route('/', centerIntroductionsRouter(db));
  router.route('/', spreadsheetsRouter(deps));
  router.route('/', lifecycleRouter(deps));
  router.route('/', statisticsRouter(deps));
  router.all('*', notFoundPage);
  router.onError(consoleErrors(deps.logger));
  return router;
}
