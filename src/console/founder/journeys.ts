// The journeys of a project's match pages: the matching layer's list, and what a founder does with a match.
import { PROJECT_TARGETS, type ProjectTarget } from '../../matching/service.ts';

export type Journey = ProjectTarget;
export const JOURNEYS: readonly Journey[] = PROJECT_TARGETS;
export const isJourney = (s: string): s is Journey => (JOURNEYS as readonly string[]).includes(s);

/** Introductions are asked of mentors and investors; trainings take enrolments; services are shown. */
export const INTRODUCED: Partial<Record<Journey, 'mentor' | 'investor'>> = { mentors: 'mentor', investors: 'investor' };
