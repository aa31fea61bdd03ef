import { index, boolean, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { matchColumns, resourceColumns } from '../common/columns.ts';
import { langEnum, topicEnum } from '../enums.ts';
import { centersTable } from '../centers/table.ts';

export const servicesTable = pgTable(
  'services',
  {
    ...resourceColumns(),
    name: text('name').notNull(),
    category: topicEnum('category').notNull(),
    provider: text('provider').notNull(),
    description: text('description').notNull(),
    centerId: uuid('center_id').references(() => centersTable.id, { onDelete: 'set null' }),
    /** Empty = everywhere. */
    regionCodes: text('region_codes').array().notNull(),
    voucherEligible: boolean('voucher_eligible').notNull().default(false),
    languages: langEnum('languages').array().notNull(),
    ...matchColumns(),
  },
  (t) => [index('services_keywords_idx').using('gin', t.keywords)],
);
