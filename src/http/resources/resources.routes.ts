// OpenAPI route definitions for one contract resource (the same five operations + upsert for all seven).
import { createRoute, z } from '@hono/zod-openapi';
import type { ResourceDef } from '../../resources/types.ts';
import { EMBEDDING_STATUSES } from '../../../models/enums.ts';
import { jsonOk, problemResponses } from '../openapi-common.ts';

const idParam = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, format: 'uuid' }) });
const externalIdParam = z.object({
  externalId: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: 'externalId', in: 'path' } }),
});

export function resourceSchemas(def: ResourceDef) {
  const Name = def.singular[0].toUpperCase() + def.singular.slice(1);
  const body = def.bodySchema.openapi(`${Name}Input`);
  const patch = def.bodySchema.partial().openapi(`${Name}Patch`);
  const item = def.bodySchema
    .extend({
      id: z.uuid(),
      createdAt: z.iso.datetime(),
      updatedAt: z.iso.datetime(),
      ...(def.embedded
        ? { embedding: z.object({ status: z.enum(EMBEDDING_STATUSES), model: z.string().nullable() }) }
        : {}),
      ...def.relations?.readOnly,
      ...def.readOnly,
      ...(def.retire
        ? {
            archivedAt: z.iso
              .datetime()
              .nullable()
              .describe('set when it was deleted with history (only admins still read it); null otherwise'),
          }
        : {}),
    })
    .openapi(Name);
  const page = z.object({ items: z.array(item), nextCursor: z.string().nullable() }).openapi(`${Name}Page`);
  const filterShape = Object.fromEntries(
    def.filters.map((f) => [f.name, (f.schema as any).optional().describe(f.description)]),
  );
  const query = z.object({
    limit: z.coerce.number().int().min(1).max(200).default(50).describe('page size (1–200, default 50)'),
    cursor: z.string().max(200).optional().describe('nextCursor of the previous page'),
    ...filterShape,
  });
  return { body, patch, item, page, query };
}

export function resourceRoutes(def: ResourceDef) {
  const s = resourceSchemas(def);
  const tags = [def.name];
  const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } }, required: true });
  return {
    list: createRoute({
      method: 'get',
      path: `/${def.name}`,
      tags,
      summary: `List ${def.name}`,
      request: { query: s.query },
      responses: { 200: jsonOk(s.page, `A page of ${def.name}`), ...problemResponses(400, 401) },
    }),
    get: createRoute({
      method: 'get',
      path: `/${def.name}/{id}`,
      tags,
      summary: `Get a ${def.singular}`,
      request: { params: idParam },
      responses: { 200: jsonOk(s.item, `The ${def.singular}`), ...problemResponses(401, 404) },
    }),
    create: createRoute({
      method: 'post',
      path: `/${def.name}`,
      tags,
      summary: `Create a ${def.singular}`,
      request: { body: json(s.body) },
      responses: { 201: jsonOk(s.item, 'Created'), ...problemResponses(400, 401, 403, 409, 413, 415, 422) },
    }),
    update: createRoute({
      method: 'patch',
      path: `/${def.name}/{id}`,
      tags,
      summary: `Update a ${def.singular}`,
      request: { params: idParam, body: json(s.patch) },
      responses: { 200: jsonOk(s.item, 'Updated'), ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422) },
    }),
    remove: createRoute({
      method: 'delete',
      path: `/${def.name}/{id}`,
      tags,
      summary: `Delete a ${def.singular}`,
      ...(def.deleteDescription ? { description: def.deleteDescription } : {}),
      request: { params: idParam },
      responses: { 204: { description: 'Deleted' }, ...problemResponses(401, 403, 404) },
    }),
    upsert: createRoute({
      method: 'put',
      path: `/${def.name}/by-external-id/{externalId}`,
      tags,
      summary: `Create or update the ${def.singular} with this externalId (idempotent re-import)`,
      request: { params: externalIdParam, body: json(s.body) },
      responses: {
        200: jsonOk(s.item, 'Updated'),
        201: jsonOk(s.item, 'Created'),
        ...problemResponses(400, 401, 403, 409, 413, 415, 422),
      },
    }),
  };
}
