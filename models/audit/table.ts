import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { idColumn } from '../common/columns.ts';

/** Who did what, when: key creation, vetting decisions, publishes, contact reveals. */
export const auditTable = pgTable(
  'audit_log',
  {
    id: idColumn(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    entityKind: text('entity_kind').notNull(),
    entityId: text('entity_id'),
    centerId: uuid('center_id'),
    detail: jsonb('detail'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('audit_center_idx').on(t.centerId, t.createdAt),
    index('audit_entity_idx').on(t.entityId),
    // The funnel's project steps of a day (statistics/funnel.ts): a small slice of a large log.
    index('audit_project_status_idx')
      .on(t.createdAt)
      .where(sql`${t.entityKind} = 'project' and ${t.action} in ('project.status', 'project.resubmitted')`),
  ],
);
