// The investor's own profile: kind, thesis, sectors, stages, ticket range, regions, whether it takes
// introductions. Saved through the Repository with the investor's own actor.
import { INVESTOR_KINDS, SECTORS, STAGES } from '../../../models/enums.ts';
import { investorBodySchema } from '../../../models/investors/validation.ts';
import { MAX_TEXT } from '../../../models/common/validation.ts';
import { regions, REGION_ROOT } from '../../../seeds/reference/regions.ts';
import { type LabelKind, regionName } from '../../i18n/labels.ts';
import { enumOptions } from '../options.ts';
import type { Translate } from '../../i18n/t.ts';
import { Checkboxes, CsrfField, FormErrors, Notice, Select, TextArea, TextField } from '../components.tsx';
import { field, fieldList, type FieldErrors } from '../forms.ts';
import { Page } from '../layout.tsx';
import type { Ui } from '../ui.ts';
import { type Form, numberValue } from '../profile/profile-form.ts';

export const investorSchema = investorBodySchema;

export const investorPatch = (form: Form) => ({
  kind: field(form, 'kind'),
  thesis: field(form, 'thesis'),
  sectors: fieldList(form, 'sectors'),
  stages: fieldList(form, 'stages'),
  ticketMinCny: numberValue(field(form, 'ticketMinCny')),
  ticketMaxCny: numberValue(field(form, 'ticketMaxCny')),
  regionCodes: fieldList(form, 'regionCodes'),
  active: field(form, 'active') === 'true',
});

/** The stored invariant (min ≤ max), said in the reader's language before the Repository says it in English. */
export function ticketOrder(patch: Record<string, unknown>, t: Translate): FieldErrors {
  const { ticketMinCny: min, ticketMaxCny: max } = patch;
  return typeof min === 'number' && typeof max === 'number' && min > max
    ? { ticketMinCny: t('profile.ticketOrder') }
    : {};
}

/** The region and its prefectures, plus any other region the investor already chose. */
const regionOptions = (chosen: readonly string[]) => {
  const base = regions.filter((r) => r.code === REGION_ROOT || r.level === 'prefecture').map((r) => r.code);
  return [...base, ...chosen.filter((c) => !base.includes(c))];
};

export function InvestorProfilePage(props: {
  ui: Ui;
  name: string;
  values: Record<string, any>;
  errors?: FieldErrors;
  done?: string;
}) {
  const { ui, values: v, errors } = props;
  const { t, lang } = ui;
  const options = (kind: LabelKind, values: readonly string[]) => enumOptions(lang, kind, values);
  const chosenRegions: string[] = v.regionCodes ?? [];
  return (
    <Page ui={ui} title={t('profile.title')}>
      <p class="muted">{props.name}</p>
      {props.done === 'saved' && <Notice kind="success">{t('profile.saved')}</Notice>}
      <FormErrors ui={ui} errors={errors} />
      <form method="post" action="/app/profile" novalidate>
        <CsrfField ui={ui} />
        <Select
          name="kind"
          label={t('profile.kind')}
          options={options('investorKind', INVESTOR_KINDS)}
          value={v.kind}
          errors={errors}
          required
        />
        <TextArea
          name="thesis"
          label={t('profile.thesis')}
          value={v.thesis}
          rows={6}
          maxlength={MAX_TEXT}
          errors={errors}
        />
        <Checkboxes
          name="sectors"
          label={t('profile.sectors')}
          hint={t('profile.emptyMeansAll')}
          options={options('sector', SECTORS)}
          values={v.sectors}
          errors={errors}
        />
        <Checkboxes
          name="stages"
          label={t('profile.stages')}
          hint={t('profile.emptyMeansAll')}
          options={options('stage', STAGES)}
          values={v.stages}
          errors={errors}
        />
        <TextField
          name="ticketMinCny"
          type="number"
          min={0}
          label={t('profile.ticketMin')}
          value={v.ticketMinCny}
          errors={errors}
          required
        />
        <TextField
          name="ticketMaxCny"
          type="number"
          min={0}
          label={t('profile.ticketMax')}
          value={v.ticketMaxCny}
          errors={errors}
          required
        />
        <Checkboxes
          name="regionCodes"
          label={t('profile.regions')}
          hint={t('profile.emptyMeansAll')}
          options={regionOptions(chosenRegions).map((code) => ({ value: code, label: regionName(code, lang) }))}
          values={chosenRegions}
          errors={errors}
        />
        <Checkboxes
          name="active"
          label={t('profile.availability')}
          options={[{ value: 'true', label: t('profile.active') }]}
          values={v.active ? ['true'] : []}
          errors={errors}
        />
        <div class="actions">
          <button type="submit">{t('action.save')}</button>
        </div>
      </form>
    </Page>
  );
}
