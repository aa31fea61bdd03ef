// Every eligible (project, mentor) pair of a pool with its score, by the project→mentor recipe:
// the same rules and score as GET /v1/projects/{id}/matches/mentors, but all pairs instead of a
// top-k, for whole-pool coach assignment (src/assignment). Projects and mentors are each loaded in
// one query per chunk; the rules are the recipe's TypeScript checks (the twins of its SQL
// conditions), so no per-project candidate query is needed.
import { inArray, type SQL } from 'drizzle-orm';
import { mentorsTable, projectsTable } from '../../models/schema.ts';
import type { Db } from '../db/client.ts';
import { explain, scoreCandidate } from './engine.ts';
import { declaredOf, profileQuery, toProfile } from './profile.ts';
import { projectMentors } from './recipes/project-mentors.ts';
import { projectExtras, projectSourceOf, recipeWeights } from './service.ts';
import type { Bilingual, Lang, Profile, ProjectSource, Reason } from './types.ts';

const CHUNK = 1000;

export type PoolProject = ProjectSource & { centerWeights: Record<string, Record<string, number>> | null };

export interface PoolPair {
  project: number;
  mentor: number;
  score: number;
}

export interface Pool {
  projects: PoolProject[];
  mentors: Profile[];
  /** Eligible pairs only (every rule of the recipe passes), with the recipe's score. */
  pairs: PoolPair[];
  /**
   * Per project, why mentors were not eligible: `full` counts mentors that pass every rule except
   * remaining capacity; `rules` counts, per other rule id, the mentors that fail it.
   */
  ineligible: { full: number; rules: Record<string, number> }[];
}

async function inChunks<T>(ids: string[] | undefined, load: (where: SQL | undefined) => Promise<T[]>): Promise<T[]> {
  if (!ids) return load(undefined);
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK)
    out.push(...(await load(inArray(mentorsTable.id, ids.slice(i, i + CHUNK)))));
  return out;
}

/** Loads the projects and mentors (all mentors when `mentorIds` is absent) and scores every eligible pair. */
export async function projectMentorPool(
  ctx: { db: Db; model: string },
  projectIds: string[],
  mentorIds?: string[],
): Promise<Pool> {
  const recipe = projectMentors;
  const projects: PoolProject[] = [];
  const projectQuery = profileQuery(ctx.db, projectsTable, 'project', ctx.model, projectExtras);
  for (let i = 0; i < projectIds.length; i += CHUNK) {
    for (const raw of await projectQuery(inArray(projectsTable.id, projectIds.slice(i, i + CHUNK))))
      projects.push(projectSourceOf(raw));
  }
  const order = new Map(projectIds.map((id, i) => [id, i]));
  projects.sort((a, b) => order.get(a.row.id)! - order.get(b.row.id)!);

  const mentorQuery = profileQuery(ctx.db, mentorsTable, 'mentor', ctx.model, recipe.computed);
  const rows = await inChunks(mentorIds, (where) => mentorQuery(where));
  rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const mentors = rows.map((r) => toProfile(r, declaredOf(recipe, r)));

  const pairs: PoolPair[] = [];
  const ineligible: Pool['ineligible'] = [];
  for (let p = 0; p < projects.length; p++) {
    // Yield now and then: a big pool takes seconds, and a BullMQ worker must keep renewing its lock.
    if (p % 50 === 49) await new Promise((r) => setImmediate(r));
    const s = projects[p];
    // Rules that do not apply to this project (where() = null) are skipped, as in the engine.
    const rules = recipe.rules.filter((r) => r.where(s) !== null);
    const weights = recipeWeights(recipe, s.centerWeights);
    const why = { full: 0, rules: {} as Record<string, number> };
    for (let m = 0; m < mentors.length; m++) {
      const c = mentors[m];
      let capacityOnly = false;
      let failed = false;
      for (const r of rules) {
        if (r.check(s, c)) continue;
        if (r.id === 'capacity') capacityOnly = true;
        else {
          failed = true;
          why.rules[r.id] = (why.rules[r.id] ?? 0) + 1;
        }
      }
      if (failed) continue;
      if (capacityOnly) {
        why.full++;
        continue;
      }
      pairs.push({ project: p, mentor: m, score: scoreCandidate(recipe, weights, s, c).score });
    }
    ineligible.push(why);
  }
  return { projects, mentors, pairs, ineligible };
}

/** The recipe's reasons for one pair of the pool, in both languages (the same text the match endpoint gives). */
export function explainPair(pool: Pool, project: number, mentor: number): Record<Lang, Reason[]> {
  const s = pool.projects[project];
  const scored = scoreCandidate(
    projectMentors,
    recipeWeights(projectMentors, s.centerWeights),
    s,
    pool.mentors[mentor],
  );
  return { zh: explain(projectMentors, s, scored, 'zh'), en: explain(projectMentors, s, scored, 'en') };
}

/** The zh/en text of a project→mentor rule, by id. */
export const mentorRuleText = (id: string): Bilingual | undefined =>
  projectMentors.rules.find((r) => r.id === id)?.text;

/** The ids of the recipe's rules that the pair fails (empty = eligible), e.g. to explain a rejected pin. */
export function failedRules(pool: Pool, project: number, mentor: number): string[] {
  const s = pool.projects[project];
  return projectMentors.rules.filter((r) => r.where(s) !== null && !r.check(s, pool.mentors[mentor])).map((r) => r.id);
}
