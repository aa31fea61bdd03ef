export * from './table.ts';
export type AssignmentRun = typeof import('./table.ts').assignmentRunsTable.$inferSelect;
