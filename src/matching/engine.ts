// One engine, many recipes: eligible candidates from SQL (the recipe's rules as conditions), scored
// by the recipe's features with the center's weights, explained per criterion in zh or en.
// When the rules leave more than EXACT_LIMIT candidates, hybrid retrieval (vector kNN ∪ lexical)
// narrows them to the best RETRIEVE_K per channel before scoring.
import { and, inArray, sql, type SQL } from 'drizzle-orm';
import { embeddingsTable } from '../../models/schema.ts';
import type { Db } from '../db/client.ts';
import { profileQuery, toProfile } from './profile.ts';
import { bi } from './text.ts';
import type { Bilingual, Lang, MatchItem, Profile, Reason, Recipe } from './types.ts';

export const EXACT_LIMIT = 2000;
export const RETRIEVE_K = 400;

export interface EngineContext {
  db: Db;
  model: string;
  dimensions: number;
  lang: Lang;
}

export interface Scored {
  profile: Profile;
  score: number;
  contributions: { id: string; weight: number; value: number; detail: Bilingual }[];
}

/** Scores one candidate: Σ weight·value over the features that apply, divided by their total weight. */
export function scoreCandidate<S extends Profile>(recipe: Recipe<S>, weights: Record<string, number>, s: S, c: Profile): Scored {
  let sum = 0;
  let total = 0;
  const contributions: Scored['contributions'] = [];
  for (const f of recipe.features) {
    const w = weights[f.id] ?? 0;
    if (w <= 0) continue;
    const r = f.compute(s, c);
    if (!r) continue;
    sum += w * r.value;
    total += w;
    contributions.push({ id: f.id, weight: w, value: r.value, detail: r.detail });
  }
  const score = total ? Math.round((sum / total) * 1e6) / 1e6 : 0;
  return { profile: c, score, contributions };
}

/** Best first; ties by id so results are stable. */
export const byScore = (a: Scored, b: Scored) => b.score - a.score || (a.profile.row.id < b.profile.row.id ? -1 : 1);

export async function runRecipe<S extends Profile>(
  ctx: EngineContext,
  recipe: Recipe<S>,
  source: S,
  opts: { limit: number; weights: Record<string, number>; scope?: SQL; declared: { topics?: string; sectors?: string }; exactLimit?: number },
): Promise<{ items: MatchItem[]; candidates: number }> {
  const exactLimit = opts.exactLimit ?? EXACT_LIMIT;
  const where = and(...recipe.rules.map((r) => r.where(source)).filter((x): x is SQL => !!x), opts.scope);
  const query = profileQuery(ctx.db, recipe.candidateTable, recipe.candidateKind, ctx.model, recipe.computed);
  let rows = await query(where, exactLimit + 1);
  if (rows.length > exactLimit) {
    const ids = await retrieve(ctx, recipe, source, where);
    rows = await query(and(where, inArray(recipe.candidateTable.id, ids)));
  }
  const declared = (row: Record<string, any>) => ({
    topics: opts.declared.topics ? [].concat(row[opts.declared.topics] ?? []) : [],
    sectors: opts.declared.sectors ? [].concat(row[opts.declared.sectors] ?? []) : [],
  });
  const scored = rows.map((r) => scoreCandidate(recipe, opts.weights, source, toProfile(r, declared(r)))).sort(byScore);
  return {
    candidates: rows.length,
    items: scored.slice(0, opts.limit).map((s) => ({
      id: s.profile.row.id,
      score: s.score,
      reasons: explain(recipe, source, s, ctx.lang),
      ...recipe.summary(s.profile.row),
    })),
  };
}

/** Hybrid retrieval among eligible candidates: the RETRIEVE_K nearest vectors ∪ the RETRIEVE_K best keyword matches. */
async function retrieve<S extends Profile>(ctx: EngineContext, recipe: Recipe<S>, source: S, where: SQL | undefined): Promise<string[]> {
  const e = embeddingsTable;
  const t = recipe.candidateTable;
  const ids = new Set<string>();
  const base = () =>
    ctx.db
      .select({ id: t.id })
      .from(t)
      .innerJoin(e, sql`${e.entityKind} = ${recipe.candidateKind} and ${e.entityId} = ${t.id}`);
  if (source.vector) {
    const q = `[${source.vector.join(',')}]`;
    const dims = sql.raw(String(ctx.dimensions));
    // The per-(model, kind) HNSW index serves this ORDER BY; iterative scans keep going until
    // enough rows pass the eligibility filter (pgvector ≥ 0.8), instead of returning too few.
    const knn = await ctx.db.transaction(async (tx) => {
      await tx.execute(sql`set local hnsw.iterative_scan = relaxed_order`);
      return tx
        .select({ id: t.id })
        .from(t)
        .innerJoin(e, sql`${e.entityKind} = ${recipe.candidateKind} and ${e.entityId} = ${t.id}`)
        .where(and(where, sql`${e.model} = ${ctx.model}`))
        .orderBy(sql`(${e.embedding}::vector(${dims})) <=> ${q}::vector(${dims})`)
        .limit(RETRIEVE_K);
    });
    for (const r of knn) ids.add(r.id as string);
  }
  if (source.lexemes.size) {
    const query = [...source.lexemes].map((w) => `'${w.replace(/['\\]/g, '')}'`).filter((w) => w.length > 2).join(' | ');
    if (query) {
      const tsq = sql`to_tsquery('simple', ${query})`;
      const lex = await base()
        .where(and(where, sql`${e.lexical} @@ ${tsq}`))
        .orderBy(sql`ts_rank(${e.lexical}, ${tsq}) desc`)
        .limit(RETRIEVE_K);
      for (const r of lex) ids.add(r.id as string);
    }
  }
  return [...ids];
}

/** The top contributions, the recognised topics, the cold-start note and the rules passed, in one language. */
export function explain<S extends Profile>(recipe: Recipe<S>, source: S, s: Scored, lang: Lang): Reason[] {
  const reasons: Reason[] = s.contributions
    .filter((c) => c.value > 0)
    .sort((a, b) => b.weight * b.value - a.weight * a.value)
    .slice(0, 4)
    .map((c) => ({ code: c.id, text: c.detail[lang] }));
  for (const n of recipe.notes?.(source, s.profile) ?? []) reasons.push({ code: 'inferred', text: n[lang] });
  if (!source.vector || !s.profile.vector) {
    const note = bi('语义向量尚未生成，暂按关键词与规则匹配', 'Semantic vector not ready yet: matched on keywords and rules');
    reasons.push({ code: 'cold_start', text: note[lang] });
  }
  const rules = recipe.rules.filter((r) => r.where(source) !== null).map((r) => r.text[lang]);
  if (rules.length) reasons.push({ code: 'eligible', text: (lang === 'zh' ? '符合硬性条件：' : 'Meets the hard rules: ') + rules.join(lang === 'zh' ? '；' : '; ') });
  return reasons;
}
