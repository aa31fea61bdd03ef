// OpenAPI definitions of the region targets (shared/API.md "Statistics"; src/statistics/targets.ts).
import { createRoute, z } from '@hono/zod-openapi';
import { regionTargetBodySchema } from '../../../models/region-targets/validation.ts';
import { jsonOk, problemResponses } from '../openapi-common.ts';

const tags = ['statistics'];
const codeParam = z.string().openapi({ param: { name: 'code', in: 'path' }, example: '540102' });

export const RegionTargetSchema = z
  .object({
    regionCode: z.string(),
    year: z.number().int(),
    potentialFounders: z.number().int().describe('would-be founders of the area: the denominator of the 50 % target'),
    centers: z.number().int().nullable().describe('how many centers the area should have (optional)'),
    updatedAt: z.iso.datetime(),
  })
  .openapi('RegionTarget');

export const putTargetRoute = createRoute({
  method: 'put',
  path: '/regions/{code}/targets/{year}',
  tags,
  summary: "Set a region's targets for a year (admins)",
  description:
    'Creates or replaces the target of the region (the whole region, a prefecture or a county) and year (2000–2100, else 422 ' +
    'with path `year`). An unknown region is 404, as is the endpoint for every role but admin. Audited as `region_target.update`.',
  request: {
    params: z.object({
      code: codeParam,
      year: z.string().openapi({ param: { name: 'year', in: 'path' }, example: '2026' }),
    }),
    body: {
      content: { 'application/json': { schema: regionTargetBodySchema.openapi('RegionTargetInput') } },
      required: true,
    },
  },
  responses: { 200: jsonOk(RegionTargetSchema, 'The stored target'), ...problemResponses(400, 401, 404, 415, 422) },
});

export const listTargetsRoute = createRoute({
  method: 'get',
  path: '/regions/{code}/targets',
  tags,
  summary: "A region's targets, every year (admins; a region_admin inside its region)",
  description: 'Oldest year first. Outside a region_admin’s region, for other roles and for an unknown region: 404.',
  request: { params: z.object({ code: codeParam }) },
  responses: {
    200: jsonOk(
      z.object({ regionCode: z.string(), items: z.array(RegionTargetSchema) }).openapi('RegionTargets'),
      'Targets by year',
    ),
    ...problemResponses(401, 404),
  },
});
