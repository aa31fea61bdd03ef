// OpenAPI definitions of the training enrolment endpoints (shared/API.md "Introductions, enrolments, assignment").
import { createRoute, z } from '@hono/zod-openapi';
import { enrollmentBodySchema } from '../../../models/enrollments/validation.ts';
import { problemResponses } from '../openapi-common.ts';

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
    seats: z.number().int().describe('the training\'s seats'),
    seatsLeft: z.number().int().describe('seats − enrolments (never below 0)'),
  })
  .openapi('EnrollmentPage');
const ok = (schema: z.ZodType, description: string) => ({ content: { 'application/json': { schema } }, description });

export const createEnrollment = createRoute({
  method: 'post', path: '/trainings/{id}/enrollments', tags, summary: 'Enrol a founder in a training',
  description:
    'By the founder themself, the founder\'s center staff, the training\'s provider (trainer) or an admin. 409 when the founder is already ' +
    'enrolled or no seat is left (seats − enrolments), also under concurrent enrolments; 422 for an unknown founder.',
  request: {
    params: trainingParam,
    body: { content: { 'application/json': { schema: enrollmentBodySchema.openapi('EnrollmentInput') } }, required: true },
  },
  responses: { 201: ok(EnrollmentSchema, 'Enrolled'), ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422) },
});

export const listEnrollments = createRoute({
  method: 'get', path: '/trainings/{id}/enrollments', tags, summary: 'List a training\'s enrolments',
  description: 'Admins and the training\'s provider see all; center staff those of their founders; a founder their own; others 404.',
  request: {
    params: trainingParam,
    query: z.object({
      limit: z.coerce.number().int().min(1).max(200).default(50).describe('page size (1–200, default 50)'),
      cursor: z.string().max(200).optional().describe('nextCursor of the previous page'),
      founderId: z.uuid().optional().describe('only this founder\'s enrolment'),
    }),
  },
  responses: { 200: ok(EnrollmentPage, 'A page of enrolments'), ...problemResponses(400, 401, 404) },
});

export const getEnrollment = createRoute({
  method: 'get', path: '/trainings/{id}/enrollments/{founderId}', tags, summary: 'A founder\'s enrolment in a training',
  description: 'Visible as in the list: admins, the training\'s provider, the founder\'s center staff, the founder; others 404.',
  request: { params: enrollmentParams },
  responses: { 200: ok(EnrollmentSchema, 'The enrolment'), ...problemResponses(401, 404) },
});

export const deleteEnrollment = createRoute({
  method: 'delete', path: '/trainings/{id}/enrollments/{founderId}', tags, summary: 'Remove a founder\'s enrolment (frees the seat)',
  description: 'By whoever sees the enrolment (admin, the training\'s provider, the founder\'s center staff, the founder).',
  request: { params: enrollmentParams },
  responses: { 204: { description: 'Removed' }, ...problemResponses(401, 404) },
});
