export * from './table.ts';
export * from './validation.ts';
export type Investor = typeof import('./table.ts').investorsTable.$inferSelect;
