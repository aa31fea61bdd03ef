import { z } from 'zod';
import { TRAINING_INVITATION_STATUSES } from '../enums.ts';
import { textField } from '../common/validation.ts';

export const MAX_INVITATION_MESSAGE = 2000;

/**
 * `POST /v1/trainings/{id}/invitations`: whom to invite — a trainer by the pseudonymous `handle` of its
 * cohort matches, center staff and admins by `founderId` (either is accepted from them); exactly one.
 */
export const trainingInvitationBodySchema = z
  .object({
    handle: z.string().min(1).max(100).optional().describe("a founder's handle from the trainer's cohort matches"),
    founderId: z.uuid().optional().describe("center staff and admins: the founder's id"),
    message: textField(MAX_INVITATION_MESSAGE).optional().describe('shown to the founder / 给创业者的留言'),
  })
  .strict()
  .refine((b) => (b.handle === undefined) !== (b.founderId === undefined), {
    // On the body as a whole: the fault is the combination, not a field that was sent.
    message: 'give exactly one of handle and founderId / handle 与 founderId 须且只能提供一个',
  });

/** `GET /v1/training-invitations` filters. */
export const trainingInvitationFiltersSchema = z.object({
  trainingId: z.uuid().optional(),
  status: z.enum(TRAINING_INVITATION_STATUSES).optional(),
});

export type TrainingInvitationBody = z.infer<typeof trainingInvitationBodySchema>;
export type TrainingInvitationFilters = z.infer<typeof trainingInvitationFiltersSchema>;
