import type { Context } from 'hono';
import type { Db } from '../../db/client.ts';
import type { Embedder } from '../../embedding/embedder.ts';
import type { EngineContext } from '../../matching/engine.ts';
import { matchInvestorProjects, matchProject, matchTrainingFounders, type ProjectTarget } from '../../matching/service.ts';
import type { Lang } from '../../matching/types.ts';
import type { AppEnv } from '../env.ts';

/**
 * The reasons' language from Accept-Language: the highest-q of zh / en (Tibetan callers get Chinese
 * until reasons are translated); zh when neither is asked for.
 */
export function preferredLang(header: string | undefined): Lang {
  let best: { lang: Lang; q: number } = { lang: 'zh', q: -1 };
  for (const part of (header ?? '').split(',')) {
    const [tag, ...params] = part.trim().toLowerCase().split(';');
    const q = Number(params.find((p) => p.trim().startsWith('q='))?.split('=')[1] ?? 1);
    const lang: Lang | null = tag.startsWith('en') ? 'en' : tag.startsWith('zh') || tag.startsWith('bo') ? 'zh' : null;
    if (lang && Number.isFinite(q) && q > best.q) best = { lang, q };
  }
  return best.lang;
}

export function matchHandlers(db: Db, embedder: Embedder) {
  const ctx = (c: Context<AppEnv>): EngineContext => ({ db, model: embedder.id, lang: preferredLang(c.req.header('accept-language')) });
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
