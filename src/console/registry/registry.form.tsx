// One small form builder for the registry's records: each resource lists its fields (registry.fields.ts);
// this turns the list into inputs (values kept, errors in place), a form body into the API's body, and
// a stored record back into form values. Projects use the founder's project form instead.
import type { Child } from 'hono/jsx';
import type { Lang } from '../../i18n/lang.ts';
import type { MessageKey } from '../../i18n/t.ts';
import type { Row } from '../../resources/types.ts';
import { Checkboxes, CsrfField, FormErrors, type Option, Select, TextArea, TextField } from '../components.tsx';
import { type FieldErrors, field, fieldList } from '../forms.ts';
import { numberValue } from '../profile/profile-form.ts';
import type { Ui } from '../ui.ts';

interface Base {
  /** Body path; a dotted name is a field inside an object (e.g. `contact.phone`). */
  name: string;
  label: MessageKey;
  hint?: MessageKey;
  required?: boolean;
  /** Empty means "not given": null in the body (clears a stored value on edit). */
  optional?: boolean;
}

export type FieldSpec =
  | (Base & { kind: 'text' | 'textarea' | 'email' | 'tel'; maxlength?: number })
  | (Base & { kind: 'number' })
  /** A day (YYYY-MM-DD), with the browser's date picker. */
  | (Base & { kind: 'date' })
  | (Base & { kind: 'select'; options: (lang: Lang) => Option[] })
  /** `chosen`: the values ticked now, so that one outside the usual options is kept. */
  | (Base & { kind: 'checks'; options: (lang: Lang, chosen: readonly string[]) => Option[] })
  /** One checkbox: true when ticked. */
  | (Base & { kind: 'flag'; text: MessageKey });

/** The form as typed: strings, and lists for checkboxes. */
export type FormValues = Record<string, string | string[]>;

export function readValues(fields: readonly FieldSpec[], form: FormValues): FormValues {
  const out: FormValues = {};
  for (const f of fields) out[f.name] = f.kind === 'checks' ? fieldList(form, f.name) : field(form, f.name);
  return out;
}

export function valuesOf(fields: readonly FieldSpec[], row: Row): FormValues {
  const out: FormValues = {};
  for (const f of fields) {
    const v = f.name.split('.').reduce<any>((o, k) => (o == null ? undefined : o[k]), row);
    if (f.kind === 'checks') out[f.name] = Array.isArray(v) ? v.map(String) : [];
    else if (f.kind === 'flag') out[f.name] = v ? 'true' : '';
    else out[f.name] = v == null ? '' : String(v);
  }
  return out;
}

/**
 * The API body of the values: numbers as numbers (text that is no number stays text, so the schema
 * says "a number"), empty selects undefined (the schema says "required"), empty optional fields null,
 * dotted names nested (an object whose fields are all empty is null).
 */
export function bodyOf(fields: readonly FieldSpec[], values: FormValues): Row {
  const body: Row = {};
  for (const f of fields) {
    const raw = values[f.name];
    let v: unknown;
    if (f.kind === 'checks') v = raw ?? [];
    else if (f.kind === 'flag') v = raw === 'true';
    else {
      const s = typeof raw === 'string' ? raw.trim() : '';
      if (s === '') v = f.optional ? null : f.kind === 'select' || f.kind === 'number' ? undefined : s;
      else v = f.kind === 'number' ? numberValue(s) : f.kind === 'text' || f.kind === 'textarea' ? raw : s;
    }
    const [head, sub] = f.name.split('.');
    if (!sub) body[head] = v;
    else if (v !== null) body[head] = { ...(body[head] ?? {}), [sub]: v };
    else body[head] ??= null;
  }
  return body;
}

/** Error paths → the form field that shows them (`languages.0` → `languages`, `contact.email` stays). */
export function fieldErrorsOf(fields: readonly FieldSpec[], errors: FieldErrors): FieldErrors {
  const names = new Set(fields.map((f) => f.name));
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    const parts = path.split('.');
    const name = names.has(parts.slice(0, 2).join('.')) ? parts.slice(0, 2).join('.') : parts[0];
    out[names.has(name) || name === '' ? name : ''] ??= message;
  }
  return out;
}

function Input(props: { ui: Ui; f: FieldSpec; values: FormValues; errors?: FieldErrors }) {
  const { ui, f, values, errors } = props;
  const { t } = ui;
  const common = { name: f.name, label: t(f.label), hint: f.hint && t(f.hint), required: f.required, errors };
  const value = values[f.name];
  const text = typeof value === 'string' ? value : '';
  switch (f.kind) {
    case 'textarea':
      return <TextArea {...common} value={text} rows={4} maxlength={f.maxlength} />;
    case 'text':
    case 'email':
    case 'tel':
      return <TextField {...common} type={f.kind} value={text} maxlength={f.maxlength} />;
    case 'number':
      return <TextField {...common} type="number" min={0} step="1" value={text} />;
    case 'date':
      return <TextField {...common} type="date" value={text} />;
    case 'select':
      return <Select {...common} options={f.options(ui.lang)} value={text} empty={t('registry.form.choose')} />;
    case 'checks': {
      const chosen = Array.isArray(value) ? value : [];
      return <Checkboxes {...common} options={f.options(ui.lang, chosen)} values={chosen} />;
    }
    case 'flag':
      return <Checkboxes {...common} options={[{ value: 'true', label: t(f.text) }]} values={[text]} />;
  }
}

export function RecordForm(props: {
  ui: Ui;
  action: string;
  fields: readonly FieldSpec[];
  values: FormValues;
  errors?: FieldErrors;
  submitLabel: string;
  cancelHref: string;
  children?: Child;
}) {
  const { ui, errors } = props;
  return (
    <form method="post" action={props.action} class="card" novalidate>
      <CsrfField ui={ui} />
      <FormErrors ui={ui} errors={errors} />
      {props.children}
      {props.fields.map((f) => (
        <Input ui={ui} f={f} values={props.values} errors={errors} />
      ))}
      <div class="actions">
        <button type="submit">{props.submitLabel}</button>
        <a class="button secondary" href={props.cancelHref}>
          {ui.t('action.cancel')}
        </a>
      </div>
    </form>
  );
}
