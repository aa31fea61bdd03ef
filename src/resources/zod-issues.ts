import type { z } from 'zod';
import type { FieldIssue } from '../errors.ts';

/**
 * zod issues as the contract's `errors: [{ path, message }]` (path dotted, e.g. `founderIds.0`).
 * An unknown field is reported at its own path (`bogus`, `contact.fax`), not at its parent object.
 */
export const zodIssues = (error: z.ZodError): FieldIssue[] =>
  error.issues.flatMap((i) => {
    const path = i.path.map(String);
    if (i.code === 'unrecognized_keys') {
      return i.keys.map((k) => ({ path: [...path, k].join('.'), message: `unknown field "${k}" / 未知字段` }));
    }
    return [{ path: path.join('.'), message: i.message }];
  });
