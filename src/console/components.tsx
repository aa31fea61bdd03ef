// Small building blocks of every page: form token, fields with their errors in place, notices, pager.
import type { Child } from 'hono/jsx';
import type { FieldErrors } from './forms.ts';
import type { Ui } from './ui.ts';

export const CsrfField = (props: { ui: Ui }) => <input type="hidden" name="_csrf" value={props.ui.csrfToken} />;

export interface Option {
  value: string;
  label: string;
}

interface FieldProps {
  name: string;
  label: string;
  errors?: FieldErrors;
  hint?: string;
  required?: boolean;
}

const ids = (name: string) => ({ input: `f-${name}`, hint: `f-${name}-hint`, error: `f-${name}-error` });

function Wrap(props: FieldProps & { children: Child }) {
  const id = ids(props.name);
  const error = props.errors?.[props.name];
  return (
    <div class="field">
      <label for={id.input}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={id.hint}>
          {props.hint}
        </p>
      )}
      {props.children}
      {error && (
        <p class="field-error" id={id.error}>
          {error}
        </p>
      )}
    </div>
  );
}

const describedBy = (p: FieldProps) =>
  [p.hint && ids(p.name).hint, p.errors?.[p.name] && ids(p.name).error].filter(Boolean).join(' ') || undefined;

export function TextField(
  props: FieldProps & {
    value?: string | number | null;
    type?: 'text' | 'password' | 'email' | 'tel' | 'number' | 'date' | 'url';
    autocomplete?: string;
    maxlength?: number;
    min?: number;
    step?: string;
  },
) {
  return (
    <Wrap {...props}>
      <input
        id={ids(props.name).input}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.type === 'password' ? undefined : (props.value ?? undefined)}
        required={props.required}
        autocomplete={props.autocomplete}
        maxlength={props.maxlength}
        min={props.min}
        step={props.step}
        aria-invalid={props.errors?.[props.name] ? 'true' : undefined}
        aria-describedby={describedBy(props)}
      />
    </Wrap>
  );
}

export function TextArea(props: FieldProps & { value?: string | null; rows?: number; maxlength?: number }) {
  return (
    <Wrap {...props}>
      <textarea
        id={ids(props.name).input}
        name={props.name}
        rows={props.rows ?? 5}
        required={props.required}
        maxlength={props.maxlength}
        aria-invalid={props.errors?.[props.name] ? 'true' : undefined}
        aria-describedby={describedBy(props)}
      >
        {props.value ?? ''}
      </textarea>
    </Wrap>
  );
}

export function Select(props: FieldProps & { options: Option[]; value?: string | null; empty?: string }) {
  return (
    <Wrap {...props}>
      <select
        id={ids(props.name).input}
        name={props.name}
        required={props.required}
        aria-invalid={props.errors?.[props.name] ? 'true' : undefined}
        aria-describedby={describedBy(props)}
      >
        {props.empty !== undefined && <option value="">{props.empty}</option>}
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Wrap>
  );
}

/** A group of checkboxes or radio buttons under one legend, with its error in place. */
function ChoiceGroup(
  props: FieldProps & {
    type: 'checkbox' | 'radio';
    options: Option[];
    checked: (value: string) => boolean;
    /** The legend for screen readers only (a heading above already says it). */
    hiddenLegend?: boolean;
    disabled?: boolean;
    /** Ids of further text describing the group (e.g. why it is disabled). */
    describedBy?: string;
  },
) {
  const error = props.errors?.[props.name];
  const describedBy = [props.describedBy, error && ids(props.name).error].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset class="field" disabled={props.disabled} aria-describedby={describedBy}>
      <legend class={props.hiddenLegend ? 'visually-hidden' : undefined}>{props.label}</legend>
      {props.hint && <p class="hint">{props.hint}</p>}
      <div class="choices">
        {props.options.map((o) => (
          <label class="choice">
            <input
              type={props.type}
              name={props.name}
              value={o.value}
              checked={props.checked(o.value)}
              required={props.type === 'radio' && props.required}
            />{' '}
            {o.label}
          </label>
        ))}
      </div>
      {error && (
        <p class="field-error" id={ids(props.name).error}>
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** Several choices of one list (needs, languages, groups) as checkboxes. */
export function Checkboxes(props: FieldProps & { options: Option[]; values?: readonly string[] }) {
  return <ChoiceGroup {...props} type="checkbox" checked={(v) => !!props.values?.includes(v)} />;
}

/** One choice of a short list (a decision, a recommendation) as radio buttons. */
export function Radios(
  props: FieldProps & {
    options: Option[];
    value?: string | null;
    hiddenLegend?: boolean;
    disabled?: boolean;
    describedBy?: string;
  },
) {
  return <ChoiceGroup {...props} type="radio" checked={(v) => v === props.value} />;
}

/** The form-level message (errors[''] or a summary when fields are marked). */
export function FormErrors(props: { ui: Ui; errors?: FieldErrors }) {
  const errors = props.errors ?? {};
  const keys = Object.keys(errors);
  if (!keys.length) return null;
  return (
    <div class="notice error" role="alert">
      {errors[''] ?? props.ui.t('error.formInvalid')}
    </div>
  );
}

export function Notice(props: { kind?: 'error' | 'success' | 'info'; children: Child }) {
  return (
    <div class={`notice ${props.kind ?? 'info'}`} role={props.kind === 'error' ? 'alert' : 'status'}>
      {props.children}
    </div>
  );
}

export function Badge(props: { kind?: 'ok' | 'warn' | 'bad' | 'info'; children: Child }) {
  return <span class={`badge ${props.kind ?? 'info'}`}>{props.children}</span>;
}

/** Previous/next links of a cursor-paginated list. */
export function Pager(props: { ui: Ui; previous?: string | null; next?: string | null }) {
  if (!props.previous && !props.next) return null;
  return (
    <nav class="pager" aria-label={props.ui.t('action.next')}>
      {props.previous && (
        <a href={props.previous} rel="prev">
          {props.ui.t('action.previous')}
        </a>
      )}
      {props.next && (
        <a href={props.next} rel="next">
          {props.ui.t('action.next')}
        </a>
      )}
    </nav>
  );
}
