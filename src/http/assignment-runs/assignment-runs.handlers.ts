import type { Context } from 'hono';
import type { AssignmentQueue } from '../../../jobs/assignment/queue.ts';
import { AssignmentRuns, presentRun } from '../../assignment/runs.ts';
import type { Db } from '../../db/client.ts';
import type { Embedder } from '../../embedding/embedder.ts';
import { preferredLang } from '../matches/matches.handlers.ts';

/** Thin handlers: validated input in, AssignmentRuns call, JSON out (reasons in the Accept-Language). */
export function assignmentRunHandlers(db: Db, embedder: Embedder, queue: AssignmentQueue) {
  const runs = new AssignmentRuns(db, embedder.id, queue);
  const lang = (c: Context) => preferredLang(c.req.header('accept-language'));
  return {
    async create(c: any) {
      const run = await runs.create(c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      c.header('Location', `/v1/assignment-runs/${run.id}`);
      return c.json(presentRun(run, lang(c)), 202);
    },
    async list(c: any) {
      return c.json(await runs.list(c.get('actor'), c.req.valid('param').id, c.req.valid('query')), 200);
    },
    async get(c: any) {
      const actor = c.get('actor');
      const run = await runs.get(actor, c.req.valid('param').id);
      return c.json(presentRun(run, lang(c), await runs.unreadable(actor, run)), 200);
    },
    async publish(c: any) {
      const { run, introductions } = await runs.publish(c.get('actor'), c.req.valid('param').id);
      return c.json({ run: presentRun(run, lang(c), await runs.unreadable(c.get('actor'), run)), introductions }, 200);
    },
  };
}
