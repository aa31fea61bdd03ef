import { integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { timestamps } from '../common/columns.ts';
import { regionsTable } from '../regions/table.ts';

/**
 * Per region and year, the targets admins set (policy 一(三)): the would-be founders of the area
 * (the denominator of the 50 % coverage target) and, optionally, how many centers it should have.
 */
export const regionTargetsTable = pgTable(
  'region_targets',
  {
    regionCode: text('region_code')
      .notNull()
      .references(() => regionsTable.code),
    year: integer('year').notNull(),
    potentialFounders: integer('potential_founders').notNull(),
    centers: integer('centers'),
    updatedBy: text('updated_by'),
    ...timestamps(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.year] })],
);
