export * from './table.ts';
export * from './validation.ts';
