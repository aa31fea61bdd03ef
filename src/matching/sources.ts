// What a journey starts from: per source kind (project, investor, training), its collection in the
// API's paths, who may ask for its matches, how the source is loaded as a matching profile, and whose
// weights apply. A journey (a recipe) names its source kind; a new journey from an existing kind
// needs nothing here.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import {
  enrollmentsTable,
  foundersTable,
  introductionsTable,
  investorsTable,
  matchingWeightsTable,
  projectFoundersTable,
  projectsTable,
  trainingsTable,
} from '../../models/schema.ts';
import type { EmbeddedKind } from '../../models/embeddings/table.ts';
import type { Actor } from '../auth/actor.ts';
import { conflict, notFound } from '../errors.ts';
import { managedProjectScope } from '../resources/projects.ts';
import type { EngineContext } from './engine.ts';
import { profileQuery, toProfile } from './profile.ts';
import { trainingExclusions } from './recipes/training-founders.ts';
import { todayInShanghai } from './rules.ts';
import type { Profile, ProjectSource, SourceKind, TrainingSource } from './types.ts';

type Row = Record<string, any>;
export type WeightSet = Record<string, Record<string, number>>;

/** A source loaded for a caller: the profile, its center's own weights, and what the caller may see of the candidates. */
export interface OpenedSource {
  source: Profile;
  /** The center's weights that apply to the source's journeys (null: the recipes' defaults). */
  centerWeights: WeightSet | null;
  /** Restricts the candidates to what the caller may see (e.g. a center's own founders). */
  scope?: SQL;
}

export interface SourceDef {
  kind: SourceKind;
  /** The path segment: GET /v1/<collection>/{id}/matches/<target>. */
  collection: string;
  /** The OpenAPI text of its journeys' routes, unless the recipe says otherwise. */
  api: (target: string) => { summary: string; description: string };
  /** The source without access checks (benchmarks, evaluation), or null when it does not exist. */
  read(ctx: EngineContext, id: string): Promise<(Profile & { centerWeights?: WeightSet | null }) | null>;
  /** The source as `actor` may ask for its matches: 404 (or 409) when it may not. */
  open(ctx: EngineContext, actor: Actor, id: string): Promise<OpenedSource>;
}

const isUuid = (s: string) => z.uuid().safeParse(s).success;

async function loadProfile(
  ctx: EngineContext,
  table: any,
  kind: EmbeddedKind,
  id: string,
  declared: (row: any) => { topics?: string[]; sectors?: string[] },
): Promise<Profile | null> {
  const [raw] = await profileQuery(ctx.db, table, kind, ctx.model)(eq(table.id, id), 1);
  if (!raw) return null;
  return toProfile(raw, declared(raw));
}

// The project's founders, exclusions and center weights come with its row: one round trip, not five.
// ("projects"."id" is spelled out: drizzle leaves select-list columns unqualified inside subqueries.)
export const projectExtras = {
  _founders: sql<
    Row[]
  >`coalesce((select json_agg(json_build_object('id', f.id, 'groups', f.groups, 'languages', f.languages))
    from ${projectFoundersTable} pf join ${foundersTable} f on f.id = pf.founder_id where pf.project_id = "projects"."id"), '[]'::json)`,
  _introduced: sql<string[]>`coalesce((select json_agg(i.target_id) from ${introductionsTable} i
    where i.project_id = "projects"."id" and i.status in ('requested', 'accepted', 'declined')), '[]'::json)`,
  _enrolled: sql<string[]>`coalesce((select json_agg(distinct en.training_id) from ${enrollmentsTable} en
    join ${projectFoundersTable} pf on pf.founder_id = en.founder_id where pf.project_id = "projects"."id"), '[]'::json)`,
  _weights: sql<WeightSet | null>`(select mw.weights from ${matchingWeightsTable} mw where mw.center_id = "projects"."center_id")`,
};

