// Coach assignment at pool scale: the solver alone (pure, no database) on a generated instance —
// 10,000 projects × 2,000 mentors, capacities 1–5, ~50 eligible mentors per project, scores shaped
// like the engine's (a mentor-quality part, a pair-fit part, 6 decimals). Exact optimum vs greedy.
// Run alone: `npx tsx bench/assignment.ts`; `npm run bench` includes it. The database is not
// involved: loading and scoring a real pool is the run job's part (src/assignment/run.ts).
import { pathToFileURL } from 'node:url';
import { greedy, solve, type Edge, type Instance } from '../src/assignment/solver.ts';

export interface AssignmentBench {
  projects: number;
  mentors: number;
  edges: number;
  totalCapacity: number;
  balance: number;
  objective: number;
  /** LP dual bound from the solver's potentials (balance 0): equal to the objective = proven optimal. */
  dualBound: number | null;
  balancePenalty: number;
  maxLoad: number;
  greedyMaxLoad: number;
  /** Mentors given 4 or more mentees / none: how even the load is. */
  mentorsWith4Plus: number;
  idleMentors: number;
  greedyObjective: number;
  gainOverGreedyPct: number;
  assigned: number;
  greedyAssigned: number;
  solverMs: number;
  greedyMs: number;
}

/** mulberry32, seeded: the same instance on every run. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateInstance(o: { projects: number; mentors: number; perProject: number; seed?: number; balance?: number }): Instance {
  const r = prng(o.seed ?? 42);
  const quality = Array.from({ length: o.mentors }, () => r());
  const capacities = Array.from({ length: o.mentors }, () => 1 + Math.floor(r() * 5));
  const edges: Edge[] = [];
  const chosen = new Set<number>();
  for (let p = 0; p < o.projects; p++) {
    chosen.clear();
    // Candidates cluster by "place": a project mostly sees mentors of its own tenth of the pool
    // (same prefecture), plus some remote ones anywhere — contention as in a real pool.
    const home = Math.floor(r() * 10);
    while (chosen.size < o.perProject) {
      const m = r() < 0.7 ? (home * o.mentors) / 10 + Math.floor((r() * o.mentors) / 10) : Math.floor(r() * o.mentors);
      chosen.add(Math.floor(m));
    }
    for (const m of chosen) edges.push({ project: p, mentor: m, score: Math.round((0.35 * quality[m] + 0.65 * r() ** 2) * 1e6) / 1e6 });
  }
  return { projects: o.projects, capacities, edges, balance: o.balance ?? 0 };
}

export function benchAssignment(o: { projects?: number; mentors?: number; perProject?: number; balance?: number; repeats?: number } = {}): AssignmentBench & { solverMsRuns: number[] } {
  const inst = generateInstance({ projects: o.projects ?? 10_000, mentors: o.mentors ?? 2_000, perProject: o.perProject ?? 50, balance: o.balance });
  // Several solves of the same instance: the machine is shared, so one timing can be an outlier.
  const runs = Array.from({ length: o.repeats ?? 3 }, () => solve(inst));
  const s = runs[0];
  const g = greedy(inst);
  const count = (a: Int32Array) => a.reduce((n, m) => n + (m >= 0 ? 1 : 0), 0);
  const loads = (a: Int32Array) => {
    const load = new Int32Array(inst.capacities.length);
    for (const m of a) if (m >= 0) load[m]++;
    return Array.from(load);
  };
  const maxLoad = (a: Int32Array) => Math.max(0, ...loads(a));
  const times = runs.map((r) => r.ms).sort((a, b) => a - b);
  return {
    projects: inst.projects,
    mentors: inst.capacities.length,
    edges: inst.edges.length,
    totalCapacity: Array.from(inst.capacities).reduce((a, b) => a + b, 0),
    balance: inst.balance ?? 0,
    objective: s.objective,
    dualBound: s.dual ? s.dual.bound : null,
    balancePenalty: s.balancePenalty,
    maxLoad: maxLoad(s.mentorOf),
    greedyMaxLoad: maxLoad(g.mentorOf),
    mentorsWith4Plus: loads(s.mentorOf).filter((x) => x >= 4).length,
    idleMentors: loads(s.mentorOf).filter((x) => x === 0).length,
    greedyObjective: g.objective,
    gainOverGreedyPct: ((s.objective - g.objective) / g.objective) * 100,
    assigned: count(s.mentorOf),
    greedyAssigned: count(g.mentorOf),
    solverMs: times[Math.floor(times.length / 2)],
    solverMsRuns: runs.map((r) => r.ms),
    greedyMs: g.ms,
  };
}

/** The pool-scale instance plus a slack one (more places than projects), where balance matters. */
export function benchAssignmentSuite() {
  return {
    pool: benchAssignment(),
    slack: benchAssignment({ projects: 5_000, balance: 0 , repeats: 1 }),
    slackBalanced: benchAssignment({ projects: 5_000, balance: 1, repeats: 1 }),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = benchAssignmentSuite();
  console.table(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, { ...v, solverMsRuns: v.solverMsRuns.map((x) => Math.round(x)).join(' / ') }])));
}
