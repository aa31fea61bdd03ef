// How resource writes hand work to the embedding pipeline: the row is marked `pending` in the
// writing transaction (so nothing is lost if the process dies), then scheduled after commit.
import { createHash } from 'node:crypto';
import { asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { embeddingsTable } from '../../models/schema.ts';
import type { EmbeddedKind } from '../../models/embeddings/table.ts';
import { embeddedTables, type EmbeddedTable } from '../../models/embeddings/entities.ts';
import { entityProse, entityText, TEXT_FIELDS } from '../embedding/texts.ts';
import { lexicalDocument } from '../embedding/lexical.ts';
import { inferSectors, inferTopics } from '../matching/infer.ts';
import { foundersOfProjects, withLinkedProjects } from '../matching/linked-profile.ts';
import type { Row, Tx } from './types.ts';

export interface EmbeddingHooks {
  /**
   * Marks the entity pending when its text changed; true when it did. A project also re-marks the
   * founders whose text it is part of (its founders now, and `before`'s when given): true when any changed.
   */
  markPending(tx: Tx, kind: EmbeddedKind, record: Row, before?: Row | null): Promise<boolean>;
  /** markPending for many new or changed records of one kind at once (bulk imports); the ids marked. */
  markPendingMany?(tx: Tx, kind: EmbeddedKind, records: Row[]): Promise<string[]>;
  /**
   * After an entity was deleted in `tx`: a deleted project re-marks the founders it was part of (left
   * pending for the queue's next drain or the reconciler). Returns the ids marked.
   */
  removed?(tx: Tx, kind: EmbeddedKind, before: Row): Promise<string[]>;
  /** Called after commit with the entities marked pending (and, for projects, the founders they re-marked). */
  schedule(kind: EmbeddedKind, ids: string[]): void;
}

export const contentHash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

export function embeddingHooks(schedule: (kind: EmbeddedKind, ids: string[]) => void = () => {}): EmbeddingHooks {
  // Founders re-marked by a project write, scheduled with that project once its transaction committed
  // (an entry of a rolled-back write is replaced by the project's next write).
  const foundersOf = new Map<string, string[]>();
  return {
    async markPending(tx, kind, record, before) {
      if (kind === 'founder') [record] = await withLinkedProjects(tx, [record]);
      const own = await markOne(tx, kind, record);
      if (kind !== 'project') return own;
      const founders = await remarkFounders(tx, [record.id], before?.founderIds ?? []);
      if (founders.length) foundersOf.set(record.id, founders);
      return own || founders.length > 0;
    },
    async markPendingMany(tx, kind, records) {
      if (kind === 'founder') records = await withLinkedProjects(tx, records);
      const marked = await markMany(tx, kind, records);
      if (kind !== 'project' || !records.length) return marked;
      const founders = await remarkFounders(
        tx,
        records.map((r) => r.id as string),
        [],
      );
      if (!founders.length) return marked;
      // One project of the batch carries them to schedule().
      const carrier = records[0].id as string;
      foundersOf.set(carrier, founders);
      return [...new Set([...marked, carrier])];
    },
    async removed(tx, kind, before) {
      return kind === 'project' ? remarkFounders(tx, [], before.founderIds ?? []) : [];
    },
    schedule(kind, ids) {
      schedule(kind, ids);
      if (kind !== 'project') return;
      const founders = new Set<string>();
      for (const id of ids) {
        for (const f of foundersOf.get(id) ?? []) founders.add(f);
        foundersOf.delete(id);
      }
      if (founders.size) schedule('founder', [...founders]);
    },
  };
}

/**
 * Re-marks the founders of these projects (and the founders `also`) whose text (their projects
 * included) changed; the ids marked. For writes that change a project's members outside the project
 * resource (an accepted invitation): the reconciler embeds what is left pending without a schedule.
 */
export async function remarkFounders(tx: Tx, projectIds: string[], also: string[] = []): Promise<string[]> {
  const ids = [...new Set([...(await foundersOfProjects(tx, projectIds)), ...also])];
  if (!ids.length) return [];
  const f = embeddedTables.founder;
  const columns = Object.fromEntries(TEXT_FIELDS.founder.map((c) => [c, f[c]]));
  const rows = await tx
    .select({ id: f.id, ...columns })
    .from(f)
    .where(inArray(f.id, ids));
  return markMany(tx, 'founder', await withLinkedProjects(tx, rows));
}

/**
 * Re-marks every founder whose text changed, `batch` founders a transaction: after an upgrade that
 * changed how a founder's text is built (its projects included), the stored hashes are of the old
 * text, and a reindex alone (which keeps them) would leave those founders pending for good.
 */
export async function remarkAllFounders(db: Db, batch = 1000): Promise<number> {
  const f = embeddedTables.founder;
  let marked = 0;
  for (let after = ''; ; ) {
    const ids = (
      await db
        .select({ id: f.id })
        .from(f)
        .where(after ? gt(f.id, after) : undefined)
        .orderBy(asc(f.id))
        .limit(batch)
    ).map((r) => r.id);
    if (!ids.length) return marked;
    marked += (await db.transaction((tx) => remarkFounders(tx, [], ids))).length;
    after = ids[ids.length - 1];
  }
}

/** Marks one entity pending when its text changed; true when it did. */
async function markOne(tx: Tx, kind: EmbeddedKind, record: Row): Promise<boolean> {
  const text = entityText(kind, record);
  const hash = contentHash(text);
  // Inference and the keyword form are cheap and deterministic: done here, so matching never
  // waits for the queue (a pending entity is matched on keywords and rules).
  const prose = entityProse(kind, record);
  const inferred = { inferredTopics: inferTopics(prose), inferredSectors: inferSectors(prose) };
  const rows = await tx
    .insert(embeddingsTable)
    .values({ entityKind: kind, entityId: record.id, status: 'pending', contentHash: hash, ...inferred })
    .onConflictDoUpdate({
      target: [embeddingsTable.entityKind, embeddingsTable.entityId],
      set: { status: 'pending', contentHash: hash, attempts: 0, error: null, updatedAt: new Date(), ...inferred },
      where: sql`${embeddingsTable.contentHash} <> ${hash}`,
    })
    .returning({ id: embeddingsTable.entityId });
  if (!rows.length) return false;
  // The keyword form goes with the entity's row, where the keyword channel searches it. The
  // vector stays until the job replaces it: a slightly stale vector ranks better than none.
  const table: EmbeddedTable = embeddedTables[kind];
  await tx
    .update(table)
    .set({ keywords: sql`to_tsvector('simple', ${lexicalDocument(text)})` })
    .where(eq(table.id, record.id));
  return true;
}

/** The same as markOne, in two statements for the whole batch; the ids marked. */
async function markMany(tx: Tx, kind: EmbeddedKind, records: Row[]): Promise<string[]> {
  if (!records.length) return [];
  const items = records.map((r) => {
    const text = entityText(kind, r);
    const prose = entityProse(kind, r);
    return {
      id: r.id as string,
      hash: contentHash(text),
      inferredTopics: inferTopics(prose),
      inferredSectors: inferSectors(prose),
      doc: lexicalDocument(text),
    };
  });
  const rows = await tx
    .insert(embeddingsTable)
    .values(
      items.map((i) => ({
        entityKind: kind,
        entityId: i.id,
        status: 'pending' as const,
        contentHash: i.hash,
        inferredTopics: i.inferredTopics,
        inferredSectors: i.inferredSectors,
      })),
    )
    .onConflictDoUpdate({
      target: [embeddingsTable.entityKind, embeddingsTable.entityId],
      set: {
        status: 'pending',
        contentHash: sql`excluded.content_hash`,
        attempts: 0,
        error: null,
        updatedAt: new Date(),
        inferredTopics: sql`excluded.inferred_topics`,
        inferredSectors: sql`excluded.inferred_sectors`,
      },
      where: sql`${embeddingsTable.contentHash} <> excluded.content_hash`,
    })
    .returning({ id: embeddingsTable.entityId });
  const marked = new Set(rows.map((r) => r.id));
  const docs = items.filter((i) => marked.has(i.id)).map((i) => ({ id: i.id, doc: i.doc }));
  if (docs.length) {
    const table: EmbeddedTable = embeddedTables[kind];
    await tx.execute(sql`update ${table} as t set keywords = to_tsvector('simple', r.doc)
      from json_to_recordset(${JSON.stringify(docs)}::json) as r(id uuid, doc text) where t.id = r.id`);
  }
  return [...marked];
}
