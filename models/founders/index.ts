export * from './table.ts';
export * from './validation.ts';
export type Founder = typeof import('./table.ts').foundersTable.$inferSelect;
