// Who reads which figures (issue 22, shared/API.md "Statistics"): admins everything, a region_admin its
// region (prefecture, county or the whole region), center staff their own center's figures. Figures
// only: no personal rows. Outside the scope the answer is 404, as for every out-of-scope read.
import { eq } from 'drizzle-orm';
import { centersTable } from '../../models/centers/table.ts';
import { covers, REGION_ROOT } from '../../models/regions/codes.ts';
import type { Actor } from '../auth/actor.ts';
import { notFound } from '../errors.ts';
import type { Executor } from '../resources/types.ts';

/** The figures an actor reads: a region (and everything inside it), optionally narrowed to one center. */
export interface StatsFilter {
  regionCode: string;
  centerId: string | null;
}

/** Whether the actor reads statistics at all (admin, region_admin, center_staff). */
export const readsStatistics = (a: Actor): boolean =>
  a.role === 'admin' || (a.role === 'region_admin' && !!a.regionCode) || (a.role === 'center_staff' && !!a.centerId);

/**
 * The filter a request asks for, checked against the actor's scope. A region_admin without a
 * regionCode gets its own region; center staff get their own center (and may not ask for region-wide
 * figures unless `centerFigures` is false, which refuses them). Unknown or out-of-scope → 404.
 */
export async function resolveStatsFilter(
  db: Executor,
  actor: Actor,
  asked: { regionCode?: string | null; centerId?: string | null },
  opts: { centerFigures: boolean } = { centerFigures: true },
): Promise<StatsFilter> {
  if (!readsStatistics(actor)) throw notFound('statistics');
  let center: { id: string; regionCode: string } | null = null;
  const centerId = asked.centerId ?? (actor.role === 'center_staff' && opts.centerFigures ? actor.centerId : null);
  if (actor.role === 'center_staff' && (!opts.centerFigures || centerId !== actor.centerId))
    throw notFound('statistics');
  if (centerId) {
    const [c] = await db
      .select({ id: centersTable.id, regionCode: centersTable.regionCode })
      .from(centersTable)
      .where(eq(centersTable.id, centerId))
      .limit(1);
    if (!c) throw notFound('center');
    center = c;
  }
  const own = actor.role === 'region_admin' ? actor.regionCode! : REGION_ROOT;
  const regionCode = asked.regionCode ?? own;
  if (!covers(own, regionCode)) throw notFound('region');
  if (center && !covers(regionCode, center.regionCode)) throw notFound('center');
  return { regionCode, centerId: center?.id ?? null };
}
