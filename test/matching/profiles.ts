// Matching profiles built in memory for unit tests of features and scoring (no database).
import type { Profile, ProjectSource } from '../../src/matching/types.ts';

/** A profile of `row` with topic weights and nothing else (no vector, keywords or inferred tags). */
export const profile = (row: Record<string, any>, topics: Record<string, number> = {}): Profile => ({
  row,
  vector: null,
  lexemes: new Set(),
  topics,
  sectors: {},
  inferredTopics: [],
  inferredSectors: [],
});

/** A project source of `row` with topic weights: no founders, introductions or enrolments. */
export const projectSource = (row: Record<string, any>, topics: Record<string, number> = {}): ProjectSource => ({
  ...profile(row, topics),
  founders: [],
  introduced: new Set(),
  enrolledTrainings: new Set(),
  today: '2026-01-01',
});
