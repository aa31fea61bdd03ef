// Coach assignment as a min-cost flow, solved exactly. Pure: no database, no clock besides timing.
//
//   project p ──(−score(p,m))──▶ mentor m ──(slot k: balance cost of its k-th mentee)──▶ T
//   project p ──(0: stays unassigned)──────────────────────────────────────────────────▶ T
//
// Every project sends one unit (to a mentor or to "unassigned"), each mentor takes at most its
// remaining capacity, so a min-cost flow is a max-score assignment with at most one coach per
// project. Scores are integers internally (micro-units, 1e-6: the engine already rounds scores to
// 6 decimals), so the optimum is exact, not up to float noise. The balance cost is convex in the
// load (k-th mentee costs more than the (k−1)-th), so each mentor's slots fill in order and the
// optimum is still a plain min-cost flow.
//
// Algorithm: successive shortest paths (the Hungarian method for a rectangular assignment with
// capacities), one unit of the scarcer side at a time — projects, or the mentors' free places when
// there are fewer places — Dijkstra on reduced costs with node potentials, stopped as soon as the
// sink is settled. Potentials keep every residual arc's reduced cost ≥ 0 (the optimality condition)
// and, without balance, yield an LP dual solution returned as a checkable certificate.

import { MinHeap } from '../min-heap.ts';

export interface Edge {
  project: number;
  mentor: number;
  /** Match score in [0, 1] (the project→mentor recipe's). */
  score: number;
}

export interface Instance {
  projects: number;
  /** Per mentor: how many more mentees it may take in this run (≥ 0). */
  capacities: ArrayLike<number>;
  /** Eligible pairs only (exclusions already removed); at most one edge per pair. */
  edges: Edge[];
  /** Pairs that must be in the result (each must be an edge; at most one pin per project). */
  pins?: { project: number; mentor: number }[];
  /** 0..1: weight of the even-load cost (0 = pure total score). */
  balance?: number;
  /** Per mentor: mentees it already has (accepted or held), so the balance cost counts them too. */
  load?: ArrayLike<number>;
}

export interface Solution {
  /** Per project: the mentor index, or −1 when unassigned. */
  mentorOf: Int32Array;
  /** Σ score over the assignments (what "total match score" means). */
  objective: number;
  /** Σ balance cost of the resulting loads (0 when balance is 0). */
  balancePenalty: number;
  /** objective − balancePenalty: what the solver maximises. */
  utility: number;
  ms: number;
  /**
   * Without balance: an LP dual solution that certifies optimality, u per project (0 for pinned
   * ones), v per mentor, both ≥ 0, with u[p] + v[m] ≥ score(p, m) for every unpinned eligible pair
   * and bound = Σu + Σ v·(capacity − pins) + Σ pinned scores. Any assignment keeping the pins
   * scores ≤ bound (weak duality), and bound equals the objective: so the objective is the maximum.
   */
  dual?: { project: Float64Array; mentor: Float64Array; bound: number };
}

/** Micro-units: scores and costs become exact integers. */
export const SCALE = 1_000_000;
/** With balance = 1 a mentor's j-th mentee (counting the ones it has) costs 0.1·(j−1) of score. */
export const BALANCE_STEP = 0.1;

const toInt = (x: number) => Math.round(x * SCALE);

/** Marginal cost (micro-units) of a mentor's `j`-th mentee overall (1-based): convex, 0 for the first. */
export const balanceCost = (balance: number, j: number) => toInt(balance * BALANCE_STEP * Math.max(0, j - 1));

export class InfeasibleError extends Error {}

/** Checks pins against the instance; throws InfeasibleError with what is wrong. */
function checkPins(inst: Instance) {
  const pinned = new Int32Array(inst.capacities.length);
  if (!inst.pins?.length) return pinned;
  const seen = new Set<number>();
  const edgeSet = new Set(inst.edges.map((e) => e.project * inst.capacities.length + e.mentor));
  for (const p of inst.pins ?? []) {
    if (seen.has(p.project)) throw new InfeasibleError(`project ${p.project} is pinned twice`);
    seen.add(p.project);
    if (!edgeSet.has(p.project * inst.capacities.length + p.mentor))
      throw new InfeasibleError(`pin ${p.project}→${p.mentor} is not an eligible pair`);
    if (++pinned[p.mentor] > inst.capacities[p.mentor])
      throw new InfeasibleError(`mentor ${p.mentor} has fewer places than pins`);
  }
  return pinned;
}

