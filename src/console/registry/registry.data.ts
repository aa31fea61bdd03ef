// What the registry's pages read: the repositories (the API's own, with the signed-in actor, so the
// policies decide scope, hidden fields and writes), the search filters of a list URL, linked records.
import { centerStatusHistory } from '../../statistics/center-history.ts';
import { inArray } from 'drizzle-orm';
import type { Context } from 'hono';
import { foundersTable } from '../../../models/founders/table.ts';
import type { Actor } from '../../auth/actor.ts';
import type { AppDeps } from '../../http/app.ts';
import { centers, founders, investors, mentors, projects, services } from '../../resources/index.ts';
import { Repository } from '../../resources/repository.ts';
import type { ReadContext, ResourceDef, Row, WriteOp } from '../../resources/types.ts';
import type { ConsoleEnv } from '../env.ts';
import { type RegistryName, SPECS } from './registry.resources.ts';

export const PAGE_SIZE = 20;

export function registryDomain(deps: Pick<AppDeps, 'database' | 'embeddingHooks'>) {
  const repo = (def: ResourceDef) => new Repository(def, deps.database.db, deps.embeddingHooks);
  const repos = {
    founders: repo(founders),
    projects: repo(projects),
    mentors: repo(mentors),
    investors: repo(investors),
    services: repo(services),
    centers: repo(centers),
  } satisfies Record<RegistryName, Repository>;
  return { repos, centers: repos.centers };
}
export type RegistryDomain = ReturnType<typeof registryDomain>;

/** The list's search as typed (for the form and the links) and as the repository's filters (valid values only). */
export interface Search {
  /** Query parameters kept in the pager and export links (without the cursor). */
  params: URLSearchParams;
  filters: Row;
  cursor?: string;
}

/** The `q` text and the resource's select filters from the URL; a value the filter refuses is dropped. */
export function readSearch(c: Context<ConsoleEnv>, name: RegistryName): Search {
  const { def, filters: shown } = SPECS[name];
  const params = new URLSearchParams();
  const filters: Row = {};
  for (const key of ['q', ...shown.map((f) => f.name)]) {
    const raw = c.req.query(key)?.trim();
    const filter = def.filters.find((f) => f.name === key);
    if (!raw || !filter) continue;
    const parsed = filter.schema.safeParse(raw);
    if (!parsed.success) continue;
    params.set(key, raw);
    filters[key] = parsed.data;
  }
  return { params, filters, cursor: c.req.query('cursor') || undefined };
}

/** May the actor do this (the policy's own write check, so only the allowed actions are shown)? */
export function may(def: ResourceDef, actor: Actor, op: WriteOp, row?: Row): boolean {
  if (op === 'create') {
    const record = def.policy.defaults ? def.policy.defaults(actor, {}) : {};
    return def.policy.checkWrite(actor, 'create', null, record) === null;
  }
  return def.policy.checkWrite(actor, op, row ?? null, row ?? null) === null;
}

/** Center staff write founders, projects and services in their own center: forced, whatever the form says. */
export const ownCenter = (actor: Actor, name: RegistryName): Row =>
  actor.role === 'center_staff' && name !== 'mentors' && name !== 'investors' ? { centerId: actor.centerId } : {};

const noIds = ['00000000-0000-0000-0000-000000000000'];

/** Records linked to this one that the reader may see (the policy leaves out the others). */
export async function linkedRecords(d: RegistryDomain, ctx: ReadContext, name: RegistryName, row: Row) {
  const center = row.centerId ? await d.centers.get(ctx, row.centerId).catch(() => null) : null;
  let founderRows: Row[] = [];
  let projectRows: Row[] = [];
  if (name === 'projects') {
    const ids: string[] = row.founderIds ?? [];
    founderRows = await d.repos.founders.readAll(ctx, inArray(foundersTable.id, ids.length ? ids : noIds));
  }
  if (name === 'founders') {
    projectRows = (await d.repos.projects.list(ctx, { limit: 50, filters: { founderId: row.id } })).items;
  }
  const statusHistory = name === 'centers' ? await centerStatusHistory(ctx.db, ctx.actor, row.id) : [];
  return { center, founders: founderRows, projects: projectRows, statusHistory };
}
export type Linked = Awaited<ReturnType<typeof linkedRecords>>;

/**
 * Founders a project may be created for, for the project form's select: the first 500 the reader sees,
 * by name, and always the chosen one (a large center opens the founder's page and registers from there).
 */
export async function founderChoices(d: RegistryDomain, ctx: ReadContext, chosen?: string): Promise<Row[]> {
  const { items } = await d.repos.founders.list(ctx, { limit: 500, filters: {} });
  if (chosen && !items.some((f) => f.id === chosen)) {
    const founder = await d.repos.founders.get(ctx, chosen).catch(() => null);
    if (founder) items.push(founder);
  }
  return items.sort((a, b) => String(a.name).localeCompare(String(b.name), 'zh'));
}

/** Centers a project may name: a staff member's own, or every center for admins. */
export async function centerChoices(d: RegistryDomain, ctx: ReadContext, actor: Actor) {
  if (actor.role === 'center_staff' && actor.centerId) {
    const own = await d.centers.get(ctx, actor.centerId).catch(() => null);
    return own ? [{ value: own.id as string, label: own.name as string }] : [];
  }
  const { items } = await d.centers.list(ctx, { limit: 200, filters: {} });
  return items.map((x) => ({ value: x.id as string, label: x.name as string }));
}
