// The page shell: language, navigation for the signed-in role, the language switch, sign-out.
import type { Child } from 'hono/jsx';
import { HTML_LANG, LANG_SELF_NAMES, UI_LANGS } from '../i18n/lang.ts';
import { navFor } from './nav.ts';
import { type Ui, withLang } from './ui.ts';
import { CsrfField } from './components.tsx';
import { assetHref } from './assets.ts';

/** A nav link is current on its page and on the pages below it (e.g. a record of the registry). */
const isCurrent = (href: string, path: string) => path === href || (href !== '/app' && path.startsWith(`${href}/`));

export function Page(props: { ui: Ui; title: string; children?: Child }) {
  const { ui } = props;
  const { t } = ui;
  const current = ui.url.pathname;
  return (
    <html lang={HTML_LANG[ui.lang]}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · ${t('app.name')}`}</title>
        <link rel="stylesheet" href={assetHref('app.css')} />
        <link rel="stylesheet" href={assetHref('fonts.css')} />
        <script src={assetHref('console.js')} defer />
      </head>
      <body>
        <a class="skip" href="#main">
          {t('nav.skip')}
        </a>
        <header class="top">
          <a class="brand" href="/app">
            {t('app.name')}
          </a>
          {ui.session && (
            <nav class="nav" aria-label={t('nav.main')}>
              {navFor(ui.session.account.role).map((item) => (
                <a href={item.href} aria-current={isCurrent(item.href, current) ? 'page' : undefined}>
                  {t(item.label)}
                </a>
              ))}
            </nav>
          )}
          <nav class="langs" aria-label={t('nav.languages')}>
            {UI_LANGS.map((lang) => (
              <a
                href={withLang(ui.url, lang)}
                hreflang={HTML_LANG[lang]}
                lang={HTML_LANG[lang]}
                aria-current={lang === ui.lang ? 'true' : undefined}
              >
                {LANG_SELF_NAMES[lang]}
              </a>
            ))}
          </nav>
        </header>
        <main id="main">
          <h1>{props.title}</h1>
          {props.children}
        </main>
        {ui.session && (
          <footer>
            <span class="muted">{ui.session.account.displayName ?? ui.session.account.login}</span>
            <form method="post" action="/app/logout">
              <CsrfField ui={ui} />
              <button type="submit" class="secondary">
                {t('action.signOut')}
              </button>
            </form>
          </footer>
        )}
      </body>
    </html>
  );
}
