// The table of each embedded kind: where its row, vector and keyword form live.
import { foundersTable } from '../founders/table.ts';
import { investorsTable } from '../investors/table.ts';
import { mentorsTable } from '../mentors/table.ts';
import { projectsTable } from '../projects/table.ts';
import { servicesTable } from '../services/table.ts';
import { trainingsTable } from '../trainings/table.ts';
import type { EmbeddedKind } from './table.ts';

export const embeddedTables = {
  founder: foundersTable,
  project: projectsTable,
  mentor: mentorsTable,
  investor: investorsTable,
  training: trainingsTable,
  service: servicesTable,
} as const satisfies Record<EmbeddedKind, unknown>;

export type EmbeddedTable = (typeof embeddedTables)[EmbeddedKind];

const kinds = new Map<EmbeddedTable, EmbeddedKind>(
  Object.entries(embeddedTables).map(([k, t]) => [t, k as EmbeddedKind]),
);
/** The embedded kind whose rows `table` holds (the embeddings table's entity_kind for them). */
export const kindOfTable = (table: EmbeddedTable): EmbeddedKind => kinds.get(table)!;
