export * from './table.ts';
export * from './validation.ts';
export type Mentor = typeof import('./table.ts').mentorsTable.$inferSelect;
