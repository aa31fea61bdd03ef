// One HNSW index per (model, entity kind) on the kind's own table, over the expression
// `vector::vector(<dims>)` and partial on that model: vectors of several sizes share one column, and
// switching models is a re-embed plus a new index, not a schema change.
import { createHash } from 'node:crypto';
import { getTableName, sql } from 'drizzle-orm';
import { EMBEDDED_KINDS, type EmbeddedKind } from '../../models/embeddings/table.ts';
import { embeddedTables } from '../../models/embeddings/entities.ts';
import type { Db } from '../db/client.ts';
import { pgErrorCode, resultRows } from '../db/errors.ts';

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;
export const vectorIndexName = (model: string, kind: string) =>
  `${kind}_vector_hnsw_${createHash('sha1').update(model).digest('hex').slice(0, 10)}`;

export interface IndexOptions {
  /**
   * Only kinds with at least this many vectors of the model get an index: below it an exact scan is
   * fast and exact, and maintaining HNSW would only slow every write (on PGlite, inserting into HNSW
   * costs several times the bundled model's embedding call).
   */
  minRows?: number;
  kinds?: readonly string[];
}

export async function ensureVectorIndexes(
  db: Db,
  model: string,
  dimensions: number,
  opts: IndexOptions = {},
): Promise<void> {
  if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > 16000)
    throw new Error(`bad vector dimension ${dimensions}`);
  let kinds = opts.kinds ?? EMBEDDED_KINDS;
  if (opts.minRows) {
    const counts = resultRows<{ kind: string; n: number }>(
      await db.execute(sql`
      select entity_kind as kind, count(*)::int as n from embeddings
      where model = ${model} and status = 'ready' group by entity_kind`),
    );
    kinds = kinds.filter((k) => (counts.find((c) => c.kind === k)?.n ?? 0) >= opts.minRows!);
  }
  for (const kind of kinds) {
    const table = getTableName(embeddedTables[kind as EmbeddedKind]);
    const statement = `create index if not exists ${vectorIndexName(model, kind)} on ${table}
      using hnsw ((vector::vector(${dimensions})) vector_cosine_ops)
      where vector_model = ${literal(model)}`;
    try {
      await db.execute(sql.raw(statement));
    } catch (e) {
      // Another process created it at the same moment.
      if (pgErrorCode(e) !== '42P07' && pgErrorCode(e) !== '23505') throw e;
    }
  }
}

/**
 * Drops a kind's index for a bulk load; `ensureVectorIndexes` rebuilds it afterwards (and at every
 * start, should the process die in between). Queries meanwhile fall back to an exact scan.
 */
export async function dropVectorIndex(db: Db, model: string, kind: string): Promise<void> {
  await db.execute(sql.raw(`drop index if exists ${vectorIndexName(model, kind)}`));
}

/** Creates an index once its kind crosses the threshold: re-checks after every `every` embedded rows. */
export function vectorIndexKeeper(db: Db, model: string, dimensions: number, minRows: number, every = 1000) {
  let since = 0;
  return {
    async note(embedded: number): Promise<void> {
      since += embedded;
      if (since < every) return;
      since = 0;
      await ensureVectorIndexes(db, model, dimensions, { minRows });
    },
  };
}
export type VectorIndexKeeper = ReturnType<typeof vectorIndexKeeper>;
