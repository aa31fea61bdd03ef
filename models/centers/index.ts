export * from './table.ts';
export * from './validation.ts';
export type Center = typeof import('./table.ts').centersTable.$inferSelect;
