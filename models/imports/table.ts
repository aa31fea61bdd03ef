import { boolean, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { idColumn } from '../common/columns.ts';
import { centersTable } from '../centers/table.ts';

/**
 * A spreadsheet import (src/spreadsheets/): the uploaded file (kept so that "import now" after a clean
 * dry run does not need it again), its progress and its per-row report.
 * status: checked (dry run clean) | invalid (dry run or import found errors) | running | done | failed.
 */
export const importsTable = pgTable('imports', {
  id: idColumn(),
  resource: text('resource').notNull(),
  status: text('status').notNull(),
  dryRun: boolean('dry_run').notNull(),
  fileName: text('file_name'),
  fileType: text('file_type').notNull(),
  /** The file, base64 (at most 10 MiB raw); cleared once imported. */
  file: text('file'),
  totalRows: integer('total_rows').notNull().default(0),
  processed: integer('processed').notNull().default(0),
  created: integer('created').notNull().default(0),
  updated: integer('updated').notNull().default(0),
  unchanged: integer('unchanged').notNull().default(0),
  errorCount: integer('error_count').notNull().default(0),
  /** [{ row, column, message: { zh, en, bo } }], at most REPORT_MAX entries. */
  report: jsonb('report').notNull().default([]),
  actor: text('actor').notNull(),
  centerId: uuid('center_id').references(() => centersTable.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
});
