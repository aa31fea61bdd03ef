import { z } from 'zod';
import { createInsertSchema } from 'drizzle-zod';
import { nameField } from '../common/validation.ts';
import { apiKeysTable } from './table.ts';

const base = createInsertSchema(apiKeysTable, {
  subjectId: () => z.string().trim().min(1).max(200),
  centerId: () => z.uuid(),
  label: () => nameField(),
})
  .pick({ role: true, subjectId: true, centerId: true, label: true })
  .strict();

/** Which binding each role needs (shared/API.md, "Auth and visibility"). */
export const apiKeyBodySchema = base.superRefine((v, ctx) => {
  if (v.role === 'center_staff' && !v.centerId)
    ctx.addIssue({ code: 'custom', path: ['centerId'], message: 'center_staff keys need a centerId' });
  if (['founder', 'mentor', 'investor', 'trainer'].includes(v.role) && !v.subjectId)
    ctx.addIssue({ code: 'custom', path: ['subjectId'], message: `${v.role} keys need a subjectId` });
  if (['founder', 'mentor', 'investor'].includes(v.role) && v.subjectId && !z.uuid().safeParse(v.subjectId).success)
    ctx.addIssue({ code: 'custom', path: ['subjectId'], message: `${v.role} keys need the ${v.role}'s id (a UUID)` });
});
