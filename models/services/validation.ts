import { createInsertSchema, createSelectSchema } from 'drizzle-zod';
import {
  externalIdField,
  languagesField,
  nameField,
  regionCodeField,
  embeddedServerOwned,
  matchOwned,
  setOf,
  textField,
} from '../common/validation.ts';
import { servicesTable } from './table.ts';

export const serviceSelectSchema = createSelectSchema(servicesTable).omit(matchOwned);
export const serviceBodySchema = createInsertSchema(servicesTable, {
  externalId: externalIdField,
  name: () => nameField(),
  provider: () => nameField(),
  description: () => textField(),
  regionCodes: () => setOf(regionCodeField(), 100),
  languages: languagesField,
})
  .omit(embeddedServerOwned)
  .strict();
