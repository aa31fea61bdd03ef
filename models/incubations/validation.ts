import { z } from 'zod';
import { EXIT_REASONS } from '../enums.ts';
import { isoDate, textField } from '../common/validation.ts';

/** `POST /v1/projects/{id}/graduate`. */
export const graduateBodySchema = z
  .object({
    graduatedOn: isoDate(),
    criteriaMet: z
      .record(z.string().max(64), z.union([z.boolean(), z.number(), z.string().max(500)]))
      .optional()
      .describe(
        'the graduation criteria met, keyed by the ids of the center\'s `graduationCriteria` (admission form), e.g. { "registeredEnterprise": true, "revenue": 500000 }; 422 for another key',
      ),
    note: textField(2000).optional(),
  })
  .strict();

/** `POST /v1/projects/{id}/exit`. */
export const exitBodySchema = z
  .object({
    reason: z.enum(EXIT_REASONS),
    note: textField(2000).optional(),
    exitedOn: isoDate().optional().describe('default: today (Asia/Shanghai)'),
  })
  .strict();

export type GraduateBody = z.infer<typeof graduateBodySchema>;
export type ExitBody = z.infer<typeof exitBodySchema>;
