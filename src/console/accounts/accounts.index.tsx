// Accounts of the people a center works with: admins invite anyone, center staff their center's
// founders and staff (src/accounts/accounts.ts decides). A new invitation link is shown once, on the
// answer to the form that made it, never in a URL or a log.
import { Hono, type Context } from 'hono';
import { accountCreateSchema } from '../../../models/accounts/validation.ts';
import { LANGS, ROLES, type Role } from '../../../models/enums.ts';
import {
  createAccount,
  disableAccount,
  listAccounts,
  type Invitation,
  type PublicAccount,
  reissueInvitation,
} from '../../accounts/accounts.ts';
import { isAdmin } from '../../auth/actor.ts';
import type { Db } from '../../db/client.ts';
import { LANG_SELF_NAMES } from '../../i18n/lang.ts';
import { enumLabel, regionName } from '../../i18n/labels.ts';
import { Badge, CsrfField, FormErrors, Notice, Pager, Select, TextField } from '../components.tsx';
import type { ConsoleEnv } from '../env.ts';
import { appFieldErrors, type FieldErrors, field, readForm, zodFieldErrors } from '../forms.ts';
import { Page } from '../layout.tsx';
import { enumOptions, regionOptions } from '../options.ts';
import type { Ui } from '../ui.ts';
import { uiOf } from '../ui.ts';

const STAFF_ROLES: readonly Role[] = ['founder', 'center_staff'];
const rolesFor = (ui: Ui): readonly Role[] => (ui.session && isAdmin(ui.session.actor) ? ROLES : STAFF_ROLES);
const SUBJECT_ROLES: readonly Role[] = ['founder', 'mentor', 'investor', 'trainer'];

const STATUS_KIND = { invited: 'warn', active: 'ok', disabled: 'bad' } as const;

function InvitationLink(props: { ui: Ui; account: PublicAccount; invitation: Invitation; origin: string }) {
  const { t } = props.ui;
  const url = `${props.origin}${props.invitation.url}`;
  return (
    <Notice kind="success">
      <p>{t('accounts.invited', { login: props.account.login })}</p>
      <p>
        <code class="secret">{url}</code>
      </p>
      <p class="muted">{t('accounts.invitedHint', { date: props.invitation.expiresAt.toISOString().slice(0, 10) })}</p>
    </Notice>
  );
}

type FormValues = Record<string, string>;

function InviteForm(props: { ui: Ui; values?: FormValues; errors?: FieldErrors }) {
  const { ui } = props;
  const { t } = ui;
  const v = props.values ?? {};
  const admin = ui.session && isAdmin(ui.session.actor);
  return (
    <form method="post" action="/app/accounts" class="card">
      <CsrfField ui={ui} />
      <FormErrors ui={ui} errors={props.errors} />
      <TextField
        name="login"
        label={t('auth.login')}
        hint={t('accounts.login.hint')}
        value={v.login}
        required
        errors={props.errors}
        maxlength={100}
      />
      <TextField
        name="displayName"
        label={t('account.displayName')}
        value={v.displayName}
        errors={props.errors}
        maxlength={100}
      />
      <Select
        name="role"
        label={t('account.role')}
        value={v.role ?? 'founder'}
        options={enumOptions(ui.lang, 'role', rolesFor(ui))}
        errors={props.errors}
      />
      <TextField
        name="subjectId"
        label={t('accounts.subject')}
        hint={t('accounts.subject.hint')}
        value={v.subjectId}
        errors={props.errors}
        maxlength={200}
      />
      {admin && (
        <TextField
          name="centerId"
          label={t('accounts.center')}
          hint={t('accounts.center.hint')}
          value={v.centerId}
          errors={props.errors}
          maxlength={36}
        />
      )}
      {/* Only admins create region_admin accounts (src/accounts/accounts.ts). */}
      {admin && (
        <Select
          name="regionCode"
          label={t('roles.region')}
          hint={t('roles.region.hint')}
          value={v.regionCode}
          empty={t('roles.region.empty')}
          options={regionOptions(ui.lang)}
          errors={props.errors}
        />
      )}
      <Select
        name="lang"
        label={t('account.language.label')}
        value={v.lang ?? ui.lang}
        options={LANGS.map((l) => ({ value: l, label: LANG_SELF_NAMES[l] }))}
        errors={props.errors}
      />
      <div class="actions">
        <button type="submit">{t('accounts.invite')}</button>
      </div>
    </form>
  );
}

