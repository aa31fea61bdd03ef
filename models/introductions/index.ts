export * from './table.ts';
export * from './validation.ts';
export type Introduction = typeof import('./table.ts').introductionsTable.$inferSelect;
