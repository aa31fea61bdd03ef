import type { Db } from '../../db/client.ts';
import { Enrollments } from '../../engagement/enrollments.ts';
import { TrainingInvitations } from '../../engagement/training-invitations.ts';

/** Thin handlers: validated input in, engagement call, JSON out. */
export function enrollmentHandlers(db: Db) {
  const enrollments = new Enrollments(db);
  const invitations = new TrainingInvitations(db);
  const decide = (decision: 'accept' | 'decline') => async (c: any) =>
    c.json(await invitations.decide(c.get('actor'), c.req.valid('param').id, decision, c.req.valid('json')?.note), 200);
  return {
    async create(c: any) {
      const trainingId = c.req.valid('param').id;
      const item = await enrollments.enroll(c.get('actor'), trainingId, c.req.valid('json').founderId);
      c.header('Location', `${c.req.path}/${item.founderId}`);
      return c.json(item, 201);
    },
    async list(c: any) {
      return c.json(await enrollments.list(c.get('actor'), c.req.valid('param').id, c.req.valid('query')), 200);
    },
    async get(c: any) {
      const { id, founderId } = c.req.valid('param');
      return c.json(await enrollments.get(c.get('actor'), id, founderId), 200);
    },
    async remove(c: any) {
      const { id, founderId } = c.req.valid('param');
      await enrollments.remove(c.get('actor'), id, founderId);
      return c.body(null, 204);
    },
    async invite(c: any) {
      const item = await invitations.invite(c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      c.header('Location', `/v1/training-invitations/${item.id}`);
      return c.json(item, 201);
    },
    async listInvitations(c: any) {
      return c.json(await invitations.list(c.get('actor'), c.req.valid('query')), 200);
    },
    async nudgeInvitation(c: any) {
      return c.json(await invitations.nudge(c.get('actor'), c.req.valid('param').id), 200);
    },
    async getInvitation(c: any) {
      return c.json(await invitations.get(c.get('actor'), c.req.valid('param').id), 200);
    },
    acceptInvitation: decide('accept'),
    declineInvitation: decide('decline'),
  };
}
