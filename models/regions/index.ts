export * from './table.ts';
export * from './codes.ts';