function evaluate(inst: Instance, mentorOf: Int32Array) {
  const balance = inst.balance ?? 0;
  const M = inst.capacities.length;
  const scoreOf = new Float64Array(mentorOf.length).fill(NaN);
  for (const e of inst.edges) if (mentorOf[e.project] === e.mentor) scoreOf[e.project] = e.score;
  let objective = 0;
  const taken = new Int32Array(M);
  for (let p = 0; p < mentorOf.length; p++) {
    const m = mentorOf[p];
    if (m < 0) continue;
    if (Number.isNaN(scoreOf[p]))
      throw new Error(`project ${p} assigned to mentor ${m}, which is not an eligible pair`);
    objective += toInt(scoreOf[p]);
    taken[m]++;
  }
  let penalty = 0;
  if (balance > 0) {
    for (let m = 0; m < M; m++) {
      const h = inst.load?.[m] ?? 0;
      for (let k = 1; k <= taken[m]; k++) penalty += balanceCost(balance, h + k);
    }
  }
  return { objective: objective / SCALE, balancePenalty: penalty / SCALE, utility: (objective - penalty) / SCALE };
}

/** The exact optimum. Throws InfeasibleError for pins that cannot all be kept. */
export function solve(inst: Instance, opts: { side?: 'projects' | 'slots' } = {}): Solution {
  const t0 = performance.now();
  const n = inst.projects;
  const M = inst.capacities.length;
  const balance = inst.balance ?? 0;
  const pinned = checkPins(inst);
  const pinOf = new Int32Array(n).fill(-1);
  for (const p of inst.pins ?? []) pinOf[p.project] = p.mentor;
  // Pinned projects are fixed first: they leave the problem and take one place of their mentor.
  const free = new Int32Array(M);
  const base = new Float64Array(M); // load already there (held + pinned), for the balance cost
  let freeSlots = 0;
  for (let m = 0; m < M; m++) {
    free[m] = inst.capacities[m] - pinned[m];
    base[m] = (inst.load?.[m] ?? 0) + pinned[m];
    freeSlots += free[m];
  }
  const cost = (m: number, k: number) => (balance > 0 ? balanceCost(balance, base[m] + k) : 0); // its k-th new mentee
  let freeProjects = 0;
  for (let p = 0; p < n; p++) if (pinOf[p] < 0) freeProjects++;

  // Mentor → its free projects, with the integer score.
  const mDeg = new Int32Array(M + 1);
  for (const e of inst.edges) if (pinOf[e.project] < 0) mDeg[e.mentor + 1]++;
  for (let m = 0; m < M; m++) mDeg[m + 1] += mDeg[m];
  const mFill = mDeg.slice(0, M);
  const adjP = new Int32Array(mDeg[M]);
  const adjW = new Float64Array(mDeg[M]);
  for (const e of inst.edges) {
    if (pinOf[e.project] >= 0) continue;
    const k = mFill[e.mentor]++;
    adjP[k] = e.project;
    adjW[k] = toInt(e.score);
  }

  const mentorOf = new Int32Array(n).fill(-1);
  let projectDual: Float64Array;
  // Augment from the scarcer side: one shortest-path search per unit of it. From the side that runs
  // out, the last searches must cross most of the graph to find the last free places; from the
  // other side free partners stay plentiful and paths stay short (10,000 projects for 6,000 places:
  // ~5× less work).
  const side = opts.side ?? (freeSlots < freeProjects ? 'slots' : 'projects');
  if (side === 'projects') {
    // Left: projects (unit, optional); right: mentors with their free places and slot costs.
    const start = new Int32Array(n + 1);
    for (const e of inst.edges) if (pinOf[e.project] < 0) start[e.project + 1]++;
    for (let p = 0; p < n; p++) start[p + 1] += start[p];
    const fill = start.slice(0, n);
    const right = new Int32Array(start[n]);
    const w = new Float64Array(start[n]);
    for (let m = 0; m < M; m++) {
      for (let k = mDeg[m]; k < mDeg[m + 1]; k++) {
        const at = fill[adjP[k]]++;
        right[at] = m;
        w[at] = adjW[k];
      }
    }
    const r = ssp(n, M, start, right, w, free, cost);
    for (let p = 0; p < n; p++) mentorOf[p] = r.match[p];
    projectDual = r.leftDual;
  } else {
    // Left: the mentors' free places ("slots", the k-th costing the k-th mentee's balance cost);
    // right: projects, one place each. Same min-cost flow, slots expanded.
    const slotMentor = new Int32Array(freeSlots);
    const start = new Int32Array(freeSlots + 1);
    let sIdx = 0;
    for (let m = 0; m < M; m++) {
      for (let k = 1; k <= free[m]; k++) {
        slotMentor[sIdx] = m;
        start[sIdx + 1] = start[sIdx] + (mDeg[m + 1] - mDeg[m]);
        sIdx++;
      }
    }
    const right = new Int32Array(start[freeSlots]);
    const w = new Float64Array(start[freeSlots]);
    sIdx = 0;
    for (let m = 0; m < M; m++) {
      for (let k = 1; k <= free[m]; k++) {
        const c = cost(m, k);
        let at = start[sIdx];
        for (let j = mDeg[m]; j < mDeg[m + 1]; j++, at++) {
          right[at] = adjP[j];
          w[at] = adjW[j] - c;
        }
        sIdx++;
      }
    }
    const r = ssp(
      freeSlots,
      n,
      start,
      right,
      w,
      Int32Array.from({ length: n }, (_, p) => (pinOf[p] < 0 ? 1 : 0)),
      () => 0,
    );
    for (let sl = 0; sl < freeSlots; sl++) if (r.match[sl] >= 0) mentorOf[r.match[sl]] = slotMentor[sl];
    projectDual = r.rightDual;
  }

  for (const p of inst.pins ?? []) mentorOf[p.project] = p.mentor;
  const ev = evaluate(inst, mentorOf);
  return { mentorOf, ...ev, ms: performance.now() - t0, dual: balance > 0 ? undefined : certificate() };

  // LP dual (balance 0): project duals u from the potentials, mentor duals the smallest feasible,
  // v(m) = max(0, max over its free projects of score − u(p)); with optimal u the bound is tight.
  function certificate() {
    const u = new Float64Array(n);
    const v = new Float64Array(M);
    let bound = 0;
    for (let p = 0; p < n; p++) {
      if (pinOf[p] >= 0) continue;
      u[p] = projectDual[p];
      bound += u[p];
    }
    for (let m = 0; m < M; m++) {
      for (let k = mDeg[m]; k < mDeg[m + 1]; k++) v[m] = Math.max(v[m], adjW[k] - u[adjP[k]]);
      bound += v[m] * free[m];
    }
    for (const e of inst.edges) if (pinOf[e.project] === e.mentor) bound += toInt(e.score);
    return { project: u.map((x) => x / SCALE), mentor: v.map((x) => x / SCALE), bound: bound / SCALE };
  }
}

