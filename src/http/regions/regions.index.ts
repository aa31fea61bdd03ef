// Reference data, public (no key needed): Tibet's regions and the enumerations' zh/en/bo labels.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { asc, eq, and } from 'drizzle-orm';
import { regionsTable } from '../../../models/schema.ts';
import { REGION_LEVELS } from '../../../models/enums.ts';
import { labels } from '../../../seeds/reference/labels.ts';
import type { Db } from '../../db/client.ts';
import { notFound } from '../../errors.ts';
import type { AppEnv } from '../env.ts';
import { validationHook } from '../problem.ts';
import { problemResponses } from '../openapi-common.ts';

const Region = z
  .object({
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    level: z.enum(REGION_LEVELS),
    parentCode: z.string().nullable(),
  })
  .openapi('Region');

const list = createRoute({
  method: 'get',
  path: '/regions',
  tags: ['reference'],
  summary: 'Tibet regions (GB/T 2260): the region, 7 prefectures, 74 counties',
  request: { query: z.object({ level: z.enum(REGION_LEVELS).optional(), parentCode: z.string().max(6).optional() }) },
  responses: {
    200: {
      description: 'All matching regions',
      content: { 'application/json': { schema: z.object({ items: z.array(Region), nextCursor: z.null() }) } },
    },
    ...problemResponses(400),
  },
});
const get = createRoute({
  method: 'get',
  path: '/regions/{code}',
  tags: ['reference'],
  summary: 'One region',
  request: { params: z.object({ code: z.string().openapi({ param: { name: 'code', in: 'path' } }) }) },
  responses: {
    200: { description: 'The region', content: { 'application/json': { schema: Region } } },
    ...problemResponses(404),
  },
});
const labelsRoute = createRoute({
  method: 'get',
  path: '/labels',
  tags: ['reference'],
  summary: 'zh/en/bo labels of every enumeration value',
  responses: {
    200: {
      description: 'Labels by enumeration',
      content: {
        'application/json': {
          schema: z.record(
            z.string(),
            z.record(z.string(), z.object({ zh: z.string(), en: z.string(), bo: z.string() })),
          ),
        },
      },
    },
  },
});

export function regionsRouter(db: Db) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook as never });
  app.openapi(list, async (c) => {
    const { level, parentCode } = c.req.valid('query');
    const items = await db
      .select()
      .from(regionsTable)
      .where(
        and(
          level ? eq(regionsTable.level, level) : undefined,
          parentCode ? eq(regionsTable.parentCode, parentCode) : undefined,
        ),
      )
      .orderBy(asc(regionsTable.code));
    return c.json({ items, nextCursor: null }, 200);
  });
  app.openapi(get, async (c) => {
    const [row] = await db
      .select()
      .from(regionsTable)
      .where(eq(regionsTable.code, c.req.valid('param').code));
    if (!row) throw notFound('region');
    return c.json(row, 200);
  });
  app.openapi(labelsRoute, (c) => c.json(labels as never, 200));
  return app;
}
