import { createRoute, z } from '@hono/zod-openapi';
import { PREVIEWABLE, weightSetSchema } from '../../matching/weights.ts';
import { jsonOk, problemResponses } from '../openapi-common.ts';

const params = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, format: 'uuid' }) });
const Weights = z.record(z.string(), z.record(z.string(), z.number())).openapi('MatchingWeights');
const WeightsResponse = z
  .object({ centerId: z.uuid(), weights: Weights, defaults: Weights, updatedAt: z.string().nullable() })
  .openapi('CenterMatchingWeights');
const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } }, required: true });

export const getWeightsRoute = createRoute({
  method: 'get',
  path: '/centers/{id}/matching-weights',
  tags: ['matching'],
  summary: "The center's match-score weights (its staff, admins)",
  request: { params },
  responses: { 200: jsonOk(WeightsResponse, 'Effective weights and defaults'), ...problemResponses(401, 404) },
});
export const putWeightsRoute = createRoute({
  method: 'put',
  path: '/centers/{id}/matching-weights',
  tags: ['matching'],
  summary: "Set the center's weights (per recipe, per feature, 0–1; audited)",
  request: { params, body: json(z.object({ weights: weightSetSchema }).strict()) },
  responses: { 200: jsonOk(WeightsResponse, 'Saved'), ...problemResponses(400, 401, 404, 415, 422) },
});
export const previewWeightsRoute = createRoute({
  method: 'post',
  path: '/centers/{id}/matching-weights/preview',
  tags: ['matching'],
  summary:
    "What-if: how the top-10 of a sample of the center's projects would change under proposed weights (nothing saved)",
  description:
    'Makes two match computations per sampled project, and counts as that many calls in the per-key limit of expensive ' +
    'requests (RATE_LIMIT_EXPENSIVE; a preview above the whole budget waits for a full one): 429 with Retry-After before any work.',
  request: {
    params,
    body: json(
      z
        .object({
          weights: weightSetSchema,
          recipe: z.enum(PREVIEWABLE).default(PREVIEWABLE[0]),
          sample: z.number().int().min(1).max(50).default(10),
        })
        .strict(),
    ),
  },
  responses: {
    200: jsonOk(
      z.object({
        recipe: z.string(),
        current: z.record(z.string(), z.number()),
        proposed: z.record(z.string(), z.number()),
        projects: z.array(z.any()),
      }),
      'Comparison',
    ),
    ...problemResponses(400, 401, 404, 415, 422),
  },
});
