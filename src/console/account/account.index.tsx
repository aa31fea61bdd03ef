// My account: who I am here, my language, and the API keys bound to my own subject (see and revoke).
import { Hono } from 'hono';
import { eq } from 'drizzle-orm';
import { accountsTable } from '../../../models/schema.ts';
import { listOwnKeys, revokeOwnKey } from '../../accounts/own-keys.ts';
import type { Db } from '../../db/client.ts';
import { LANG_SELF_NAMES, parseLang, UI_LANGS } from '../../i18n/lang.ts';
import { enumLabel } from '../../i18n/labels.ts';
import { Badge, CsrfField, Notice, Select } from '../components.tsx';
import type { CookieConfig } from '../cookies.ts';
import { setLangCookie } from '../cookies.ts';
import type { ConsoleEnv } from '../env.ts';
import { field, readForm } from '../forms.ts';
import { Page } from '../layout.tsx';
import { formatDate } from '../format.ts';
import { uiOf } from '../ui.ts';

export function accountRouter(db: Db, cookies: CookieConfig) {
  const router = new Hono<ConsoleEnv>();

  router.get('/account', async (c) => {
    const ui = uiOf(c);
    const { t } = ui;
    const { account, actor } = c.get('session')!;
    const keys = await listOwnKeys(db, actor);
    const done = c.req.query('done');
    return c.html(
      <Page ui={ui} title={t('account.title')}>
        {done === 'language' && <Notice kind="success">{t('account.language.saved')}</Notice>}
        {done === 'revoked' && <Notice kind="success">{t('account.keys.revoked')}</Notice>}
        <dl class="facts card">
          <dt>{t('auth.login')}</dt>
          <dd>{account.login}</dd>
          {account.displayName && (
            <>
              <dt>{t('account.displayName')}</dt>
              <dd>{account.displayName}</dd>
            </>
          )}
          <dt>{t('account.role')}</dt>
          <dd>{enumLabel(ui.lang, 'role', account.role)}</dd>
        </dl>

        <section aria-labelledby="lang-heading">
          <h2 id="lang-heading">{t('account.language')}</h2>
          <form method="post" action="/app/account/language" class="card">
            <CsrfField ui={ui} />
            <Select
              name="lang"
              label={t('account.language.label')}
              hint={t('account.language.hint')}
              value={account.lang}
              options={UI_LANGS.map((l) => ({ value: l, label: LANG_SELF_NAMES[l] }))}
            />
            <div class="actions">
              <button type="submit">{t('action.save')}</button>
            </div>
          </form>
        </section>

        <section aria-labelledby="keys-heading">
          <h2 id="keys-heading">{t('account.keys')}</h2>
          <p class="muted">{t('account.keys.intro')}</p>
          {keys.length ? (
            <ul class="list">
              {keys.map((k) => (
                <li class="card">
                  <p>
                    <strong>{k.label}</strong> <code>{k.prefix}…</code>{' '}
                    {k.revokedAt ? (
                      <Badge kind="bad">{t('account.keys.revokedOn', { date: formatDate(k.revokedAt) })}</Badge>
                    ) : (
                      <Badge kind="ok">{t('account.keys.active')}</Badge>
                    )}
                  </p>
                  <p class="muted">{t('account.keys.created', { date: formatDate(k.createdAt) })}</p>
                  {!k.revokedAt && (
                    <form method="post" action={`/app/account/keys/${k.id}/revoke`}>
                      <CsrfField ui={ui} />
                      <button type="submit" class="danger">
                        {t('account.keys.revoke')}
                      </button>
                    </form>
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p class="empty">{t('account.keys.none')}</p>
          )}
        </section>
      </Page>,
    );
  });

  router.post('/account/language', async (c) => {
    const lang = parseLang(field(await readForm(c), 'lang'));
    const { account } = c.get('session')!;
    if (!lang) return c.redirect('/app/account', 303);
    await db.update(accountsTable).set({ lang, updatedAt: new Date() }).where(eq(accountsTable.id, account.id));
    setLangCookie(c, cookies, lang);
    return c.redirect(`/app/account?done=language&lang=${lang}`, 303);
  });

  router.post('/account/keys/:id/revoke', async (c) => {
    await revokeOwnKey(db, c.get('session')!.actor, c.req.param('id'));
    return c.redirect('/app/account?done=revoked', 303);
  });

  return router;
}
