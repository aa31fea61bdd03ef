// OpenAPI definitions of a project's life in a center (shared/API.md "Admission, incubation, graduation").
import { createRoute, z } from '@hono/zod-openapi';
import { admissionFormBodySchema } from '../../../models/admission-forms/validation.ts';
import { reviewBodySchema } from '../../../models/application-reviews/validation.ts';
import { applicationBodySchema, decisionBodySchema } from '../../../models/applications/validation.ts';
import { exitBodySchema, graduateBodySchema } from '../../../models/incubations/validation.ts';
import { outcomeBodySchema } from '../../../models/project-outcomes/validation.ts';
import {
  ADMISSION_DECISIONS,
  APPLICATION_STATUSES,
  EXIT_REASONS,
  INCUBATION_ENDS,
  RECOMMENDATIONS,
} from '../../../models/enums.ts';
import { jsonBody, jsonOk, problemResponses } from '../openapi-common.ts';

const tags = ['lifecycle'];
const idParam = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, format: 'uuid' }) });
const periodParam = z.object({
  id: z.string().openapi({ param: { name: 'id', in: 'path' }, format: 'uuid' }),
  period: z.string().openapi({ param: { name: 'period', in: 'path' }, example: '2026-11' }),
});
const localText = z.object({ zh: z.string(), en: z.string().optional(), bo: z.string().optional() });

const AdmissionForm = z
  .object({
    centerId: z.uuid(),
    questions: z.array(
      z.object({ id: z.string(), text: localText, required: z.boolean(), confidential: z.boolean().optional() }),
    ),
    criteria: z.array(z.object({ id: z.string(), name: localText, weight: z.number() })),
    scale: z.number().int(),
    minReviews: z.number().int(),
    plannedMonths: z.number().int(),
    updatedAt: z.iso.datetime().nullable().describe('null: never saved (the default form)'),
  })
  .openapi('AdmissionForm');
