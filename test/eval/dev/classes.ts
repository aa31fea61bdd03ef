// nDCG@10 per failure class of the development set: the mean over every (journey, query) tagged with the
// class, whatever the journey, per system. A query tagged with several classes counts in each.
import { mean } from '../metrics.ts';
import { SYSTEMS, type JourneyResult, type System } from '../run.ts';
import { FAILURE_CLASSES, type DevJourney, type FailureClass } from './set.ts';

export interface ClassResult {
  class: FailureClass;
  name: string;
  queries: number;
  ndcg: Record<System, number>;
}

export function byClass(results: JourneyResult[], set: DevJourney[]): ClassResult[] {
  const classes = Object.keys(FAILURE_CLASSES).map(Number) as FailureClass[];
  return classes.map((c) => {
    const tagged = results.flatMap((r) => {
      const j = set.find((x) => x.id === r.journey)!;
      return r.queries.filter((q) => j.classes[q.query]?.includes(c));
    });
    const ndcg = Object.fromEntries(SYSTEMS.map((s) => [s, mean(tagged.map((q) => q.ndcg[s]))])) as Record<
      System,
      number
    >;
    return { class: c, name: FAILURE_CLASSES[c], queries: tagged.length, ndcg };
  });
}
