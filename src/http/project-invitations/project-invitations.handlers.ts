import type { Db } from '../../db/client.ts';
import { ProjectInvitations } from '../../engagement/project-invitations.ts';

/** Thin handlers: validated input in, engagement call, JSON out. */
export function projectInvitationHandlers(db: Db) {
  const invitations = new ProjectInvitations(db);
  const decide = (decision: 'accept' | 'decline') => async (c: any) =>
    c.json(await invitations.decide(c.get('actor'), c.req.valid('param').id, decision), 200);
  return {
    async list(c: any) {
      return c.json(await invitations.list(c.get('actor'), c.req.valid('query')), 200);
    },
    async get(c: any) {
      return c.json(await invitations.get(c.get('actor'), c.req.valid('param').id), 200);
    },
    accept: decide('accept'),
    decline: decide('decline'),
  };
}
