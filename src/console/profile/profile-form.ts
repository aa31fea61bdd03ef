// Reading a profile form into the patch the API's PATCH would take, and its errors in place.
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { Lang } from '../../i18n/lang.ts';
import type { Translate } from '../../i18n/t.ts';
import { appFieldErrors, type FieldErrors, zodFieldErrors } from '../forms.ts';

export type Form = Record<string, string | string[]>;

/** A number field: '' stays '' (required), text that is no number stays text (not a number). */
export const numberValue = (s: string): number | string => {
  const v = s.trim();
  return v !== '' && Number.isFinite(Number(v)) ? Number(v) : v;
};

/** Field errors keyed by the form field (a list's item errors belong to the list). */
export function topLevel(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) out[path.split('.')[0]] ??= message;
  return out;
}

/**
 * The patch checked against the resource's PATCH schema (the API's), or its field errors. Number
 * fields holding text are named as such here (zod's issues do not carry the input).
 */
export function checkPatch(
  schema: z.ZodObject<any>,
  patch: Record<string, unknown>,
  numbers: readonly string[],
  t: Translate,
): { ok: true } | { ok: false; errors: FieldErrors } {
  const parsed = schema.partial().safeParse(patch);
  if (parsed.success) return { ok: true };
  const errors = topLevel(zodFieldErrors(parsed.error, t));
  for (const name of numbers) {
    const v = patch[name];
    if (typeof v === 'string' && v.trim() !== '') errors[name] = t('field.notNumber');
  }
  return { ok: false, errors };
}

/** A domain 422 as field errors (other errors are not the form's: rethrown). */
export function domainErrors(e: unknown, lang: Lang): FieldErrors {
  if (e instanceof AppError && e.status === 422) return topLevel(appFieldErrors(e, lang) ?? {});
  throw e;
}
