// The matching engine's public face: the pipeline (pipeline/run.ts and its stages) and the pieces
// other code reuses (the score and reasons of one pair, the SQL channels, the limits).
export {
  RETRIEVE_K,
  SINGLE_PASS_MAX_ROWS,
  VECTOR_EF_SEARCH,
  keywordIds,
  keywordRank,
  nearestIds,
} from './pipeline/channels.ts';
export { EXACT_LIMIT, indexRules } from './pipeline/eligible.ts';
export { explain } from './pipeline/explain.ts';
export { runRecipe } from './pipeline/run.ts';
export { byScore, scoreCandidate, type Scored } from './pipeline/score.ts';
export type { EngineContext } from './pipeline/source.ts';
