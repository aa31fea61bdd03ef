export * from './table.ts';
export * from './validation.ts';
export type Service = typeof import('./table.ts').servicesTable.$inferSelect;
