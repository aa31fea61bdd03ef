export * from './table.ts';
export * from './entities.ts';
