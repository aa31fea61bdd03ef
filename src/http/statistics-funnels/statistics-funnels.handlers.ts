import type { Db } from '../../db/client.ts';
import { forbidden, notFound } from '../../errors.ts';
import { funnel } from '../../statistics/funnel.ts';
import { funnelQueryFor, scorecardQueryFor } from '../../statistics/funnel-query.ts';
import { readsStatistics } from '../../statistics/scope.ts';
import { putIndicators, readIndicators, scorecard } from '../../statistics/scorecard.ts';

/** Thin handlers: the query checked (422/404), the figure, JSON out. */
export function statisticsFunnelsHandlers(db: Db) {
  const actor = (c: any) => c.get('actor');
  return {
    funnel: async (c: any) => c.json(await funnel(db, await funnelQueryFor(db, actor(c), c.req.query())), 200),
    scorecard: async (c: any) => c.json(await scorecard(db, await scorecardQueryFor(db, actor(c), c.req.query())), 200),
    async getIndicators(c: any) {
      if (!readsStatistics(actor(c))) throw notFound('statistics');
      return c.json({ items: await readIndicators(db) }, 200);
    },
    async putIndicators(c: any) {
      const a = actor(c);
      if (!readsStatistics(a)) throw notFound('statistics');
      if (a.role !== 'admin') throw forbidden('only admins set the scorecard indicators / 只有管理员可以设置评价指标');
      return c.json({ items: await putIndicators(db, a, c.req.valid('json')) }, 200);
    },
  };
}
