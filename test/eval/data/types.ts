// Shapes of the judged evaluation set (test/eval): the API's request bodies with a local `key` instead
// of server ids, references by key, and training dates relative to the day the set is loaded (so the
// set never expires: endsOn stays in the future, which the hard rules require).
import type {
  SeedCenter,
  SeedFounder,
  SeedInvestor,
  SeedMentor,
  SeedProject,
  SeedService,
  SeedTraining,
} from '../../../seeds/reference/types.ts';

/** A seed record's fields without its externalId (and `drop`), keyed locally instead. */
type Keyed<T, Drop extends keyof T = never> = Omit<T, 'externalId' | Drop> & { key: string };

export type EvalCenter = Keyed<SeedCenter, 'pilot'>;
export type EvalFounder = Keyed<SeedFounder, 'centerExternalId' | 'contact' | 'interests'> & {
  interests: string;
  center?: string;
};
export type EvalProject = Keyed<SeedProject, 'centerExternalId' | 'founderExternalIds' | 'confidential'> & {
  center?: string;
  founders: string[];
};
export type EvalMentor = Keyed<SeedMentor, 'active' | 'contact'>;
export type EvalInvestor = Keyed<SeedInvestor, 'active' | 'contact'>;
/** startsOn = load day + startsInDays; endsOn = startsOn + days - 1. */
export type EvalTraining = Keyed<SeedTraining, 'startsOn' | 'endsOn'> & { startsInDays: number; days: number };
export type EvalService = Keyed<SeedService, 'centerExternalId'> & { center?: string };

/** Graded relevance 1–3 of candidates (by key) for one query; an unlisted candidate is 0. */
export type Grades = Record<string, 1 | 2 | 3>;
/** Judgments of one journey: query key → grades. */
export type Judgments = Record<string, Grades>;
