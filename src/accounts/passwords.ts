// Passwords: argon2id (OWASP's minimum parameters: 19 MiB, 2 passes), length rules and a list of
// common passwords (zxcvbn-ts' 49k list, the ≥ 10-character ones being the ones that matter here).
import { Algorithm, hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../models/accounts/validation.ts';

const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

const COMMON = new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));

/** Why a new password is refused (a message key of the console catalogue), or null when it is fine. */
export type PasswordProblem = 'password_too_short' | 'password_too_long' | 'password_common' | 'password_like_login';

export function passwordProblem(password: string, login: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return 'password_too_short';
  if (length > MAX_PASSWORD_LENGTH) return 'password_too_long';
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || new Set(lower).size <= 2) return 'password_common';
  if (lower.includes(login.toLowerCase())) return 'password_like_login';
  return null;
}

export const hashPassword = (password: string) => hash(password, OPTIONS);

// Verifying against a hash of nothing for unknown logins keeps the time of a failed sign-in the same
// whether or not the login exists.
let dummy: Promise<string> | null = null;

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH * 4) return false;
  if (!stored) {
    dummy ??= hashPassword('not a password of anyone');
    await verify(await dummy, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}
