export * from './table.ts';
export * from './validation.ts';
export type Project = typeof import('./table.ts').projectsTable.$inferSelect;
