// The console's request pipeline: who is signed in, which language, and the CSRF checks of every form.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { csrf } from 'hono/csrf';
import { readSession, type SessionLimits } from '../accounts/sessions.ts';
import type { Db } from '../db/client.ts';
import { DEFAULT_LANG, parseLang, UI_LANGS, type Lang } from '../i18n/lang.ts';
import { translator } from '../i18n/t.ts';
import { readContext } from '../resources/context.ts';
import {
  type CookieConfig,
  LANG_COOKIE,
  PRE_CSRF_COOKIE,
  readCookie,
  SESSION_COOKIE,
  setLangCookie,
  setPreCsrfCookie,
} from './cookies.ts';
import type { ConsoleEnv } from './env.ts';
import { readForm, field } from './forms.ts';

/** Everything the console loads comes from the service itself. */
const CSP = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "script-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

/**
 * `Server-Timing: app;dur=<ms>`: the console's own time for the page (session, data, rendering), so a
 * benchmark or a browser's dev tools can read it apart from the network (bench/console.ts).
 */
export const pageHeaders: MiddlewareHandler<ConsoleEnv> = async (c, next) => {
  const t0 = performance.now();
  await next();
  c.header('Server-Timing', `app;dur=${(performance.now() - t0).toFixed(1)}`);
  c.header('Content-Security-Policy', CSP);
  c.header('Cache-Control', 'no-store');
};

export function session(db: Db, limits: SessionLimits): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    const id = readCookie(c, SESSION_COOKIE);
    const found = id ? await readSession(db, id, limits) : null;
    c.set('session', found);
    if (found) {
      c.set('actor', found.actor);
      c.set('ctx', readContext(db, found.actor));
    }
    await next();
  };
}

function acceptLanguage(header: string | undefined): Lang | null {
  for (const part of (header ?? '').split(',')) {
    const tag = part.split(';')[0].trim().toLowerCase();
    const lang = UI_LANGS.find((l) => tag === l || tag.startsWith(`${l}-`));
    if (lang) return lang;
  }
  return null;
}

/** `?lang=` (remembered in a cookie), else the cookie, the account's language, the browser's, Chinese. */
export function language(cfg: CookieConfig): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    const asked = parseLang(c.req.query('lang'));
    if (asked) setLangCookie(c, cfg, asked);
    const lang =
      asked ??
      parseLang(readCookie(c, LANG_COOKIE)) ??
      c.get('session')?.account.lang ??
      acceptLanguage(c.req.header('accept-language')) ??
      DEFAULT_LANG;
    c.set('lang', lang);
    c.set('t', translator(lang));
    await next();
  };
}

/**
 * Pages about one account before its sign-in (the invitation) speak the account's language unless the
 * reader chose one (`?lang=` or the cookie).
 */
export function useAccountLanguage(c: Context<ConsoleEnv>, lang: Lang) {
  if (parseLang(c.req.query('lang')) || parseLang(readCookie(c, LANG_COOKIE))) return;
  c.set('lang', lang);
  c.set('t', translator(lang));
}

const sameToken = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
};

export class CsrfError extends Error {}

/**
 * Two checks on every state-changing request: the browser says it comes from this site (hono/csrf:
 * Sec-Fetch-Site or Origin against the Host the request was sent to), and the form carries the token
 * of the session (or, before sign-in, the token of a cookie only this site can set).
 */
export function csrfProtection(cfg: CookieConfig): MiddlewareHandler<ConsoleEnv> {
  const sameSite = csrf({
    origin: (origin, c) => URL.canParse(origin) && new URL(origin).host === new URL(c.req.url).host,
  });
  return async (c, next) => {
    const signedIn = c.get('session');
    let token = signedIn?.csrfToken ?? readCookie(c, PRE_CSRF_COOKIE);
    if (!token) {
      token = randomBytes(24).toString('base64url');
      setPreCsrfCookie(c, cfg, token);
    }
    c.set('csrfToken', token);
    if (['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) return next();
    await sameSite(c, async () => {});
    const type = c.req.header('content-type') ?? '';
    if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) throw new CsrfError();
    const sent = field(await readForm(c), '_csrf');
    if (!sameToken(sent, token)) throw new CsrfError();
    await next();
  };
}
