// Sign-in, invitation links, sign-out. A sign-in always starts a new session id (no fixation), and
// a wrong password costs the same time whether or not the login exists.
import { Hono, type Context } from 'hono';
import { sql } from 'drizzle-orm';
import { accountsTable } from '../../../models/schema.ts';
import { normalizeLogin } from '../../../models/accounts/validation.ts';
import { findInvitation, redeemInvitation } from '../../accounts/invitations.ts';
import { verifyPassword } from '../../accounts/passwords.ts';
import { createSession, endSession, type SessionLimits } from '../../accounts/sessions.ts';
import { clearLoginFailures, loginWait, recordLoginFailure } from '../../accounts/throttle.ts';
import type { Db } from '../../db/client.ts';
import { isMessageKey } from '../../i18n/t.ts';
import { clearSessionCookie, type CookieConfig, readCookie, SESSION_COOKIE, setSessionCookie } from '../cookies.ts';
import type { ConsoleEnv } from '../env.ts';
import { errorPage } from '../errors.tsx';
import { useAccountLanguage } from '../middleware.ts';
import { field, readForm } from '../forms.ts';
import { uiOf } from '../ui.ts';
import { InvitePage, LoginPage } from './auth.pages.tsx';

export interface AuthDeps {
  db: Db;
  limits: SessionLimits;
  cookies: CookieConfig;
}

/** Only paths of the console itself: never an open redirect. */
export const safeNext = (next: string | undefined) =>
  next && /^\/app(\/[^/\\]|\/?$|\?)/.test(next) && !next.includes('//') ? next : '/app';

async function startSession(c: Context<ConsoleEnv>, deps: AuthDeps, accountId: string) {
  const previous = readCookie(c, SESSION_COOKIE);
  if (previous) await endSession(deps.db, previous);
  const id = await createSession(deps.db, accountId, deps.limits);
  setSessionCookie(c, deps.cookies, id, deps.limits.maxHours * 3600);
}

export function authRouter(deps: AuthDeps) {
  const router = new Hono<ConsoleEnv>();
  const { db } = deps;

  router.get('/login', (c) => {
    if (c.get('session')) return c.redirect(safeNext(c.req.query('next')), 303);
    const ui = uiOf(c);
    const notice = c.req.query('signedOut') !== undefined ? ui.t('auth.signedOut') : undefined;
    return c.html(<LoginPage ui={ui} next={c.req.query('next')} notice={notice} />);
  });

  router.post('/login', async (c) => {
    const ui = uiOf(c);
    const form = await readForm(c);
    const login = normalizeLogin(field(form, 'login'));
    const password = field(form, 'password');
    const next = field(form, 'next') || undefined;
    const render = (status: 401 | 422 | 429, errors: Record<string, string>) =>
      c.html(<LoginPage ui={ui} login={login} next={next} errors={errors} />, status);
    if (!login || !password) {
      return render(422, {
        ...(login ? {} : { login: ui.t('field.required') }),
        ...(password ? {} : { password: ui.t('field.required') }),
      });
    }
    const wait = await loginWait(db, login);
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      c.header('Retry-After', String(seconds));
      return render(429, { '': ui.t('auth.throttled', { seconds }) });
    }
    const [account] = await db
      .select()
      .from(accountsTable)
      .where(sql`lower(${accountsTable.login}) = lower(${login})`)
      .limit(1);
    const active = account?.status === 'active';
    const ok = await verifyPassword(active ? account.passwordHash : null, password);
    if (!ok) {
      await recordLoginFailure(db, login);
      return render(401, { '': ui.t('auth.failed') });
    }
    await clearLoginFailures(db, login);
    await startSession(c, deps, account.id);
    return c.redirect(safeNext(next), 303);
  });

  const invalidInvitation = (c: Context<ConsoleEnv>) =>
    errorPage(c, 404, 'auth.invite.invalid.title', c.get('t')('auth.invite.invalid.body'));

  router.get('/invite/:token', async (c) => {
    const account = await findInvitation(db, c.req.param('token'));
    if (!account) return invalidInvitation(c);
    useAccountLanguage(c, account.lang);
    return c.html(<InvitePage ui={uiOf(c)} account={account} action={c.req.path} />);
  });

  router.post('/invite/:token', async (c) => {
    const token = c.req.param('token');
    const account = await findInvitation(db, token);
    if (!account) return invalidInvitation(c);
    useAccountLanguage(c, account.lang);
    const ui = uiOf(c);
    const form = await readForm(c);
    const password = field(form, 'password');
    const repeated = field(form, 'password2');
    const render = (errors: Record<string, string>) =>
      c.html(<InvitePage ui={ui} account={account} action={c.req.path} errors={errors} />, 422);
    if (!password) return render({ password: ui.t('field.required') });
    if (repeated !== password) return render({ password2: ui.t('auth.invite.mismatch') });
    const result = await redeemInvitation(db, token, password);
    if (!result.ok) {
      if (result.problem === 'invitation_invalid') return invalidInvitation(c);
      return render({ password: isMessageKey(result.problem) ? ui.t(result.problem) : ui.t('field.invalid') });
    }
    await startSession(c, deps, result.account.id);
    return c.redirect('/app', 303);
  });

  router.post('/logout', async (c) => {
    const id = readCookie(c, SESSION_COOKIE);
    if (id) await endSession(db, id);
    clearSessionCookie(c, deps.cookies);
    return c.redirect('/app/login?signedOut', 303);
  });

  return router;
}
