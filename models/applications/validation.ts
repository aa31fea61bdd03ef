import { z } from 'zod';
import { ADMISSION_DECISIONS, APPLICATION_STATUSES } from '../enums.ts';
import { textField } from '../common/validation.ts';

export const MAX_ANSWER = 5000;
export const MAX_REASON = 2000;

/** `POST /v1/applications`. */
export const applicationBodySchema = z
  .object({
    projectId: z.uuid(),
    centerId: z.uuid(),
    answers: z
      .record(z.string().max(64), textField(MAX_ANSWER))
      .default({})
      .describe("answers by question id of the center's admission form"),
    wanted: textField(2000).optional().describe('the space or services wanted from the center'),
  })
  .strict();

/** `POST /v1/applications/{id}/decision`. */
export const decisionBodySchema = z
  .object({
    decision: z.enum(ADMISSION_DECISIONS),
    reason: z.string().trim().min(1, 'a reason is required').max(MAX_REASON).describe('why; the founders read it'),
  })
  .strict();

/** `GET /v1/applications` filters. */
export const applicationFiltersSchema = z.object({
  centerId: z.uuid().optional(),
  projectId: z.uuid().optional(),
  status: z.enum(APPLICATION_STATUSES).optional(),
});

export type ApplicationBody = z.input<typeof applicationBodySchema>;
export type DecisionBody = z.infer<typeof decisionBodySchema>;
export type ApplicationFilters = z.infer<typeof applicationFiltersSchema>;
