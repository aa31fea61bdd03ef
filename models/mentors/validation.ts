import { z } from 'zod';
import { createInsertSchema, createSelectSchema } from 'drizzle-zod';
import { SECTORS, TOPICS } from '../enums.ts';
import {
  contactField,
  externalIdField,
  languagesField,
  nameField,
  regionCodeField,
  embeddedServerOwned,
  matchOwned,
  setOf,
  textField,
} from '../common/validation.ts';
import { mentorsTable } from './table.ts';

export const mentorSelectSchema = createSelectSchema(mentorsTable).omit(matchOwned);
export const mentorBodySchema = createInsertSchema(mentorsTable, {
  externalId: externalIdField,
  name: () => nameField(),
  bio: () => textField(),
  expertise: () => setOf(z.enum(TOPICS)),
  sectors: () => setOf(z.enum(SECTORS)),
  languages: languagesField,
  regionCode: regionCodeField,
  capacity: (s) => s.min(0).max(1000),
  contact: () => contactField(),
})
  .omit(embeddedServerOwned)
  .strict();
