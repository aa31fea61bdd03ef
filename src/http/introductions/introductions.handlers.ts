import type { Db } from '../../db/client.ts';
import { Introductions } from '../../engagement/introductions.ts';
import { mentorCapacity } from '../../engagement/capacity.ts';
import { mentors } from '../../resources/mentors.ts';
import { isUuid } from '../../engagement/shared.ts';
import { notFound } from '../../errors.ts';

/** Thin handlers: validated input in, engagement call, JSON out. */
export function introductionHandlers(db: Db) {
  const intros = new Introductions(db);
  const decide = (decision: 'accept' | 'decline') => async (c: any) =>
    c.json(await intros.decide(c.get('actor'), c.req.valid('param').id, decision, c.req.valid('json')?.note), 200);
  return {
    async request(c: any) {
      const item = await intros.request(c.get('actor'), c.req.valid('json'));
      c.header('Location', `${c.req.path}/${item.id}`);
      return c.json(item, 201);
    },
    async list(c: any) {
      return c.json(await intros.list(c.get('actor'), c.req.valid('query')), 200);
    },
    async get(c: any) {
      return c.json(await intros.get(c.get('actor'), c.req.valid('param').id), 200);
    },
    accept: decide('accept'),
    decline: decide('decline'),
    async end(c: any) {
      return c.json(await intros.end(c.get('actor'), c.req.valid('param').id, c.req.valid('json')?.note), 200);
    },
    async nudge(c: any) {
      return c.json(await intros.nudge(c.get('actor'), c.req.valid('param').id), 200);
    },
    async capacity(c: any) {
      const id = c.req.valid('param').id;
      // A mentor the caller cannot read (a removed one, for all but admins) is 404 here too.
      const scope = mentors.policy.scope(c.get('actor'));
      const cap =
        isUuid(id) && scope !== 'none' ? await mentorCapacity(db, id, scope === 'all' ? undefined : scope) : null;
      if (!cap) throw notFound('mentor');
      return c.json(cap, 200);
    },
  };
}
