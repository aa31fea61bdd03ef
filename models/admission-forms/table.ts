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

/** A criterion the center graduates a project on (kept as a `criteriaMet` key of the graduation). */
export interface GraduationCriterion {
  id: string;
  name: LocalText;
}

/** The graduation criteria of a center that has not set its own (and of rows before 0021). */
export const DEFAULT_GRADUATION_CRITERIA: GraduationCriterion[] = [
  {
    id: 'registeredEnterprise',
    name: { zh: '已注册企业', en: 'A registered enterprise', bo: 'ཐོ་འགོད་བྱས་པའི་ཁེ་ལས།' },
  },
  { id: 'revenue', name: { zh: '营业收入达标', en: 'Revenue target reached', bo: 'ཡོང་འབབ་ཚད་ལོན།' } },
  { id: 'jobs', name: { zh: '带动就业达标', en: 'Jobs created as planned', bo: 'ལས་ཀ་གསར་སྐྲུན་ཚད་ལོན།' } },
  { id: 'funding', name: { zh: '获得融资', en: 'Funding raised', bo: 'མ་དངུལ་ཐོབ།' } },
  {
    id: 'space',
    name: { zh: '已迁出孵化场地', en: 'Moved out of the incubator space', bo: 'གསོ་སྐྱོང་ས་ཁོངས་ནས་སྤོས་ཟིན།' },
  },
];

/** What a center asks of applicants and how its reviewers score them (one form per center). */
export const admissionFormsTable = pgTable('admission_forms', {
  centerId: uuid('center_id')
    .primaryKey()
    .references(() => centersTable.id, { onDelete: 'cascade' }),
  questions: jsonb('questions').$type<AdmissionQuestion[]>().notNull(),
  criteria: jsonb('criteria').$type<AdmissionCriterion[]>().notNull(),
  graduationCriteria: jsonb('graduation_criteria')
    .$type<GraduationCriterion[]>()
    .notNull()
    .default(DEFAULT_GRADUATION_CRITERIA),
  /** Scores run from 1 to scale. */
  scale: integer('scale').notNull().default(5),
  /** Reviews needed before a decision. */
  minReviews: integer('min_reviews').notNull().default(2),
  /** Planned length of an incubation started by an admission. */
  plannedMonths: integer('planned_months').notNull().default(24),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedBy: text('updated_by'),
});
