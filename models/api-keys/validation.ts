import { z } from 'zod';
import { createInsertSchema } from 'drizzle-zod';
import { refineBinding } from '../common/binding.ts';
import { nameField } from '../common/validation.ts';
import { apiKeysTable } from './table.ts';

const base = createInsertSchema(apiKeysTable, {
  subjectId: () => z.string().trim().min(1).max(200),
  centerId: () => z.uuid(),
  regionCode: () => z.string().trim().min(1).max(20),
  label: () => nameField(),
})
  .pick({ role: true, subjectId: true, centerId: true, regionCode: true, label: true })
  .strict();

/** Which binding each role needs (shared/API.md, "Auth and visibility"). */
export const apiKeyBodySchema = base.superRefine((v, ctx) => refineBinding(v, ctx, 'keys'));