/**
 * Successive shortest paths on a bipartite graph: left nodes (one unit each, optional) to right
 * nodes (`cap` units each, the k-th costing `slotCost(r, k)`, convex in k), arc weights `w`
 * (integers, maximised). One Dijkstra per left node on reduced costs with potentials, stopped when
 * the sink is settled. Returns each left node's right partner (−1: none) and the LP duals read from
 * the potentials (both ≥ 0, integer units).
 */
function ssp(
  nL: number,
  nR: number,
  start: Int32Array,
  right: Int32Array,
  w: Float64Array,
  cap: Int32Array,
  slotCost: (r: number, k: number) => number,
) {
  // Nodes: left 0..nL−1, right nL..nL+nR−1, sink T. Costs shifted by W so all are ≥ 0 (every left
  // unit pays W exactly once, to a right node or to "none": the optimum is unchanged).
  const T = nL + nR;
  let W = 0;
  for (let k = 0; k < w.length; k++) if (w[k] > W) W = w[k];
  const eC = new Float64Array(w.length); // arc cost left → right: W − weight, ≥ 0
  for (let k = 0; k < w.length; k++) eC[k] = W - w[k];
  const used = new Int32Array(nR);
  const partners: number[][] = Array.from({ length: nR }, () => []); // right node → its left partners
  const match = new Int32Array(nL).fill(-1);
  const edgeOf = new Int32Array(nL).fill(-1); // index of the matched arc

  const pi = new Float64Array(T + 1);
  const dist = new Float64Array(T + 1);
  const stamp = new Int32Array(T + 1); // reached in round r when stamp = r
  const done = new Int32Array(T + 1);
  const prevNode = new Int32Array(T + 1);
  const prevEdge = new Int32Array(T + 1);
  const heap = new MinHeap(1024);
  const settled: number[] = [];

  let round = 0;
  for (let src = 0; src < nL; src++) {
    if (start[src] === start[src + 1]) continue; // no arcs: stays unmatched, touches nothing
    // A potential for the new node that makes its outgoing arcs' reduced costs ≥ 0.
    let p0 = pi[T] - W;
    for (let k = start[src]; k < start[src + 1]; k++) p0 = Math.max(p0, pi[nL + right[k]] - eC[k]);
    pi[src] = p0;

    round++;
    settled.length = 0;
    heap.clear();
    // Pruning: a node reached at or beyond the sink's tentative distance can never be settled before
    // the sink, so it is not queued at all (most relaxations, once the pool fills up).
    let bestT = Infinity;
    const reach = (v: number, d: number, from: number, edge: number) => {
      if (d >= bestT) return;
      if (v === T) bestT = d;
      if (stamp[v] !== round) {
        stamp[v] = round;
        done[v] = 0;
      } else if (done[v] || d >= dist[v]) return;
      dist[v] = d;
      prevNode[v] = from;
      prevEdge[v] = edge;
      heap.push(v, d);
    };
    reach(src, 0, -1, -1);
    let dT = Infinity;
    while (heap.size) {
      const u = heap.pop();
      const du = heap.poppedKey;
      if (done[u] && stamp[u] === round) continue;
      if (du > dist[u]) continue;
      done[u] = 1;
      if (u === T) {
        dT = du;
        break;
      }
      settled.push(u);
      if (u < nL) {
        // Left: to "none" unless already there (first: it bounds the search), then to each right
        // node it is not matched to (the hot loop, inlined).
        if (u === src || match[u] >= 0) reach(T, du + W + pi[u] - pi[T], u, -1);
        const du0 = du + pi[u];
        const own = edgeOf[u];
        for (let k = start[u], end = start[u + 1]; k < end; k++) {
          const v = nL + right[k];
          const d = du0 + eC[k] - pi[v];
          if (d >= bestT || k === own) continue;
          if (stamp[v] !== round) {
            stamp[v] = round;
            done[v] = 0;
          } else if (done[v] || d >= dist[v]) continue;
          dist[v] = d;
          prevNode[v] = u;
          prevEdge[v] = k;
          heap.push(v, d);
        }
      } else {
        // Right: into its next slot, or back along a current partner's arc (that partner moves on).
        const r = u - nL;
        if (used[r] < cap[r]) reach(T, du + slotCost(r, used[r] + 1) + pi[u] - pi[T], u, -2);
        for (const j of partners[r]) reach(j, du - eC[edgeOf[j]] + pi[u] - pi[j], u, edgeOf[j]);
      }
    }
    if (dT === Infinity) throw new Error('no path to the sink: unreachable by construction');

    // Potentials: π(v) += min(d(v), dT) − dT for the settled nodes (others unchanged up to a constant).
    for (const v of settled) pi[v] += dist[v] - dT;

    // Augment along the path src → … → T, walked backwards. Arc kinds: left→right (joins it),
    // right→left (that left node leaves it), right→T (one more unit used), left→T (none).
    for (let v = T; v !== src; ) {
      const u = prevNode[v];
      if (v === T) {
        if (u >= nL) used[u - nL]++;
        else {
          match[u] = -1;
          edgeOf[u] = -1;
        }
      } else if (v >= nL) {
        match[u] = right[prevEdge[v]];
        edgeOf[u] = prevEdge[v];
        partners[v - nL].push(u);
      } else {
        const list = partners[u - nL];
        list[list.indexOf(v)] = list[list.length - 1];
        list.pop();
      }
      v = u;
    }
  }

  // Duals (see Solution.dual): left max(0, π + W − π(T)), right max(0, π(T) − π).
  const leftDual = new Float64Array(nL);
  for (let l = 0; l < nL; l++) leftDual[l] = start[l] === start[l + 1] ? 0 : Math.max(0, pi[l] + W - pi[T]);
  const rightDual = new Float64Array(nR);
  for (let r = 0; r < nR; r++) rightDual[r] = Math.max(0, pi[T] - pi[nL + r]);
  return { match, leftDual, rightDual };
}

