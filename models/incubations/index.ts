export * from './table.ts';
export * from './validation.ts';
export type Incubation = typeof import('./table.ts').incubationsTable.$inferSelect;
