export * from './table.ts';
export * from './validation.ts';
export type Training = typeof import('./table.ts').trainingsTable.$inferSelect;
