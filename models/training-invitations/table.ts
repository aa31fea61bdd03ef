import { index, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { idColumn, timestamps } from '../common/columns.ts';
import { trainingInvitationStatusEnum } from '../enums.ts';
import { foundersTable } from '../founders/table.ts';
import { trainingsTable } from '../trainings/table.ts';

/** A trainer's (or staff's) invitation of a founder to a training; accepting it makes the enrolment. */
export const trainingInvitationsTable = pgTable(
  'training_invitations',
  {
    id: idColumn(),
    trainingId: uuid('training_id')
      .notNull()
      .references(() => trainingsTable.id, { onDelete: 'cascade' }),
    founderId: uuid('founder_id')
      .notNull()
      .references(() => foundersTable.id, { onDelete: 'cascade' }),
    status: trainingInvitationStatusEnum('status').notNull().default('invited'),
    message: text('message'),
    /** The inviting key's label (internal, like introductions.requested_by). */
    invitedBy: text('invited_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    /** When the center last reminded the addressee of this open item (console, center introductions). */
    nudgedAt: timestamp('nudged_at', { withTimezone: true, mode: 'date' }),
    ...timestamps(),
  },
  (t) => [
    // One invitation per (training, founder): a declined one is not sent again.
    unique('training_invitations_training_founder_uq').on(t.trainingId, t.founderId),
    index('training_invitations_founder_idx').on(t.founderId),
  ],
);
