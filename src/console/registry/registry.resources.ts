// The five lists of the registry and what each shows: its search filters, a row's one-line summary, and
// (but for projects, which reuse the founder's project form) the fields of its create/edit form.
import {
  CENTER_KINDS,
  CENTER_LEVELS,
  CENTER_STATUSES,
  EMPLOYMENT_STATUSES,
  FOUNDER_GROUPS,
  INVESTOR_KINDS,
  LANGS,
  PROJECT_STATUSES,
  SECTORS,
  STAGES,
  TOPICS,
} from '../../../models/enums.ts';
import { regions, REGION_ROOT } from '../../../seeds/reference/regions.ts';
import type { Lang } from '../../i18n/lang.ts';
import { enumLabel, type LabelKind, regionName } from '../../i18n/labels.ts';
import type { MessageKey } from '../../i18n/t.ts';
import { centers, founders, investors, mentors, projects, services } from '../../resources/index.ts';
import type { ResourceDef, Row } from '../../resources/types.ts';
import type { Option } from '../components.tsx';
import { enumOptions, regionOptions } from '../options.ts';
import type { FieldSpec } from './registry.form.tsx';

export const REGISTRY = ['founders', 'projects', 'mentors', 'investors', 'services', 'centers'] as const;
export type RegistryName = (typeof REGISTRY)[number];
export const isRegistryName = (s: string): s is RegistryName => (REGISTRY as readonly string[]).includes(s);

/** A select of the search form; its name is the list filter's query parameter. */
export interface FilterSpec {
  name: string;
  label: MessageKey;
  options: (lang: Lang) => Option[];
}

export interface RegistrySpec {
  def: ResourceDef;
  /** Title of the list page. */
  title: MessageKey;
  /** "123 founders" beside the list. */
  total: MessageKey;
  /** Heading of the create page. */
  newTitle: MessageKey;
  filters: readonly FilterSpec[];
  /** The record's name as a link text. */
  nameOf(row: Row): string;
  /** One line under the name in the list. */
  summary(row: Row, lang: Lang): string;
  /** The create/edit form (projects have their own). */
  fields?: readonly FieldSpec[];
}

const labels = (lang: Lang, kind: LabelKind, values: readonly string[] | null | undefined) =>
  (values ?? []).map((v) => enumLabel(lang, kind, v)).join('、');

const options = (kind: LabelKind, values: readonly string[]) => (lang: Lang) => enumOptions(lang, kind, values);

/** The region, each prefecture and each county: a place and everything inside it. */
const regionFilter: FilterSpec = { name: 'regionCode', label: 'registry.filter.region', options: regionOptions };

/** For lists of places served (investors, services): the region, its prefectures, and any county already chosen. */
const BROAD_REGIONS = regions.filter((r) => r.code === REGION_ROOT || r.level === 'prefecture').map((r) => r.code);
const prefectureOptions = (lang: Lang, chosen: readonly string[]): Option[] =>
  [...BROAD_REGIONS, ...chosen.filter((c) => !BROAD_REGIONS.includes(c))].map((code) => ({
    value: code,
    label: regionName(code, lang),
  }));

const contactFields: FieldSpec[] = [
  { name: 'contact.phone', label: 'registry.field.phone', kind: 'tel', optional: true, maxlength: 40 },
  { name: 'contact.email', label: 'registry.field.email', kind: 'email', optional: true, maxlength: 320 },
  { name: 'contact.wechat', label: 'registry.field.wechat', kind: 'text', optional: true, maxlength: 100 },
];

const languagesField: FieldSpec = {
  name: 'languages',
  label: 'registry.field.languages',
  kind: 'checks',
  required: true,
  options: options('lang', LANGS),
};

