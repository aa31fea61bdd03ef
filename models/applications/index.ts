export * from './table.ts';
export * from './validation.ts';
export type Application = typeof import('./table.ts').applicationsTable.$inferSelect;
