// What the assignment pages read and how their form becomes a run's input. Reads go through the
// repositories with the signed-in actor (so a staff member sees only the center's projects); the run
// itself is created, read and published by src/assignment/runs.ts.
import { type AssignmentRunBody, assignmentRunBodySchema } from '../../../models/assignment-runs/validation.ts';
import type { Actor } from '../../auth/actor.ts';
import { ASSIGNABLE_STATUSES, projectsWithCoach, runCapacities } from '../../assignment/data.ts';
import type { Db } from '../../db/client.ts';
import type { Translate } from '../../i18n/t.ts';
import type { Repository } from '../../resources/repository.ts';
import type { ReadContext, Row } from '../../resources/types.ts';
import type { Option } from '../components.tsx';
import { type FieldErrors, field, fieldList, zodFieldErrors } from '../forms.ts';

/** How many projects / mentors the form offers as choices; a center with more uses the default pool or the API. */
export const OPTION_LIMIT = 300;
/** Empty pin / exclusion rows offered below the filled ones (no script: more rows come with the next form). */
export const EMPTY_PAIR_ROWS = 2;
/** The balance choices: none, light, medium, strong (the domain takes any number from 0 to 1). */
export const BALANCE_STEPS = ['0', '0.25', '0.5', '1'] as const;

export interface Pair {
  projectId: string;
  mentorId: string;
}

/** The start form as the person filled it (strings, kept as typed for a redraw). */
export interface RunFormValues {
  projectPool: 'default' | 'chosen';
  projectIds: string[];
  mentorPool: 'all' | 'chosen';
  mentorIds: string[];
  balance: string;
  pins: Pair[];
  exclusions: Pair[];
}

export const emptyRunForm = (): RunFormValues => ({
  projectPool: 'default',
  projectIds: [],
  mentorPool: 'all',
  mentorIds: [],
  balance: '0',
  pins: [],
  exclusions: [],
});

/** A finished run's input as the form to change and re-run it. */
export function formOfInput(input: AssignmentRunBody): RunFormValues {
  return {
    projectPool: input.projectIds ? 'chosen' : 'default',
    projectIds: input.projectIds ?? [],
    mentorPool: input.mentorIds ? 'chosen' : 'all',
    mentorIds: input.mentorIds ?? [],
    balance: String(input.balance ?? 0),
    pins: (input.pins ?? []).map((p) => ({ ...p })),
    exclusions: (input.exclusions ?? []).map((p) => ({ ...p })),
  };
}

/** Rows `pins.N.projectId` / `pins.N.mentorId` of the form, empty rows dropped (indices close up). */
function readPairs(form: Record<string, string | string[]>, name: 'pins' | 'exclusions'): Pair[] {
  const rows = new Map<number, Pair>();
  const re = new RegExp(`^${name}\\.(\\d+)\\.(projectId|mentorId)$`);
  for (const key of Object.keys(form)) {
    const m = re.exec(key);
    if (!m) continue;
    const k = Number(m[1]);
    const row = rows.get(k) ?? { projectId: '', mentorId: '' };
    row[m[2] as keyof Pair] = field(form, key).trim();
    rows.set(k, row);
  }
  return [...rows.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, r]) => r)
    .filter((r) => r.projectId || r.mentorId);
}

/** What to do with one of the previous run's pairs on a re-run: leave it open, fix it, or exclude it. */
export const KEEP_CHOICES = ['', 'pin', 'exclude'] as const;

/**
 * The previous run's pairs marked "fix" or "exclude" (`keep.N` with `keep.N.projectId` / `.mentorId`),
 * added to the pin and exclusion rows (a pair already there is not added twice).
 */
function addKept(form: Record<string, string | string[]>, pins: Pair[], exclusions: Pair[]) {
  const same = (a: Pair) => (b: Pair) => a.projectId === b.projectId && a.mentorId === b.mentorId;
  for (const key of Object.keys(form)) {
    const m = /^keep\.(\d+)$/.exec(key);
    const choice = field(form, key);
    if (!m || (choice !== 'pin' && choice !== 'exclude')) continue;
    const pair = {
      projectId: field(form, `keep.${m[1]}.projectId`).trim(),
      mentorId: field(form, `keep.${m[1]}.mentorId`).trim(),
    };
    if (!pair.projectId || !pair.mentorId) continue;
    const list = choice === 'pin' ? pins : exclusions;
    if (!list.some(same(pair))) list.push(pair);
  }
}

