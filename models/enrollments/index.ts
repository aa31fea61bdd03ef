export * from './table.ts';
export * from './validation.ts';
export type Enrollment = typeof import('./table.ts').enrollmentsTable.$inferSelect;
