// One HNSW index per (model, entity kind), over the expression `embedding::vector(<dims>)` and
// partial on that model: vectors of several sizes share one column, and switching models is a
// re-embed plus a new index, not a schema change.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { EMBEDDED_KINDS } from '../../models/embeddings/table.ts';
import type { Db } from '../db/client.ts';
import { pgErrorCode } from '../db/errors.ts';

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;
export const vectorIndexName = (model: string, kind: string) =>
  `embeddings_hnsw_${kind}_${createHash('sha1').update(model).digest('hex').slice(0, 10)}`;

export async function ensureVectorIndexes(db: Db, model: string, dimensions: number): Promise<void> {
  if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > 16000) throw new Error(`bad vector dimension ${dimensions}`);
  for (const kind of EMBEDDED_KINDS) {
    const statement = `create index if not exists ${vectorIndexName(model, kind)} on embeddings
      using hnsw ((embedding::vector(${dimensions})) vector_cosine_ops)
      where model = ${literal(model)} and entity_kind = ${literal(kind)}`;
    try {
      await db.execute(sql.raw(statement));
    } catch (e) {
      // Another process created it at the same moment.
      if (pgErrorCode(e) !== '42P07' && pgErrorCode(e) !== '23505') throw e;
    }
  }
}
