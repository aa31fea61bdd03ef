// A center's status history (center_status_history, appended by a database trigger on every insert
// and status change): what coverage at a past date reads. Every role that reads the center reads it.
import { and, desc, eq, type SQL } from 'drizzle-orm';
import { centerStatusHistoryTable } from '../../models/center-status-history/table.ts';
import { centersTable } from '../../models/centers/table.ts';
import type { CenterStatus } from '../../models/enums.ts';
import type { Actor } from '../auth/actor.ts';
import { isUuid } from '../engagement/shared.ts';
import { notFound } from '../errors.ts';
import { centers } from '../resources/centers.ts';
import type { Executor } from '../resources/types.ts';

export interface CenterStatusEntry {
  status: CenterStatus;
  /** The day the status took effect (YYYY-MM-DD). */
  since: string;
  recordedAt: Date;
}

const h = centerStatusHistoryTable;

/** The center's statuses, latest first (by `since`, then by when recorded); 404 for a center the actor cannot read. */
export async function centerStatusHistory(db: Executor, actor: Actor, centerId: string): Promise<CenterStatusEntry[]> {
  if (!isUuid(centerId)) throw notFound('center');
  const scope = centers.policy.scope(actor);
  if (scope === 'none') throw notFound('center');
  const [center] = await db
    .select({ id: centersTable.id })
    .from(centersTable)
    .where(and(eq(centersTable.id, centerId), scope === 'all' ? undefined : (scope as SQL)))
    .limit(1);
  if (!center) throw notFound('center');
  return db
    .select({ status: h.status, since: h.since, recordedAt: h.recordedAt })
    .from(h)
    .where(eq(h.centerId, centerId))
    .orderBy(desc(h.since), desc(h.recordedAt));
}
