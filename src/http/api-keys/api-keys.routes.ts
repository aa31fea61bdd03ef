import { createRoute, z } from '@hono/zod-openapi';
import { apiKeyBodySchema } from '../../../models/api-keys/validation.ts';
import { ROLES } from '../../../models/enums.ts';
import { problemResponses } from '../openapi-common.ts';

const ApiKey = z
  .object({
    id: z.uuid(),
    prefix: z.string(),
    role: z.enum(ROLES),
    subjectId: z.string().nullable(),
    centerId: z.uuid().nullable(),
    regionCode: z.string().nullable().describe('region_admin’s region (the region, a prefecture or a county)'),
    label: z.string(),
    createdAt: z.iso.datetime(),
    revokedAt: z.iso.datetime().nullable(),
  })
  .openapi('ApiKey');
const CreatedKey = ApiKey.extend({ key: z.string().describe('the key itself; shown only in this response') }).openapi(
  'CreatedApiKey',
);

export const createKey = createRoute({
  method: 'post',
  path: '/api-keys',
  tags: ['auth'],
  summary: 'Create an API key (admin). The key is shown once.',
  request: {
    body: { content: { 'application/json': { schema: apiKeyBodySchema.openapi('ApiKeyInput') } }, required: true },
  },
  responses: {
    201: { description: 'Created', content: { 'application/json': { schema: CreatedKey } } },
    ...problemResponses(400, 401, 404, 415, 422),
  },
});
export const listKeys = createRoute({
  method: 'get',
  path: '/api-keys',
  tags: ['auth'],
  summary: 'List API keys (admin; never the keys themselves)',
  responses: {
    200: {
      description: 'Keys',
      content: { 'application/json': { schema: z.object({ items: z.array(ApiKey), nextCursor: z.null() }) } },
    },
    ...problemResponses(401, 404),
  },
});
export const revokeKey = createRoute({
  method: 'delete',
  path: '/api-keys/{id}',
  tags: ['auth'],
  summary: 'Revoke an API key (admin)',
  request: { params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: { 204: { description: 'Revoked' }, ...problemResponses(401, 404) },
});
