// The query of the funnel and the scorecard, checked at the edge (issue 22 conventions): dates
// YYYY-MM-DD, from ≤ to (else 422), no future `to` (422), a region code of the region (422), a center id
// (422); scope is resolveStatsFilter's (404 outside).
import { z } from 'zod';
import { isoDate } from '../../models/common/validation.ts';
import { isRegionCode } from '../../models/regions/codes.ts';
import type { Actor } from '../auth/actor.ts';
import { unprocessable } from '../errors.ts';
import { parseBody, todayInShanghai } from '../lifecycle/access.ts';
import type { Executor } from '../resources/types.ts';
import { defaultPeriod, type FunnelQuery } from './funnel.ts';
import { resolveStatsFilter, type StatsFilter } from './scope.ts';
import { defaultPeriodKey, type Period, parsePeriod } from './scorecard.ts';

const scopeQuery = {
  regionCode: z
    .string()
    .refine(isRegionCode, 'unknown region code / 未知的行政区划代码')
    .optional()
    .describe(
      'a code of the region (540000), a prefecture or a county: the centers (or, without a center, projects) inside it',
    ),
  centerId: z.uuid().optional().describe('one center (center staff: their own, the default)'),
};

export const funnelQuerySchema = z.object({
  ...scopeQuery,
  from: isoDate().optional().describe('first day, inclusive (default: January 1st of the current year, Asia/Shanghai)'),
  to: isoDate().optional().describe('last day, inclusive (default: today; not in the future)'),
});

export const scorecardQuerySchema = z.object({
  ...scopeQuery,
  period: z.string().optional().describe('YYYY, YYYY-Qn or YYYY-MM (default: the current year)'),
});

/** The checked funnel query of an actor: 422 for bad input, 404 out of scope. */
export async function funnelQueryFor(db: Executor, actor: Actor, raw: unknown): Promise<FunnelQuery> {
  const q = parseBody(funnelQuerySchema, raw);
  const filter = await resolveStatsFilter(db, actor, q, { centerFigures: true });
  const d = defaultPeriod();
  const from = q.from ?? d.from;
  const to = q.to ?? d.to;
  if (to > todayInShanghai())
    throw unprocessable([{ path: 'to', message: 'must not be in the future / 不能是将来的日期' }]);
  if (from > to) throw unprocessable([{ path: 'from', message: 'must not be after `to` / 开始日期不能晚于结束日期' }]);
  return { ...filter, from, to };
}

/** The checked scorecard query. */
export async function scorecardQueryFor(
  db: Executor,
  actor: Actor,
  raw: unknown,
): Promise<StatsFilter & { period: Period }> {
  const q = parseBody(scorecardQuerySchema, raw);
  const period = parsePeriod(q.period ?? defaultPeriodKey());
  const filter = await resolveStatsFilter(db, actor, q, { centerFigures: true });
  return { ...filter, period };
}
