import { OpenAPIHono } from '@hono/zod-openapi';
import type { Db } from '../../db/client.ts';
import type { Embedder } from '../../embedding/embedder.ts';
import type { MatchCache } from '../../matching/cache.ts';
import type { CandidateIndex } from '../../matching/candidate-index.ts';
import type { AppEnv } from '../env.ts';
import type { MatchMetrics } from '../metrics.ts';
import { validationHook } from '../problem.ts';
import { JOURNEYS, type Journey } from '../../matching/journeys.ts';
import { journeyRoutes } from './matches.routes.ts';
import { matchHandlers } from './matches.handlers.ts';

export function matchesRouter(
  db: Db,
  embedder: Embedder,
  cache: MatchCache,
  index: CandidateIndex,
  metrics?: MatchMetrics,
  journeys: readonly Journey[] = JOURNEYS,
) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook as never });
  const h = matchHandlers(db, embedder, cache, index, metrics);
  for (const { journey, route } of journeyRoutes(journeys)) app.openapi(route, h.journey(journey));
  return app;
}
