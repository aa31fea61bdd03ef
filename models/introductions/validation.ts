import { z } from 'zod';
import { createInsertSchema } from 'drizzle-zod';
import { INTRODUCTION_STATUSES, INTRODUCTION_TARGETS } from '../enums.ts';
import { textField } from '../common/validation.ts';
import { introductionsTable } from './table.ts';

export const MAX_INTRODUCTION_MESSAGE = 5000;

/** `POST /v1/introductions`: the requester names a project and a mentor or investor. */
export const introductionBodySchema = createInsertSchema(introductionsTable, {
  projectId: () => z.uuid(),
  targetId: () => z.uuid(),
  message: () => textField(MAX_INTRODUCTION_MESSAGE),
})
  .pick({ projectId: true, targetKind: true, targetId: true, message: true })
  .strict();

/** Optional body of accept/decline/end: a short note kept in the audit log (feedback for matching). */
export const introductionDecisionSchema = z
  .object({ note: textField(2000).optional().describe('why (kept in the audit log) / 说明（记入审计日志）') })
  .strict();

/** `GET /v1/introductions` filters. */
export const introductionFiltersSchema = z.object({
  projectId: z.uuid().optional(),
  targetId: z.uuid().optional(),
  targetKind: z.enum(INTRODUCTION_TARGETS).optional(),
  status: z.enum(INTRODUCTION_STATUSES).optional(),
});

export type IntroductionBody = z.infer<typeof introductionBodySchema>;
export type IntroductionFilters = z.infer<typeof introductionFiltersSchema>;
