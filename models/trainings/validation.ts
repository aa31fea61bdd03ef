import { z } from 'zod';
import { createInsertSchema, createSelectSchema } from 'drizzle-zod';
import { FOUNDER_GROUPS, STAGES, TOPICS } from '../enums.ts';
import {
  externalIdField,
  isoDate,
  languagesField,
  nameField,
  regionCodeField,
  embeddedServerOwned,
  matchOwned,
  setOf,
  textField,
} from '../common/validation.ts';
import { trainingsTable } from './table.ts';

export const trainingSelectSchema = createSelectSchema(trainingsTable).omit(matchOwned);
export const trainingBodySchema = createInsertSchema(trainingsTable, {
  externalId: externalIdField,
  title: () => nameField(),
  description: () => textField(),
  provider: () => nameField(),
  topics: () => setOf(z.enum(TOPICS)),
  targetGroups: () => setOf(z.enum(FOUNDER_GROUPS)),
  stages: () => setOf(z.enum(STAGES)),
  regionCode: regionCodeField,
  seats: (s) => s.min(0).max(100_000),
  startsOn: isoDate,
  endsOn: isoDate,
  languages: languagesField,
})
  .omit(embeddedServerOwned)
  .strict();

export const trainingInvariants = z
  .object({ startsOn: z.string(), endsOn: z.string() })
  .refine((v) => v.startsOn <= v.endsOn, { message: 'endsOn must not be before startsOn', path: ['endsOn'] });
