// OpenAPI definitions of the statistics time series (issue 22): GET /v1/stats/series, GET /v1/stats/metrics.
import { createRoute, z } from '@hono/zod-openapi';
import { metricInfoSchema, seriesSchema } from '../../statistics/series.ts';
import { jsonOk, problemResponses } from '../openapi-common.ts';

const tags = ['statistics'];

// The query is read as plain strings and checked by src/statistics/series.ts, so that bad values
// answer 422 naming the field, as every statistics query does (common22.md).
const SeriesQuery = z.object({
  metric: z.string().max(200).optional().describe('a metric name of GET /v1/stats/metrics (required)'),
  regionCode: z
    .string()
    .max(20)
    .optional()
    .describe("the region whose values are summed (default: the caller's region; 540000 for admins)"),
  centerId: z.string().max(100).optional().describe("one center's values (center staff: always their own center)"),
  from: z.string().max(20).optional().describe('first day YYYY-MM-DD (default: 29 days before to)'),
  to: z.string().max(20).optional().describe('last day YYYY-MM-DD (default: today in Asia/Shanghai)'),
});

export const seriesRoute = createRoute({
  method: 'get',
  path: '/stats/series',
  tags,
  summary: 'A metric per day over a range, for a region or a center',
  description:
    'Past days are the daily snapshots (stored at 00:10 Asia/Shanghai for the day just ended) summed over the ' +
    "region's rows by code prefix, or one center's rows; today's point is computed live. A day never " +
    'snapshotted has `value: null`. Admins read everything, region admins their region, center staff their ' +
    "own center's per-center metrics (others 404). 422: unknown metric or region code, malformed dates, from > to, " +
    'a future day, a range over 3 years, a center asked for a regional metric.',
  request: { query: SeriesQuery },
  responses: {
    200: jsonOk(seriesSchema.openapi('StatsSeries'), 'The series, one point per day from `from` to `to`'),
    ...problemResponses(401, 404, 422),
  },
});

export const metricsRoute = createRoute({
  method: 'get',
  path: '/stats/metrics',
  tags,
  summary: 'The metrics that have a daily history, with their names in zh, en and bo',
  description: 'Center staff see the per-center metrics only; roles that read no statistics get 404.',
  responses: {
    200: jsonOk(z.object({ items: z.array(metricInfoSchema.openapi('StatsMetric')) }), 'The metrics'),
    ...problemResponses(401, 404),
  },
});
