import { z } from 'zod';
import { RECOMMENDATIONS } from '../enums.ts';
import { textField } from '../common/validation.ts';

/** `POST /v1/applications/{id}/reviews` (the scale is the form's: checked by the domain). */
export const reviewBodySchema = z
  .object({
    scores: z
      .record(z.string().max(64), z.number().int('must be a whole number'))
      .describe('score per criterion id, 1…scale of the form; every criterion scored'),
    recommendation: z.enum(RECOMMENDATIONS),
    comment: textField(5000).optional(),
  })
  .strict();

export type ReviewBody = z.infer<typeof reviewBodySchema>;
