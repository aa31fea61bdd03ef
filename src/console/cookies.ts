// The console's cookies. The session cookie is HttpOnly and SameSite=Lax, scoped to /app, Secure over
// HTTPS (COOKIE_SECURE=auto looks at the request, or at X-Forwarded-Proto when proxies are trusted).
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { CookieOptions } from 'hono/utils/cookie';
import type { Config } from '../config.ts';

export const SESSION_COOKIE = 'sid';
export const LANG_COOKIE = 'lang';
/** The token of the forms shown before sign-in (double submit: the form field must equal it). */
export const PRE_CSRF_COOKIE = 'pre_csrf';

export type CookieConfig = Pick<Config, 'COOKIE_SECURE' | 'TRUST_PROXY'>;

function secure(c: Context, cfg: CookieConfig): boolean {
  if (cfg.COOKIE_SECURE !== 'auto') return cfg.COOKIE_SECURE === 'true';
  if (new URL(c.req.url).protocol === 'https:') return true;
  const trusted = 'ranges' in cfg.TRUST_PROXY || cfg.TRUST_PROXY.hops > 0;
  return trusted && c.req.header('x-forwarded-proto')?.split(',')[0].trim() === 'https';
}

const base = (c: Context, cfg: CookieConfig): CookieOptions => ({
  path: '/app',
  httpOnly: true,
  sameSite: 'Lax',
  secure: secure(c, cfg),
});

export const readCookie = (c: Context, name: string) => getCookie(c, name);

export function setSessionCookie(c: Context, cfg: CookieConfig, id: string, maxAgeSeconds: number) {
  setCookie(c, SESSION_COOKIE, id, { ...base(c, cfg), maxAge: maxAgeSeconds });
}

export const clearSessionCookie = (c: Context, cfg: CookieConfig) => deleteCookie(c, SESSION_COOKIE, base(c, cfg));

export function setPreCsrfCookie(c: Context, cfg: CookieConfig, token: string) {
  setCookie(c, PRE_CSRF_COOKIE, token, { ...base(c, cfg), maxAge: 2 * 3600 });
}

/** The language choice is not a secret; a year, the whole site. */
export function setLangCookie(c: Context, cfg: CookieConfig, lang: string) {
  setCookie(c, LANG_COOKIE, lang, { ...base(c, cfg), path: '/', maxAge: 365 * 86_400 });
}
