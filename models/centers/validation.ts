import { createInsertSchema, createSelectSchema } from 'drizzle-zod';
import { externalIdField, nameField, regionCodeField, serverOwned } from '../common/validation.ts';
import { centersTable } from './table.ts';

export const centerSelectSchema = createSelectSchema(centersTable);
export const centerBodySchema = createInsertSchema(centersTable, {
  externalId: externalIdField,
  name: () => nameField(),
  regionCode: regionCodeField,
  operator: () => nameField(),
})
  .omit(serverOwned)
  .strict();
