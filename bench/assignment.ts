// Coach assignment at pool scale: the solver alone (pure, no database) on a generated instance —
// 10,000 projects × 2,000 mentors, capacities 1–5, ~50 eligible mentors per project, scores shaped
// like the engine's (a mentor-quality part, a pair-fit part, 6 decimals). Exact optimum vs greedy.
// Run alone: `npx tsx bench/assignment.ts [--run]`; `npm run bench` includes both parts. The solver
// part involves no database; `benchAssignmentRun` (--run) times one whole run through the real app
// (pool loaded and scored by the recipe, solved, explained, stored) on a generated center.
import { mkdirSync, writeFileSync } from 'node:fs';
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

export function generateInstance(o: {
  projects: number;
  mentors: number;
  perProject: number;
  seed?: number;
  balance?: number;
}): Instance {
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
    for (const m of chosen)
      edges.push({ project: p, mentor: m, score: Math.round((0.35 * quality[m] + 0.65 * r() ** 2) * 1e6) / 1e6 });
  }
  return { projects: o.projects, capacities, edges, balance: o.balance ?? 0 };
}

export function benchAssignment(
  o: { projects?: number; mentors?: number; perProject?: number; balance?: number; repeats?: number } = {},
): AssignmentBench & { solverMsRuns: number[] } {
  const inst = generateInstance({
    projects: o.projects ?? 10_000,
    mentors: o.mentors ?? 2_000,
    perProject: o.perProject ?? 50,
    balance: o.balance,
  });
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
    slack: benchAssignment({ projects: 5_000, balance: 0, repeats: 1 }),
    slackBalanced: benchAssignment({ projects: 5_000, balance: 1, repeats: 1 }),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // Alone it writes bench/results/assignment.json (`npm run bench` puts the same into latest.json).
  const solver = benchAssignmentSuite();
  console.table(
    Object.fromEntries(
      Object.entries(solver).map(([k, v]) => [
        k,
        { ...v, solverMsRuns: v.solverMsRuns.map((x) => Math.round(x)).join(' / ') },
      ]),
    ),
  );
  const run = process.argv.includes('--run')
    ? await benchAssignmentRun({ databaseUrl: process.env.BENCH_DATABASE_URL })
    : null;
  if (run) console.table(run);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(
    'bench/results/assignment.json',
    `${JSON.stringify({ date: new Date().toISOString(), solver, run }, null, 2)}\n`,
  );
}

/**
 * One run end to end through the real app (in process): POST → job (pool loaded from the database
 * and scored by the recipe, solved, explained, stored) → GET until done. Generated center with
 * `projects` projects and `mentors` mentors, embeddings computed first. Reports the run's own timings.
 */
export async function benchAssignmentRun(o: { databaseUrl?: string; projects?: number; mentors?: number } = {}) {
  const { sql } = await import('drizzle-orm');
  const { bootstrap } = await import('../src/bootstrap.ts');
  const { loadConfig } = await import('../src/config.ts');
  const { openDatabase } = await import('../src/db/client.ts');
  const { silentLogger } = await import('../src/logger.ts');
  const { TOPICS, SECTORS, STAGES } = await import('../models/enums.ts');
  const KEY = 'bench-admin-key-0123456789';
  const nP = o.projects ?? 1000;
  const nM = o.mentors ?? 500;
  const database = await openDatabase({ url: o.databaseUrl });
  if (o.databaseUrl) {
    await database.db.execute(sql`do $$ begin if to_regclass('founders') is not null then
      truncate centers, founders, projects, mentors, investors, trainings, services, embeddings, introductions, enrollments, assignment_runs cascade; end if; end $$`);
  }
  const service = await bootstrap(
    loadConfig({ ADMIN_API_KEY: KEY, LOG_LEVEL: 'silent', DEMO_DATA: 'false' }),
    silentLogger,
    { database },
  );
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await service.app.request(path, {
      method,
      headers: { authorization: `Bearer ${KEY}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
    return res.json() as Promise<any>;
  };
  const r = prng(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const some = <T>(xs: readonly T[], k: number) => [...new Set(Array.from({ length: k }, () => pick(xs)))];
  const places = ['540102', '540103', '540121', '540202', '540221', '540222'];
  const langs = () => (r() < 0.6 ? ['zh', 'bo'] : r() < 0.5 ? ['zh'] : ['bo']);
  const center = (
    await call('POST', '/v1/centers', { name: '基准中心', regionCode: '540102', kind: 'incubator', pilot: false })
  ).id;
  const founder = (
    await call('POST', '/v1/founders', {
      name: '基准创始人',
      groups: ['graduate'],
      regionCode: '540102',
      languages: ['zh', 'bo'],
      centerId: center,
    })
  ).id;
  const t0 = performance.now();
  for (let k = 0; k < nM; k++) {
    await call('POST', '/v1/mentors', {
      name: `导师 ${k}`,
      bio: `专注${some(['电商', '认证检测', '财税', '文旅', '农牧产品', '融资'], 2).join('、')}的创业导师。`,
      expertise: some(TOPICS, 3),
      sectors: some(SECTORS, 2),
      languages: langs(),
      regionCode: pick(places),
      remote: r() < 0.3,
      capacity: 1 + Math.floor(r() * 5),
      active: true,
    });
  }
  for (let k = 0; k < nP; k++) {
    await call('POST', '/v1/projects', {
      title: `项目 ${k}`,
      description: `一个关于${some(['牦牛奶', '青稞', '唐卡', '民宿', '光伏', '物流'], 2).join('和')}的项目，需要${some(['市场推广', '电商运营', '融资', '注册'], 2).join('与')}。`,
      sector: pick(SECTORS),
      stage: pick(STAGES),
      regionCode: pick(places),
      centerId: center,
      founderIds: [founder],
      needs: some(TOPICS, 3),
      languages: langs(),
      status: r() < 0.5 ? 'submitted' : 'vetted',
    });
  }
  await service.queue.drained(600_000);
  const loadMs = performance.now() - t0;
  const started = performance.now();
  const queued = await call('POST', `/v1/centers/${center}/assignment-runs`, {});
  let run: any;
  for (;;) {
    run = await call('GET', `/v1/assignment-runs/${queued.id}`);
    if (run.status === 'done' || run.status === 'failed') break;
    await new Promise((res) => setTimeout(res, 50));
  }
  const wallMs = performance.now() - started;
  await service.close();
  if (run.status !== 'done') throw new Error(`run failed: ${run.error}`);
  return {
    backend: database.kind,
    projects: nP,
    mentors: nM,
    candidatePairs: run.stats.candidatePairs,
    assigned: run.assignments.length,
    unassigned: run.unassigned.length,
    objective: run.objective,
    greedyObjective: run.greedyObjective,
    runMs: run.totalMs,
    solverMs: run.solverMs,
    wallMs,
    setupMs: loadMs,
  };
}
