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
// Algorithm: successive shortest paths, one project at a time (the Hungarian method for a
// rectangular assignment with capacities), Dijkstra on reduced costs with node potentials, stopped
// as soon as the sink is settled. Potentials keep every residual arc's reduced cost ≥ 0, which is
// the optimality certificate of the final flow.

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
    if (!edgeSet.has(p.project * inst.capacities.length + p.mentor)) throw new InfeasibleError(`pin ${p.project}→${p.mentor} is not an eligible pair`);
    if (++pinned[p.mentor] > inst.capacities[p.mentor]) throw new InfeasibleError(`mentor ${p.mentor} has fewer places than pins`);
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
    if (Number.isNaN(scoreOf[p])) throw new Error(`project ${p} assigned to mentor ${m}, which is not an eligible pair`);
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
export function solve(inst: Instance): Solution {
  const t0 = performance.now();
  const n = inst.projects;
  const M = inst.capacities.length;
  const balance = inst.balance ?? 0;
  const pinned = checkPins(inst);
  const pinOf = new Int32Array(n).fill(-1);
  for (const p of inst.pins ?? []) pinOf[p.project] = p.mentor;

  // Free (unpinned) projects' edges in CSR form; pinned projects are fixed and take a slot each.
  const deg = new Int32Array(n + 1);
  for (const e of inst.edges) if (pinOf[e.project] < 0) deg[e.project + 1]++;
  for (let p = 0; p < n; p++) deg[p + 1] += deg[p];
  const start = deg;
  const fill = start.slice(0, n);
  const eMentor = new Int32Array(start[n]);
  const eW = new Float64Array(start[n]);
  let W = 0;
  for (const e of inst.edges) {
    if (pinOf[e.project] >= 0) continue;
    const k = fill[e.project]++;
    eMentor[k] = e.mentor;
    eW[k] = toInt(e.score);
    if (eW[k] > W) W = eW[k];
  }

  // Node ids: projects 0..n−1, mentors n..n+M−1, sink T = n+M. Costs shifted by W so all are ≥ 0
  // (every project pays W exactly once, whichever way its unit goes: the optimum is unchanged).
  const T = n + M;
  const free = new Int32Array(M);
  const used = new Int32Array(M);
  const base = new Float64Array(M); // load already there (held + pinned), for the balance cost
  for (let m = 0; m < M; m++) {
    free[m] = inst.capacities[m] - pinned[m];
    base[m] = (inst.load?.[m] ?? 0) + pinned[m];
  }
  const slotCost = (m: number) => (balance > 0 ? balanceCost(balance, base[m] + used[m] + 1) : 0);
  // Each mentor's current mentees (free projects only) with the weight of that edge.
  const menteesOf: number[][] = Array.from({ length: M }, () => []);
  const mentorOf = new Int32Array(n).fill(-1);
  const edgeOf = new Int32Array(n).fill(-1); // index of the matched edge

  const pi = new Float64Array(T + 1);
  const dist = new Float64Array(T + 1);
  const stamp = new Int32Array(T + 1); // visited in round r when stamp = r
  const done = new Int32Array(T + 1);
  const prevNode = new Int32Array(T + 1);
  const prevEdge = new Int32Array(T + 1);
  const heap = new MinHeap(1024);
  const settled: number[] = [];

  let round = 0;
  for (let src = 0; src < n; src++) {
    if (pinOf[src] >= 0) continue;
    // A potential for the new node that makes its outgoing arcs' reduced costs ≥ 0.
    let p0 = pi[T] - W;
    for (let k = start[src]; k < start[src + 1]; k++) p0 = Math.max(p0, pi[n + eMentor[k]] - (W - eW[k]));
    pi[src] = p0;

    round++;
    settled.length = 0;
    heap.clear();
    const reach = (v: number, d: number, from: number, edge: number) => {
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
      const [u, du] = heap.pop();
      if (done[u] && stamp[u] === round) continue;
      if (du > dist[u]) continue;
      done[u] = 1;
      if (u === T) {
        dT = du;
        break;
      }
      settled.push(u);
      if (u < n) {
        // Project: to each mentor it is not matched to, and to "unassigned" unless already there.
        for (let k = start[u]; k < start[u + 1]; k++) {
          if (k === edgeOf[u]) continue;
          const v = n + eMentor[k];
          reach(v, du + (W - eW[k]) + pi[u] - pi[v], u, k);
        }
        if (u === src || mentorOf[u] >= 0) reach(T, du + W + pi[u] - pi[T], u, -1);
      } else {
        // Mentor: back along a current mentee's edge (that mentee moves on), or into its next slot.
        const m = u - n;
        for (const j of menteesOf[m]) reach(j, du - (W - eW[edgeOf[j]]) + pi[u] - pi[j], u, edgeOf[j]);
        if (used[m] < free[m]) reach(T, du + slotCost(m) + pi[u] - pi[T], u, -2);
      }
    }
    if (dT === Infinity) throw new Error('no path to the sink: unreachable by construction');

    // Potentials: π(v) += min(d(v), dT) − dT for the settled nodes (others unchanged up to a constant).
    for (const v of settled) pi[v] += dist[v] - dT;

    // Augment along the path src → … → T, walked backwards. Arc kinds: project→mentor (joins it),
    // mentor→project (that project leaves it), mentor→T (one more mentee), project→T (unassigned).
    for (let v = T; v !== src; ) {
      const u = prevNode[v];
      if (v === T) {
        if (u >= n) used[u - n]++;
        else {
          mentorOf[u] = -1;
          edgeOf[u] = -1;
        }
      } else if (v >= n) {
        mentorOf[u] = v - n;
        edgeOf[u] = prevEdge[v];
        menteesOf[v - n].push(u);
      } else {
        const list = menteesOf[u - n];
        list[list.indexOf(v)] = list[list.length - 1];
        list.pop();
      }
      v = u;
    }
  }

  for (const p of inst.pins ?? []) mentorOf[p.project] = p.mentor;
  const ev = evaluate(inst, mentorOf);
  return { mentorOf, ...ev, ms: performance.now() - t0, dual: balance > 0 ? undefined : dualOf() };

  // From the potentials (see the dual field): u = max(0, π(p) + W − π(T)), v = max(0, π(T) − π(m)).
  function dualOf() {
    const u = new Float64Array(n);
    const v = new Float64Array(M);
    let bound = 0;
    for (let p = 0; p < n; p++) {
      if (pinOf[p] >= 0) continue;
      u[p] = Math.max(0, pi[p] + W - pi[T]);
      bound += u[p];
    }
    for (let m = 0; m < M; m++) {
      v[m] = Math.max(0, pi[T] - pi[n + m]);
      bound += v[m] * free[m];
    }
    for (const e of inst.edges) if (pinOf[e.project] === e.mentor) bound += toInt(e.score);
    return { project: u.map((x) => x / SCALE), mentor: v.map((x) => x / SCALE), bound: bound / SCALE };
  }
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

/** A binary min-heap of (node, key) with lazy deletion (stale entries are skipped by the caller). */
class MinHeap {
  private nodes: Int32Array;
  private keys: Float64Array;
  size = 0;
  constructor(cap: number) {
    this.nodes = new Int32Array(cap);
    this.keys = new Float64Array(cap);
  }
  clear() {
    this.size = 0;
  }
  push(node: number, key: number) {
    if (this.size === this.nodes.length) {
      const n2 = new Int32Array(this.size * 2);
      n2.set(this.nodes);
      const k2 = new Float64Array(this.size * 2);
      k2.set(this.keys);
      this.nodes = n2;
      this.keys = k2;
    }
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent] <= key) break;
      this.nodes[i] = this.nodes[parent];
      this.keys[i] = this.keys[parent];
      i = parent;
    }
    this.nodes[i] = node;
    this.keys[i] = key;
  }
  pop(): [number, number] {
    const node = this.nodes[0];
    const key = this.keys[0];
    const lastNode = this.nodes[--this.size];
    const lastKey = this.keys[this.size];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= this.size) break;
      if (c + 1 < this.size && this.keys[c + 1] < this.keys[c]) c++;
      if (this.keys[c] >= lastKey) break;
      this.nodes[i] = this.nodes[c];
      this.keys[i] = this.keys[c];
      i = c;
    }
    this.nodes[i] = lastNode;
    this.keys[i] = lastKey;
    return [node, key];
  }
}
