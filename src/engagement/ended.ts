// How introductions end when no party ends them: the project, mentor or investor was removed. They
// end with a reason the other side sees (`endReason`), and what was accepted stays accepted history
// (statistics, learned feedback). A `requested` introduction ended this way was never decided
// (decidedAt stays null), so it counts as neither accepted nor declined.
import { and, inArray, sql, type SQL } from 'drizzle-orm';
import { introductionsTable } from '../../models/introductions/table.ts';
import type { Executor } from '../resources/types.ts';

export const END_REASONS = ['mentor_removed', 'investor_removed', 'project_removed'] as const;
export type EndReason = (typeof END_REASONS)[number];

const i = introductionsTable;

/** Was the introduction (row in the query) accepted at some point: accepted, or ended after being accepted. */
export const acceptedOnceSql = (
  status: SQL | typeof i.status = i.status,
  decidedAt: SQL | typeof i.decidedAt = i.decidedAt,
): SQL<boolean> => sql<boolean>`(${status} = 'accepted' or (${status} = 'ended' and ${decidedAt} is not null))`;

export const wasAccepted = (r: { status: string; decidedAt: Date | null }) =>
  r.status === 'accepted' || (r.status === 'ended' && r.decidedAt !== null);

/** Ends the open (requested or accepted) introductions matching `where` with `reason`; their ids. */
export async function endOpenIntroductions(tx: Executor, where: SQL, reason: EndReason, now: Date): Promise<string[]> {
  const rows = await tx
    .update(i)
    .set({ status: 'ended', endedAt: now, endReason: reason, updatedAt: now })
    .where(and(where, inArray(i.status, ['requested', 'accepted'])))
    .returning({ id: i.id });
  return rows.map((r) => r.id);
}
