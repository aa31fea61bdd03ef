// The training form (create and edit): every field of the training contract a trainer writes, read
// from a form body into the API's body shape, and drawn again with the values kept and errors in place.
import { FOUNDER_GROUPS, LANGS, PROVIDER_KINDS, STAGES, TOPICS, TRAINING_MODES } from '../../../models/enums.ts';
import type { Row } from '../../resources/types.ts';
import { Checkboxes, CsrfField, FormErrors, Select, TextArea, TextField } from '../components.tsx';
import { type FieldErrors, field, fieldList } from '../forms.ts';
import { enumOptions, regionOptions } from '../options.ts';
import type { Ui } from '../ui.ts';

/** The form's values as typed (strings), so a refused form comes back exactly as sent. */
export interface TrainingValues {
  title: string;
  description: string;
  providerKind: string;
  topics: string[];
  targetGroups: string[];
  stages: string[];
  regionCode: string;
  mode: string;
  seats: string;
  startsOn: string;
  endsOn: string;
  languages: string[];
}

export const emptyTraining = (): TrainingValues => ({
  title: '',
  description: '',
  providerKind: '',
  topics: [],
  targetGroups: [],
  stages: [],
  regionCode: '',
  mode: 'onsite',
  seats: '',
  startsOn: '',
  endsOn: '',
  languages: ['zh', 'bo'],
});

export const valuesOfTraining = (r: Row): TrainingValues => ({
  title: r.title ?? '',
  description: r.description ?? '',
  providerKind: r.providerKind ?? '',
  topics: r.topics ?? [],
  targetGroups: r.targetGroups ?? [],
  stages: r.stages ?? [],
  regionCode: r.regionCode ?? '',
  mode: r.mode ?? '',
  seats: r.seats == null ? '' : String(r.seats),
  startsOn: r.startsOn ?? '',
  endsOn: r.endsOn ?? '',
  languages: r.languages ?? [],
});

export function readTrainingForm(form: Record<string, string | string[]>): TrainingValues {
  return {
    title: field(form, 'title'),
    description: field(form, 'description'),
    providerKind: field(form, 'providerKind'),
    topics: fieldList(form, 'topics'),
    targetGroups: fieldList(form, 'targetGroups'),
    stages: fieldList(form, 'stages'),
    regionCode: field(form, 'regionCode'),
    mode: field(form, 'mode'),
    seats: field(form, 'seats').trim(),
    startsOn: field(form, 'startsOn').trim(),
    endsOn: field(form, 'endsOn').trim(),
    languages: fieldList(form, 'languages'),
  };
}

/**
 * The API body of these values (without `provider`: the caller adds the trainer's own name on create).
 * Empty selects and dates are left undefined (the schema says "required"); seats that are no integer
 * stay as typed numbers (NaN, 2.5) so the schema says what is wrong.
 */
export function trainingBody(v: TrainingValues): Row {
  return {
    title: v.title,
    description: v.description,
    providerKind: v.providerKind || undefined,
    topics: v.topics,
    targetGroups: v.targetGroups,
    stages: v.stages,
    regionCode: v.regionCode || undefined,
    mode: v.mode || undefined,
    seats: v.seats === '' ? undefined : Number(v.seats),
    startsOn: v.startsOn || undefined,
    endsOn: v.endsOn || undefined,
    languages: v.languages,
  };
}

/** Body paths → form field names (`topics.0` → `topics`). */
export function formErrors(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) out[path.split('.')[0]] ??= message;
  return out;
}

export function TrainingForm(props: {
  ui: Ui;
  action: string;
  values: TrainingValues;
  errors?: FieldErrors;
  /** Seats already taken (editing): the seats field says it cannot go below. */
  enrolled?: number;
  submitLabel: string;
  cancelHref: string;
}) {
  const { ui, values: v, errors } = props;
  const { t, lang } = ui;
  const choose = t('founder.project.field.choose');
  return (
    <form method="post" action={props.action} class="card" novalidate>
      <CsrfField ui={ui} />
      <FormErrors ui={ui} errors={errors} />
      <TextField name="title" label={t('trainer.field.title')} value={v.title} errors={errors} required />
      <TextArea
        name="description"
        label={t('trainer.field.description')}
        hint={t('trainer.field.description.hint')}
        value={v.description}
        errors={errors}
        required
        rows={5}
      />
      <Select
        name="providerKind"
        label={t('trainer.field.providerKind')}
        options={enumOptions(lang, 'providerKind', PROVIDER_KINDS)}
        value={v.providerKind}
        empty={choose}
        errors={errors}
        required
      />
      <Select
        name="mode"
        label={t('trainer.field.mode')}
        hint={t('trainer.field.mode.hint')}
        options={enumOptions(lang, 'trainingMode', TRAINING_MODES)}
        value={v.mode}
        empty={choose}
        errors={errors}
        required
      />
      <Select
        name="regionCode"
        label={t('trainer.field.region')}
        options={regionOptions(lang)}
        value={v.regionCode}
        empty={choose}
        errors={errors}
        required
      />
      <TextField
        name="seats"
        type="number"
        min={0}
        step="1"
        label={t('trainer.field.seats')}
        hint={props.enrolled ? t('trainer.field.seats.enrolled', { count: props.enrolled }) : undefined}
        value={v.seats}
        errors={errors}
        required
      />
      <TextField
        name="startsOn"
        type="date"
        label={t('trainer.field.startsOn')}
        value={v.startsOn}
        errors={errors}
        required
      />
      <TextField
        name="endsOn"
        type="date"
        label={t('trainer.field.endsOn')}
        value={v.endsOn}
        errors={errors}
        required
      />
      <Checkboxes
        name="topics"
        label={t('trainer.field.topics')}
        options={enumOptions(lang, 'topic', TOPICS)}
        values={v.topics}
        errors={errors}
      />
      <Checkboxes
        name="targetGroups"
        label={t('trainer.field.targetGroups')}
        hint={t('trainer.field.emptyMeansAll')}
        options={enumOptions(lang, 'founderGroup', FOUNDER_GROUPS)}
        values={v.targetGroups}
        errors={errors}
      />
      <Checkboxes
        name="stages"
        label={t('trainer.field.stages')}
        hint={t('trainer.field.emptyMeansAll')}
        options={enumOptions(lang, 'stage', STAGES)}
        values={v.stages}
        errors={errors}
      />
      <Checkboxes
        name="languages"
        label={t('trainer.field.languages')}
        options={enumOptions(lang, 'lang', LANGS)}
        values={v.languages}
        errors={errors}
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
