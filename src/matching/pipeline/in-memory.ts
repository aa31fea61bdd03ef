// The candidate source over the in-memory candidate index (candidate-index.ts): the index applies
// the rules and runs both channels over the rows it holds, exactly; SQL then reads the picks back
// best-first, under the full rules (read-back.ts). It serves calls whose table holds more than the
// exact limit (a smaller one is read whole by one SQL query) and that the index holds (within its
// budget); a caller's scope is SQL only, so scoped calls are left to SQL.
import type { CandidateIndex, Picked } from '../candidate-index.ts';
import { searchTerms } from '../term-stats.ts';
import { searchable } from './channels.ts';
import { indexRules, tableSize } from './eligible.ts';
import { readBest } from './read-back.ts';
import type { Call, CandidateSource } from './source.ts';

/** The rules in the index's form (eligible.ts, indexRules). */
type InMemoryRules = ReturnType<typeof indexRules>;

/** The index as the call's candidate source; null when it cannot serve it (no index, a scope, exhaustive scoring). */
export function inMemory(call: Call): CandidateSource<InMemoryRules, Picked[]> | null {
  const index = call.ctx.index;
  if (!index || !Number.isFinite(call.exactLimit) || call.scoped) return null;
  return {
    async eligible() {
      if ((await tableSize(call.ctx.db, call.recipe.candidateTable)) <= call.exactLimit) return null;
      return indexRules(call.recipe, call.source);
    },
    retrieve: (rules) => narrow(call, index, rules),
    async readBack(picked, score) {
      return picked.length ? readBest(call, picked, score) : { scored: [], count: 0, read: 0 };
    },
  };
}

/**
 * The index's picks: every eligible row when at most the exact limit, else the k nearest ∪ the k
 * best keyword matches. Null when the index does not hold the table (beyond its budget).
 */
async function narrow(call: Call, index: CandidateIndex, { keyed, excluded, ranged, admits }: InMemoryRules) {
  const { ctx, source } = call;
  const t = call.recipe.candidateTable;
  const words = searchable(await searchTerms(ctx.db, t, source.lexemes));
  return index.narrow(t, admits, {
    model: ctx.model,
    keyed,
    excluded,
    ranged,
    vector: source.vector,
    words,
    lexemes: source.lexemes,
    exactLimit: call.exactLimit,
    k: call.retrieveK,
  });
}
