export * from './table.ts';
export type ImportRecord = typeof import('./table.ts').importsTable.$inferSelect;