/** Greedy baseline: pins first, then pairs by score (best first), taken while both sides are free. */
export function greedy(inst: Instance): Solution {
  const t0 = performance.now();
  const left = Int32Array.from(inst.capacities);
  const mentorOf = new Int32Array(inst.projects).fill(-1);
  for (const p of inst.pins ?? []) {
    mentorOf[p.project] = p.mentor;
    left[p.mentor]--;
  }
  // Best score first, ties by input order: (SCALE − score) and the index packed into one exact
  // integer key, so a native numeric sort does it (a comparator sort of 500k pairs takes seconds).
  const E = inst.edges.length;
  const shift = 2 ** Math.ceil(Math.log2(E + 1));
  const keys = new Float64Array(E);
  for (let i = 0; i < E; i++) keys[i] = (SCALE - toInt(inst.edges[i].score)) * shift + i;
  keys.sort();
  for (let r = 0; r < E; r++) {
    const e = inst.edges[keys[r] % shift];
    if (mentorOf[e.project] >= 0 || left[e.mentor] <= 0) continue;
    mentorOf[e.project] = e.mentor;
    left[e.mentor]--;
  }
  return { mentorOf, ...evaluate(inst, mentorOf), ms: performance.now() - t0 };
}

/** Scores the given assignment the way solve() does (for tests and comparisons). */
export const evaluateAssignment = evaluate;
