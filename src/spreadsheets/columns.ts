// The columns of each resource's spreadsheet, derived from the resource's zod body schema (so a new
// field shows up in templates, imports and exports without a second list to keep in step).
import type { z } from 'zod';
import { labels } from '../../seeds/reference/labels.ts';
import type { LabelKind } from '../i18n/labels.ts';
import { centers, founders, investors, mentors, projects, services, trainings } from '../resources/index.ts';
import type { ResourceDef } from '../resources/types.ts';

export type ColumnKind =
  | 'text'
  | 'int'
  | 'bool'
  | 'date'
  | 'enum'
  | 'enumList'
  | 'region'
  | 'regionList'
  | 'center'
  | 'founders';

export interface Column {
  /** The field code, dotted for nested objects (`contact.phone`): also accepted as a header. */
  key: string;
  kind: ColumnKind;
  /** An enumeration's values and the labels that name them. */
  values?: readonly string[];
  labelKind?: LabelKind;
  required: boolean;
  /** An empty cell clears the field (null) rather than leaving it to its default. */
  nullable: boolean;
}

/** What a spreadsheet may create or change, per resource; admins may import all of them. */
export const SHEET_RESOURCES = {
  founders,
  projects,
  mentors,
  investors,
  services,
  trainings,
  centers,
} as const satisfies Record<string, ResourceDef>;
export type SheetResource = keyof typeof SHEET_RESOURCES;
export const SHEET_RESOURCE_NAMES = Object.keys(SHEET_RESOURCES) as SheetResource[];
/** Center staff import these (the center forced to their own by the resource policies). */
export const STAFF_IMPORTS: readonly SheetResource[] = ['founders', 'projects', 'mentors', 'services'];
export const isSheetResource = (s: string): s is SheetResource => Object.hasOwn(SHEET_RESOURCES, s);

/** Fields a spreadsheet leaves alone: server-decided or not tabular (project `confidential` is a free JSON object). */
const SKIPPED = new Set(['archivedAt', 'confidential']);

type Def = { type: string; innerType?: z.ZodType; element?: z.ZodType; entries?: Record<string, string> };
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The schema without optional/nullable/default wrappers, and what the wrappers said. */
function unwrap(s: z.ZodType): { inner: z.ZodType; optional: boolean; nullable: boolean } {
  let optional = false;
  let nullable = false;
  let cur = s;
  for (;;) {
    const d = defOf(cur);
    if (d.type === 'optional' || d.type === 'default') optional = true;
    else if (d.type === 'nullable') nullable = true;
    else return { inner: cur, optional, nullable };
    cur = d.innerType!;
  }
}

/** The label kind whose values are exactly this enumeration's (e.g. FOUNDER_GROUPS → founderGroup). */
function labelKindOf(values: readonly string[]): LabelKind | undefined {
  const want = [...values].sort().join('|');
  for (const kind of Object.keys(labels) as LabelKind[]) {
    if (Object.keys(labels[kind]).sort().join('|') === want) return kind;
  }
  return undefined;
}

/** Days (YYYY-MM-DD) read and written as dates: trainings' dates, a center's status date, a founder's employment date. */
const DATE_KEYS = new Set(['startsOn', 'endsOn', 'statusSince', 'employmentAsOf']);

function columnOf(key: string, s: z.ZodType): Column[] {
  const { inner, optional, nullable } = unwrap(s);
  const d = defOf(inner);
  const base = { key, required: !optional, nullable };
  if (key === 'centerId') return [{ ...base, kind: 'center' }];
  if (key === 'founderIds') return [{ ...base, kind: 'founders' }];
  if (key === 'regionCode') return [{ ...base, kind: 'region' }];
  if (key === 'regionCodes') return [{ ...base, kind: 'regionList' }];
  if (DATE_KEYS.has(key)) return [{ ...base, kind: 'date' }];
  switch (d.type) {
    case 'enum': {
      const values = Object.values(d.entries!);
      return [{ ...base, kind: 'enum', values, labelKind: labelKindOf(values) }];
    }
    case 'array': {
      const el = defOf(unwrap(d.element!).inner);
      if (el.type === 'enum') {
        const values = Object.values(el.entries!);
        return [{ ...base, kind: 'enumList', values, labelKind: labelKindOf(values) }];
      }
      return [{ ...base, kind: 'text' }];
    }
    case 'object': {
      // contact {phone, email, wechat}, consent {shareContact}: one column per part.
      const shape = (inner as unknown as z.ZodObject).shape as Record<string, z.ZodType>;
      return Object.entries(shape).flatMap(([k, v]) =>
        columnOf(`${key}.${k}`, v).map((c) => ({ ...c, required: false, nullable: true })),
      );
    }
    case 'number':
      return [{ ...base, kind: 'int' }];
    case 'boolean':
      return [{ ...base, kind: 'bool' }];
    default:
      return [{ ...base, kind: 'text' }];
  }
}

const cache = new Map<SheetResource, Column[]>();

/** The resource's columns in body-schema order, `externalId` first (it is the import's key). */
export function columnsOf(resource: SheetResource): Column[] {
  let cols = cache.get(resource);
  if (!cols) {
    const shape = SHEET_RESOURCES[resource].bodySchema.shape as Record<string, z.ZodType>;
    cols = Object.entries(shape)
      .filter(([k]) => !SKIPPED.has(k))
      .flatMap(([k, v]) => columnOf(k, v));
    // Required for imports: re-importing the file finds its rows by it.
    cols = cols.map((c) => (c.key === 'externalId' ? { ...c, required: true, nullable: false } : c));
    cache.set(resource, cols);
  }
  return cols;
}
