// OpenAPI definitions of the funnels and the center scorecard (shared/API.md "Statistics", issue 22).
import { createRoute, z } from '@hono/zod-openapi';
import { indicatorSettingsBodySchema } from '../../../models/scorecard-indicators/validation.ts';
import { funnelSchema } from '../../statistics/funnel.ts';
import { funnelQuerySchema, scorecardQuerySchema } from '../../statistics/funnel-query.ts';
import { indicatorListSchema, scorecardSchema } from '../../statistics/scorecard.ts';
import { jsonOk, problemResponses } from '../openapi-common.ts';

const tags = ['statistics'];
// Query values are checked by the handler (422 with the field, as every statistics query).
const loose = (s: z.ZodObject) =>
  z.object(
    Object.fromEntries(
      Object.entries(s.shape).map(([k, v]) => [
        k,
        z
          .string()
          .optional()
          .describe((v as z.ZodType).description ?? k),
      ]),
    ),
  );

const SCOPE =
  'Admins read everything, a region_admin its region (404 outside), center staff their own center (the default; another center 404); others 404. ';

export const funnelRoute = createRoute({
  method: 'get',
  path: '/stats/funnel',
  tags,
  summary: 'Funnels of a region or a center over a period',
  description:
    SCOPE +
    'Counts EVENTS whose day (Asia/Shanghai) lies in [from, to], so periods add up. Projects: **submitted** = entering `submitted` ' +
    '(audit `project.status`/`project.resubmitted` to submitted, or a creation as submitted on its creation day); **reviewed** = a decision of ' +
    'the center: vetting (to vetted or rejected) or an application decided (any decision); **admitted** = an application decided `admitted`; ' +
    '**graduated** = an incubation ended `graduated` (ended_on). Each counts for the center that took the step (a moved project counts for ' +
    'each center it took a step with; a move of a decision back to review is a new submission at the new center). Introductions per kind: ' +
    '**requested** (created), **accepted** (decided and accepted), **ended** (ended after acceptance; a request closed unanswered ends ' +
    "nothing), for the center of the step's audit entry, else the project's. A region counts the events of its centers (by the center's " +
    'region code prefix) and of center-less projects of its area. Trainings: seats of the trainings starting in the period in the region (a ' +
    'center: its region) and their enrolments. 422: a bad date, from > to, a future `to`, an unknown region code.',
  request: { query: loose(funnelQuerySchema) },
  responses: { 200: jsonOk(funnelSchema, 'The funnel'), ...problemResponses(401, 404, 422) },
});

export const scorecardRoute = createRoute({
  method: 'get',
  path: '/stats/scorecard',
  tags,
  summary: 'Center scorecard per period (one row per center in scope)',
  description:
    SCOPE +
    "Indicators (admins configure them, defaults after the region's assessment of 双创 carriers): admittedProjects, graduatedProjects (the " +
    "funnel's events of the center); jobsCreated, graduatesHired, localHires (per project of the center, its latest month reported in the " +
    'period, summed); mentorsEngaged (distinct mentors with an introduction accepted in the period); coachingActivities (accepted mentor ' +
    "introductions + training enrolments of the center's founders in the period); fundingRaisedCny (sum over the period's months); " +
    'satisfaction (no data source yet). Without data an indicator is `notCollected: true` with value null. `score` = Σ weight·min(value/target, 1) ' +
    '/ Σ weight × 100 over indicators with a target (the yearly target × months/12) and a value; null without any. 422: a period not YYYY, ' +
    'YYYY-Qn or YYYY-MM, or not begun.',
  request: { query: loose(scorecardQuerySchema) },
  responses: { 200: jsonOk(scorecardSchema, 'The scorecard'), ...problemResponses(401, 404, 422) },
});

export const getIndicatorsRoute = createRoute({
  method: 'get',
  path: '/stats/scorecard/indicators',
  tags,
  summary: "The scorecard's indicators (defaults where no admin set one)",
  description: 'Everyone who reads statistics (admins, region admins, center staff); others 404.',
  responses: { 200: jsonOk(indicatorListSchema, 'Indicators'), ...problemResponses(401, 404) },
});

export const putIndicatorsRoute = createRoute({
  method: 'put',
  path: '/stats/scorecard/indicators',
  tags,
  summary: "Set the scorecard's indicators (admins)",
  description:
    'Some or all indicators: enabled, weight (≥ 0, normalized in the score), a yearly target or null. Others keep their setting. Audited ' +
    '(`scorecard_indicators.update`). Other readers of statistics 403, others 404.',
  request: { body: { content: { 'application/json': { schema: indicatorSettingsBodySchema } }, required: true } },
  responses: { 200: jsonOk(indicatorListSchema, 'Indicators'), ...problemResponses(401, 403, 404, 422) },
});
