import { todayInShanghai } from '../common/today.ts';
import { createInsertSchema, createSelectSchema } from 'drizzle-zod';
import { externalIdField, isoDate, nameField, regionCodeField, serverOwned } from '../common/validation.ts';
import { centersTable } from './table.ts';

export const centerSelectSchema = createSelectSchema(centersTable);
export const centerBodySchema = createInsertSchema(centersTable, {
  externalId: externalIdField,
  name: () => nameField(),
  regionCode: regionCodeField,
  operator: () => nameField(),
  // The day the status took effect; defaults to today when the status changes without one.
  statusSince: () =>
    isoDate().refine((d) => d <= todayInShanghai(), 'must not be in the future (Asia/Shanghai) / 不能是将来的日期'),
})
  .omit(serverOwned)
  .strict();
