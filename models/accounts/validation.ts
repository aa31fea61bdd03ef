import { z } from 'zod';
import { LANGS, ROLES } from '../enums.ts';

/** Letters (any script), digits and `._-@+`: an e-mail address, a phone number or a plain name. */
export const LOGIN_PATTERN = /^[\p{L}\p{N}._\-@+]{3,100}$/u;
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

export const loginField = z
  .string()
  .trim()
  .regex(
    LOGIN_PATTERN,
    'letters, digits and ._-@+, 3 to 100 characters / 登录名只能包含字母、数字和 ._-@+，3 至 100 个字符',
  );

/** `POST /v1/accounts`. */
export const accountCreateSchema = z
  .object({
    login: loginField,
    displayName: z.string().trim().min(1).max(100).optional(),
    role: z.enum(ROLES),
    subjectId: z.string().min(1).max(200).optional(),
    centerId: z.uuid().optional(),
    lang: z.enum(LANGS).optional(),
  })
  .strict();

export type AccountCreate = z.infer<typeof accountCreateSchema>;
