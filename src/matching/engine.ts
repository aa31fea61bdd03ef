// One engine, many recipes: eligible candidates from SQL (the recipe's rules as conditions), scored
// by the recipe's features with the center's weights, explained per criterion in zh, en or bo.
// When the rules leave more than EXACT_LIMIT candidates, hybrid retrieval (vector kNN ∪ lexical)
// narrows them to the best RETRIEVE_K per channel before scoring.
import { and, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.ts';
import { idIn, textArray } from '../db/sql.ts';
import { resultRows } from '../db/errors.ts';
import { searchTerms } from './term-stats.ts';
import type { CandidateIndex } from './candidate-index.ts';
import { embeddedTables, type EmbeddedTable } from '../../models/embeddings/entities.ts';
import { withHubCorrection } from './hub.ts';
import { withTagShares } from './tag-stats.ts';
import { declaredOf, modelDistance, profileQuery, toProfile, vectorDistance } from './profile.ts';
import { readBest } from './best-first.ts';
import { say } from './text.ts';
import { blend, weightOf } from './tie-breakers.ts';
import type { MatchItem, Profile, Reason, ReasonLang, Recipe, Texts } from './types.ts';

export const EXACT_LIMIT = 2000;
export const RETRIEVE_K = 400;
/**
 * HNSW candidate list for the vector channel. pgvector's default (40) makes an iterative scan for
 * RETRIEVE_K filtered rows restart many small searches: 100–140 ms at 100k founders, 18 ms with 100.
 */
export const VECTOR_EF_SEARCH = 100;

export interface EngineContext {
  db: Db;
  model: string;
  lang: ReasonLang;
  /** In-memory retrieval (candidate-index.ts); absent, the candidates are narrowed in SQL. */
  index?: CandidateIndex;
}

export interface Scored {
  profile: Profile;
  score: number;
  contributions: { id: string; weight: number; value: number; detail: () => Texts }[];
}

/**
 * Scores one candidate: Σ weight·value over the features that apply, divided by their total weight,
 * in [0, 1]; tie-breakers share at most a small part of it (tie-breakers.ts). The contributions carry
 * the weight counted, so the explanation names what decided before what broke ties.
 */
export function scoreCandidate<S extends Profile>(
  recipe: Recipe<S>,
  weights: Record<string, number>,
  s: S,
  c: Profile,
): Scored {
  let fitSum = 0;
  let fitTotal = 0;
  let tieSum = 0;
  let tieTotal = 0;
  let fitWeight = 0;
  let tieWeight = 0;
  const contributions: Scored['contributions'] = [];
  const ties: boolean[] = [];
  for (const f of recipe.features) {
    const w = weightOf(f, weights);
    if (w <= 0) continue;
    if (f.tieBreaker) tieWeight += w;
    else fitWeight += w;
    const r = f.compute(s, c);
    if (!r) continue;
    if (f.tieBreaker) {
      tieSum += w * r.value;
      tieTotal += w;
    } else {
      fitSum += w * r.value;
      fitTotal += w;
    }
    contributions.push({ id: f.id, weight: w, value: r.value, detail: r.detail });
    ties.push(!!f.tieBreaker);
  }
  const k = blend(fitWeight, tieWeight, fitTotal, tieTotal);
  // The weight each contribution counts at in the score, so that explain orders them by it.
  for (let i = 0; i < contributions.length; i++) contributions[i].weight *= ties[i] ? k.tie : k.fit;
  const score = Math.round(Math.min(1, fitSum * k.fit + tieSum * k.tie) * 1e6) / 1e6;
  return { profile: c, score, contributions };
}

const isDefault = (w: Record<string, number>, defaults: Record<string, number>) =>
  Object.keys({ ...w, ...defaults }).every((k) => (w[k] ?? 0) === (defaults[k] ?? 0));

/** Best first; ties by id so results are stable. */
export const byScore = (a: Scored, b: Scored) => b.score - a.score || (a.profile.row.id < b.profile.row.id ? -1 : 1);

export async function runRecipe<S extends Profile>(
  ctx: EngineContext,
  recipe: Recipe<S>,
  source: S,
  opts: {
    limit: number;
    weights: Record<string, number>;
    scope?: SQL;
    /** Overrides EXACT_LIMIT, SINGLE_PASS_MAX_ROWS and RETRIEVE_K (tests and recall measurements choose the path). */
    exactLimit?: number;
    singlePassMaxRows?: number;
    retrieveK?: number;
  },
): Promise<{ items: MatchItem[]; candidates: number; read: number }> {
  // Generic and same-language candidates no longer lead on similarity alone (hub.ts).
  source = await withHubCorrection(ctx.db, source, embeddedTables[recipe.source], recipe.candidateTable, ctx.model);
  source = await withTagShares(ctx.db, source, recipe);
  const where = and(...recipe.rules.map((r) => r.where(source)).filter((x): x is SQL => !!x), opts.scope);
  const tuned = isDefault(opts.weights, recipe.defaultWeights) ? recipe.retrieval : undefined;
  const { scored, count, read } = await candidates(ctx, recipe, source, where, {
    exactLimit: opts.exactLimit ?? tuned?.exactLimit ?? EXACT_LIMIT,
    singlePassMaxRows: opts.singlePassMaxRows ?? SINGLE_PASS_MAX_ROWS,
    retrieveK: opts.retrieveK ?? tuned?.retrieveK ?? RETRIEVE_K,
    scoped: !!opts.scope,
    weights: opts.weights,
    limit: opts.limit,
  });
  scored.sort(byScore);
  return {
    // Candidates ranked, and how many of them SQL read back (fewer when the index's bounds spared some).
    candidates: count,
    read,
    items: scored.slice(0, opts.limit).map((s) => ({
      id: s.profile.row.id,
      score: s.score,
      reasons: explain(recipe, source, s, ctx.lang),
      ...recipe.summary(s.profile.row),
    })),
  };
}

/** Reads candidates as profiles against `source`, filtered by a condition (and at most `limit`). */
type CandidateQuery = (where: SQL | undefined, limit?: number) => Promise<Profile[]>;

/**
 * The eligible candidates, scored against `source`: all of them when at most `exactLimit` (exact
 * ranking), else the union of the two retrieval channels. A table of at most `exactLimit` rows is
 * read in one query. With an in-memory index (ctx.index), the channels rank the eligible rows there
 * and SQL reads back, best first, only the picks that may reach the top `limit` (readBest). Without one, a
 * mid-sized table (up to SINGLE_PASS_MAX_ROWS, e.g. mentors) is narrowed in one statement that
 * evaluates the rules once for the count and both channels. A large one is probed by id first, then
 * searched by its HNSW and GIN indexes.
 */
async function candidates<S extends Profile>(
  ctx: EngineContext,
  recipe: Recipe<S>,
  source: S,
  where: SQL | undefined,
  o: {
    exactLimit: number;
    singlePassMaxRows: number;
    retrieveK: number;
    scoped: boolean;
    weights: Record<string, number>;
    limit: number;
  },
): Promise<{ scored: Scored[]; count: number; read: number }> {
  const score = (c: Profile) => scoreCandidate(recipe, o.weights, source, c);
  // Picks of the index are read back best-first; the SQL paths read their candidates whole.
  if (ctx.index && Number.isFinite(o.exactLimit) && !o.scoped) {
    const picked = await narrowInMemory(ctx, ctx.index, recipe, source, o.exactLimit, o.retrieveK);
    if (picked)
      return picked.length
        ? readBest(ctx.db, recipe, ctx.model, source, picked, where, o.weights, o.limit, score)
        : { scored: [], count: 0, read: 0 };
  }
  const profiles = await inSql(ctx, recipe, source, where, o);
  return { scored: profiles.map(score), count: profiles.length, read: profiles.length };
}

/**
 * The index's picks: every eligible row when at most `exactLimit`, else the k nearest ∪ the k best
 * keyword matches. Null when the index does not hold the table (beyond its budget). The index applies
 * the recipe's rules in memory; a caller's scope is SQL only, so scoped calls narrow in SQL.
 */
async function narrowInMemory<S extends Profile>(
  ctx: EngineContext,
  index: CandidateIndex,
  recipe: Recipe<S>,
  source: S,
  exactLimit: number,
  k: number,
) {
  const t = recipe.candidateTable;
  if ((await tableSize(ctx.db, t)) <= exactLimit) return null; // one query reads them all
  const { keyed, excluded, ranged, admits } = indexRules(recipe, source);
  const words = searchable(await searchTerms(ctx.db, t, source.lexemes));
  return index.narrow(t, admits, {
    model: ctx.model,
    keyed,
    excluded,
    ranged,
    vector: source.vector,
    words,
    lexemes: source.lexemes,
    exactLimit,
    k,
  });
}

/** The eligible candidates as profiles, narrowed in SQL (see candidates). */
async function inSql<S extends Profile>(
  ctx: EngineContext,
  recipe: Recipe<S>,
  source: S,
  where: SQL | undefined,
  { exactLimit, singlePassMaxRows, retrieveK }: { exactLimit: number; singlePassMaxRows: number; retrieveK: number },
): Promise<Profile[]> {
  const t = recipe.candidateTable;
  const rows = profileQuery(ctx.db, t, recipe.candidateKind, ctx.model, recipe.computed, source);
  const query: CandidateQuery = async (w, limit) =>
    (await rows(w, limit)).map((r) => toProfile(r, declaredOf(recipe, r)));
  // exactLimit may be Infinity (exhaustive scoring, e.g. for recall measurements): no LIMIT then.
  const probeLimit = Number.isFinite(exactLimit) ? exactLimit + 1 : undefined;
  const size = await tableSize(ctx.db, t);
  if (size <= exactLimit) {
    const all = await query(where, probeLimit);
    if (all.length <= exactLimit) return all;
  }
  if (size > exactLimit && size <= singlePassMaxRows && probeLimit) {
    const ids = await singlePass(ctx, t, source, where, exactLimit, retrieveK);
    return ids.length ? query(idIn(t.id, ids)) : [];
  }
  if (size > exactLimit) {
    const probe = ctx.db.select({ id: t.id }).from(t).where(where);
    const ids = await (probeLimit ? probe.limit(probeLimit) : probe);
    if (ids.length <= exactLimit)
      return ids.length
        ? query(
            idIn(
              t.id,
              ids.map((r) => r.id as string),
            ),
          )
        : [];
  }
  return retrieve(ctx, recipe, source, where, query, retrieveK);
}

/**
 * The recipe's rules as the candidate index applies them for `source`: keyed rules as keys to look
 * up, excluding ones as ids to drop, ranged ones as numbers to compare, the others as checks of each
 * row (`lookUp: false`: every rule checked row by row, a test's reference). Live rules are left to
 * SQL (see Rule.live).
 */
export function indexRules<S extends Profile>(recipe: Recipe<S>, source: S, { lookUp = true } = {}) {
  const applying = recipe.rules.filter((r) => !r.live && r.where(source) !== null);
  const keyed = lookUp
    ? applying.flatMap((r) => (r.keyed ? [{ of: r.keyed.of, values: r.keyed.values(source) }] : []))
    : [];
  const excluded = lookUp ? applying.flatMap((r) => (r.excludes ? [r.excludes(source)] : [])) : [];
  const ranged = lookUp
    ? applying.flatMap((r) => (r.ranged ? [{ of: r.ranged.of, within: r.ranged.within(source) }] : []))
    : [];
  const checks = applying.filter((r) => !(lookUp && (r.keyed || r.excludes || r.ranged))).map((r) => r.check);
  const admits = checks.length
    ? (c: { row: Record<string, any> }) => {
        for (let i = 0; i < checks.length; i++) if (!checks[i](source, c as Profile)) return false;
        return true;
      }
    : null;
  return { keyed, excluded, ranged, admits };
}

/**
 * Up to this many rows, a candidate table is narrowed by one statement (singlePass) rather than a
 * probe and two indexed channels: each of those re-evaluates the rules over the table (~1 µs a row
 * and rule), which cost more than ranking the eligible rows in full. Above it, eligible sets can be
 * large enough that the HNSW index's early stop pays.
 */
export const SINGLE_PASS_MAX_ROWS = 50_000;

/**
 * Ids of the eligible rows when at most `exactLimit`, else of the `k` nearest ∪ the `k` best
 * keyword matches (`k`: RETRIEVE_K unless the recipe sets its own): the same sets as the probe and the two channels, from one
 * evaluation of the rules.
 */
async function singlePass(
  ctx: EngineContext,
  t: EmbeddedTable,
  source: Profile,
  where: SQL | undefined,
  exactLimit: number,
  k: number,
): Promise<string[]> {
  const distance = modelDistance(t, ctx.model, source.vector);
  const rank = keywordRank(t, await searchTerms(ctx.db, t, source.lexemes));
  const rows = resultRows<{ id: string }>(
    await ctx.db.execute(sql`
    with e as materialized (select ${t.id} as id, ${distance} as d, ${rank ? sql`nullif(${rank}, 0)` : sql`null::float8`} as r from ${t} where ${where ?? sql`true`})
    select id from e where (select count(*) from e) <= ${exactLimit}
    union (select id from e where d is not null order by d limit ${k})
    union (select id from e where r is not null order by r desc limit ${k})`),
  );
  return rows.map((r) => r.id);
}
/** Row counts of candidate tables, refreshed at most every SIZE_TTL_MS (only the exact/hybrid choice depends on it). */
const SIZE_TTL_MS = 30_000;
const sizes = new WeakMap<Db, Map<PgTable, { n: number; at: number }>>();
async function tableSize(db: Db, table: PgTable): Promise<number> {
  const perDb = sizes.get(db) ?? new Map<PgTable, { n: number; at: number }>();
  sizes.set(db, perDb);
  const hit = perDb.get(table);
  if (hit && Date.now() - hit.at < SIZE_TTL_MS) return hit.n;
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(table);
  perDb.set(table, { n, at: Date.now() });
  return n;
}

/**
 * Hybrid retrieval among eligible candidates: the `k` nearest vectors ∪ the `k` best keyword
 * matches. The channels run in parallel (on a server) and return ids only — ranking full
 * rows would compute every computed column of every keyword match before the sort — and one query
 * then reads the union's full rows.
 */
async function retrieve<S extends Profile>(
  ctx: EngineContext,
  recipe: Recipe<S>,
  source: S,
  where: SQL | undefined,
  query: CandidateQuery,
  k: number,
) {
  const t = recipe.candidateTable;
  const channels: Promise<{ id: unknown }[]>[] = [];
  if (source.vector) {
    const vector = source.vector;
    // Iterative scans keep walking the HNSW index until enough rows pass the eligibility filter
    // (pgvector ≥ 0.8), instead of returning too few.
    channels.push(
      ctx.db.transaction(async (tx) => {
        await tx.execute(sql`set local hnsw.iterative_scan = relaxed_order`);
        await tx.execute(sql.raw(`set local hnsw.ef_search = ${VECTOR_EF_SEARCH}`));
        return nearestIds(tx as unknown as Db, ctx, t, where, vector, k);
      }),
    );
  }
  const keywords = keywordIds(ctx.db, t, where, await searchTerms(ctx.db, t, source.lexemes), k);
  if (keywords) channels.push(keywords);
  const union = [...new Set((await Promise.all(channels)).flat().map((r) => r.id as string))];
  return union.length ? query(and(where, idIn(t.id, union))) : [];
}

/** The vector channel: ids of the eligible candidates nearest to `vector` (the table's per-model HNSW index serves the ORDER BY). */
export function nearestIds(
  on: Db,
  ctx: Pick<EngineContext, 'model'>,
  t: EmbeddedTable,
  where: SQL | undefined,
  vector: number[],
  k: number,
) {
  return on
    .select({ id: t.id })
    .from(t)
    .where(and(where, sql`${t.vectorModel} = ${ctx.model}`))
    .orderBy(vectorDistance(t, vector))
    .limit(k);
}

/**
 * The keyword channel: ids of the eligible candidates sharing the given words (see term-stats.ts),
 * best keywordRank first (the GIN index finds the rows sharing any word); null without words.
 */
export function keywordIds(on: Db, t: EmbeddedTable, where: SQL | undefined, terms: Iterable<string>, k: number) {
  const words = searchable(terms);
  if (!words.length) return null;
  const tsq = sql`to_tsquery('simple', ${words.map((w) => `'${w}'`).join(' | ')})`;
  return on
    .select({ id: t.id })
    .from(t)
    .where(and(where, sql`${t.keywords} @@ ${tsq}`))
    .orderBy(sql`${rankOn(t, words)} desc`)
    .limit(k);
}

/** The words as the keyword channel uses them: quotes and backslashes dropped (tsquery syntax), empty ones left out. */
const searchable = (terms: Iterable<string>) => [
  ...new Set([...terms].map((w) => w.replace(/['\\]/g, '')).filter(Boolean)),
];

/**
 * How well a row's keywords match the words, in SQL: the words it shares with them over the square
 * root of its keyword count — the lexical feature's cosine (features.ts) up to the source's
 * constant factor, so the channel retrieves the rows that feature ranks best. The shared words are
 * counted by merging the two tsvectors (|A ∩ B| = |A| + |B| − |A ∪ B|): ~1 µs a row, where
 * ts_rank took ~6 µs for a 50-word query and ranked by occurrences instead. Null without words.
 */
export function keywordRank(t: EmbeddedTable, terms: Iterable<string>): SQL<number> | null {
  const words = searchable(terms);
  return words.length ? rankOn(t, words) : null;
}

/** keywordRank's expression for words already made searchable (non-empty, distinct). */
function rankOn(t: EmbeddedTable, words: string[]): SQL<number> {
  const query = sql`array_to_tsvector(${textArray(words)})`;
  const shared = sql`(length(${t.keywords}) + ${words.length}::int - length(${t.keywords} || ${query}))`;
  return sql<number>`(${shared}::float8 / sqrt(greatest(${t.keywordCount}, 1)))`;
}

/** A reason in `lang`, or in Chinese saying so when the text has no translation (an empty one). */
function reason(code: string, texts: Texts, lang: ReasonLang): Reason {
  return lang === 'zh' || texts[lang].trim() ? { code, text: texts[lang] } : { code, text: texts.zh, lang: 'zh' };
}

const COLD_START = say(
  '语义向量尚未生成，暂按关键词与规则匹配',
  'Semantic vector not ready yet: matched on keywords and rules',
  'དོན་གྱི་ཕྱོགས་ཚད་ད་དུང་བཟོས་མེད། གནས་སྐབས་གནད་ཚིག་དང་སྒྲིག་གཞི་ལ་གཞིགས་ནས་ཟུང་སྒྲིག་བྱས',
);
const ELIGIBLE = say('符合硬性条件：', 'Meets the hard rules: ', 'ངེས་པར་དགོས་པའི་ཆ་རྐྱེན་ཚང་བ: ');
const RULE_SEPARATOR = say('；', '; ', '། ');

/** The top contributions, the recognised topics, the cold-start note and the rules passed, in one language. */
export function explain<S extends Profile>(recipe: Recipe<S>, source: S, s: Scored, lang: ReasonLang): Reason[] {
  const reasons: Reason[] = s.contributions
    .filter((c) => c.value > 0)
    .sort((a, b) => b.weight * b.value - a.weight * a.value)
    .filter((c, k) => k < 4 || recipe.features.some((f) => f.id === c.id && f.alwaysExplained))
    .map((c) => reason(c.id, c.detail(), lang));
  for (const n of recipe.notes?.(source, s.profile) ?? []) reasons.push(reason('inferred', n, lang));
  if (!source.vector || !(s.profile.vector || s.profile.pair?.similarity != null))
    reasons.push(reason('cold_start', COLD_START, lang));
  const rules = recipe.rules.filter((r) => r.where(source) !== null).map((r) => r.text);
  if (rules.length) {
    // One language for the whole sentence: Chinese when one of the rules has no translation.
    const of = (l: ReasonLang) => ELIGIBLE[l] + rules.map((t) => t[l]).join(RULE_SEPARATOR[l]);
    const complete = rules.every((t) => t[lang].trim());
    reasons.push(complete ? { code: 'eligible', text: of(lang) } : { code: 'eligible', text: of('zh'), lang: 'zh' });
  }
  return reasons;
}
