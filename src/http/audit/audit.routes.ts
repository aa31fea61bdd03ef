// OpenAPI definition of GET /v1/audit.
import { createRoute, z } from '@hono/zod-openapi';
import { auditFiltersSchema } from '../../audit/query.ts';
import { problemResponses } from '../openapi-common.ts';

export const AuditEntrySchema = z
  .object({
    id: z.uuid(),
    actor: z.string().describe('who: `key:<api key id>`, `admin:env` or `system`'),
    action: z
      .string()
      .describe(
        'e.g. project.status, api_key.create, matching_weights.update, introduction.accept, contact.reveal, founder.consent, founder.erase, founder.export',
      ),
    entityKind: z.string(),
    entityId: z.string().nullable(),
    centerId: z.uuid().nullable(),
    detail: z.any().describe('what changed (action-specific)'),
    createdAt: z.iso.datetime(),
  })
  .openapi('AuditEntry');
const AuditPage = z
  .object({ items: z.array(AuditEntrySchema), nextCursor: z.string().nullable() })
  .openapi('AuditPage');

export const listAuditRoute = createRoute({
  method: 'get',
  path: '/audit',
  tags: ['audit'],
  summary: "The audit log (admins: all; center staff: their center's entries)",
  description: 'Oldest first, cursor-paginated like every list. Other roles get 404 (the log is out of their scope).',
  request: {
    query: auditFiltersSchema.extend({
      limit: z.coerce.number().int().min(1).max(200).default(50).describe('page size (1–200, default 50)'),
      cursor: z.string().max(200).optional().describe('nextCursor of the previous page'),
    }),
  },
  responses: {
    200: { content: { 'application/json': { schema: AuditPage } }, description: 'A page of audit entries' },
    ...problemResponses(400, 401, 404),
  },
});
