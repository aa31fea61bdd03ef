// The contract's enumerations (shared/API.md), declared once: value tuples for zod and
// Postgres enums for the tables. zh/en labels live in seeds/reference/labels.ts.
import { pgEnum } from 'drizzle-orm/pg-core';

export const LANGS = ['zh', 'bo', 'en'] as const;
export const FOUNDER_GROUPS = [
  'graduate',
  'student',
  'researcher',
  'high_level_talent',
  'veteran',
  'ich_inheritor',
  'farmer_herder',
  'other',
] as const;
export const SECTORS = [
  'plateau_biology',
  'culture_tourism',
  'green_industry',
  'clean_energy',
  'modern_services',
  'digital_tech',
  'border_trade_logistics',
  'other',
] as const;
export const STAGES = ['idea', 'prototype', 'early_revenue', 'growth'] as const;
export const TOPICS = [
  'project_planning',
  'rnd_design',
  'registration',
  'finance_tax',
  'legal',
  'tech_intermediary',
  'ip',
  'tech_transfer',
  'certification',
  'policy',
  'coaching',
  'seed_funding',
  'loans',
  'marketing',
  'ecommerce',
  'fundraising',
  'management',
  'digital_skills',
] as const;
export const INVESTOR_KINDS = [
  'angel',
  'vc',
  'guarantee',
  'bank',
  'inclusive_finance',
  'gov_fund',
  'soe_fund',
] as const;
export const CENTER_KINDS = [
  'makerspace',
  'star_base',
  'incubator',
  'youth_center',
  'employment_center',
  'ecommerce_county',
  'park',
  'university',
  'vocational_school',
  'soe',
  'other',
] as const;
export const PROVIDER_KINDS = [
  'university',
  'vocational_school',
  'training_base',
  'master_studio',
  'market_org',
  'enterprise',
  'cooperative',
  'out_of_region',
] as const;
export const PROJECT_STATUSES = ['draft', 'submitted', 'vetted', 'rejected'] as const;
export const TRAINING_MODES = ['onsite', 'online', 'enclave'] as const;
export const ROLES = ['admin', 'center_staff', 'founder', 'mentor', 'investor', 'trainer'] as const;
export const EMBEDDING_STATUSES = ['pending', 'ready', 'failed'] as const;
export const INTRODUCTION_TARGETS = ['mentor', 'investor'] as const;
export const INTRODUCTION_STATUSES = ['requested', 'accepted', 'declined', 'ended'] as const;
/** Who asked: the project side (founder, center, admin, assignment run) or the target itself (an investor). */
export const INTRODUCTION_INITIATORS = ['project', 'target'] as const;
export const TRAINING_INVITATION_STATUSES = ['invited', 'accepted', 'declined'] as const;
export const RUN_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export const REGION_LEVELS = ['region', 'prefecture', 'county'] as const;
export const PROJECT_INVITATION_STATUSES = ['pending', 'accepted', 'declined', 'withdrawn'] as const;
export const ACCOUNT_STATUSES = ['invited', 'active', 'disabled'] as const;

export type Lang = (typeof LANGS)[number];
export type FounderGroup = (typeof FOUNDER_GROUPS)[number];
export type Sector = (typeof SECTORS)[number];
export type Stage = (typeof STAGES)[number];
export type Topic = (typeof TOPICS)[number];
export type InvestorKind = (typeof INVESTOR_KINDS)[number];
export type CenterKind = (typeof CENTER_KINDS)[number];
export type ProviderKind = (typeof PROVIDER_KINDS)[number];
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export type TrainingMode = (typeof TRAINING_MODES)[number];
export type Role = (typeof ROLES)[number];
export type EmbeddingStatus = (typeof EMBEDDING_STATUSES)[number];
export type IntroductionTarget = (typeof INTRODUCTION_TARGETS)[number];
export type IntroductionStatus = (typeof INTRODUCTION_STATUSES)[number];
export type IntroductionInitiator = (typeof INTRODUCTION_INITIATORS)[number];
export type TrainingInvitationStatus = (typeof TRAINING_INVITATION_STATUSES)[number];
export type RunStatus = (typeof RUN_STATUSES)[number];
export type RegionLevel = (typeof REGION_LEVELS)[number];
export type ProjectInvitationStatus = (typeof PROJECT_INVITATION_STATUSES)[number];
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export const langEnum = pgEnum('lang', LANGS);
export const founderGroupEnum = pgEnum('founder_group', FOUNDER_GROUPS);
export const sectorEnum = pgEnum('sector', SECTORS);
export const stageEnum = pgEnum('stage', STAGES);
export const topicEnum = pgEnum('topic', TOPICS);
export const investorKindEnum = pgEnum('investor_kind', INVESTOR_KINDS);
export const centerKindEnum = pgEnum('center_kind', CENTER_KINDS);
export const providerKindEnum = pgEnum('provider_kind', PROVIDER_KINDS);
export const projectStatusEnum = pgEnum('project_status', PROJECT_STATUSES);
export const trainingModeEnum = pgEnum('training_mode', TRAINING_MODES);
export const roleEnum = pgEnum('role', ROLES);
export const embeddingStatusEnum = pgEnum('embedding_status', EMBEDDING_STATUSES);
export const introductionTargetEnum = pgEnum('introduction_target', INTRODUCTION_TARGETS);
export const introductionStatusEnum = pgEnum('introduction_status', INTRODUCTION_STATUSES);
export const introductionInitiatorEnum = pgEnum('introduction_initiator', INTRODUCTION_INITIATORS);
export const trainingInvitationStatusEnum = pgEnum('training_invitation_status', TRAINING_INVITATION_STATUSES);
export const runStatusEnum = pgEnum('run_status', RUN_STATUSES);
export const regionLevelEnum = pgEnum('region_level', REGION_LEVELS);
export const projectInvitationStatusEnum = pgEnum('project_invitation_status', PROJECT_INVITATION_STATUSES);
export const accountStatusEnum = pgEnum('account_status', ACCOUNT_STATUSES);
