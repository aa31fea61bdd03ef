import { createRoute, z } from '@hono/zod-openapi';
import { LANGS } from '../../../models/enums.ts';
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

export const projectTargets = ['mentors', 'investors', 'trainings', 'services'] as const;
export const projectMatchRoutes = Object.fromEntries(
  projectTargets.map((t) => [
    t,
    matchRoute(
      `/projects/{id}/matches/${t}`,
      `Match a project to ${t}`,
      "Founders of the project, its center's staff and admins.",
    ),
  ]),
) as Record<(typeof projectTargets)[number], ReturnType<typeof matchRoute>>;
export const investorProjectsRoute = matchRoute(
  '/investors/{id}/matches/projects',
  'Vetted projects that fit an investor',
  'That investor and admins.',
);
export const trainingFoundersRoute = matchRoute(
  '/trainings/{id}/matches/founders',
  'Founders for a training cohort',
  "The providing trainer, center staff (their founders) and admins. Items list `stages` (of the founder's projects). A trainer identifies " +
    'nobody: each item is `{ id: handle, handle, score, reasons, groups, prefectureCode, languages, stages }`, where the handle is stable for ' +
    'that trainer and founder and differs between trainers; it invites by it (`POST /v1/trainings/{id}/invitations { handle }`) and learns ' +
    "the founder's name once the founder (or its center) accepts. Staff and admins get the founder's id and profile fields. Founders " +
    'enrolled in the training or with an invitation to it (open, declined or accepted) are left out. A deleted (archived) training is 404, ' +
    'to admins 409.',
  [409],
);