const Review = z
  .object({
    id: z.uuid(),
    applicationId: z.uuid(),
    reviewer: z.string().describe('the reviewer (account:<id>, key:<id>)'),
    scores: z.record(z.string(), z.number().int()),
    recommendation: z.enum(RECOMMENDATIONS),
    comment: z.string().nullable(),
    weightedMean: z.number().nullable().describe("Σ weight·score / Σ weight over the form's criteria"),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi('ApplicationReview');
const Application = z
  .object({
    id: z.uuid(),
    projectId: z.uuid(),
    centerId: z.uuid(),
    status: z.enum(APPLICATION_STATUSES),
    answers: z.record(z.string(), z.string()),
    wanted: z.string().nullable(),
    reviews: z.array(Review).describe("the center's reviews (staff and admins; empty for founders)"),
    aggregate: z
      .object({
        score: z
          .number()
          .describe('mean of the reviewer-corrected weighted means (per-reviewer z-scores), on 1..scale'),
        spread: z.number().describe("population standard deviation of the reviews' weighted means"),
        reviews: z.number().int(),
      })
      .nullable()
      .describe('null without reviews, and for founders'),
    decision: z
      .object({ decision: z.enum(ADMISSION_DECISIONS), reason: z.string(), decidedAt: z.iso.datetime() })
      .nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi('Application');
const Incubation = z
  .object({
    id: z.uuid(),
    projectId: z.uuid(),
    centerId: z.uuid(),
    applicationId: z.uuid().nullable(),
    startedOn: z.iso.date(),
    plannedMonths: z.number().int(),
    endedOn: z.iso.date().nullable(),
    end: z.enum(INCUBATION_ENDS).nullable(),
    exitReason: z.enum(EXIT_REASONS).nullable(),
    note: z.string().nullable(),
    criteriaMet: z.record(z.string(), z.unknown()).nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi('Incubation');
const Outcome = z
  .object({
    projectId: z.uuid(),
    period: z.string(),
    employees: z.number().int(),
    graduatesHired: z.number().int(),
    localHires: z.number().int(),
    revenueCny: z.number().int(),
    fundingRaisedCny: z.number().int(),
    fundingSources: z.string().nullable(),
    ipFilings: z.number().int(),
    registeredEnterprise: z.boolean(),
    enteredBy: z.string().nullable(),
    lockedAt: z.iso.datetime().nullable(),
    lockedBy: z.string().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi('ProjectOutcome');

export const getFormRoute = createRoute({
  method: 'get',
  path: '/centers/{id}/admission-form',
  tags,
  summary: "A center's admission form (its staff, admins, founders who apply); the default one until saved",
  request: { params: idParam },
  responses: { 200: jsonOk(AdmissionForm, 'The form'), ...problemResponses(401, 404) },
});

export const putFormRoute = createRoute({
  method: 'put',
  path: '/centers/{id}/admission-form',
  tags,
  summary: "Save the center's admission form (its staff, admins)",
  description:
    'Questions (`confidential` answers are read by the center and the founders only), review criteria with weights, the score scale (1..scale), ' +
    'the reviews needed before a decision, and the planned incubation length in months (default 24).',
  request: { params: idParam, ...jsonBody(admissionFormBodySchema.openapi('AdmissionFormInput')) },
  responses: { 200: jsonOk(AdmissionForm, 'Saved'), ...problemResponses(400, 401, 404, 415, 422) },
});

export const applyRoute = createRoute({
  method: 'post',
  path: '/applications',
  tags,
  summary: 'Apply to a center for a project (its founders)',
  description:
    "Answers are checked against the center's form (required questions, unknown ids: 422). 409 while another application of the project to " +
    'that center is open, and for a project that cannot be admitted (draft, rejected, incubating, graduated, exited).',
  request: jsonBody(applicationBodySchema.openapi('ApplicationInput')),
  responses: { 201: jsonOk(Application, 'Submitted'), ...problemResponses(400, 401, 403, 404, 409, 415, 422) },
});

export const listApplicationsRoute = createRoute({
  method: 'get',
  path: '/applications',
  tags,
  summary: "Applications the caller sees (admins; the center's staff; the project's founders), newest first",
  request: {
    query: z.object({
      centerId: z.uuid().optional(),
      projectId: z.uuid().optional(),
      status: z.enum(APPLICATION_STATUSES).optional(),
      limit: z.coerce.number().int().min(1).max(500).default(200),
    }),
  },
  responses: { 200: jsonOk(z.object({ items: z.array(Application) }), 'Applications'), ...problemResponses(400, 401) },
});

export const getApplicationRoute = createRoute({
  method: 'get',
  path: '/applications/{id}',
  tags,
  summary: 'An application with its reviews, aggregate and decision',
  description:
    "Aggregate: each review's weighted mean m = Σ w·s / Σ w; per reviewer z = (m − μ_reviewer) / σ_reviewer over its reviews in that center " +
    '(fewer than 2, or σ = 0: m as is), mapped back as μ_center + z·σ_center clamped to 1..scale; score = mean of those; spread = standard ' +
    'deviation of the raw m. Founders see the decision and reason, not the reviews.',
  request: { params: idParam },
  responses: { 200: jsonOk(Application, 'The application'), ...problemResponses(401, 404) },
});

export const withdrawRoute = createRoute({
  method: 'post',
  path: '/applications/{id}/withdraw',
  tags,
  summary: 'Withdraw an open application (its founders)',
  request: { params: idParam },
  responses: { 200: jsonOk(Application, 'Withdrawn'), ...problemResponses(401, 403, 404, 409) },
});

export const reviewRoute = createRoute({
  method: 'post',
  path: '/applications/{id}/reviews',
  tags,
  summary: "Review an application (the center's staff): one review per reviewer, replaced until the decision",
  description: 'Every criterion scored with a whole number 1..scale (else 422); 409 once decided; another center: 404.',
  request: { params: idParam, ...jsonBody(reviewBodySchema.openapi('ApplicationReviewInput')) },
  responses: { 200: jsonOk(Review, 'The review'), ...problemResponses(400, 401, 403, 404, 409, 415, 422) },
});

export const decisionRoute = createRoute({
  method: 'post',
  path: '/applications/{id}/decision',
  tags,
  summary:
    "Decide an application (the center's staff): admitted, waitlisted or rejected, with a reason the founders read",
  description:
    '422 with fewer than minReviews reviews; 409 when already decided (also under concurrency: exactly one decision wins). `admitted` makes ' +
    "the project `incubating` in that center, starts its incubation (today, the form's planned months) and withdraws its other open applications.",
  request: { params: idParam, ...jsonBody(decisionBodySchema.openapi('DecisionInput')) },
  responses: { 200: jsonOk(Application, 'Decided'), ...problemResponses(400, 401, 403, 404, 409, 415, 422) },
});

export const graduateRoute = createRoute({
  method: 'post',
  path: '/projects/{id}/graduate',
  tags,
  summary: "Graduate an incubating project (its center's staff, admins)",
  description: '409 unless the project is incubating; 422 for a date in the future or before the incubation started.',
  request: { params: idParam, ...jsonBody(graduateBodySchema.openapi('GraduateInput')) },
  responses: { 200: jsonOk(Incubation, 'Graduated'), ...problemResponses(400, 401, 403, 404, 409, 415, 422) },
});

export const exitRoute = createRoute({
  method: 'post',
  path: '/projects/{id}/exit',
  tags,
  summary: "Record an incubating project's exit (its center's staff, admins)",
  description:
    '409 unless the project is incubating. An exited project is matched nowhere and investors no longer see it.',
  request: { params: idParam, ...jsonBody(exitBodySchema.openapi('ExitInput')) },
  responses: { 200: jsonOk(Incubation, 'Exited'), ...problemResponses(400, 401, 403, 404, 409, 415, 422) },
});

export const incubationsRoute = createRoute({
  method: 'get',
  path: '/projects/{id}/incubations',
  tags,
  summary: "A project's incubations, newest first (its founders, its center, admins)",
  request: { params: idParam },
  responses: { 200: jsonOk(z.object({ items: z.array(Incubation) }), 'Incubations'), ...problemResponses(401, 404) },
});

export const putOutcomeRoute = createRoute({
  method: 'put',
  path: '/projects/{id}/outcomes/{period}',
  tags,
  summary: "Enter a month's outcomes (the project's founders, its center's staff, admins)",
  description:
    'Whole numbers ≥ 0; the period YYYY-MM not after the current month in Asia/Shanghai (else 422); 409 once the center locked it, and for a ' +
    'project neither incubating nor graduated.',
  request: { params: periodParam, ...jsonBody(outcomeBodySchema.openapi('OutcomeInput')) },
  responses: { 200: jsonOk(Outcome, 'Saved'), ...problemResponses(400, 401, 403, 404, 409, 415, 422) },
});

export const lockOutcomeRoute = createRoute({
  method: 'post',
  path: '/projects/{id}/outcomes/{period}/lock',
  tags,
  summary: "Lock a month's outcomes (the project's center's staff, admins); locking again changes nothing",
  request: { params: periodParam },
  responses: { 200: jsonOk(Outcome, 'Locked'), ...problemResponses(401, 403, 404) },
});

export const listOutcomesRoute = createRoute({
  method: 'get',
  path: '/projects/{id}/outcomes',
  tags,
  summary: "A project's outcomes, oldest month first (its founders, its center, admins)",
  request: { params: idParam },
  responses: { 200: jsonOk(z.object({ items: z.array(Outcome) }), 'Outcomes'), ...problemResponses(401, 404) },
});
