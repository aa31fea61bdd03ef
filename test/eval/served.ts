// Shared by both judged sets' tests: the match endpoints serve exactly what the evaluation ranked.
import { expect } from 'vitest';
import type { Api, LoadedSet } from './load.ts';
import type { JourneyResult } from './run.ts';
import type { Journey } from './set.ts';

/** The match endpoint of a journey for one source record. */
export const matchPath = (j: Journey, id: string) => {
  if (j.source === 'investor') return `/v1/investors/${id}/matches/projects`;
  if (j.source === 'training') return `/v1/trainings/${id}/matches/founders`;
  return `/v1/projects/${id}/matches/${j.candidate}s`;
};

/** Each query's whole pool (limit 100), in the evaluated order with the evaluated scores. */
export async function expectServedAsRanked(
  api: Api,
  journeys: readonly Journey[],
  results: JourneyResult[],
  loaded: LoadedSet,
) {
  for (const r of results) {
    const j = journeys.find((x) => x.id === r.journey)!;
    for (const q of r.queries) {
      const res = await api('GET', `${matchPath(j, loaded.ids.get(q.query)!)}?limit=100`);
      expect(res.status, `${r.journey} ${q.query}`).toBe(200);
      const served = res.body.items.map((i: { id: string; score: number }) => ({
        key: loaded.keys.get(i.id),
        score: i.score,
      }));
      expect(served.map((s: { key: string }) => s.key).sort(), `${r.journey} ${q.query}: the pool`).toEqual(
        [...j.pool(q.query)].sort(),
      );
      expect(served, `${r.journey} ${q.query}: the ranking`).toEqual(q.ranked.engine);
    }
  }
}
