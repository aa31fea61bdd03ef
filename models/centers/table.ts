import { boolean, pgTable, text } from 'drizzle-orm/pg-core';
import { resourceColumns } from '../common/columns.ts';
import { centerKindEnum } from '../enums.ts';
import { regionsTable } from '../regions/table.ts';

export const centersTable = pgTable('centers', {
  ...resourceColumns(),
  name: text('name').notNull(),
  regionCode: text('region_code')
    .notNull()
    .references(() => regionsTable.code),
  kind: centerKindEnum('kind').notNull(),
  operator: text('operator'),
  pilot: boolean('pilot').notNull().default(false),
});
