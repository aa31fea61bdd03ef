import { z } from 'zod';
import { createInsertSchema, createSelectSchema } from 'drizzle-zod';
import { SECTORS, STAGES } from '../enums.ts';
import {
  cnyField,
  contactField,
  externalIdField,
  nameField,
  regionCodeField,
  embeddedServerOwned,
  matchOwned,
  setOf,
  textField,
} from '../common/validation.ts';
import { investorsTable } from './table.ts';

export const investorSelectSchema = createSelectSchema(investorsTable).omit(matchOwned);
export const investorBodySchema = createInsertSchema(investorsTable, {
  externalId: externalIdField,
  name: () => nameField(),
  thesis: () => textField(),
  sectors: () => setOf(z.enum(SECTORS)),
  stages: () => setOf(z.enum(STAGES)),
  ticketMinCny: cnyField,
  ticketMaxCny: cnyField,
  regionCodes: () => setOf(regionCodeField(), 100),
  contact: () => contactField(),
})
  .omit(embeddedServerOwned)
  .strict();

/** Checked on the merged record, so a PATCH of one bound is checked against the stored other. */
export const investorInvariants = z
  .object({ ticketMinCny: z.number(), ticketMaxCny: z.number() })
  .refine((v) => v.ticketMinCny <= v.ticketMaxCny, {
    message: 'ticketMinCny must not exceed ticketMaxCny',
    path: ['ticketMinCny'],
  });
