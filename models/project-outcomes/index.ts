export * from './table.ts';
export * from './validation.ts';
export type ProjectOutcome = typeof import('./table.ts').projectOutcomesTable.$inferSelect;
