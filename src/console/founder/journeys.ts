// The journeys of a project's match pages: the matching layer's registry (src/matching/journeys.ts),
// their labels, and what a founder does with a match.
import type { MessageKey } from '../../i18n/t.ts';
import { PROJECT_TARGETS, type ProjectTarget, projectJourney } from '../../matching/journeys.ts';

export type Journey = ProjectTarget;
export const JOURNEYS: readonly Journey[] = PROJECT_TARGETS;
export const isJourney = (s: string): s is Journey => (JOURNEYS as readonly string[]).includes(s);
/** A journey's label: the key `founder.journey.<target>` (test/matching/journeys.test.ts checks each journey has one). */
export const journeyLabel = (j: Journey) => `founder.journey.${j}` as MessageKey;
/** The table of a journey's candidates (its recipe's). */
export const candidateTableOf = (j: Journey) => projectJourney(j)!.recipe.candidateTable;

/** Introductions are asked of mentors and investors; trainings take enrolments; services are shown. */
export const INTRODUCED: Partial<Record<Journey, 'mentor' | 'investor'>> = { mentors: 'mentor', investors: 'investor' };
