// The addressee's side of a nudge: a home to-do "the center reminded you" for requests still waiting
// for this person (a mentor's or investor's introductions; a founder's training invitations and the
// introductions an investor asked of its projects).
import { and, eq, isNotNull, sql, type SQL } from 'drizzle-orm';
import { introductionsTable } from '../../../models/introductions/table.ts';
import { trainingInvitationsTable } from '../../../models/training-invitations/table.ts';
import { introductionScope } from '../../engagement/introductions.ts';
import { invitationScope } from '../../engagement/training-invitations.ts';
import type { TodoSource } from '../home/todos.ts';

const i = introductionsTable;
const ti = trainingInvitationsTable;

const count = async (db: Parameters<TodoSource>[0]['db'], table: typeof i | typeof ti, where: SQL | undefined) =>
  (
    await db
      .select({ n: sql<number>`count(*)::int` })
      .from(table as typeof i)
      .where(where)
  )[0].n;

export const nudgedToMe: TodoSource = async ({ db, ctx, t, session }) => {
  const actor = ctx.actor;
  const role = session.account.role;
  let n = 0;
  const introScope = introductionScope(actor);
  if (introScope !== 'none') {
    // Who must answer: the target when the project side asked, the project side when the target asked.
    const mine = role === 'founder' ? eq(i.initiator, 'target') : eq(i.initiator, 'project');
    n += await count(
      db,
      i,
      and(introScope === 'all' ? undefined : introScope, eq(i.status, 'requested'), isNotNull(i.nudgedAt), mine),
    );
  }
  if (role === 'founder') {
    const invScope = invitationScope(actor);
    if (invScope !== 'none')
      n += await count(
        db,
        ti,
        and(invScope === 'all' ? undefined : invScope, eq(ti.status, 'invited'), isNotNull(ti.nudgedAt)),
      );
  }
  if (!n) return [];
  const href = role === 'founder' ? '/app/invitations' : '/app/inbox';
  return [{ text: t('centerIntros.todo.nudged', { count: n }), href }];
};
