// OpenAPI definitions of the training enrolment and invitation endpoints (shared/API.md "Introductions, enrolments, assignment").
import { createRoute, z } from '@hono/zod-openapi';
import { enrollmentBodySchema } from '../../../models/enrollments/validation.ts';
import { introductionDecisionSchema } from '../../../models/introductions/validation.ts';
import {
  trainingInvitationBodySchema,
  trainingInvitationFiltersSchema,
} from '../../../models/training-invitations/validation.ts';
import { TRAINING_INVITATION_STATUSES } from '../../../models/enums.ts';
import { jsonOk, problemResponses } from '../openapi-common.ts';

const tags = ['trainings'];
const trainingParam = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, format: 'uuid' }) });
const enrollmentParams = trainingParam.extend({
  founderId: z.string().openapi({ param: { name: 'founderId', in: 'path' }, format: 'uuid' }),
});

export const EnrollmentSchema = z
  .object({ id: z.uuid(), trainingId: z.uuid(), founderId: z.uuid(), createdAt: z.iso.datetime() })
  .openapi('Enrollment');
const EnrollmentPage = z
  .object({
    items: z.array(EnrollmentSchema),
    nextCursor: z.string().nullable(),
    seats: z.number().int().describe("the training's seats"),
    seatsLeft: z.number().int().describe('seats − enrolments (never below 0)'),
  })
  .openapi('EnrollmentPage');

export const createEnrollment = createRoute({
  method: 'post',
  path: '/trainings/{id}/enrollments',
  tags,
  summary: 'Enrol a founder in a training',
  description:
    "By the founder themself, the founder's center staff or an admin. 409 when the founder is already enrolled or no seat is left " +
    "(seats − enrolments), also under concurrent enrolments; 422 for an unknown founder (for staff also another center's). A trainer " +
    'does not enrol founders (403, pointing here): it invites them with `POST /v1/trainings/{id}/invitations`, and the enrolment is ' +
    'made when the founder or its center accepts.',
  request: {
    params: trainingParam,
    body: {
      content: { 'application/json': { schema: enrollmentBodySchema.openapi('EnrollmentInput') } },
      required: true,
    },
  },
  responses: { 201: jsonOk(EnrollmentSchema, 'Enrolled'), ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422) },
});

export const listEnrollments = createRoute({
  method: 'get',
  path: '/trainings/{id}/enrollments',
  tags,
  summary: "List a training's enrolments",
  description:
    "Admins and the training's provider see all; center staff those of their founders; a founder their own; others 404.",
  request: {
    params: trainingParam,
    query: z.object({
      limit: z.coerce.number().int().min(1).max(200).default(50).describe('page size (1–200, default 50)'),
      cursor: z.string().max(200).optional().describe('nextCursor of the previous page'),
      founderId: z.uuid().optional().describe("only this founder's enrolment"),
    }),
  },
  responses: { 200: jsonOk(EnrollmentPage, 'A page of enrolments'), ...problemResponses(400, 401, 404) },
});

export const getEnrollment = createRoute({
  method: 'get',
  path: '/trainings/{id}/enrollments/{founderId}',
  tags,
  summary: "A founder's enrolment in a training",
  description:
    "Visible as in the list: admins, the training's provider, the founder's center staff, the founder; others 404.",
  request: { params: enrollmentParams },
  responses: { 200: jsonOk(EnrollmentSchema, 'The enrolment'), ...problemResponses(401, 404) },
});

export const deleteEnrollment = createRoute({
  method: 'delete',
  path: '/trainings/{id}/enrollments/{founderId}',
  tags,
  summary: "Remove a founder's enrolment (frees the seat)",
  description:
    "By whoever sees the enrolment (admin, the training's provider, the founder's center staff, the founder).",
  request: { params: enrollmentParams },
  responses: { 204: { description: 'Removed' }, ...problemResponses(401, 404) },
});

const invitationParam = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, format: 'uuid' }) });
export const TrainingInvitationSchema = z
  .object({
    id: z.uuid(),
    trainingId: z.uuid(),
    status: z.enum(TRAINING_INVITATION_STATUSES),
    founderId: z.uuid().nullable().describe('null for a trainer until the founder accepted'),
    founderName: z.string().nullable().describe('null for a trainer until the founder accepted'),
    handle: z
      .string()
      .optional()
      .describe("trainers only: the founder's pseudonymous handle (as in its cohort matches)"),
    message: z.string().nullable(),
    decidedAt: z.iso.datetime().nullable().describe('when it was accepted or declined'),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    enrollment: EnrollmentSchema.optional().describe('in the answer to accept: the enrolment made'),
  })
  .openapi('TrainingInvitation');
