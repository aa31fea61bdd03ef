import { pgTable, text } from 'drizzle-orm/pg-core';
import { regionLevelEnum } from '../enums.ts';

/** Reference data: the region, its 7 prefecture-level and 74 county-level divisions (seeded). */
export const regionsTable = pgTable('regions', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  level: regionLevelEnum('level').notNull(),
  parentCode: text('parent_code'),
});
