// The mentor's own profile: capacity, whether it takes introductions, expertise, sectors, languages,
// remote, bio. Saved through the Repository with the mentor's own actor (the directory policy lets a
// mentor edit its own record only).
import { LANGS, SECTORS, TOPICS } from '../../../models/enums.ts';
import { mentorBodySchema } from '../../../models/mentors/validation.ts';
import { MAX_TEXT } from '../../../models/common/validation.ts';
import type { LabelKind } from '../../i18n/labels.ts';
import { enumOptions } from '../options.ts';
import { Checkboxes, CsrfField, FormErrors, Notice, TextArea, TextField } from '../components.tsx';
import { field, fieldList, type FieldErrors } from '../forms.ts';
import { Page } from '../layout.tsx';
import type { Ui } from '../ui.ts';
import { type Form, numberValue } from '../profile/profile-form.ts';

export const mentorSchema = mentorBodySchema;

/** The patch of the mentor's form (the fields it shows, nothing else). */
export const mentorPatch = (form: Form) => ({
  capacity: numberValue(field(form, 'capacity')),
  active: field(form, 'active') === 'true',
  expertise: fieldList(form, 'expertise'),
  sectors: fieldList(form, 'sectors'),
  languages: fieldList(form, 'languages'),
  remote: field(form, 'remote') === 'true',
  bio: field(form, 'bio'),
});

export function MentorProfilePage(props: {
  ui: Ui;
  name: string;
  values: Record<string, any>;
  errors?: FieldErrors;
  done?: string;
}) {
  const { ui, values: v, errors } = props;
  const { t, lang } = ui;
  const options = (kind: LabelKind, values: readonly string[]) => enumOptions(lang, kind, values);
  return (
    <Page ui={ui} title={t('profile.title')}>
      <p class="muted">{props.name}</p>
      {props.done === 'saved' && <Notice kind="success">{t('profile.saved')}</Notice>}
      <FormErrors ui={ui} errors={errors} />
      <form method="post" action="/app/profile" novalidate>
        <CsrfField ui={ui} />
        <TextField
          name="capacity"
          type="number"
          min={0}
          label={t('profile.capacity')}
          hint={t('profile.capacity.hint')}
          value={v.capacity}
          errors={errors}
          required
        />
        <Checkboxes
          name="active"
          label={t('profile.availability')}
          options={[{ value: 'true', label: t('profile.active') }]}
          values={v.active ? ['true'] : []}
          errors={errors}
        />
        <Checkboxes
          name="expertise"
          label={t('profile.expertise')}
          options={options('topic', TOPICS)}
          values={v.expertise}
          errors={errors}
        />
        <Checkboxes
          name="sectors"
          label={t('profile.sectors')}
          options={options('sector', SECTORS)}
          values={v.sectors}
          errors={errors}
        />
        <Checkboxes
          name="languages"
          label={t('profile.languages')}
          options={options('lang', LANGS)}
          values={v.languages}
          errors={errors}
        />
        <Checkboxes
          name="remote"
          label={t('profile.remoteTitle')}
          options={[{ value: 'true', label: t('profile.remote') }]}
          values={v.remote ? ['true'] : []}
          errors={errors}
        />
        <TextArea name="bio" label={t('profile.bio')} value={v.bio} rows={6} maxlength={MAX_TEXT} errors={errors} />
        <div class="actions">
          <button type="submit">{t('action.save')}</button>
        </div>
      </form>
    </Page>
  );
}
