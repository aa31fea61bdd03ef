// OpenAPI definition of a center's status history (src/statistics/center-history.ts).
import { createRoute, z } from '@hono/zod-openapi';
import { CENTER_STATUSES } from '../../../models/enums.ts';
import { problemResponses } from '../openapi-common.ts';

const Entry = z
  .object({
    status: z.enum(CENTER_STATUSES),
    since: z.iso.date().describe('the day the status took effect'),
    recordedAt: z.iso.datetime(),
  })
  .openapi('CenterStatusEntry');

export const statusHistoryRoute = createRoute({
  method: 'get',
  path: '/centers/{id}/status-history',
  tags: ['statistics'],
  summary: "A center's statuses, latest first (every role that reads the center)",
  description:
    'Appended by the database whenever a center is created or its `status` / `statusSince` change; coverage at a past date ' +
    'reads it (a center counts on day D when its entry with the latest `since` ≤ D is `operating`).',
  request: { params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, format: 'uuid' }) }) },
  responses: {
    200: {
      description: 'The history',
      content: {
        'application/json': {
          schema: z.object({ centerId: z.uuid(), items: z.array(Entry) }).openapi('CenterStatusHistory'),
        },
      },
    },
    ...problemResponses(401, 404),
  },
});
