export * from './table.ts';
export * from './validation.ts';
export type AdmissionForm = typeof import('./table.ts').admissionFormsTable.$inferSelect;
