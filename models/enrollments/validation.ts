import { z } from 'zod';
import { createInsertSchema } from 'drizzle-zod';
import { enrollmentsTable } from './table.ts';

/** `POST /v1/trainings/{id}/enrollments`: the training comes from the path, the founder from the body. */
export const enrollmentBodySchema = createInsertSchema(enrollmentsTable, {
  founderId: () => z.uuid(),
})
  .pick({ founderId: true })
  .strict();

export type EnrollmentBody = z.infer<typeof enrollmentBodySchema>;
