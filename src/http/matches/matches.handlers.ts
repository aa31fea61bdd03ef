import type { Context } from 'hono';
import type { Db } from '../../db/client.ts';
import type { Embedder } from '../../embedding/embedder.ts';
import type { EngineContext } from '../../matching/engine.ts';
import { matchInvestorProjects, matchProject, matchTrainingFounders, type ProjectTarget } from '../../matching/service.ts';
import type { Lang } from '../../matching/types.ts';
import type { AppEnv } from '../env.ts';

/** zh unless the caller prefers English (Tibetan callers get Chinese until reasons are translated). */
export function preferredLang(header: string | undefined): Lang {
  const first = (header ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh';
}

export function matchHandlers(db: Db, embedder: Embedder) {
  const ctx = (c: Context<AppEnv>): EngineContext => ({ db, model: embedder.id, dimensions: embedder.dimensions, lang: preferredLang(c.req.header('accept-language')) });
  const args = (c: any) => [c.req.valid('param').id, c.req.valid('query').limit] as const;
  return {
    project: (target: ProjectTarget) => async (c: any) => {
      const [id, limit] = args(c);
      return c.json(await matchProject(ctx(c), c.get('actor'), id, target, limit), 200);
    },
    investorProjects: async (c: any) => c.json(await matchInvestorProjects(ctx(c), c.get('actor'), ...args(c)), 200),
    trainingFounders: async (c: any) => c.json(await matchTrainingFounders(ctx(c), c.get('actor'), ...args(c)), 200),
  };
}
