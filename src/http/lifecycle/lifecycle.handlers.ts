import type { Db } from '../../db/client.ts';
import {
  apply,
  decide,
  exitProject,
  getAdmissionForm,
  getApplication,
  graduate,
  incubationsOf,
  listApplications,
  listOutcomes,
  lockOutcome,
  putAdmissionForm,
  putOutcome,
  submitReview,
  withdrawApplication,
} from '../../lifecycle/index.ts';

/** Thin handlers: validated input in, lifecycle call, JSON out. */
export function lifecycleHandlers(db: Db) {
  const actor = (c: any) => c.get('actor');
  const id = (c: any) => c.req.valid('param').id as string;
  return {
    getForm: async (c: any) => c.json(await getAdmissionForm(db, actor(c), id(c)), 200),
    putForm: async (c: any) => c.json(await putAdmissionForm(db, actor(c), id(c), c.req.valid('json')), 200),
    async apply(c: any) {
      const item = await apply(db, actor(c), c.req.valid('json'));
      c.header('Location', `/v1/applications/${item.id}`);
      return c.json(item, 201);
    },
    list: async (c: any) => c.json(await listApplications(db, actor(c), c.req.valid('query')), 200),
    get: async (c: any) => c.json(await getApplication(db, actor(c), id(c)), 200),
    withdraw: async (c: any) => c.json(await withdrawApplication(db, actor(c), id(c)), 200),
    review: async (c: any) => c.json(await submitReview(db, actor(c), id(c), c.req.valid('json')), 200),
    decide: async (c: any) => c.json(await decide(db, actor(c), id(c), c.req.valid('json')), 200),
    graduate: async (c: any) => c.json(await graduate(db, actor(c), id(c), c.req.valid('json')), 200),
    exit: async (c: any) => c.json(await exitProject(db, actor(c), id(c), c.req.valid('json')), 200),
    incubations: async (c: any) => c.json({ items: await incubationsOf(db, actor(c), id(c)) }, 200),
    putOutcome: async (c: any) =>
      c.json(await putOutcome(db, actor(c), id(c), c.req.valid('param').period, c.req.valid('json')), 200),
    lockOutcome: async (c: any) => c.json(await lockOutcome(db, actor(c), id(c), c.req.valid('param').period), 200),
    listOutcomes: async (c: any) => c.json(await listOutcomes(db, actor(c), id(c)), 200),
  };
}