const TrainingInvitationPage = z
  .object({ items: z.array(TrainingInvitationSchema), nextCursor: z.string().nullable() })
  .openapi('TrainingInvitationPage');

export const createInvitation = createRoute({
  method: 'post',
  path: '/trainings/{id}/invitations',
  tags,
  summary: 'Invite a founder to a training',
  description:
    "The training's trainer invites by `handle` (the pseudonymous id of its cohort matches, `GET /v1/trainings/{id}/matches/founders`); " +
    "center staff (their center's founders) and admins by `founderId`. Exactly one of them (422 otherwise); an unknown handle or founder " +
    'is 422. 409 when the founder is already enrolled or already has an invitation to this training (a declined one is not sent ' +
    "again). The founder (or its center's staff) accepts with `POST /v1/training-invitations/{id}/accept`, which enrols it. Audited.",
  request: {
    params: trainingParam,
    body: {
      content: { 'application/json': { schema: trainingInvitationBodySchema.openapi('TrainingInvitationInput') } },
      required: true,
    },
  },
  responses: {
    201: jsonOk(TrainingInvitationSchema, 'Invited'),
    ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422),
  },
});

export const listInvitations = createRoute({
  method: 'get',
  path: '/training-invitations',
  tags,
  summary: 'List training invitations the caller sees',
  description:
    "Admins all; center staff those of their center's founders; a founder its own; a trainer those of its trainings (with the handle; " +
    "the founder's id and name only once accepted); other roles none.",
  request: {
    query: trainingInvitationFiltersSchema.extend({
      limit: z.coerce.number().int().min(1).max(200).default(50).describe('page size (1–200, default 50)'),
      cursor: z.string().max(200).optional().describe('nextCursor of the previous page'),
    }),
  },
  responses: { 200: jsonOk(TrainingInvitationPage, 'A page of invitations'), ...problemResponses(400, 401) },
});

export const getInvitation = createRoute({
  method: 'get',
  path: '/training-invitations/{id}',
  tags,
  summary: 'Get a training invitation',
  description: 'Visible as in the list; others 404.',
  request: { params: invitationParam },
  responses: { 200: jsonOk(TrainingInvitationSchema, 'The invitation'), ...problemResponses(401, 404) },
});

const invitationDecision = (action: 'accept' | 'decline', summary: string, description: string) =>
  createRoute({
    method: 'post',
    path: `/training-invitations/{id}/${action}`,
    tags,
    summary,
    description,
    request: {
      params: invitationParam,
      body: {
        content: { 'application/json': { schema: introductionDecisionSchema.openapi('TrainingInvitationDecision') } },
        required: false,
      },
    },
    responses: {
      200: jsonOk(TrainingInvitationSchema, 'The updated invitation'),
      ...problemResponses(401, 403, 404, 409, 415, 422),
    },
  });

export const nudgeInvitation = createRoute({
  method: 'post',
  path: '/training-invitations/{id}/nudge',
  tags,
  summary: 'Remind the founder of an open invitation (its center)',
  description:
    "By the founder's center staff or an admin (others who see it: 403), only while `invited` (409 otherwise). Records when " +
    '(`nudgedAt`); the founder sees the reminder in the console. Audited.',
  request: { params: invitationParam },
  responses: {
    200: jsonOk(
      TrainingInvitationSchema.extend({ nudgedAt: z.iso.datetime().describe('when the reminder was recorded') }),
      'The invitation, reminded',
    ),
    ...problemResponses(401, 403, 404, 409),
  },
});

export const acceptInvitation = invitationDecision(
  'accept',
  'Accept a training invitation (enrols the founder)',
  "By the invited founder, its center's staff or an admin (the trainer: 403), only while `invited` (else 409). Takes a seat with the " +
    'same check as a direct enrolment: 409 when the training is full (also under concurrency; the invitation then stays open) or the ' +
    'founder is already enrolled. The answer carries the `enrollment`. Audited; the trainer then sees the founder.',
);
export const declineInvitation = invitationDecision(
  'decline',
  'Decline a training invitation',
  "By the invited founder, its center's staff or an admin, only while `invited` (else 409). The trainer never learns who declined. Audited.",
);
