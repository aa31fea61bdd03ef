export * from './table.ts';
export type Enrollment = typeof import('./table.ts').enrollmentsTable.$inferSelect;
