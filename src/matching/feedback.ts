// Learned from feedback: how a mentor or investor has answered introductions so far. Every accept
// and decline is stored on the introduction (and in the audit log); a target that accepts most of
// what it is sent is a better bet for the founder than one that declines most. With no decisions
// yet the feature does not apply (cold start: content and rules alone rank).
import { sql, type SQL } from 'drizzle-orm';
import { qualified } from '../db/sql.ts';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { introductionsTable } from '../../models/schema.ts';
import { say } from './text.ts';
import { acceptedOnceSql } from '../engagement/ended.ts';
import type { Feature, Profile } from './types.ts';

/** `{ accepted, declined }` decisions of the target row in the query (an ended one counts when it was accepted first). */
export const decisionsSql = (
  kind: 'mentor' | 'investor',
  targetId: PgColumn,
): SQL<{ accepted: number; declined: number }> =>
  sql`(select json_build_object(
      'accepted', count(*) filter (where ${acceptedOnceSql(sql.raw('fi.status'), sql.raw('fi.decided_at'))}),
      'declined', count(*) filter (where fi.status = 'declined'))
    from ${introductionsTable} fi
    where fi.target_kind = ${kind} and fi.target_id = ${qualified(targetId)})`;

/**
 * The acceptance rate, smoothed towards ½ (a Beta(1, 1) prior) so that one early decline does not
 * bury a new mentor: (accepted + 1) / (decided + 2).
 */
export const responsiveness: Feature<Profile> = {
  id: 'feedback',
  alwaysExplained: true,
  readsComputed: true,
  compute(_s, c) {
    const d = c.row.decisions as { accepted: number; declined: number } | undefined;
    const decided = d ? d.accepted + d.declined : 0;
    if (!d || !decided) return null;
    const value = (d.accepted + 1) / (decided + 2);
    return {
      value,
      detail: () =>
        say(
          `以往对接中接受了 ${d.accepted}/${decided} 次`,
          `Accepted ${d.accepted} of ${decided} past introductions`,
          `སྔོན་གྱི་ངོ་སྤྲོད་ཐེངས་ ${decided} ནང་ཐེངས་ ${d.accepted} དང་ལེན་བྱས`,
        ),
    };
  },
};
