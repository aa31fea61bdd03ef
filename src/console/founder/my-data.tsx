// My data (PIPL): the founder's profile, the export of everything held about it, its consent to share
// its contact, and erasure. Erasure is the API's own DELETE /v1/founders/{id} by the founder itself
// (the founders policy allows it); the subject is then gone, so this account's sessions end with it.
import { Hono } from 'hono';
import { FOUNDER_GROUPS } from '../../../models/enums.ts';
import { endAccountSessions } from '../../accounts/sessions.ts';
import { exportFounder } from '../../privacy/export.ts';
import { CsrfField, Notice, TextField } from '../components.tsx';
import { type CookieConfig, clearSessionCookie } from '../cookies.ts';
import type { ConsoleEnv } from '../env.ts';
import { field, readForm } from '../forms.ts';
import { Page } from '../layout.tsx';
import { uiOf } from '../ui.ts';
import { enumLabel, regionName } from '../../i18n/labels.ts';
import { type FounderDomain, founderId, founderOnly, formatDate } from './shared.ts';

export function myDataRouter(d: FounderDomain, cookies: CookieConfig) {
  const router = new Hono<ConsoleEnv>();

  router.get(
    '/my-data',
    founderOnly(async (c) => {
      const ui = uiOf(c);
      const { t, lang } = ui;
      const f = await d.founders.get(c.get('ctx'), founderId(c));
      const shares = !!f.consent?.shareContact;
      const done = c.req.query('done');
      const groups = (f.groups as string[]).filter((g) => (FOUNDER_GROUPS as readonly string[]).includes(g));
      return c.html(
        <Page ui={ui} title={t('founder.data.title')}>
          {done === 'consent' && <Notice kind="success">{t('founder.data.done.consent')}</Notice>}
          <section class="card" aria-labelledby="profile-h">
            <h2 id="profile-h">{t('founder.data.profile')}</h2>
            <dl class="facts">
              <dt>{t('founder.data.name')}</dt>
              <dd>{f.name}</dd>
              <dt>{t('founder.data.groups')}</dt>
              <dd>{groups.map((g) => enumLabel(lang, 'founderGroup', g)).join('、')}</dd>
              <dt>{t('founder.data.region')}</dt>
              <dd>{regionName(f.regionCode, lang)}</dd>
              <dt>{t('founder.data.languages')}</dt>
              <dd>{(f.languages as string[]).map((l) => enumLabel(lang, 'lang', l)).join('、')}</dd>
              {f.educationLevel && (
                <>
                  <dt>{t('founder.data.education')}</dt>
                  <dd>{f.educationLevel}</dd>
                </>
              )}
              {f.graduationYear && (
                <>
                  <dt>{t('founder.data.graduationYear')}</dt>
                  <dd>{f.graduationYear}</dd>
                </>
              )}
              {f.employmentStatus && (
                <>
                  <dt>{t('roles.field.employmentStatus')}</dt>
                  <dd>
                    {enumLabel(lang, 'employmentStatus', f.employmentStatus)}
                    {f.employmentAsOf && ` (${t('roles.asOf', { date: f.employmentAsOf })})`}
                  </dd>
                </>
              )}
              {f.leftSchoolUnemployed && (
                <>
                  <dt>{t('roles.field.leftSchoolUnemployed')}</dt>
                  <dd>{t('roles.field.leftSchoolUnemployed.yes')}</dd>
                </>
              )}
              {f.interests && (
                <>
                  <dt>{t('founder.data.interests')}</dt>
                  <dd>{f.interests}</dd>
                </>
              )}
              {f.contact?.phone && (
                <>
                  <dt>{t('founder.intro.phone')}</dt>
                  <dd>{f.contact.phone}</dd>
                </>
              )}
              {f.contact?.email && (
                <>
                  <dt>{t('founder.intro.email')}</dt>
                  <dd>{f.contact.email}</dd>
                </>
              )}
              {f.contact?.wechat && (
                <>
                  <dt>{t('founder.intro.wechat')}</dt>
                  <dd>{f.contact.wechat}</dd>
                </>
              )}
            </dl>
            <p class="hint">{t('founder.data.profileHint')}</p>
          </section>
          <section class="card" aria-labelledby="consent-h">
            <h2 id="consent-h">{t('founder.data.consent')}</h2>
            <p>{t('founder.data.consent.explain')}</p>
            <p>
              <strong>
                {shares
                  ? t('founder.data.consent.yes', { at: formatDate(f.consent.at) })
                  : t('founder.data.consent.no')}
              </strong>
            </p>
            <form method="post" action="/app/my-data/consent">
              <CsrfField ui={ui} />
              <input type="hidden" name="share" value={shares ? 'no' : 'yes'} />
              <button type="submit" class={shares ? 'secondary' : undefined}>
                {shares ? t('founder.data.consent.withdraw') : t('founder.data.consent.give')}
              </button>
            </form>
          </section>
          <section class="card" aria-labelledby="export-h">
            <h2 id="export-h">{t('founder.data.export')}</h2>
            <p>{t('founder.data.export.hint')}</p>
            <p>
              <a class="button secondary" href="/app/my-data/export" download>
                {t('founder.data.export')}
              </a>
            </p>
          </section>
          <section class="card" aria-labelledby="erase-h">
            <h2 id="erase-h">{t('founder.data.erase')}</h2>
            <p>{t('founder.data.erase.explain')}</p>
            <p>
              <a class="button danger" href="/app/my-data/erase">
                {t('founder.data.erase.start')}
              </a>
            </p>
          </section>
        </Page>,
      );
    }),
  );

  router.get(
    '/my-data/export',
    founderOnly(async (c) => {
      const data = await exportFounder(d.db, c.get('actor'), founderId(c));
      return c.body(JSON.stringify(data, null, 2), 200, {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="my-data-${formatDate(new Date())}.json"`,
      });
    }),
  );

  router.post(
    '/my-data/consent',
    founderOnly(async (c) => {
      const share = field(await readForm(c), 'share') === 'yes';
      await d.founders.update(c.get('ctx'), founderId(c), { consent: { shareContact: share } });
      return c.redirect('/app/my-data?done=consent', 303);
    }),
  );

  const confirmPage = async (c: Parameters<Parameters<typeof founderOnly>[0]>[0], mismatch = false) => {
    const ui = uiOf(c);
    const { t } = ui;
    const login = c.get('session')!.account.login;
    // The founder must still exist (a second tab after erasure gets the 404 page).
    await d.founders.get(c.get('ctx'), founderId(c));
    const errors = mismatch ? { login: t('founder.data.erase.mismatch') } : undefined;
    return c.html(
      <Page ui={ui} title={t('founder.data.erase.confirmTitle')}>
        <p>{t('founder.data.erase.explain')}</p>
        <form method="post" action="/app/my-data/erase" class="card">
          <CsrfField ui={ui} />
          <TextField
            name="login"
            label={t('founder.data.erase.confirmLogin', { login })}
            errors={errors}
            autocomplete="off"
            required
          />
          <div class="actions">
            <button type="submit" class="danger">
              {t('founder.data.erase.confirm')}
            </button>
            <a class="button secondary" href="/app/my-data">
              {t('action.cancel')}
            </a>
          </div>
        </form>
      </Page>,
      mismatch ? 422 : 200,
    );
  };

  router.get(
    '/my-data/erase',
    founderOnly((c) => confirmPage(c)),
  );

  router.post(
    '/my-data/erase',
    founderOnly(async (c) => {
      const session = c.get('session')!;
      const typed = field(await readForm(c), 'login')
        .trim()
        .toLowerCase();
      if (typed !== session.account.login.trim().toLowerCase()) return confirmPage(c, true);
      await d.founders.remove(c.get('ctx'), founderId(c));
      // The person is gone: every session of this account ends, as its API keys were revoked.
      await endAccountSessions(d.db, session.account.id);
      clearSessionCookie(c, cookies);
      c.set('session', null);
      const ui = uiOf(c);
      return c.html(
        <Page ui={ui} title={ui.t('founder.data.erased.title')}>
          <Notice kind="success">{ui.t('founder.data.erased.body')}</Notice>
          <p>
            <a href="/app/login">{ui.t('auth.signIn')}</a>
          </p>
        </Page>,
      );
    }),
  );

  return router;
}
