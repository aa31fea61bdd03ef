// OpenAPI definitions of the coverage and graduates figures (shared/API.md "Statistics"). Query values
// are checked by the figure functions, so that a bad level, date or year is a 422 as the contract says.
import { createRoute, z } from '@hono/zod-openapi';
import { coverageSchema } from '../../statistics/coverage.ts';
import { graduatesSchema } from '../../statistics/graduates.ts';
import { jsonOk, problemResponses } from '../openapi-common.ts';

const tags = ['statistics'];
const regionCode = z
  .string()
  .optional()
  .describe('GB/T 2260 code of the area (default: the caller’s whole scope); outside the caller’s scope → 404');

export const coverageRoute = createRoute({
  method: 'get',
  path: '/stats/coverage',
  tags,
  summary: 'Coverage per prefecture or county against the 50 % target and the policy deadlines',
  description:
    'Admins and region_admins (inside their region); others 404. Operating centers from the status history on ' +
    'asOf; founder counts live for today, from the day’s snapshot for a past day when there is one, else estimated ' +
    'from the records created by then (`source`). A missing or zero target gives null rate. Unknown level, a date ' +
    'not YYYY-MM-DD, a future asOf, or level=prefecture with a county regionCode → 422.',
  request: {
    query: z.object({
      level: z.string().optional().describe('prefecture (default) or county'),
      asOf: z.string().optional().describe('YYYY-MM-DD, not after today (Asia/Shanghai); default today'),
      regionCode,
    }),
  },
  responses: {
    200: jsonOk(coverageSchema.openapi('Coverage'), 'The coverage items of the level inside regionCode'),
    ...problemResponses(401, 404, 422),
  },
});

export const graduatesRoute = createRoute({
  method: 'get',
  path: '/stats/graduates',
  tags,
  summary: 'Graduate founders per graduation year: left school without a job, in a center, introduced, in training',
  description:
    'Admins and region_admins (inside their region); others 404. Years default to the last five; from > to, or a ' +
    'year outside 1950–2100 → 422.',
  request: {
    query: z.object({
      regionCode,
      from: z.string().optional().describe('first graduation year'),
      to: z.string().optional().describe('last graduation year (default: this year)'),
    }),
  },
  responses: {
    200: jsonOk(graduatesSchema.openapi('Graduates'), 'Per year, in total and per prefecture'),
    ...problemResponses(401, 404, 422),
  },
});
