import type { AccountRow } from '../../accounts/sessions.ts';
import { MAX_PASSWORD_LENGTH } from '../../../models/accounts/validation.ts';
import { CsrfField, FormErrors, Notice, TextField } from '../components.tsx';
import type { FieldErrors } from '../forms.ts';
import { Page } from '../layout.tsx';
import type { Ui } from '../ui.ts';

export function LoginPage(props: { ui: Ui; login?: string; next?: string; errors?: FieldErrors; notice?: string }) {
  const { ui } = props;
  const { t } = ui;
  return (
    <Page ui={ui} title={t('auth.signIn.title')}>
      <p>{t('auth.signIn.intro')}</p>
      {props.notice && <Notice kind="success">{props.notice}</Notice>}
      <FormErrors ui={ui} errors={props.errors} />
      <form method="post" action="/app/login" class="card">
        <CsrfField ui={ui} />
        {props.next && <input type="hidden" name="next" value={props.next} />}
        <TextField
          name="login"
          label={t('auth.login')}
          hint={t('auth.login.hint')}
          value={props.login}
          autocomplete="username"
          maxlength={200}
          required
          errors={props.errors}
        />
        <TextField
          name="password"
          type="password"
          label={t('auth.password')}
          autocomplete="current-password"
          maxlength={MAX_PASSWORD_LENGTH}
          required
          errors={props.errors}
        />
        <div class="actions">
          <button type="submit">{t('auth.signIn')}</button>
        </div>
      </form>
      <p class="muted">{t('auth.noAccount')}</p>
    </Page>
  );
}

export function InvitePage(props: { ui: Ui; account: AccountRow; action: string; errors?: FieldErrors }) {
  const { ui, account } = props;
  const { t } = ui;
  return (
    <Page ui={ui} title={t('auth.invite.title')}>
      <p>{t('auth.invite.intro', { name: account.displayName ?? account.login, login: account.login })}</p>
      <FormErrors ui={ui} errors={props.errors} />
      <form method="post" action={props.action} class="card">
        <CsrfField ui={ui} />
        {/* Lets password managers store the new password under the right login. */}
        <input type="hidden" name="username" value={account.login} autocomplete="username" />
        <TextField
          name="password"
          type="password"
          label={t('auth.invite.newPassword')}
          hint={t('auth.invite.passwordHint')}
          autocomplete="new-password"
          maxlength={MAX_PASSWORD_LENGTH}
          required
          errors={props.errors}
        />
        <TextField
          name="password2"
          type="password"
          label={t('auth.invite.repeatPassword')}
          autocomplete="new-password"
          maxlength={MAX_PASSWORD_LENGTH}
          required
          errors={props.errors}
        />
        <div class="actions">
          <button type="submit">{t('auth.invite.submit')}</button>
        </div>
      </form>
    </Page>
  );
}
