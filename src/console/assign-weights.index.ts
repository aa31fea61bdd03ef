// Center staff's and admins' matching work: coach assignment runs and the center's matching weights.
import { Hono } from 'hono';
import type { AppDeps } from '../http/app.ts';
import { assignmentRouter } from './assignment/assignment.index.tsx';
import type { ConsoleEnv } from './env.ts';
import { weightsRouter } from './weights/weights.index.tsx';

export function assignWeightsRouter(deps: AppDeps) {
  const router = new Hono<ConsoleEnv>();
  router.route('/', assignmentRouter(deps));
  router.route('/', weightsRouter(deps));
  return router;
}
