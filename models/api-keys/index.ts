export * from './table.ts';
export * from './validation.ts';
export type ApiKey = typeof import('./table.ts').apiKeysTable.$inferSelect;