/** The project as a match source, or null when it does not exist or is outside `scope`. */
export async function loadProjectSource(
  ctx: EngineContext,
  id: string,
  scope?: SQL,
): Promise<(ProjectSource & { centerWeights: WeightSet | null }) | null> {
  const [raw] = await profileQuery(
    ctx.db,
    projectsTable,
    'project',
    ctx.model,
    projectExtras,
  )(and(eq(projectsTable.id, id), scope), 1);
  return raw ? projectSourceOf(raw) : null;
}

/** A project row queried with `projectExtras` as a matching source (also used for whole pools, src/matching/pool.ts). */
export function projectSourceOf(raw: Row): ProjectSource & { centerWeights: WeightSet | null } {
  const { _founders, _introduced, _enrolled, _weights, ...rest } = raw;
  const p = toProfile(rest, { topics: rest.needs, sectors: [rest.sector] });
  return {
    ...p,
    founders: _founders,
    introduced: new Set(_introduced),
    enrolledTrainings: new Set(_enrolled),
    today: todayInShanghai(),
    centerWeights: _weights,
  };
}

const readInvestor = (ctx: EngineContext, id: string) =>
  loadProfile(ctx, investorsTable, 'investor', id, (r) => ({ sectors: r.sectors }));

async function readTraining(ctx: EngineContext, id: string): Promise<TrainingSource | null> {
  const p = await loadProfile(ctx, trainingsTable, 'training', id, (r) => ({ topics: r.topics }));
  return p && { ...p, ...(await trainingExclusions(ctx.db, id)) };
}

export const SOURCES: Record<SourceKind, SourceDef> = {
  project: {
    kind: 'project',
    collection: 'projects',
    api: (target) => ({
      summary: `Match a project to ${target}`,
      description: "Founders of the project, its center's staff and admins.",
    }),
    read: (ctx, id) => loadProjectSource(ctx, id),
    /** Founders of the project, its center's staff, admins; the center's own weights apply. */
    async open(ctx, actor, id) {
      const scope = managedProjectScope(actor);
      if (scope === 'none' || !isUuid(id)) throw notFound('project');
      const source = await loadProjectSource(ctx, id, scope === 'all' ? undefined : scope);
      if (!source) throw notFound('project');
      return { source, centerWeights: source.centerWeights };
    },
  },
  investor: {
    kind: 'investor',
    collection: 'investors',
    api: (target) => ({ summary: `Match an investor to ${target}`, description: 'That investor and admins.' }),
    read: readInvestor,
    /** That investor, admins; an investor has no center: the defaults apply. */
    async open(ctx, actor, id) {
      const allowed = actor.role === 'admin' || (actor.role === 'investor' && actor.subjectId === id);
      if (!allowed || !isUuid(id)) throw notFound('investor');
      const source = await readInvestor(ctx, id);
      if (!source) throw notFound('investor');
      return { source, centerWeights: null };
    },
  },
  training: {
    kind: 'training',
    collection: 'trainings',
    api: (target) => ({
      summary: `Match a training to ${target}`,
      description: 'The providing trainer, center staff (their founders) and admins.',
    }),
    read: readTraining,
    /** The providing trainer, center staff (their center's founders only), admins; the defaults apply. */
    async open(ctx, actor, id) {
      if (!['admin', 'center_staff', 'trainer'].includes(actor.role) || !isUuid(id)) throw notFound('training');
      const source = await readTraining(ctx, id);
      if (!source || (actor.role === 'trainer' && source.row.provider !== actor.subjectId)) throw notFound('training');
      // Archived (deleted with history): out of scope for non-admins; an admin learns why there is no cohort.
      if (source.row.archivedAt) {
        if (actor.role !== 'admin') throw notFound('training');
        throw conflict(
          'The training was deleted (archived); it takes no founders / 该培训已删除（归档），不再接收创业者',
        );
      }
      const scope = actor.role === 'center_staff' ? eq(foundersTable.centerId, actor.centerId!) : undefined;
      return { source, centerWeights: null, scope };
    },
  },
};