export const SPECS: Record<RegistryName, RegistrySpec> = {
  founders: {
    def: founders,
    title: 'registry.founders',
    total: 'registry.total.founders',
    newTitle: 'registry.new.founders',
    filters: [
      regionFilter,
      { name: 'group', label: 'registry.filter.group', options: options('founderGroup', FOUNDER_GROUPS) },
    ],
    nameOf: (r) => r.name,
    summary: (r, lang) => [labels(lang, 'founderGroup', r.groups), regionName(r.regionCode, lang)].join(' · '),
    fields: [
      { name: 'name', label: 'registry.field.name', kind: 'text', required: true, maxlength: 200 },
      {
        name: 'groups',
        label: 'registry.field.groups',
        kind: 'checks',
        required: true,
        options: options('founderGroup', FOUNDER_GROUPS),
      },
      { name: 'regionCode', label: 'registry.field.region', kind: 'select', required: true, options: regionOptions },
      languagesField,
      { name: 'educationLevel', label: 'registry.field.education', kind: 'text', optional: true, maxlength: 100 },
      { name: 'graduationYear', label: 'registry.field.graduationYear', kind: 'number', optional: true },
      { name: 'interests', label: 'registry.field.interests', kind: 'textarea', optional: true, maxlength: 5000 },
      ...contactFields,
      // Employment (issue 22): personal like the contact; shown to the same people.
      {
        name: 'employmentStatus',
        label: 'roles.field.employmentStatus',
        kind: 'select',
        optional: true,
        options: options('employmentStatus', EMPLOYMENT_STATUSES),
      },
      {
        name: 'leftSchoolUnemployed',
        label: 'roles.field.leftSchoolUnemployed',
        kind: 'flag',
        text: 'roles.field.leftSchoolUnemployed.yes',
      },
      { name: 'employmentAsOf', label: 'roles.field.employmentAsOf', kind: 'date', optional: true },
    ],
  },
  projects: {
    def: projects,
    title: 'registry.projects',
    total: 'registry.total.projects',
    newTitle: 'registry.new.projects',
    filters: [
      regionFilter,
      { name: 'status', label: 'registry.filter.status', options: options('projectStatus', PROJECT_STATUSES) },
      { name: 'sector', label: 'registry.filter.sector', options: options('sector', SECTORS) },
    ],
    nameOf: (r) => r.title,
    summary: (r, lang) =>
      [
        enumLabel(lang, 'projectStatus', r.status),
        enumLabel(lang, 'sector', r.sector),
        enumLabel(lang, 'stage', r.stage),
        regionName(r.regionCode, lang),
      ].join(' · '),
  },
  mentors: {
    def: mentors,
    title: 'registry.mentors',
    total: 'registry.total.mentors',
    newTitle: 'registry.new.mentors',
    filters: [regionFilter, { name: 'sector', label: 'registry.filter.sector', options: options('sector', SECTORS) }],
    nameOf: (r) => r.name,
    summary: (r, lang) =>
      [labels(lang, 'topic', r.expertise), labels(lang, 'sector', r.sectors), regionName(r.regionCode, lang)]
        .filter(Boolean)
        .join(' · '),
    fields: [
      { name: 'name', label: 'registry.field.name', kind: 'text', required: true, maxlength: 200 },
      { name: 'regionCode', label: 'registry.field.region', kind: 'select', required: true, options: regionOptions },
      { name: 'remote', label: 'profile.remoteTitle', kind: 'flag', text: 'registry.field.remote' },
      { name: 'capacity', label: 'profile.capacity', hint: 'profile.capacity.hint', kind: 'number', required: true },
      { name: 'active', label: 'profile.availability', kind: 'flag', text: 'registry.field.active' },
      { name: 'expertise', label: 'profile.expertise', kind: 'checks', options: options('topic', TOPICS) },
      { name: 'sectors', label: 'profile.sectors', kind: 'checks', options: options('sector', SECTORS) },
      languagesField,
      { name: 'bio', label: 'profile.bio', kind: 'textarea', maxlength: 20_000 },
      ...contactFields,
    ],
  },
  investors: {
    def: investors,
    title: 'registry.investors',
    total: 'registry.total.investors',
    newTitle: 'registry.new.investors',
    filters: [regionFilter, { name: 'sector', label: 'registry.filter.sector', options: options('sector', SECTORS) }],
    nameOf: (r) => r.name,
    summary: (r, lang) =>
      [enumLabel(lang, 'investorKind', r.kind), labels(lang, 'sector', r.sectors)].filter(Boolean).join(' · '),
    fields: [
      { name: 'name', label: 'registry.field.name', kind: 'text', required: true, maxlength: 200 },
      {
        name: 'kind',
        label: 'profile.kind',
        kind: 'select',
        required: true,
        options: options('investorKind', INVESTOR_KINDS),
      },
      { name: 'thesis', label: 'profile.thesis', kind: 'textarea', maxlength: 20_000 },
      {
        name: 'sectors',
        label: 'profile.sectors',
        hint: 'profile.emptyMeansAll',
        kind: 'checks',
        options: options('sector', SECTORS),
      },
      {
        name: 'stages',
        label: 'profile.stages',
        hint: 'profile.emptyMeansAll',
        kind: 'checks',
        options: options('stage', STAGES),
      },
      { name: 'ticketMinCny', label: 'profile.ticketMin', kind: 'number', required: true },
      { name: 'ticketMaxCny', label: 'profile.ticketMax', kind: 'number', required: true },
      {
        name: 'regionCodes',
        label: 'profile.regions',
        hint: 'profile.emptyMeansAll',
        kind: 'checks',
        options: prefectureOptions,
      },
      { name: 'active', label: 'profile.availability', kind: 'flag', text: 'registry.field.active' },
      ...contactFields,
    ],
  },
  services: {
    def: services,
    title: 'registry.services',
    total: 'registry.total.services',
    newTitle: 'registry.new.services',
    filters: [
      { ...regionFilter, label: 'registry.filter.servedRegion' },
      { name: 'category', label: 'registry.filter.category', options: options('topic', TOPICS) },
    ],
    nameOf: (r) => r.name,
    summary: (r, lang) => [enumLabel(lang, 'topic', r.category), r.provider].join(' · '),
    fields: [
      { name: 'name', label: 'registry.field.name', kind: 'text', required: true, maxlength: 200 },
      {
        name: 'category',
        label: 'registry.field.category',
        kind: 'select',
        required: true,
        options: options('topic', TOPICS),
      },
      { name: 'provider', label: 'registry.field.provider', kind: 'text', required: true, maxlength: 200 },
      { name: 'description', label: 'registry.field.description', kind: 'textarea', maxlength: 20_000 },
      {
        name: 'regionCodes',
        label: 'registry.field.servedRegions',
        hint: 'profile.emptyMeansAll',
        kind: 'checks',
        options: prefectureOptions,
      },
      { name: 'voucherEligible', label: 'registry.field.voucher', kind: 'flag', text: 'registry.field.voucherYes' },
      languagesField,
    ],
  },
  centers: {
    def: centers,
    title: 'registry.centers',
    total: 'registry.total.centers',
    newTitle: 'registry.new.centers',
    filters: [
      regionFilter,
      { name: 'status', label: 'registry.filter.status', options: options('centerStatus', CENTER_STATUSES) },
      { name: 'kind', label: 'registry.filter.centerKind', options: options('centerKind', CENTER_KINDS) },
    ],
    nameOf: (r) => r.name,
    summary: (r, lang) =>
      [
        enumLabel(lang, 'centerKind', r.kind),
        enumLabel(lang, 'centerStatus', r.status),
        regionName(r.regionCode, lang),
      ].join(' · '),
    fields: [
      { name: 'name', label: 'registry.field.name', kind: 'text', required: true, maxlength: 200 },
      { name: 'regionCode', label: 'registry.field.region', kind: 'select', required: true, options: regionOptions },
      {
        name: 'kind',
        label: 'registry.field.centerKind',
        kind: 'select',
        required: true,
        options: options('centerKind', CENTER_KINDS),
      },
      { name: 'operator', label: 'registry.field.operator', kind: 'text', optional: true, maxlength: 200 },
      { name: 'pilot', label: 'registry.field.pilot', kind: 'flag', text: 'registry.field.pilotYes' },
      // Status, its date and the level count in the statistics: admins set them (staff do not see these fields).
      {
        name: 'status',
        label: 'registry.field.centerStatus',
        kind: 'select',
        required: true,
        options: options('centerStatus', CENTER_STATUSES),
      },
      { name: 'statusSince', label: 'registry.field.statusSince', kind: 'date', required: true },
      {
        name: 'level',
        label: 'registry.field.centerLevel',
        kind: 'select',
        optional: true,
        options: options('centerLevel', CENTER_LEVELS),
      },
    ],
  },
};
