import { and, eq } from 'drizzle-orm';
import { introductionsTable } from '../../models/introductions/table.ts';
import { projectFoundersTable } from '../../models/projects/table.ts';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { acceptedOnceSql } from '../engagement/ended.ts';
import type { ReadContext } from './types.ts';

/** The per-request read context; the contact-reveal set is queried only when a rule needs it. */
export function readContext(db: Db, actor: Actor): ReadContext {
  let revealed: Promise<Set<string>> | undefined;
  return {
    actor,
    db,
    revealedContacts() {
      if (actor.role !== 'founder') return Promise.resolve(new Set());
      revealed ??= db
        .selectDistinct({ id: introductionsTable.targetId })
        .from(introductionsTable)
        .innerJoin(projectFoundersTable, eq(projectFoundersTable.projectId, introductionsTable.projectId))
        .where(and(eq(projectFoundersTable.founderId, actor.subjectId!), acceptedOnceSql()))
        .then((rows) => new Set(rows.map((r) => r.id)));
      return revealed;
    },
  };
}
