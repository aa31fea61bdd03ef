// The trainer's console: its trainings (list, create, edit, a training's page) and each training's
// order-style cohort builder. Trainers only: to every other role these pages do not exist (404).
// (Admins manage trainings through the API; their cohort view is by founder id, not by handle.)
import { Hono } from 'hono';
import type { ConsoleEnv } from '../env.ts';
import { onlyRoles } from '../shared/roles.ts';
import { cohortRouter } from './cohort.tsx';
import { type TrainerDeps, trainerDomain } from './trainer.data.ts';
import { trainingsRouter } from './trainings.tsx';

export function trainerRouter(deps: TrainerDeps) {
  const d = trainerDomain(deps);
  const router = new Hono<ConsoleEnv>();
  const trainers = onlyRoles('trainer');
  router.use('/trainings', trainers);
  router.use('/trainings/*', trainers);
  router.route('/', trainingsRouter(d));
  router.route('/', cohortRouter(d));
  return router;
}
