// Executes one assignment run (the job's body, inline or in a BullMQ worker): resolves the pool,
// scores every eligible pair with the project→mentor recipe, solves exactly, compares with greedy,
// explains every assignment and every unassigned project, and stores the result on the run row.
// Idempotent: a retried job (crashed worker) recomputes and overwrites; a finished run is left alone.
import { and, eq, inArray } from 'drizzle-orm';
import { assignmentRunsTable } from '../../models/schema.ts';
import type { AssignmentRunBody } from '../../models/assignment-runs/validation.ts';
import type { Db } from '../db/client.ts';
import type { Logger } from '../logger.ts';
import { explainPair, mentorRuleText, projectMentorPool } from '../matching/pool.ts';
import type { Bilingual, Reason } from '../matching/types.ts';
import { defaultProjectIds, projectsWithCoach, runCapacities } from './data.ts';
import { greedy, InfeasibleError, solve, type Edge } from './solver.ts';

export interface RunContext {
  db: Db;
  /** The embedder's model id (vectors of other models are ignored, as in matching). */
  model: string;
  logger?: Logger;
}

export type UnassignedReason =
  | 'already_has_coach'
  | 'no_eligible_mentor'
  | 'all_full'
  | 'all_excluded'
  | 'capacity_used_elsewhere'
  | 'balance'
  | 'zero_score';

export interface StoredAssignment {
  projectId: string;
  projectTitle: string;
  mentorId: string;
  mentorName: string;
  score: number;
  pinned: boolean;
  reasons: Record<'zh' | 'en', Reason[]>;
}

/** The `result` column of a finished run. */
export interface RunResult {
  projectIds: string[];
  mentorCount: number;
  candidatePairs: number;
  assignments: StoredAssignment[];
  unassigned: { projectId: string; projectTitle: string; reason: UnassignedReason; message: Bilingual }[];
  objective: number;
  /** Without balance: the LP dual bound that proves the objective optimal (equal to it). */
  dualBound: number | null;
  balancePenalty: number;
  utility: number;
  greedy: { objective: number; balancePenalty: number; utility: number; assigned: number };
  /** Mentors given mentees by this run: places before the run and how many it assigned. */
  mentorLoad: { mentorId: string; capacity: number; accepted: number; held: number; assigned: number }[];
  solverMs: number;
  greedyMs: number;
  totalMs: number;
  startedAt: string;
  finishedAt: string;
}

const MESSAGES: Record<Exclude<UnassignedReason, 'no_eligible_mentor'>, Bilingual> = {
  already_has_coach: {
    zh: '该项目已有导师（已接受或待回复的导师对接）',
    en: 'The project already has a coach (an accepted or pending mentor introduction)',
  },
  all_full: { zh: '符合条件的导师名额均已占满', en: 'Every eligible coach is already full' },
  all_excluded: { zh: '符合条件的导师均被本次分配排除', en: 'Every eligible coach was excluded in this run' },
  capacity_used_elsewhere: {
    zh: '符合条件的导师名额已分配给整体匹配度更高的项目',
    en: 'The places of its eligible coaches went to projects where they score higher overall',
  },
  balance: {
    zh: '为均衡导师负担未分配（负担成本高于匹配分）',
    en: 'Left unassigned to even out coach load (the load cost exceeds the match score)',
  },
  zero_score: { zh: '有名额的导师匹配分均为 0', en: 'The coaches with places left all score 0 for this project' },
};

function noEligible(rules: Record<string, number>): Bilingual {
  const top = Object.entries(rules).sort((a, b) => b[1] - a[1])[0];
  const text = top ? mentorRuleText(top[0]) : undefined;
  if (!text) return { zh: '没有符合硬性条件的导师', en: 'No mentor meets the hard rules' };
  return {
    zh: `没有符合硬性条件的导师（最常见的未满足条件：${text.zh}）`,
    en: `No mentor meets the hard rules (most often not met: ${text.en})`,
  };
}

export class RunInputError extends Error {}

