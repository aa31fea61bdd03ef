// Form bodies in, field errors out: zod issues become catalogue messages in the reader's language;
// the domain's bilingual "English / 中文" messages show the reader's half (Chinese for Tibetan readers,
// until the domain speaks Tibetan).
import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError } from '../errors.ts';
import type { Lang } from '../i18n/lang.ts';
import type { Translate } from '../i18n/t.ts';

/** path → message, for the fields of one form ('' is the form as a whole). */
export type FieldErrors = Record<string, string>;

/** The submitted form as strings; repeated names (checkboxes) as arrays. */
export async function readForm(c: Context): Promise<Record<string, string | string[]>> {
  const body = await c.req.parseBody({ all: true });
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(body)) {
    if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string');
    else if (typeof v === 'string') out[k] = v;
  }
  return out;
}

export const field = (form: Record<string, string | string[]>, name: string): string => {
  const v = form[name];
  return (Array.isArray(v) ? v[0] : v) ?? '';
};

export const fieldList = (form: Record<string, string | string[]>, name: string): string[] => {
  const v = form[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
};

/** The reader's half of a domain message written "English / 中文". */
export function localizeDetail(message: string, lang: Lang): string {
  const at = message.lastIndexOf(' / ');
  if (at < 0) return message;
  return lang === 'en' ? message.slice(0, at) : message.slice(at + 3);
}

export function zodFieldErrors(error: z.ZodError, t: Translate): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.join('.');
    if (out[path]) continue;
    out[path] = issueMessage(issue, t);
  }
  return out;
}

function issueMessage(issue: z.core.$ZodIssue, t: Translate): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === '') return t('field.required');
      return issue.expected === 'number' ? t('field.notNumber') : t('field.invalid');
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1 ? t('field.required') : t('field.tooShort', { min: Number(issue.minimum) });
      if (issue.origin === 'array' && Number(issue.minimum) <= 1) return t('field.required');
      return t('field.tooSmall', { min: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return t('field.tooLong', { max: Number(issue.maximum) });
      return t('field.tooBig', { max: Number(issue.maximum) });
    case 'invalid_value':
      return t('field.invalidChoice');
    case 'invalid_format':
      return issue.format === 'date' ? t('field.notDate') : t('field.invalid');
    default:
      return t('field.invalid');
  }
}

/** Field errors of a domain error (problem+json `errors[]`), or null when it is not about fields. */
export function appFieldErrors(error: unknown, lang: Lang): FieldErrors | null {
  if (!(error instanceof AppError) || error.status >= 500) return null;
  const out: FieldErrors = {};
  for (const issue of error.errors) out[issue.path] ??= localizeDetail(issue.message, lang);
  if (!error.errors.length) out[''] = localizeDetail(error.message, lang);
  return out;
}
