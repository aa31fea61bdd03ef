// What a profile needs or offers, read from its prose first and its ticks second (issue 23, classes 1, 2, 4).
// People tick what a form suggests and write what they actually need or do: a founder ticks `marketing`
// and writes three sentences about a lease contract and a trademark; a mentor ticks every box and writes
// about tax. So the prose decides and a tick is a prior:
// - a topic read from the prose weighs by its inference score, up to PROSE_WEIGHT (a central mention, in
//   the title or stated as a need, and several mentions score higher: infer.ts), a topic both ticked and
//   written about weighs 1;
// - a tick the prose does not support weighs PRIOR_WEIGHT when the prose says what the profile is about
//   (some topic is inferred), 1 when the prose says nothing the lexicon reads (a tick is then all we have);
// - a profile ticking more than FOCUS topics spreads itself thin: every weight × √(FOCUS / count), so
//   "ticks every topic" no longer covers every need in full (for a source the factor cancels out of the
//   coverage ratio, so only candidates feel it).
import { SECTOR_INDEPENDENT_TOPICS } from '../../seeds/lexicon/topics.ts';
import { INFER_THRESHOLD } from './infer.ts';

/** The most an inferred topic weighs (below a topic both ticked and written about). */
export const PROSE_WEIGHT = 0.9;
/** A tick the prose does not support, when the prose is informative. */
export const PRIOR_WEIGHT = 0.75;
/** Topics a profile can offer in depth; beyond, each weighs less. */
export const FOCUS = 4;

const round = (x: number) => Math.round(x * 1000) / 1000;
/** Scores below this give an inferred topic no weight: a lone weak phrase is a hint, not a need. */
const SCORE_FLOOR = 0.3;
/** An inference score (0.5 … 1) as a weight: rescaled from SCORE_FLOOR, so one mention in passing (0.64) weighs
 *  0.44, a strong or central one (0.9) 0.77, several (0.98) 0.87. */
const proseWeight = (score: number) =>
  (PROSE_WEIGHT * Math.max(0, Math.min(1, score) - SCORE_FLOOR)) / (1 - SCORE_FLOOR);

/** Topic weights from the ticked topics and those inferred from the prose (see the module comment). */
export function topicWeights(
  declared: readonly string[],
  inferred: readonly { topic: string; score: number }[],
): Record<string, number> {
  const weights: Record<string, number> = {};
  let informative = false;
  for (const { topic, score } of inferred) {
    if (!(score > 0)) continue;
    if (score >= INFER_THRESHOLD) informative = true;
    const w = round(proseWeight(score));
    if (w > 0 && (weights[topic] ?? 0) < w) weights[topic] = w;
  }
  for (const topic of new Set(declared)) weights[topic] = weights[topic] ? 1 : informative ? PRIOR_WEIGHT : 1;
  // Ticks, not inferred topics: a long description naming many topics in passing is not "ticks every topic".
  const count = new Set(declared).size;
  if (count > FOCUS) {
    const f = Math.sqrt(FOCUS / count);
    for (const t in weights) weights[t] = round(weights[t] * f);
  }
  return weights;
}

/** Whether a need's expertise is the same in every industry (legal, tax, IP, registration, loans, policy). */
const independent = new Set<string>(SECTOR_INDEPENDENT_TOPICS);
export const isSectorIndependent = (topic: string) => independent.has(topic);

/** What a domain-dependent need met in another industry is worth (marketing for dairy met by a tourism marketer). */
export const DOMAIN_FLOOR = 0.5;
/** A sector weighing at least this is one the candidate works in (declared 1, or clearly in its prose). */
const IN_SECTOR = 0.5;

/**
 * Skill × domain: how well a candidate's industries fit the source's, for a need that depends on the
 * industry. 1 when the candidate names no industry (a generalist) or the source none; else between
 * DOMAIN_FLOOR (only other industries) and 1 (shares the source's main one).
 */
export function domainFit(source: Record<string, number>, candidate: Record<string, number>): number {
  let named = false;
  let best = 0;
  for (const x in candidate) {
    if (candidate[x] < IN_SECTOR) continue;
    named = true;
    const w = Math.min(1, source[x] ?? 0);
    if (w > best) best = w;
  }
  if (!named) return 1;
  for (const _ in source) return DOMAIN_FLOOR + (1 - DOMAIN_FLOOR) * best;
  return 1;
}

/**
 * Share of a source's need weight on needs that do not depend on the industry (legal, tax, IP,
 * registration, loans, policy), in [0, 1]; 0 without needs. Where it is high, sector fit says little.
 */
export function sectorIndependence(needs: Record<string, number>): number {
  let all = 0;
  let free = 0;
  for (const t in needs) {
    all += needs[t];
    if (independent.has(t)) free += needs[t];
  }
  return all > 0 ? free / all : 0;
}

/** The sectors a profile works in: declared ones, and those its prose clearly names (its own words overrule its tags). */
export function sectorsIn(sectors: Record<string, number>): string[] {
  // A candidate's weights are merged once per row version (profile.ts): the list is kept with them.
  let list = sectorLists.get(sectors);
  if (!list) sectorLists.set(sectors, (list = Object.keys(sectors).filter((x) => sectors[x] >= IN_SECTOR)));
  return list;
}
const sectorLists = new WeakMap<Record<string, number>, string[]>();

/** The topics that weigh most, best first (what the description is mostly about), at most `n`. */
export function centralNeeds(needs: Record<string, number>, n = 3): string[] {
  return Object.entries(needs)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, n)
    .map(([t]) => t);
}