function AccountsPage(props: {
  ui: Ui;
  accounts: PublicAccount[];
  next: string | null;
  created?: { account: PublicAccount; invitation: Invitation; origin: string };
  values?: FormValues;
  errors?: FieldErrors;
  done?: string;
}) {
  const { ui } = props;
  const { t } = ui;
  return (
    <Page ui={ui} title={t('accounts.title')}>
      {props.created && <InvitationLink ui={ui} {...props.created} />}
      {props.done === 'disabled' && <Notice kind="success">{t('accounts.disabled')}</Notice>}
      <section aria-labelledby="invite-heading">
        <h2 id="invite-heading">{t('accounts.invite')}</h2>
        <InviteForm ui={ui} values={props.values} errors={props.errors} />
      </section>
      <section aria-labelledby="list-heading">
        <h2 id="list-heading">{t('accounts.list')}</h2>
        {props.accounts.length ? (
          <ul class="list">
            {props.accounts.map((a) => (
              <li class="card">
                <p>
                  <strong>{a.displayName ?? a.login}</strong> <span class="muted">{a.login}</span>{' '}
                  <Badge kind={STATUS_KIND[a.status]}>{t(`accounts.status.${a.status}`)}</Badge>
                </p>
                <p class="muted">
                  {enumLabel(ui.lang, 'role', a.role)}
                  {a.regionCode && ` · ${t('roles.accountRegion', { region: regionName(a.regionCode, ui.lang) })}`}
                </p>
                <div class="actions">
                  {/* Not for oneself: a new invitation ends the account's sessions (use My account instead). */}
                  {a.id !== ui.session?.account.id && (
                    <form method="post" action={`/app/accounts/${a.id}/invitation`}>
                      <CsrfField ui={ui} />
                      <button type="submit" class="secondary" data-confirm={t('accounts.reinvite.confirm')}>
                        {t('accounts.reinvite')}
                      </button>
                    </form>
                  )}
                  {a.status !== 'disabled' && a.id !== ui.session?.account.id && (
                    <form method="post" action={`/app/accounts/${a.id}/disable`}>
                      <CsrfField ui={ui} />
                      <button type="submit" class="danger" data-confirm={t('accounts.disable.confirm')}>
                        {t('accounts.disable')}
                      </button>
                    </form>
                  )}
                </div>
              </li>
            ))}
          </ul>
        ) : (
          <p class="empty">{t('accounts.none')}</p>
        )}
        <Pager ui={ui} next={props.next ? `/app/accounts?cursor=${encodeURIComponent(props.next)}` : null} />
      </section>
    </Page>
  );
}

/** Only admins and center staff manage accounts; for anyone else the page does not exist. */
const manages = (c: Context<ConsoleEnv>) => {
  const role = c.get('session')?.account.role;
  return role === 'admin' || role === 'center_staff';
};

export function accountsRouter(db: Db, ttlHours: number) {
  const router = new Hono<ConsoleEnv>();
  const page = async (
    c: Context<ConsoleEnv>,
    extra: Partial<Parameters<typeof AccountsPage>[0]> = {},
    status: 200 | 201 | 422 = 200,
  ) => {
    const cursor = c.req.query('cursor');
    const { items, nextCursor } = await listAccounts(db, c.get('actor'), { limit: 50, cursor });
    return c.html(
      <AccountsPage ui={uiOf(c)} accounts={items} next={nextCursor} done={c.req.query('done')} {...extra} />,
      status,
    );
  };
  const origin = (c: Context) => new URL(c.req.url).origin;

  router.get('/accounts', (c, next) => (manages(c) ? page(c) : next()));

  router.post('/accounts', async (c, next) => {
    if (!manages(c)) return next();
    const ui = uiOf(c);
    const form = await readForm(c);
    const values: FormValues = Object.fromEntries(
      ['login', 'displayName', 'role', 'subjectId', 'centerId', 'regionCode', 'lang'].map((k) => [
        k,
        field(form, k).trim(),
      ]),
    );
    const body = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
    const errors: FieldErrors = {};
    if (SUBJECT_ROLES.includes(values.role as Role) && !values.subjectId) errors.subjectId = ui.t('field.required');
    const parsed = accountCreateSchema.safeParse(body);
    if (!parsed.success) Object.assign(errors, zodFieldErrors(parsed.error, ui.t), errors);
    if (Object.keys(errors).length) return page(c, { values, errors }, 422);
    try {
      const created = await createAccount(db, c.get('actor'), parsed.data!, { ttlHours });
      const { invitation, ...account } = created;
      return page(c, { created: { account, invitation, origin: origin(c) } }, 201);
    } catch (err) {
      const fieldErrors = appFieldErrors(err, ui.lang);
      if (!fieldErrors || (err as { status?: number }).status === 404) throw err;
      return page(c, { values, errors: fieldErrors }, 422);
    }
  });

  router.post('/accounts/:id/invitation', async (c, next) => {
    if (!manages(c)) return next();
    const { invitation, ...account } = await reissueInvitation(db, c.get('actor'), c.req.param('id'), { ttlHours });
    return page(c, { created: { account, invitation, origin: origin(c) } });
  });

  router.post('/accounts/:id/disable', async (c, next) => {
    if (!manages(c)) return next();
    await disableAccount(db, c.get('actor'), c.req.param('id'));
    return c.redirect('/app/accounts?done=disabled', 303);
  });

  return router;
}
