// Error pages in the reader's language. A 404 says the same whether the record does not exist or is
// out of the reader's scope: nothing about records one may not see leaks through the console.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { MessageKey } from '../i18n/t.ts';
import { isDatabaseUnavailable } from '../db/errors.ts';
import { Page } from './layout.tsx';
import { localizeDetail } from './forms.ts';
import { CsrfError } from './middleware.ts';
import type { ConsoleEnv } from './env.ts';
import { uiOf } from './ui.ts';

type Status = 400 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 503;

export function errorPage(c: Context<ConsoleEnv>, status: Status, title: MessageKey, body: string) {
  const ui = uiOf(c);
  return c.html(
    <Page ui={ui} title={ui.t(title)}>
      <p>{body}</p>
      <p>
        <a href="/app">{ui.t('nav.home')}</a>
      </p>
    </Page>,
    status,
  );
}

export const notFoundPage = (c: Context<ConsoleEnv>) =>
  errorPage(c, 404, 'error.notFound.title', c.get('t')('error.notFound.body'));

export function consoleErrors(logger: Logger) {
  return (err: Error, c: Context<ConsoleEnv>) => {
    const t = c.get('t');
    // Errors before the language is known (e.g. in the session lookup) fall back to the problem+json handler.
    if (!t) throw err;
    if (err instanceof CsrfError || (err instanceof HTTPException && err.status === 403)) {
      return errorPage(c, 403, 'error.forbidden.title', t('error.csrf'));
    }
    if (err instanceof AppError) {
      if (err.status === 404) return notFoundPage(c);
      if (err.status === 403) return errorPage(c, 403, 'error.forbidden.title', t('error.forbidden.body'));
      if (err.status === 429) {
        const seconds = Number(err.headers['Retry-After'] ?? 60);
        c.header('Retry-After', String(seconds));
        return errorPage(c, 429, 'error.title', t('error.tooMany', { seconds }));
      }
      if (err.status === 503) return errorPage(c, 503, 'error.title', t('error.unavailable'));
      if (err.status < 500)
        return errorPage(c, err.status as Status, 'error.title', localizeDetail(err.message, c.get('lang')));
    }
    if (err instanceof HTTPException && err.status < 500) {
      return errorPage(c, err.status as Status, 'error.title', t('error.generic'));
    }
    if (isDatabaseUnavailable(err)) return errorPage(c, 503, 'error.title', t('error.unavailable'));
    (c.get('log') ?? logger).error({ path: c.req.path, err }, 'console: unhandled error');
    return errorPage(c, 500, 'error.title', t('error.generic'));
  };
}
