export * from './table.ts';
export type Introduction = typeof import('./table.ts').introductionsTable.$inferSelect;
