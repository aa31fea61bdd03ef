import { z } from 'zod';
import { refineBinding } from '../common/binding.ts';
// (Also extends zod with `.openapi()` before the schemas below are made.)
import { nameField } from '../common/validation.ts';
import { ACCOUNT_STATUSES, LANGS, ROLES } from '../enums.ts';

/**
 * Letters (any script, with their combining marks: Tibetan vowel signs and subjoined letters are
 * marks), digits and `._-@+`: an e-mail address, a phone number (`+8613800000000`, `138-0000-0000`)
 * or a plain name.
 */
export const LOGIN_PATTERN = /^[\p{L}\p{M}\p{N}._\-@+]{3,100}$/u;
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

export const loginField = z
  .string()
  .trim()
  .regex(
    LOGIN_PATTERN,
    'letters, digits and ._-@+ (or a phone number), 3 to 100 characters / 登录名只能包含字母、数字和 ._-@+（或手机号），3 至 100 个字符',
  );

/** The login as stored and compared: NFC, so that one name typed two ways is one login. */
export const normalizeLogin = (login: string) => login.trim().normalize('NFC');

/**
 * `POST /v1/accounts`: the binding rules are the API keys' (models/common/binding.ts), but center staff
 * may leave a center_staff account's centerId out (their own center; src/accounts/accounts.ts).
 */
export const accountCreateSchema = z
  .object({
    login: loginField,
    displayName: nameField(100).optional(),
    role: z.enum(ROLES),
    subjectId: z.string().trim().min(1).max(200).optional(),
    centerId: z.uuid().optional(),
    /** region_admin's region (admins only create region_admin accounts). */
    regionCode: z.string().trim().min(1).max(20).optional(),
    lang: z.enum(LANGS).optional(),
  })
  .strict()
  .superRefine((v, ctx) => refineBinding(v, ctx, 'accounts', { centerFromCaller: true }));

export type AccountCreate = z.infer<typeof accountCreateSchema>;

/** `GET /v1/accounts` filters. */
export const accountListQuerySchema = z.object({
  role: z.enum(ROLES).optional(),
  status: z.enum(ACCOUNT_STATUSES).optional(),
  subjectId: z.string().trim().min(1).max(200).optional(),
  centerId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export type AccountListQuery = z.infer<typeof accountListQuerySchema>;
