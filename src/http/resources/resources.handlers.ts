import type { Context } from 'hono';
import type { Repository } from '../../resources/repository.ts';
import type { AppEnv } from '../env.ts';

type Ctx = Context<AppEnv, any, any>;
const valid = (c: Ctx, target: 'query' | 'param' | 'json') => (c.req as any).valid(target);

/** Handlers are thin: validated input in, repository call, JSON out. */
export function resourceHandlers(repo: Repository) {
  return {
    async list(c: Ctx) {
      const { limit, cursor, ...filters } = valid(c, 'query');
      return c.json(await repo.list(c.get('ctx'), { limit, cursor, filters }), 200);
    },
    async get(c: Ctx) {
      return c.json(await repo.get(c.get('ctx'), valid(c, 'param').id), 200);
    },
    async create(c: Ctx) {
      const item = await repo.create(c.get('ctx'), valid(c, 'json'));
      c.header('Location', `${c.req.path}/${item.id}`);
      return c.json(item, 201);
    },
    async update(c: Ctx) {
      return c.json(await repo.update(c.get('ctx'), valid(c, 'param').id, valid(c, 'json')), 200);
    },
    async remove(c: Ctx) {
      await repo.remove(c.get('ctx'), valid(c, 'param').id);
      return c.body(null, 204);
    },
    async upsert(c: Ctx) {
      const { created, item } = await repo.upsertByExternalId(
        c.get('ctx'),
        valid(c, 'param').externalId,
        valid(c, 'json'),
      );
      return c.json(item, created ? 201 : 200);
    },
  };
}
