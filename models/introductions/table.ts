import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { idColumn, timestamps } from '../common/columns.ts';
import { introductionInitiatorEnum, introductionStatusEnum, introductionTargetEnum } from '../enums.ts';
import { projectsTable } from '../projects/table.ts';

export const introductionsTable = pgTable(
  'introductions',
  {
    id: idColumn(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projectsTable.id, { onDelete: 'cascade' }),
    targetKind: introductionTargetEnum('target_kind').notNull(),
    targetId: uuid('target_id').notNull(),
    message: text('message'),
    status: introductionStatusEnum('status').notNull().default('requested'),
    requestedBy: text('requested_by'),
    /** `project`: asked by the project side (the target decides); `target`: asked by the investor itself (the project side decides). */
    initiator: introductionInitiatorEnum('initiator').notNull().default('project'),
    /** Set when published from an assignment run. */
    assignmentRunId: uuid('assignment_run_id'),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    /**
     * The project's center when it was decided (accepted or declined): the center that took the step in the
     * funnel and the scorecard (statistics/). A key like audit_log.center_id, not a reference: history stays.
     */
    decidedCenterId: uuid('decided_center_id'),
    endedAt: timestamp('ended_at', { withTimezone: true, mode: 'date' }),
    /** Why it ended when no party ended it (the project, mentor or investor was removed): `IntroductionEndReason`. */
    endReason: text('end_reason'),
    /** When the center last reminded the addressee of this open item (console, center introductions). */
    nudgedAt: timestamp('nudged_at', { withTimezone: true, mode: 'date' }),
    ...timestamps(),
  },
  (t) => [
    index('introductions_target_idx').on(t.targetKind, t.targetId, t.status),
    index('introductions_project_idx').on(t.projectId),
    // The funnel's steps of a day: requested, accepted, ended (statistics/funnel.ts).
    index('introductions_created_idx').on(t.createdAt),
    index('introductions_decided_idx').on(t.decidedAt),
    index('introductions_ended_idx').on(t.endedAt),
    // One current introduction per project and target, whoever inserts it (API, assignment publish).
    uniqueIndex('introductions_current_uq').on(t.projectId, t.targetKind, t.targetId).where(sql`status <> 'ended'`),
  ],
);
