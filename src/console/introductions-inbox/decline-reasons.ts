// Why a mentor or investor declines: a short list (the matching feedback reads the code) plus free
// text. The engagement layer keeps one optional note per decision (audit log); the console asks for a
// reason so that every decline says why, and writes "code: text" as that note.
import { introductionDecisionSchema } from '../../../models/introductions/validation.ts';
import type { MessageKey, Translate } from '../../i18n/t.ts';
import type { FieldErrors } from '../forms.ts';

export const DECLINE_REASONS = ['fit', 'time', 'stage', 'region', 'other'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

export const reasonLabel = (t: Translate, r: DeclineReason) => t(`inbox.reason.${r}` as MessageKey);

export interface DeclineForm {
  reason: string;
  note: string;
}

/** The note to record, or the field errors of the form. */
export function declineNote(form: DeclineForm, t: Translate): { note: string } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const reason = form.reason as DeclineReason;
  const text = form.note.trim();
  if (!form.reason) errors.reason = t('field.required');
  else if (!DECLINE_REASONS.includes(reason)) errors.reason = t('field.invalidChoice');
  else if (reason === 'other' && !text) errors.note = t('inbox.reason.otherNeedsNote');
  const note = text ? `${reason}: ${text}` : reason;
  const parsed = introductionDecisionSchema.safeParse({ note });
  if (!parsed.success && !errors.note) errors.note = t('field.tooLong', { max: NOTE_MAX });
  return Object.keys(errors).length ? { errors } : { note };
}

/** What the free text may hold: the decision note's limit less the longest code and its separator. */
export const NOTE_MAX = 2000 - 'region: '.length;