/** A failed run's `error` when the cause is ours: what to quote to an operator, nothing of the cause. */
export const internalError = (runId: string) =>
  `internal error in assignment run ${runId}; the server log has the details / 分配运行 ${runId} 发生内部错误，详情见服务器日志`;

/** Runs the assignment of run `runId` and stores its result (or its failure). */
export async function executeRun(ctx: RunContext, runId: string): Promise<void> {
  const t = assignmentRunsTable;
  // Claim: queued → running; a retried job finds it running and recomputes.
  const [run] = await ctx.db
    .update(t)
    .set({ status: 'running', updatedAt: new Date() })
    .where(and(eq(t.id, runId), inArray(t.status, ['queued', 'running'])))
    .returning();
  if (!run) return;
  try {
    const result = await compute(ctx, run.centerId, run.input as AssignmentRunBody);
    await ctx.db.update(t).set({ status: 'done', result, error: null, updatedAt: new Date() }).where(eq(t.id, runId));
  } catch (e) {
    // An unexpected error's text may carry SQL parameters (personal data) and staff read `error`: they
    // get a generic message naming the run, the log (redacted, src/logger.ts) gets the error.
    const message = e instanceof RunInputError || e instanceof InfeasibleError ? e.message : internalError(runId);
    if (!(e instanceof RunInputError)) ctx.logger?.error({ runId, err: e }, 'assignment run failed');
    await ctx.db.update(t).set({ status: 'failed', error: message, updatedAt: new Date() }).where(eq(t.id, runId));
  }
}

