export * from './table.ts';
export * from './validation.ts';
export type ApplicationReview = typeof import('./table.ts').applicationReviewsTable.$inferSelect;
