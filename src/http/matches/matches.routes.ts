import { createRoute, z } from '@hono/zod-openapi';
import { LANGS } from '../../../models/enums.ts';
import { JOURNEYS, type Journey } from '../../matching/journeys.ts';
import { problemResponses } from '../openapi-common.ts';

export const MatchQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(10).describe('number of results (1–100, default 10)'),
  lang: z
    .enum(LANGS)
    .optional()
    .describe('the language of the reasons: zh, en or bo (Tibetan); overrides Accept-Language'),
});
const Reason = z
  .object({
    code: z.string(),
    text: z.string(),
    lang: z
      .enum(LANGS)
      .optional()
      .describe('present only when the text is not in the language asked for (no translation): the language it is in'),
  })
  .openapi('MatchReason');
const MatchItem = z
  .object({
    id: z.string().describe("the candidate's uuid; in a trainer's cohort matches the founder's pseudonymous handle"),
    score: z.number().min(0).max(1),
    reasons: z.array(Reason),
  })
  .catchall(z.unknown())
  .openapi('MatchItem');
export const MatchResponse = z.object({ items: z.array(MatchItem), model: z.string() }).openapi('Matches');
const idParam = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, format: 'uuid' }) });
const acceptLanguage = z.object({
  'accept-language': z
    .string()
    .optional()
    .describe('zh (default), en or bo: the language of the reasons when `lang` is not given'),
});

function matchRoute(path: string, summary: string, description: string, problems: number[] = []) {
  return createRoute({
    method: 'get',
    path,
    tags: ['matching'],
    summary,
    description,
    request: { params: idParam, query: MatchQuery, headers: acceptLanguage },
    responses: {
      200: {
        description: 'Ranked, eligible candidates with reasons',
        content: { 'application/json': { schema: MatchResponse } },
      },
      ...problemResponses(400, 401, 404, ...problems),
    },
  });
}

/** The route of each journey of the registry, in its order (the OpenAPI document lists them so). */
export const journeyRoutes = (journeys: readonly Journey[] = JOURNEYS) =>
  journeys.map((j) => ({ journey: j, route: matchRoute(j.route, j.api.summary, j.api.description, j.api.problems) }));
