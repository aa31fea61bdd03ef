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
export const PROJECT_STATUSES = [
  'draft',
  'submitted',
  'vetted',
  'rejected',
  'incubating',
  'graduated',
  'exited',
] as const;
/**
 * Project statuses investors read and match on: reviewed by a center (vetted as before issue 21,
 * admitted and incubating, or graduated). Every investor scope, recipe and partial index uses this list.
 */
export const REVIEWED_STATUSES = ['vetted', 'incubating', 'graduated'] as const;
/** An application of a project to a center: open (`submitted`) until decided or withdrawn. */
export const APPLICATION_STATUSES = ['submitted', 'decided', 'withdrawn'] as const;
/** A reviewer's recommendation on an application. */
export const RECOMMENDATIONS = ['admit', 'waitlist', 'reject'] as const;
/** The center's decision on an application. */
export const ADMISSION_DECISIONS = ['admitted', 'waitlisted', 'rejected'] as const;
/** How an incubation ended. */
export const INCUBATION_ENDS = ['graduated', 'exited'] as const;
/** Why a project left its center without graduating. */
export const EXIT_REASONS = ['relocated', 'closed', 'merged', 'expelled', 'other'] as const;
export const TRAINING_MODES = ['onsite', 'online', 'enclave'] as const;
export const ROLES = ['admin', 'center_staff', 'founder', 'mentor', 'investor', 'trainer', 'region_admin'] as const;
/** A center's life (issue 22): it counts in coverage only while `operating` on the as-of date. */
export const CENTER_STATUSES = ['planned', 'approved', 'operating', 'suspended', 'closed'] as const;
/** The administrative level a center was set up at (national, region, prefecture, county). */
export const CENTER_LEVELS = ['national', 'region', 'prefecture', 'county'] as const;
/** A founder's employment (personal data, hidden like contacts); graduates who left school without a job are tracked. */
export const EMPLOYMENT_STATUSES = ['employed', 'self_employed', 'unemployed', 'studying', 'other'] as const;
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
export type ReviewedStatus = (typeof REVIEWED_STATUSES)[number];
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export type Recommendation = (typeof RECOMMENDATIONS)[number];
export type AdmissionDecision = (typeof ADMISSION_DECISIONS)[number];
export type IncubationEnd = (typeof INCUBATION_ENDS)[number];
export type ExitReason = (typeof EXIT_REASONS)[number];
export type TrainingMode = (typeof TRAINING_MODES)[number];
export type Role = (typeof ROLES)[number];
export type CenterStatus = (typeof CENTER_STATUSES)[number];
export type CenterLevel = (typeof CENTER_LEVELS)[number];
export type EmploymentStatus = (typeof EMPLOYMENT_STATUSES)[number];
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
export const applicationStatusEnum = pgEnum('application_status', APPLICATION_STATUSES);
export const recommendationEnum = pgEnum('recommendation', RECOMMENDATIONS);
export const admissionDecisionEnum = pgEnum('admission_decision', ADMISSION_DECISIONS);
export const incubationEndEnum = pgEnum('incubation_end', INCUBATION_ENDS);
export const exitReasonEnum = pgEnum('exit_reason', EXIT_REASONS);
export const trainingModeEnum = pgEnum('training_mode', TRAINING_MODES);
export const roleEnum = pgEnum('role', ROLES);
export const centerStatusEnum = pgEnum('center_status', CENTER_STATUSES);
export const centerLevelEnum = pgEnum('center_level', CENTER_LEVELS);
export const employmentStatusEnum = pgEnum('employment_status', EMPLOYMENT_STATUSES);
export const embeddingStatusEnum = pgEnum('embedding_status', EMBEDDING_STATUSES);
export const introductionTargetEnum = pgEnum('introduction_target', INTRODUCTION_TARGETS);
export const introductionStatusEnum = pgEnum('introduction_status', INTRODUCTION_STATUSES);
export const introductionInitiatorEnum = pgEnum('introduction_initiator', INTRODUCTION_INITIATORS);
export const trainingInvitationStatusEnum = pgEnum('training_invitation_status', TRAINING_INVITATION_STATUSES);
export const runStatusEnum = pgEnum('run_status', RUN_STATUSES);
export const regionLevelEnum = pgEnum('region_level', REGION_LEVELS);
export const projectInvitationStatusEnum = pgEnum('project_invitation_status', PROJECT_INVITATION_STATUSES);
export const accountStatusEnum = pgEnum('account_status', ACCOUNT_STATUSES);
