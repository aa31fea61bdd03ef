// OpenAPI definitions of coach assignment (shared/API.md "Introductions, enrolments, assignment").
import { createRoute, z } from '@hono/zod-openapi';
import { assignmentRunBodySchema } from '../../../models/assignment-runs/validation.ts';
import { RUN_STATUSES } from '../../../models/enums.ts';
import { ProblemSchema, jsonOk, problemResponses } from '../openapi-common.ts';
import { IntroductionSchema } from '../introductions/introductions.routes.ts';

const tags = ['assignment'];
const idParam = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, format: 'uuid' }) });
const reason = z.object({ code: z.string(), text: z.string() });
const nullableNumber = (d: string) => z.number().nullable().describe(d);

const RunInput = assignmentRunBodySchema.openapi('AssignmentRunInput');
const runFields = {
  id: z.uuid(),
  centerId: z.uuid(),
  status: z.enum(RUN_STATUSES),
  input: z.any().describe('the request as recorded (pins, exclusions and balance filled in with their defaults)'),
  objective: nullableNumber('total match score of the assignment (null until done)'),
  greedyObjective: nullableNumber('the total a greedy pass (best pair first) reaches on the same input'),
  solverMs: nullableNumber('time of the exact solver'),
  error: z.string().nullable().describe('why the run failed'),
  createdBy: z.string().nullable().describe('the API key that started it (key:<id>)'),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  publishedAt: z.iso.datetime().nullable(),
  publishedBy: z.string().nullable(),
};
export const AssignmentRunSchema = z
  .object({
    ...runFields,
    assignments: z.array(
      z.object({
        projectId: z.uuid(),
        mentorId: z.uuid(),
        score: z.number().describe('the project→mentor match score in [0, 1]'),
        reasons: z.array(reason).describe('the same reasons as the mentor match endpoint, in the Accept-Language'),
        projectTitle: z.string(),
        mentorName: z.string(),
        pinned: z.boolean(),
      }),
    ),
    unassigned: z.array(z.uuid()),
    unassignedDetail: z.array(
      z.object({
        projectId: z.uuid(),
        projectTitle: z.string(),
        reason: z.enum([
          'already_has_coach',
          'no_eligible_mentor',
          'all_full',
          'all_excluded',
          'capacity_used_elsewhere',
          'balance',
          'zero_score',
        ]),
        message: z.string().describe('why, in the Accept-Language'),
      }),
    ),
    dualBound: nullableNumber(
      "without balance: an upper bound on any assignment's total score (LP duality) that equals objective, proving it optimal",
    ),
    balance: z.number(),
    balancePenalty: nullableNumber('Σ load cost of the result (0 without balance)'),
    utility: nullableNumber('objective − balancePenalty: what the solver maximises'),
    greedyUtility: nullableNumber("the greedy result's objective − its balance penalty"),
    greedyAssigned: z.number().int().nullable(),
    mentorLoad: z
      .array(
        z.object({
          mentorId: z.uuid(),
          capacity: z.number().int(),
          accepted: z.number().int(),
          held: z.number().int(),
          assigned: z.number().int(),
        }),
      )
      .describe(
        'mentors given mentees: places before the run (accepted, held by published runs) and how many it assigned',
      ),
    stats: z
      .object({ projects: z.number().int(), mentors: z.number().int(), candidatePairs: z.number().int() })
      .nullable(),
    greedyMs: z.number().nullable(),
    totalMs: z.number().nullable(),
    startedAt: z.iso.datetime().nullable(),
    finishedAt: z.iso.datetime().nullable(),
  })
  .openapi('AssignmentRun');
const RunSummary = z
  .object({ ...runFields, assignedCount: z.number().int().nullable(), unassignedCount: z.number().int().nullable() })
  .openapi('AssignmentRunSummary');
const RunPage = z
  .object({ items: z.array(RunSummary), nextCursor: z.string().nullable() })
  .openapi('AssignmentRunPage');
const Published = z
  .object({ run: AssignmentRunSchema, introductions: z.array(IntroductionSchema) })
  .openapi('AssignmentRunPublished');

export const createRunRoute = createRoute({
  method: 'post',
  path: '/centers/{id}/assignment-runs',
  tags,
  summary: 'Start a coach assignment run for the center (its staff, admins)',
  description:
    "Assigns each project at most one mentor, never more than a mentor's remaining capacity (capacity − accepted mentorships − places held by " +
    'published, not yet answered assignments), only eligible pairs (the project→mentor rules), keeping pins and avoiding exclusions, and maximises ' +
    'the total match score exactly (min-cost flow). Runs as a job: 202 now, then poll GET /v1/assignment-runs/{id}. Ids that do not exist or are ' +
    'not of this center, draft/rejected projects, pins that are not eligible or conflict with exclusions → 422 naming the path. ' +
    "A run checks every project against every mentor: more than 5,000,000 projects × mentors (defaults counted: the center's open projects, " +
    'every mentor) → 422 naming the limit.',
  request: { params: idParam, body: { content: { 'application/json': { schema: RunInput } }, required: true } },
  responses: {
    202: jsonOk(AssignmentRunSchema, 'Queued'),
    ...problemResponses(400, 401, 404, 413, 415, 422),
    503: {
      description: 'The job queue (Redis) is unavailable; the run is recorded as failed',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
  },
});

export const listRunsRoute = createRoute({
  method: 'get',
  path: '/centers/{id}/assignment-runs',
  tags,
  summary: "The center's assignment runs, oldest first (its staff, admins)",
  request: {
    params: idParam,
    query: z.object({
      limit: z.coerce.number().int().min(1).max(200).default(50).describe('page size (1–200, default 50)'),
      cursor: z.string().max(200).optional().describe('nextCursor of the previous page'),
    }),
  },
  responses: { 200: jsonOk(RunPage, 'A page of runs'), ...problemResponses(400, 401, 404) },
});

export const getRunRoute = createRoute({
  method: 'get',
  path: '/assignment-runs/{id}',
  tags,
  summary: 'An assignment run: status, and when done the assignment with reasons',
  request: { params: idParam },
  responses: { 200: jsonOk(AssignmentRunSchema, 'The run'), ...problemResponses(401, 404) },
});

export const publishRunRoute = createRoute({
  method: 'post',
  path: '/assignment-runs/{id}/publish',
  tags,
  summary: 'Publish a finished run: one introduction per assignment, addressed to the mentor',
  description:
    'Creates the introductions (status requested, assignmentRunId set) through the same rules as POST /v1/introductions; the mentors accept or ' +
    "decline them. Until answered they hold the mentor's place for later runs. All or nothing: 409 if the run is not done, was already " +
    'published, or the world changed since (capacity, a pair introduced meanwhile) — re-run then.',
  request: { params: idParam },
  responses: { 200: jsonOk(Published, 'Published'), ...problemResponses(401, 404, 409) },
});
