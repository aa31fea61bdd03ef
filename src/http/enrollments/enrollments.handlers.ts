import type { Db } from '../../db/client.ts';
import { Enrollments } from '../../engagement/enrollments.ts';

/** Thin handlers: validated input in, engagement call, JSON out. */
export function enrollmentHandlers(db: Db) {
  const enrollments = new Enrollments(db);
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
  };
}
