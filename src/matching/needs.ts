// What a profile needs or offers, read from its prose first and its ticks second (issue 23, classes 1, 2, 4).
// People tick what a form suggests and write what they actually need or do: a founder ticks `marketing`
// and writes three sentences about a lease contract and a trademark; a mentor ticks every box and writes
// about tax. So the prose decides and a tick is a prior:
// - a topic read from the prose weighs its inference score × PROSE_WEIGHT (a central mention, in the
//   title or stated as a need, scores higher: infer.ts), a topic both ticked and written about weighs 1;
// - a tick the prose does not support weighs PRIOR_WEIGHT when the prose says what the profile is about
//   (some topic is inferred), 1 when the prose says nothing the lexicon reads (a tick is then all we have);
// - a profile claiming more than FOCUS topics spreads itself thin: every weight × √(FOCUS / count), so
//   "ticks every topic" no longer covers every need in full (for a source the factor cancels out of the
//   coverage ratio, so only candidates feel it).
import { SECTOR_INDEPENDENT_TOPICS } from '../../seeds/lexicon/topics.ts';
import { INFER_THRESHOLD } from './infer.ts';

/** An inferred topic weighs its score × this (at most 0.9: below a topic both ticked and written about). */
export const PROSE_WEIGHT = 0.9;
/** A tick the prose does not support, when the prose is informative. */
export const PRIOR_WEIGHT = 0.6;
/** Topics a profile can offer in depth; beyond, each weighs less. */
export const FOCUS = 4;

const round = (x: number) => Math.round(x * 1000) / 1000;

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
    const w = round(Math.min(1, score) * PROSE_WEIGHT);
    if ((weights[topic] ?? 0) < w) weights[topic] = w;
  }
  for (const topic of new Set(declared)) weights[topic] = weights[topic] ? 1 : informative ? PRIOR_WEIGHT : 1;
  const count = Object.keys(weights).length;
  if (count > FOCUS) {
    const f = Math.sqrt(FOCUS / count);
    for (const t in weights) weights[t] = round(weights[t] * f);
  }
  return weights;
}

const independent = new Set<string>(SECTOR_INDEPENDENT_TOPICS);

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

/** The topics that weigh most, best first (what the description is mostly about), at most `n`. */
export function centralNeeds(needs: Record<string, number>, n = 3): string[] {
  return Object.entries(needs)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, n)
    .map(([t]) => t);
}