export async function compute(ctx: RunContext, centerId: string, input: AssignmentRunBody): Promise<RunResult> {
  const t0 = performance.now();
  const startedAt = new Date().toISOString();
  const pins = input.pins ?? [];
  const exclusions = input.exclusions ?? [];
  const balance = input.balance ?? 0;

  // The pool: the run's projects (+ pinned ones) and mentors (+ pinned ones).
  const projectIds = [
    ...new Set([...(input.projectIds ?? (await defaultProjectIds(ctx.db, centerId))), ...pins.map((p) => p.projectId)]),
  ];
  const mentorIds = input.mentorIds ? [...new Set([...input.mentorIds, ...pins.map((p) => p.mentorId)])] : undefined;
  const pool = await projectMentorPool(ctx, projectIds, mentorIds);
  const withCoach = await projectsWithCoach(ctx.db, projectIds);
  const caps = await runCapacities(
    ctx.db,
    pool.mentors.map((m) => m.row.id as string),
  );

  const pIndex = new Map(pool.projects.map((p, k) => [p.row.id as string, k]));
  const mIndex = new Map(pool.mentors.map((m, k) => [m.row.id as string, k]));
  const key = (p: number, m: number) => p * pool.mentors.length + m;
  const excluded = new Set(
    exclusions
      .filter((x) => pIndex.has(x.projectId) && mIndex.has(x.mentorId))
      .map((x) => key(pIndex.get(x.projectId)!, mIndex.get(x.mentorId)!)),
  );
  const capacities = pool.mentors.map((m) => caps.get(m.row.id)?.free ?? 0);
  const load = pool.mentors.map((m) => {
    const c = caps.get(m.row.id);
    return c ? c.accepted + c.held : 0;
  });

  const hasCoach = pool.projects.map((p) => withCoach.has(p.row.id));
  const edges: Edge[] = [];
  const eligibleCount = new Int32Array(pool.projects.length);
  const afterExclusions = new Int32Array(pool.projects.length);
  for (const pr of pool.pairs) {
    if (hasCoach[pr.project]) continue;
    eligibleCount[pr.project]++;
    if (excluded.has(key(pr.project, pr.mentor))) continue;
    afterExclusions[pr.project]++;
    edges.push({ project: pr.project, mentor: pr.mentor, score: pr.score });
  }
  const edgeKeys = new Set(edges.map((e) => key(e.project, e.mentor)));
  const pinPairs = pins.map((p) => {
    const project = pIndex.get(p.projectId);
    const mentor = mIndex.get(p.mentorId);
    if (project === undefined || mentor === undefined)
      throw new RunInputError(
        `pinned project or mentor no longer exists / 固定配对的项目或导师已不存在: ${p.projectId} → ${p.mentorId}`,
      );
    if (hasCoach[project])
      throw new RunInputError(`pinned project ${p.projectId} already has a coach now / 固定配对的项目现已有导师`);
    if (!edgeKeys.has(key(project, mentor)))
      throw new RunInputError(
        `pinned pair ${p.projectId} → ${p.mentorId} is no longer eligible / 固定配对已不再符合硬性条件`,
      );
    return { project, mentor };
  });

  const instance = { projects: pool.projects.length, capacities, edges, pins: pinPairs, balance, load };
  const sol = solve(instance);
  const base = greedy(instance);

  const pinnedSet = new Set(pinPairs.map((p) => key(p.project, p.mentor)));
  const scoreOf = new Map(edges.map((e) => [key(e.project, e.mentor), e.score]));
  const assigned = new Int32Array(pool.mentors.length);
  const assignments: StoredAssignment[] = [];
  const unassigned: RunResult['unassigned'] = [];
  for (let p = 0; p < pool.projects.length; p++) {
    const m = sol.mentorOf[p];
    const project = pool.projects[p].row;
    if (m >= 0) {
      assigned[m]++;
      assignments.push({
        projectId: project.id,
        projectTitle: project.title,
        mentorId: pool.mentors[m].row.id,
        mentorName: pool.mentors[m].row.name,
        score: scoreOf.get(key(p, m))!,
        pinned: pinnedSet.has(key(p, m)),
        reasons: explainPair(pool, p, m),
      });
    }
  }
  const edgesOf: Edge[][] = pool.projects.map(() => []);
  for (const e of edges) edgesOf[e.project].push(e);
  for (let p = 0; p < pool.projects.length; p++) {
    if (sol.mentorOf[p] >= 0) continue;
    const project = pool.projects[p].row;
    let reason: UnassignedReason;
    if (hasCoach[p]) reason = 'already_has_coach';
    else if (!eligibleCount[p]) reason = pool.ineligible[p].full ? 'all_full' : 'no_eligible_mentor';
    else if (!afterExclusions[p]) reason = 'all_excluded';
    else {
      const mine = edgesOf[p];
      if (mine.every((e) => capacities[e.mentor] === 0)) reason = 'all_full';
      else if (mine.some((e) => assigned[e.mentor] < capacities[e.mentor]))
        reason = balance > 0 ? 'balance' : 'zero_score';
      else reason = 'capacity_used_elsewhere';
    }
    const message = reason === 'no_eligible_mentor' ? noEligible(pool.ineligible[p].rules) : MESSAGES[reason];
    unassigned.push({ projectId: project.id, projectTitle: project.title, reason, message });
  }
  const mentorLoad = pool.mentors.flatMap((m, k) => {
    if (!assigned[k]) return [];
    const c = caps.get(m.row.id)!;
    return [
      { mentorId: m.row.id as string, capacity: c.capacity, accepted: c.accepted, held: c.held, assigned: assigned[k] },
    ];
  });
  return {
    projectIds: pool.projects.map((p) => p.row.id),
    mentorCount: pool.mentors.length,
    candidatePairs: edges.length,
    assignments,
    unassigned,
    objective: sol.objective,
    dualBound: sol.dual ? sol.dual.bound : null,
    balancePenalty: sol.balancePenalty,
    utility: sol.utility,
    greedy: {
      objective: base.objective,
      balancePenalty: base.balancePenalty,
      utility: base.utility,
      assigned: base.mentorOf.filter((m) => m >= 0).length,
    },
    mentorLoad,
    solverMs: sol.ms,
    greedyMs: base.ms,
    totalMs: performance.now() - t0,
    startedAt,
    finishedAt: new Date().toISOString(),
  };
}
