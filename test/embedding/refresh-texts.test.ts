// After a change to how texts are built, `npm run reindex` re-derives hashes and keywords through the
// write path (jobs/embeddings/refresh-texts.ts), so that the re-embed completes; a second run is a no-op.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { embeddingsTable, mentorsTable } from '../../models/schema.ts';
import { generate } from '../../bench/gen.ts';
import { drainBacklog } from '../../jobs/embeddings/backlog.ts';
import { refreshTexts } from '../../jobs/embeddings/refresh-texts.ts';
import { resultRows } from '../../src/db/errors.ts';
import { lexicalDocument } from '../../src/embedding/lexical.ts';
import { entityText } from '../../src/embedding/texts.ts';
import { contentHash } from '../../src/resources/embedding-hooks.ts';
import { startTestApp, type TestApp } from '../harness.ts';

describe('refresh texts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await generate(t.db, {
      projects: 3,
      founders: 3,
      mentors: 12,
      investors: 1,
      trainings: 1,
      services: 1,
      centers: 1,
      seed: 5,
      batchSize: 50,
    });
    await drainBacklog(t.db, t.service.embedder, { batchSize: 64, indexMinRows: 0 });
  }, 120_000);
  afterAll(() => t?.close());

  it('rows stored from an older text become pending with the current hash and keywords, then embed', async () => {
    expect(await refreshTexts(t.db, ['mentor'])).toEqual({ mentor: [] }); // nothing changed yet
    // As a row written before the text changed: another hash, other keywords.
    await t.db.execute(sql`update embeddings set content_hash = 'old' where entity_kind = 'mentor'`);
    await t.db.execute(sql`update mentors set keywords = to_tsvector('simple', 'old words')`);
    const pending = await refreshTexts(t.db, ['mentor'], 5); // pages of 5
    const mentors = await t.db.select().from(mentorsTable);
    expect(pending.mentor.sort()).toEqual(mentors.map((m) => m.id).sort());
    const hashes = new Map(
      (await t.db.select().from(embeddingsTable).where(eq(embeddingsTable.entityKind, 'mentor'))).map((e) => [
        e.entityId,
        e,
      ]),
    );
    for (const m of mentors) {
      expect(hashes.get(m.id)!.contentHash).toBe(contentHash(entityText('mentor', m)));
      expect(hashes.get(m.id)!.status).toBe('pending');
    }
    const words = resultRows<{ id: string; w: string[] }>(
      await t.db.execute(sql`select id, tsvector_to_array(keywords) as w from mentors`),
    );
    for (const r of words) {
      const m = mentors.find((x) => x.id === r.id)!;
      expect(r.w).not.toContain('old');
      expect(new Set(r.w)).toEqual(
        new Set(
          lexicalDocument(entityText('mentor', m))
            .split(' ')
            .flatMap((x) => [x, ...x.split('-')]),
        ),
      );
    }
    const { embedded } = await drainBacklog(t.db, t.service.embedder, { batchSize: 64, indexMinRows: 0 });
    expect(embedded).toBe(mentors.length);
    expect(await refreshTexts(t.db, ['mentor'])).toEqual({ mentor: [] });
  });
});
