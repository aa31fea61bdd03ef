import { z } from 'zod';
import { createInsertSchema, createSelectSchema } from 'drizzle-zod';
import { FOUNDER_GROUPS } from '../enums.ts';
import {
  contactField,
  externalIdField,
  languagesField,
  nameField,
  nonEmptySet,
  regionCodeField,
  embeddedServerOwned,
  matchOwned,
  textField,
  isoDate,
} from '../common/validation.ts';
import { foundersTable } from './table.ts';

export const founderSelectSchema = createSelectSchema(foundersTable).omit(matchOwned);
export const founderBodySchema = createInsertSchema(foundersTable, {
  externalId: externalIdField,
  name: () => nameField(),
  groups: () => nonEmptySet(z.enum(FOUNDER_GROUPS)),
  regionCode: regionCodeField,
  languages: languagesField,
  educationLevel: () => nameField(100),
  graduationYear: (s) => s.min(1950).max(2100),
  interests: () => textField(5000),
  contact: () => contactField(),
  employmentAsOf: () => isoDate(),
  // The client says yes or no; the server records when (see resources/founders.ts).
  consent: () =>
    z
      .object({ shareContact: z.boolean() })
      .strict()
      .describe(
        "consent to show the contact to mentors/investors that accepted an introduction to one of the founder's projects (default: no)",
      ),
})
  .omit({ ...embeddedServerOwned, erasedAt: true })
  .strict();
