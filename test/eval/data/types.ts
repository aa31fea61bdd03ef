// Shapes of the judged evaluation set (test/eval): the API's request bodies with a local `key` instead
// of server ids, references by key, and training dates relative to the day the set is loaded (so the
// set never expires: endsOn stays in the future, which the hard rules require).
import type {
  CenterKind, FounderGroup, InvestorKind, Lang, ProjectStatus, ProviderKind, Sector, Stage, Topic, TrainingMode,
} from '../../../models/enums.ts';

export type EvalCenter = { key: string; name: string; regionCode: string; kind: CenterKind; operator?: string };

export type EvalFounder = {
  key: string;
  name: string;
  groups: FounderGroup[];
  regionCode: string;
  languages: Lang[];
  educationLevel?: string;
  graduationYear?: number;
  interests: string;
  center?: string;
};

export type EvalProject = {
  key: string;
  title: string;
  description: string;
  sector: Sector;
  stage: Stage;
  regionCode: string;
  center?: string;
  founders: string[];
  needs: Topic[];
  fundingNeedCny?: number;
  languages: Lang[];
  status: ProjectStatus;
};

export type EvalMentor = {
  key: string;
  name: string;
  bio: string;
  expertise: Topic[];
  sectors: Sector[];
  languages: Lang[];
  regionCode: string;
  remote: boolean;
  capacity: number;
};

export type EvalInvestor = {
  key: string;
  name: string;
  kind: InvestorKind;
  thesis: string;
  sectors: Sector[];
  stages: Stage[];
  ticketMinCny: number;
  ticketMaxCny: number;
  regionCodes: string[];
};

export type EvalTraining = {
  key: string;
  title: string;
  description: string;
  provider: string;
  providerKind: ProviderKind;
  topics: Topic[];
  targetGroups: FounderGroup[];
  stages: Stage[];
  regionCode: string;
  mode: TrainingMode;
  seats: number;
  /** startsOn = load day + startsInDays; endsOn = startsOn + days - 1. */
  startsInDays: number;
  days: number;
  languages: Lang[];
};

export type EvalService = {
  key: string;
  name: string;
  category: Topic;
  provider: string;
  description: string;
  center?: string;
  regionCodes: string[];
  voucherEligible: boolean;
  languages: Lang[];
};

/** Graded relevance 1–3 of candidates (by key) for one query; an unlisted candidate is 0. */
export type Grades = Record<string, 1 | 2 | 3>;
/** Judgments of one journey: query key → grades. */
export type Judgments = Record<string, Grades>;
