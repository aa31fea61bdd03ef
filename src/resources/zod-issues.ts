import type { z } from 'zod';
import type { FieldIssue } from '../errors.ts';

/** zod issues as the contract's `errors: [{ path, message }]` (path dotted, e.g. `founderIds.0`). */
export const zodIssues = (error: z.ZodError): FieldIssue[] =>
  error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
