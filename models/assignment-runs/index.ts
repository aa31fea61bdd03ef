export * from './table.ts';
export * from './validation.ts';
export type AssignmentRun = typeof import('./table.ts').assignmentRunsTable.$inferSelect;
