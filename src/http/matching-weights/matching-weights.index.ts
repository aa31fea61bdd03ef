import { OpenAPIHono } from '@hono/zod-openapi';
import type { Db } from '../../db/client.ts';
import type { Embedder } from '../../embedding/embedder.ts';
import { getWeights, previewWeights, putWeights } from '../../matching/weights.ts';
import type { AppEnv } from '../env.ts';
import { preferredLang } from '../matches/matches.handlers.ts';
import { validationHook } from '../problem.ts';
import { getWeightsRoute, previewWeightsRoute, putWeightsRoute } from './matching-weights.routes.ts';

export function matchingWeightsRouter(db: Db, embedder: Embedder) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook as never });
  app.openapi(getWeightsRoute, async (c) =>
    c.json((await getWeights(db, c.get('actor'), c.req.valid('param').id)) as never, 200),
  );
  app.openapi(putWeightsRoute, async (c) =>
    c.json(
      (await putWeights(
        db,
        c.get('actor'),
        c.req.valid('param').id,
        (c.req.valid('json') as { weights: never }).weights,
      )) as never,
      200,
    ),
  );
  app.openapi(previewWeightsRoute, async (c) => {
    const { weights, recipe, sample } = c.req.valid('json') as { weights: never; recipe: string; sample: number };
    const ctx = { db, model: embedder.id, lang: preferredLang(c.req.header('accept-language')) };
    return c.json(
      (await previewWeights(
        ctx,
        c.get('actor'),
        c.req.valid('param').id,
        weights as never,
        recipe,
        sample,
        c.get('spend'),
      )) as never,
      200,
    );
  });
  return app;
}
