// The project form (create and edit): every field of the project contract a founder writes, read from a
// form body into the API's body shape, and drawn again with the values kept and the errors in place.
import { LANGS, SECTORS, STAGES, TOPICS } from '../../../models/enums.ts';
import type { Child } from 'hono/jsx';
import type { Row } from '../../resources/types.ts';
import { Checkboxes, CsrfField, FormErrors, type Option, Select, TextArea, TextField } from '../components.tsx';
import { type FieldErrors, field, fieldList } from '../forms.ts';
import type { Ui } from '../ui.ts';
import { enumOptions, regionOptions } from '../options.ts';

/** The form's values as typed (strings), so a refused form comes back exactly as sent. */
export interface ProjectValues {
  title: string;
  description: string;
  sector: string;
  stage: string;
  regionCode: string;
  centerId: string;
  needs: string[];
  fundingNeedCny: string;
  languages: string[];
  notes: string;
}

export const emptyProject = (): ProjectValues => ({
  title: '',
  description: '',
  sector: '',
  stage: '',
  regionCode: '',
  centerId: '',
  needs: [],
  fundingNeedCny: '',
  languages: ['zh'],
  notes: '',
});

export const valuesOfProject = (p: Row): ProjectValues => ({
  title: p.title ?? '',
  description: p.description ?? '',
  sector: p.sector ?? '',
  stage: p.stage ?? '',
  regionCode: p.regionCode ?? '',
  centerId: p.centerId ?? '',
  needs: p.needs ?? [],
  fundingNeedCny: p.fundingNeedCny == null ? '' : String(p.fundingNeedCny),
  languages: p.languages ?? [],
  notes: typeof p.confidential?.notes === 'string' ? p.confidential.notes : '',
});

export function readProjectForm(form: Record<string, string | string[]>): ProjectValues {
  return {
    title: field(form, 'title'),
    description: field(form, 'description'),
    sector: field(form, 'sector'),
    stage: field(form, 'stage'),
    regionCode: field(form, 'regionCode'),
    centerId: field(form, 'centerId'),
    needs: fieldList(form, 'needs'),
    fundingNeedCny: field(form, 'fundingNeedCny').trim(),
    languages: fieldList(form, 'languages'),
    notes: field(form, 'notes'),
  };
}

/**
 * The API body of these values. Empty selects are left undefined (the schema says "required"), an
 * empty funding need is null, a funding need that is no number is NaN (the schema says "a number").
 * The notes live in `confidential.notes`, next to whatever else the block holds.
 */
export function projectBody(v: ProjectValues, storedConfidential?: Record<string, unknown> | null): Row {
  const confidential = { ...(storedConfidential ?? {}) };
  if (v.notes.trim()) confidential.notes = v.notes;
  else delete confidential.notes;
  const keepsNull = !storedConfidential && !Object.keys(confidential).length;
  return {
    title: v.title,
    description: v.description,
    sector: v.sector || undefined,
    stage: v.stage || undefined,
    regionCode: v.regionCode || undefined,
    centerId: v.centerId || null,
    needs: v.needs,
    fundingNeedCny: v.fundingNeedCny === '' ? null : Number(v.fundingNeedCny),
    languages: v.languages,
    ...(keepsNull ? {} : { confidential }),
  };
}

/** Body paths → form field names (the same, but for the notes inside `confidential`). */
export function formErrors(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    const name = path.startsWith('confidential') ? 'notes' : path.split('.')[0];
    out[name] ??= message;
  }
  return out;
}

export function ProjectForm(props: {
  ui: Ui;
  action: string;
  values: ProjectValues;
  errors?: FieldErrors;
  centers: Option[];
  submitLabel: string;
  cancelHref: string;
  /** Fields another area's form adds before these (e.g. the registry's founder of a new project). */
  children?: Child;
  /** The confidential notes' hint when the reader is not a founder (e.g. center staff). */
  notesHint?: string;
}) {
  const { ui, values: v, errors } = props;
  const { t, lang } = ui;
  return (
    <form method="post" action={props.action} class="card" novalidate>
      <CsrfField ui={ui} />
      <FormErrors ui={ui} errors={errors} />
      {props.children}
      <TextField name="title" label={t('founder.project.field.title')} value={v.title} errors={errors} required />
      <TextArea
        name="description"
        label={t('founder.project.field.description')}
        hint={t('founder.project.field.description.hint')}
        value={v.description}
        errors={errors}
        required
        rows={6}
      />
      <Select
        name="sector"
        label={t('founder.project.field.sector')}
        options={enumOptions(lang, 'sector', SECTORS)}
        value={v.sector}
        empty={t('founder.project.field.choose')}
        errors={errors}
        required
      />
      <Select
        name="stage"
        label={t('founder.project.field.stage')}
        options={enumOptions(lang, 'stage', STAGES)}
        value={v.stage}
        empty={t('founder.project.field.choose')}
        errors={errors}
        required
      />
      <Select
        name="regionCode"
        label={t('founder.project.field.region')}
        options={regionOptions(lang)}
        value={v.regionCode}
        empty={t('founder.project.field.choose')}
        errors={errors}
        required
      />
      <Select
        name="centerId"
        label={t('founder.project.field.center')}
        options={props.centers}
        value={v.centerId}
        empty={t('founder.project.field.center.none')}
        errors={errors}
      />
      <Checkboxes
        name="needs"
        label={t('founder.project.field.needs')}
        options={enumOptions(lang, 'topic', TOPICS)}
        values={v.needs}
        errors={errors}
      />
      <TextField
        name="fundingNeedCny"
        type="number"
        min={0}
        step="1"
        label={t('founder.project.field.funding')}
        hint={t('founder.project.field.funding.hint')}
        value={v.fundingNeedCny}
        errors={errors}
      />
      <Checkboxes
        name="languages"
        label={t('founder.project.field.languages')}
        options={enumOptions(lang, 'lang', LANGS)}
        values={v.languages}
        errors={errors}
      />
      <TextArea
        name="notes"
        label={t('founder.project.field.notes')}
        hint={props.notesHint ?? t('founder.project.field.notes.hint')}
        value={v.notes}
        errors={errors}
        rows={3}
      />
      <div class="actions">
        <button type="submit">{props.submitLabel}</button>
        <a class="button secondary" href={props.cancelHref}>
          {t('action.cancel')}
        </a>
      </div>
    </form>
  );
}