export function readRunForm(form: Record<string, string | string[]>): RunFormValues {
  const pins = readPairs(form, 'pins');
  const exclusions = readPairs(form, 'exclusions');
  addKept(form, pins, exclusions);
  return {
    projectPool: field(form, 'projectPool') === 'chosen' ? 'chosen' : 'default',
    projectIds: fieldList(form, 'projectIds'),
    mentorPool: field(form, 'mentorPool') === 'chosen' ? 'chosen' : 'all',
    mentorIds: fieldList(form, 'mentorIds'),
    balance: field(form, 'balance').trim() || '0',
    pins,
    exclusions,
  };
}

/** Domain and schema paths such as `projectIds.3` belong to the checkbox group `projectIds`. */
export function fieldPaths(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    const key = /^(projectIds|mentorIds)\.\d+$/.test(path) ? path.split('.')[0] : path;
    out[key] ??= message;
  }
  return out;
}

/** The run's input from the form, or the errors to show in place. */
export function runBody(
  v: RunFormValues,
  t: Translate,
): { body: AssignmentRunBody; errors?: undefined } | { body?: undefined; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (v.projectPool === 'chosen' && !v.projectIds.length) errors.projectIds = t('assign.form.chooseOne');
  if (v.mentorPool === 'chosen' && !v.mentorIds.length) errors.mentorIds = t('assign.form.chooseOne');
  for (const name of ['pins', 'exclusions'] as const)
    v[name].forEach((p, k) => {
      if (!p.projectId) errors[`${name}.${k}.projectId`] = t('field.required');
      if (!p.mentorId) errors[`${name}.${k}.mentorId`] = t('field.required');
    });
  const candidate = {
    ...(v.projectPool === 'chosen' && v.projectIds.length ? { projectIds: v.projectIds } : {}),
    ...(v.mentorPool === 'chosen' && v.mentorIds.length ? { mentorIds: v.mentorIds } : {}),
    pins: v.pins,
    exclusions: v.exclusions,
    balance: Number(v.balance),
  };
  const parsed = assignmentRunBodySchema.safeParse(candidate);
  if (!parsed.success) Object.assign(errors, fieldPaths(zodFieldErrors(parsed.error, t)), errors);
  if (Object.keys(errors).length) return { errors };
  return { body: parsed.data! };
}

export interface ProjectChoice extends Option {
  hasCoach: boolean;
}

export interface FormChoices {
  projects: ProjectChoice[];
  mentors: Option[];
  /** More than OPTION_LIMIT existed: the lists are cut. */
  projectsCut: boolean;
  mentorsCut: boolean;
}

async function firstRows(repo: Repository, ctx: ReadContext, filters: Row, limit: number): Promise<Row[]> {
  const out: Row[] = [];
  for await (const rows of repo.pages(ctx, filters, Math.min(limit + 1, 500))) {
    out.push(...rows);
    if (out.length > limit) break;
  }
  return out;
}

/**
 * The projects the form offers (the center's submitted and vetted ones, as the actor reads them) and
 * the active mentors with their places left for a run; ids already chosen stay in the lists.
 */
export async function formChoices(
  db: Db,
  repos: { projects: Repository; mentors: Repository },
  ctx: ReadContext,
  centerId: string,
  t: Translate,
): Promise<FormChoices> {
  const projects: Row[] = [];
  for (const status of ASSIGNABLE_STATUSES)
    projects.push(...(await firstRows(repos.projects, ctx, { centerId, status }, OPTION_LIMIT)));
  const projectsCut = projects.length > OPTION_LIMIT;
  const shownProjects = projects.slice(0, OPTION_LIMIT);
  const withCoach = await projectsWithCoach(
    db,
    shownProjects.map((p) => p.id as string),
  );
  const mentors = (await firstRows(repos.mentors, ctx, {}, OPTION_LIMIT * 2)).filter((m) => m.active !== false);
  const mentorsCut = mentors.length > OPTION_LIMIT;
  const shownMentors = mentors.slice(0, OPTION_LIMIT);
  const caps = await runCapacities(
    db,
    shownMentors.map((m) => m.id as string),
  );
  return {
    projects: shownProjects.map((p) => ({
      value: p.id as string,
      label: p.title as string,
      hasCoach: withCoach.has(p.id as string),
    })),
    mentors: shownMentors.map((m) => ({
      value: m.id as string,
      label: t('assign.form.mentorOption', { name: m.name as string, free: caps.get(m.id as string)?.free ?? 0 }),
    })),
    projectsCut,
    mentorsCut,
  };
}

/** The reader's language for the domain's stored texts (zh and en only; Tibetan readers read Chinese). */
export const domainLang = (lang: string): 'zh' | 'en' => (lang === 'en' ? 'en' : 'zh');

/** Whether the actor may work on assignment at all (the domain answers 404 per center). */
export const runsActor = (a: Actor) => a.role === 'admin' || a.role === 'center_staff';
