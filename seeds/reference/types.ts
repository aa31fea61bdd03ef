// Shapes of the seed records: the request bodies of shared/API.md plus `externalId`, with references to
// other seed records by externalId (`...ExternalId(s)`) instead of server-assigned uuids.
// Declared as type aliases (not interfaces) so records stay assignable to Record<string, unknown>.
import type {
  CenterKind,
  FounderGroup,
  InvestorKind,
  Lang,
  ProjectStatus,
  ProviderKind,
  RegionLevel,
  Sector,
  Stage,
  Topic,
  TrainingMode,
} from './enums.js';

export type SeedRegion = {
  code: string;
  nameZh: string;
  nameEn: string;
  /** Tibetan name; absent where not verified (readers fall back to nameZh). */
  nameBo?: string;
  level: RegionLevel;
  parentCode: string | null;
  /** The county that is its prefecture's seat (行署/市政府所在地): policy deadline 2019-06-30 for a center there. */
  seat?: true;
};

export type SeedPilotCenter = {
  externalId: string;
  name: string;
  nameEn: string;
  regionCode: string;
  kind: CenterKind;
  operator?: string;
  pilot: true;
};

export type SeedCenter = {
  externalId: string;
  name: string;
  regionCode: string;
  kind: CenterKind;
  operator?: string;
  pilot: false;
};

export type SeedContact = {
  phone?: string;
  email?: string;
  wechat?: string;
};

export type SeedFounder = {
  externalId: string;
  name: string;
  groups: FounderGroup[];
  regionCode: string;
  languages: Lang[];
  educationLevel?: string;
  graduationYear?: number;
  interests?: string;
  /** externalId of a pilot center (seeds/reference/pilot-centers.ts) or a demo center. */
  centerExternalId?: string;
  contact?: { phone?: string; email?: string };
};

export type SeedProject = {
  externalId: string;
  title: string;
  description: string;
  sector: Sector;
  stage: Stage;
  regionCode: string;
  centerExternalId?: string;
  founderExternalIds: string[];
  needs: Topic[];
  fundingNeedCny?: number;
  languages: Lang[];
  status: ProjectStatus;
  confidential?: Record<string, unknown>;
};

export type SeedMentor = {
  externalId: string;
  name: string;
  bio: string;
  expertise: Topic[];
  sectors: Sector[];
  languages: Lang[];
  regionCode: string;
  remote: boolean;
  capacity: number;
  active: boolean;
  contact?: SeedContact;
};

export type SeedInvestor = {
  externalId: string;
  name: string;
  kind: InvestorKind;
  thesis: string;
  sectors: Sector[];
  stages: Stage[];
  ticketMinCny: number;
  ticketMaxCny: number;
  regionCodes: string[];
  active: boolean;
  contact?: SeedContact;
};

export type SeedTraining = {
  externalId: string;
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
  /** YYYY-MM-DD */
  startsOn: string;
  /** YYYY-MM-DD */
  endsOn: string;
  languages: Lang[];
};

export type SeedService = {
  externalId: string;
  name: string;
  category: Topic;
  provider: string;
  description: string;
  centerExternalId?: string;
  regionCodes: string[];
  voucherEligible: boolean;
  languages: Lang[];
};
