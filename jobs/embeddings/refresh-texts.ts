// After a change to how texts are built (src/embedding/texts.ts, lexical.ts), the stored content
// hashes and keywords are those of the old texts, and a re-embed would never complete (the job
// completes only rows still holding the hash of the text it embedded). This re-derives them through
// the write path: rows whose text changed become pending with the new hash, keywords and inferred
// topics (markPendingMany); rows whose text is the same get their keywords rewritten when the
// tokeniser now reads them otherwise. Idempotent: a second run changes nothing.
import { asc, gt, sql } from 'drizzle-orm';
import { embeddedTables } from '../../models/embeddings/entities.ts';
import { EMBEDDED_KINDS, type EmbeddedKind } from '../../models/embeddings/table.ts';
import type { Db } from '../../src/db/client.ts';
import { lexicalDocument } from '../../src/embedding/lexical.ts';
import { entityText, TEXT_FIELDS } from '../../src/embedding/texts.ts';
import { embeddingHooks } from '../../src/resources/embedding-hooks.ts';

/** Refreshes every row of `kinds`, a page at a time; the ids now pending (to embed) per kind. */
export async function refreshTexts(
  db: Db,
  kinds: readonly EmbeddedKind[] = EMBEDDED_KINDS,
  pageSize = 1000,
): Promise<Record<string, string[]>> {
  const hooks = embeddingHooks();
  const pending: Record<string, string[]> = {};
  for (const kind of kinds) {
    const table: any = embeddedTables[kind];
    const fields = Object.fromEntries(TEXT_FIELDS[kind].map((f) => [f, table[f]]));
    pending[kind] = [];
    let after: string | null = null;
    for (;;) {
      const rows: Record<string, any>[] = await db
        .select({ id: table.id, ...fields })
        .from(table)
        .where(after ? gt(table.id, after) : undefined)
        .orderBy(asc(table.id))
        .limit(pageSize);
      if (!rows.length) break;
      after = rows[rows.length - 1].id;
      await db.transaction(async (tx) => {
        pending[kind].push(...(await hooks.markPendingMany!(tx, kind, rows)));
        const docs = rows.map((r) => ({ id: r.id, doc: lexicalDocument(entityText(kind, r)) }));
        await tx.execute(sql`update ${table} as t set keywords = to_tsvector('simple', r.doc)
          from json_to_recordset(${JSON.stringify(docs)}::json) as r(id uuid, doc text)
          where t.id = r.id and t.keywords is distinct from to_tsvector('simple', r.doc)`);
      });
    }
  }
  return pending;
}
