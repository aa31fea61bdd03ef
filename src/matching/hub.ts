// Hub correction of the semantic channel. A generic text ("we help every kind of business grow") is
// similar to every source, and texts in the sources' own language are closer to all of them than
// texts in another: raw cosine lets such candidates lead. Each candidate's similarity is corrected by
// its mean similarity to a reference sample of sources (CSLS-like):
//
//   corrected(s, c) = s·c − β (c·m_S − m_C·m_S)
//
// m_S, m_C: mean unit vectors of the source and candidate kinds (m_C·m_S keeps an average candidate
// at its raw level). Since c·m_S is linear in c, the correction is the source vector moved once per
// call, q = s − β m_S, and corrected = cos(c, q)·|q| + β m_C·m_S: both ranking paths (SQL and the
// candidate index) compare candidates with q as they compared them with s, and no per-row statistic
// is stored. The means are read once per table and model, and refreshed every few minutes.
import { getTableName, sql } from 'drizzle-orm';
import type { EmbeddedTable } from '../../models/embeddings/entities.ts';
import type { Db } from '../db/client.ts';
import { resultRows } from '../db/errors.ts';
import type { Profile } from './types.ts';

/** β: the share of a candidate's mean similarity to the sources taken off its similarity (all of it). */
export const HUB_WEIGHT = 1;
/** Rows a mean is taken over (the first by id: a fixed sample, not the whole table at 100k rows). */
export const REFERENCE_SAMPLE = 1000;
/** Below this many vectors a mean says more about the few rows than about the kind: no correction. */
export const MIN_REFERENCE = 20;

const TTL_MS = 10 * 60_000;
type Mean = number[] | null;
const cache = new WeakMap<Db, Map<string, { at: number; mean: Promise<Mean> }>>();

/** The mean of up to REFERENCE_SAMPLE vectors of `model` in `table` (uncached); null below MIN_REFERENCE. */
export async function loadMeanVector(db: Db, table: EmbeddedTable, model: string, dims: number): Promise<Mean> {
  const d = sql.raw(String(dims));
  const [row] = resultRows<{ mean: string | null; n: number }>(
    await db.execute(sql`
    select avg(v)::text as mean, count(*)::int as n from (
      select ${table.vector}::vector(${d}) as v from ${table}
      where ${table.vectorModel} = ${model} order by ${table.id} limit ${REFERENCE_SAMPLE}) x`),
  );
  if (!row?.mean || Number(row.n) < MIN_REFERENCE) return null;
  return JSON.parse(row.mean) as number[];
}

/** loadMeanVector, cached for TTL_MS per database, table and model (a failed read: no correction). */
export function meanVector(db: Db, table: EmbeddedTable, model: string, dims: number): Promise<Mean> {
  const key = `${getTableName(table)}\u0000${model}\u0000${dims}`;
  const perDb = cache.get(db) ?? new Map();
  cache.set(db, perDb);
  const hit = perDb.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.mean;
  const mean = loadMeanVector(db, table, model, dims).catch(() => null);
  perDb.set(key, { at: Date.now(), mean });
  return mean;
}

const dot = (a: readonly number[], b: readonly number[]) => {
  let x = 0;
  for (let i = 0; i < a.length; i++) x += a[i] * b[i];
  return x;
};

/**
 * The source with its vector moved off the sources' mean (q = s − β m_S) and the scale and offset
 * that turn cos(c, q) into the corrected similarity. Unchanged without a vector or either mean.
 */
export function hubCorrected<S extends Profile>(
  source: S,
  sourceMean: Mean,
  candidateMean: Mean,
  beta = HUB_WEIGHT,
): S {
  const s = source.vector;
  if (!s || !sourceMean || !candidateMean || sourceMean.length !== s.length || candidateMean.length !== s.length)
    return source;
  const q = s.map((x, i) => x - beta * sourceMean[i]);
  const norm = Math.sqrt(dot(q, q));
  if (!(norm > 1e-9)) return source;
  return { ...source, vector: q, similarityScale: { scale: norm, offset: beta * dot(candidateMean, sourceMean) } };
}

/** hubCorrected with the means of the source's and the candidates' tables (cached). */
export async function withHubCorrection<S extends Profile>(
  db: Db,
  source: S,
  sourceTable: EmbeddedTable,
  candidateTable: EmbeddedTable,
  model: string,
): Promise<S> {
  if (!source.vector || source.similarityScale) return source;
  const dims = source.vector.length;
  const [ms, mc] = await Promise.all([
    meanVector(db, sourceTable, model, dims),
    meanVector(db, candidateTable, model, dims),
  ]);
  return hubCorrected(source, ms, mc);
}

/** A similarity as the semantic feature reads it: corrected when the source carries a scale. */
export const correctedSimilarity = (s: Profile, similarity: number) =>
  s.similarityScale ? similarity * s.similarityScale.scale + s.similarityScale.offset : similarity;
