// What every page component needs from the request: language, translations, the person, the form token.
import type { Context } from 'hono';
import type { Session } from '../accounts/sessions.ts';
import type { Lang } from '../i18n/lang.ts';
import type { Translate } from '../i18n/t.ts';
import type { ConsoleEnv } from './env.ts';

export interface Ui {
  lang: Lang;
  t: Translate;
  session: Session | null;
  csrfToken: string;
  /** The current path and query, for the language links. */
  url: URL;
}

export const uiOf = (c: Context<ConsoleEnv>): Ui => ({
  lang: c.get('lang'),
  t: c.get('t'),
  session: c.get('session'),
  csrfToken: c.get('csrfToken'),
  url: new URL(c.req.url),
});

/** The current page in another language (the switch keeps every other query parameter). */
export function withLang(url: URL, lang: Lang): string {
  const params = new URLSearchParams(url.search);
  params.set('lang', lang);
  return `${url.pathname}?${params}`;
}
