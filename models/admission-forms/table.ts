import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { centersTable } from '../centers/table.ts';

/** A text in the center's languages: Chinese always, English and Tibetan when the center gives them. */
export interface LocalText {
  zh: string;
  en?: string;
  bo?: string;
}
export interface AdmissionQuestion {
  id: string;
  text: LocalText;
  required: boolean;
  /** Answers to it are read by the center and the founders only, never by investors. */
  confidential?: boolean;
}
export interface AdmissionCriterion {
  id: string;
  name: LocalText;
  weight: number;
}

/** What a center asks of applicants and how its reviewers score them (one form per center). */
export const admissionFormsTable = pgTable('admission_forms', {
  centerId: uuid('center_id')
    .primaryKey()
    .references(() => centersTable.id, { onDelete: 'cascade' }),
  questions: jsonb('questions').$type<AdmissionQuestion[]>().notNull(),
  criteria: jsonb('criteria').$type<AdmissionCriterion[]>().notNull(),
  /** Scores run from 1 to scale. */
  scale: integer('scale').notNull().default(5),
  /** Reviews needed before a decision. */
  minReviews: integer('min_reviews').notNull().default(2),
  /** Planned length of an incubation started by an admission. */
  plannedMonths: integer('planned_months').notNull().default(24),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedBy: text('updated_by'),
});
