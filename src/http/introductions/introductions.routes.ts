// OpenAPI definitions of the introduction endpoints (shared/API.md "Introductions, enrolments, assignment").
import { createRoute, z } from '@hono/zod-openapi';
import {
  introductionBodySchema,
  introductionDecisionSchema,
  introductionFiltersSchema,
} from '../../../models/introductions/validation.ts';
import { INTRODUCTION_INITIATORS, INTRODUCTION_STATUSES, INTRODUCTION_TARGETS } from '../../../models/enums.ts';
import { jsonOk, problemResponses } from '../openapi-common.ts';
import { END_REASONS } from '../../engagement/ended.ts';

const tags = ['introductions'];
const idParam = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, format: 'uuid' }) });

export const IntroductionSchema = z
  .object({
    id: z.uuid(),
    projectId: z.uuid(),
    targetKind: z.enum(INTRODUCTION_TARGETS),
    targetId: z.uuid(),
    message: z.string().nullable(),
    status: z.enum(INTRODUCTION_STATUSES),
    initiator: z
      .enum(INTRODUCTION_INITIATORS)
      .describe(
        'who asked: `project` (a founder, the center, an admin or an assignment run; the target accepts or declines) or `target` ' +
          "(the investor asked to meet the project itself; the project's founders, its center or an admin accept or decline)",
      ),
    assignmentRunId: z
      .uuid()
      .nullable()
      .describe('set when the introduction was published from a coach assignment run'),
    decidedAt: z.iso.datetime().nullable().describe('when it was accepted or declined'),
    endedAt: z.iso.datetime().nullable(),
    endReason: z
      .enum(END_REASONS)
      .nullable()
      .describe(
        'why it ended when no party ended it: its mentor, investor or project was removed (deleted with history); null otherwise',
      ),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi('Introduction');
const IntroductionPage = z
  .object({ items: z.array(IntroductionSchema), nextCursor: z.string().nullable() })
  .openapi('IntroductionPage');
const MentorCapacity = z
  .object({
    mentorId: z.uuid(),
    capacity: z.number().int(),
    accepted: z.number().int().describe('accepted, not yet ended introductions'),
    remaining: z.number().int().describe('capacity − accepted (never below 0)'),
  })
  .openapi('MentorCapacity');

const decisionBody = {
  content: { 'application/json': { schema: introductionDecisionSchema.openapi('IntroductionDecision') } },
  required: false,
};

export const requestIntroduction = createRoute({
  method: 'post',
  path: '/introductions',
  tags,
  summary: 'Request an introduction of a project to a mentor or investor',
  description:
    'By a founder of the project, its center staff or an admin (the project is 404 for anyone else): `initiator: "project"`. ' +
    'An investor may ask to meet a project it reads (vetted, not archived; 404 otherwise) for itself only (`targetKind: "investor"`, ' +
    '`targetId` = its own id; 403 otherwise): `initiator: "target"`, decided by the project side. The target must exist and be active ' +
    '(422); an investor needs a vetted project (422). One non-ended introduction per (project, target): an open (requested/accepted) or ' +
    'declined one makes this 409.',
  request: {
    body: {
      content: { 'application/json': { schema: introductionBodySchema.openapi('IntroductionInput') } },
      required: true,
    },
  },
  responses: { 201: jsonOk(IntroductionSchema, 'Requested'), ...problemResponses(400, 401, 404, 409, 413, 415, 422) },
});

export const listIntroductions = createRoute({
  method: 'get',
  path: '/introductions',
  tags,
  summary: 'List introductions the caller sees',
  description:
    'Admins all; founders and center staff those of their projects; a mentor or investor those addressed to it (an investor only for vetted projects).',
  request: {
    query: introductionFiltersSchema.extend({
      limit: z.coerce.number().int().min(1).max(200).default(50).describe('page size (1–200, default 50)'),
      cursor: z.string().max(200).optional().describe('nextCursor of the previous page'),
    }),
  },
  responses: { 200: jsonOk(IntroductionPage, 'A page of introductions'), ...problemResponses(400, 401) },
});

export const getIntroduction = createRoute({
  method: 'get',
  path: '/introductions/{id}',
  tags,
  summary: 'Get an introduction',
  request: { params: idParam },
  responses: { 200: jsonOk(IntroductionSchema, 'The introduction'), ...problemResponses(401, 404) },
});

const decision = (action: 'accept' | 'decline' | 'end', summary: string, description: string) =>
  createRoute({
    method: 'post',
    path: `/introductions/{id}/${action}`,
    tags,
    summary,
    description,
    request: { params: idParam, body: decisionBody },
    responses: {
      200: jsonOk(IntroductionSchema, 'The updated introduction'),
      ...problemResponses(401, 403, 404, 409, 415, 422),
    },
  });

export const acceptIntroduction = decision(
  'accept',
  'Accept an introduction (the side that did not ask, or an admin)',
  'By the target when the project side asked; by a founder of the project, its center staff or an admin when the investor asked ' +
    '(`initiator: "target"`; 403 for the investor). Only from `requested` (409 otherwise). Accepting a mentor introduction takes one unit of the mentor\'s capacity; with none left it is 409, ' +
    "also under concurrent accepts. The founders of the project then see the target's contact (audited as contact.reveal).",
);
export const declineIntroduction = decision(
  'decline',
  'Decline an introduction (the side that did not ask, or an admin)',
  'By the target when the project side asked; by a founder of the project, its center staff or an admin when the investor asked ' +
    '(`initiator: "target"`; 403 for the investor). Only from `requested` (409 otherwise). A declined target is not requested or suggested again for the project.',
);
export const endIntroduction = decision(
  'end',
  'End an accepted introduction, or close a request nobody answered',
  "An accepted one: by the target, a founder of the project, its center staff or an admin; frees the mentor's capacity unit. " +
    "A `requested` one: by the project's center staff or an admin only (a stale request; it was never decided, so the target may be " +
    'asked again). 409 from any other status, or for a requested one ended by anyone else.',
);

export const nudgeIntroduction = createRoute({
  method: 'post',
  path: '/introductions/{id}/nudge',
  tags,
  summary: 'Remind whoever must answer a request (the center)',
  description:
    "By the project's center staff or an admin (others who see it: 403), only while `requested` (409 otherwise). Records when " +
    '(`nudgedAt`); the addressee (the target, or the founders when the investor asked) sees the reminder in the console. Audited.',
  request: { params: idParam },
  responses: {
    200: jsonOk(
      IntroductionSchema.extend({ nudgedAt: z.iso.datetime().describe('when the reminder was recorded') }),
      'The introduction, reminded',
    ),
    ...problemResponses(401, 403, 404, 409),
  },
});

export const getMentorCapacity = createRoute({
  method: 'get',
  path: '/mentors/{id}/capacity',
  tags: ['mentors'],
  summary: "A mentor's capacity and how much of it is taken",
  request: { params: idParam },
  responses: { 200: jsonOk(MentorCapacity, 'Capacity'), ...problemResponses(401, 404) },
});
