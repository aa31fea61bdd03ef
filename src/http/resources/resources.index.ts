import { OpenAPIHono } from '@hono/zod-openapi';
import type { Repository } from '../../resources/repository.ts';
import type { AppEnv } from '../env.ts';
import { validationHook } from '../problem.ts';
import { resourceRoutes } from './resources.routes.ts';
import { resourceHandlers } from './resources.handlers.ts';

/** CRUD + list + by-external-id upsert for one resource, mounted under /v1. */
export function resourceRouter(repo: Repository) {
  const routes = resourceRoutes(repo.def);
  const h = resourceHandlers(repo);
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook as never });
  // The by-external-id route is registered before /{id} so that it is never taken for an id.
  app.openapi(routes.upsert, h.upsert as never);
  app.openapi(routes.list, h.list as never);
  app.openapi(routes.create, h.create as never);
  app.openapi(routes.get, h.get as never);
  app.openapi(routes.update, h.update as never);
  app.openapi(routes.remove, h.remove as never);
  return app;
}
