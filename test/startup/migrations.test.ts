// Upgrading a database that holds data: migration 0005 moves each entity's vector and keyword form
// from `embeddings` into the entity's own row. A database migrated up to 0004 with embedded rows must
// come out with every vector, model and keyword form in place and nothing else changed (and, from
// 0008, with each row's keyword count; from 0009, with each project's founder groups).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { resultRows } from '../../src/db/errors.ts';
import { migrateDatabase, migrationsFolder } from '../../src/db/migrate.ts';
import { uuidv7 } from '../../models/common/uuid.ts';
import { openTestDatabase } from '../harness.ts';

/** A copy of the migrations folder holding the first `n` migrations only. */
function migrationsUpTo(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'scm-migrations-'));
  cpSync(migrationsFolder, dir, { recursive: true });
  const journalPath = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
  journal.entries = journal.entries.slice(0, n);
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

describe('migrations on a database with data', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of cleanup.reverse()) await c();
  });

  it('0005 moves vectors and keywords into the entity rows; 0008 counts their keywords; 0009 copies founder groups', async () => {
    const { database, drop } = await openTestDatabase({ empty: true });
    cleanup.push(drop);
    const old = migrationsUpTo(5);
    cleanup.push(() => rmSync(old, { recursive: true, force: true }));
    const db = database.db;
    await migrateDatabase(database, old);

    const [embedded, pendingOne, noRow] = [uuidv7(), uuidv7(), uuidv7()];
    await db.execute(
      sql`insert into regions (code, name_zh, name_en, level) values ('540100', '拉萨市', 'Lhasa', 'prefecture')`,
    );
    for (const id of [embedded, pendingOne, noRow]) {
      await db.execute(sql`insert into mentors (id, name, bio, expertise, sectors, languages, region_code, capacity)
        values (${id}, '导师', '牦牛酸奶电商', '{}', '{}', '{zh}', '540100', 2)`);
    }
    await db.execute(sql`insert into embeddings (entity_kind, entity_id, status, content_hash, model, dimensions, embedding, lexical)
      values ('mentor', ${embedded}, 'ready', 'h1', 'm-3', 3, '[0.6,0.8,0]', to_tsvector('simple', '牦牛 酸奶')),
             ('mentor', ${pendingOne}, 'pending', 'h2', null, null, null, to_tsvector('simple', '电商'))`);

    // A project with founders, for 0009's copy of their groups.
    const [founderId, projectId] = [uuidv7(), uuidv7()];
    await db.execute(
      sql`insert into founders (id, name, groups, region_code, languages) values (${founderId}, '创业者', '{student,graduate}', '540100', '{zh}')`,
    );
    await db.execute(sql`insert into projects (id, title, description, sector, stage, region_code, needs, languages)
      values (${projectId}, '项目', '牦牛酸奶', 'plateau_biology', 'prototype', '540100', '{}', '{zh}')`);
    await db.execute(sql`insert into project_founders (project_id, founder_id) values (${projectId}, ${founderId})`);

    await migrateDatabase(database);

    const rows = resultRows<{
      id: string;
      vector: string | null;
      vector_model: string | null;
      words: string[] | string | null;
    }>(
      await db.execute(sql`
      select id, vector::text as vector, vector_model, tsvector_to_array(keywords) as words from mentors order by id`),
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const words = (id: string) => [].concat((byId.get(id)!.words as never) ?? []).join(' ');
    expect(byId.get(embedded)).toMatchObject({ vector: '[0.6,0.8,0]', vector_model: 'm-3' });
    expect(words(embedded)).toMatch(/牦牛/);
    expect(byId.get(pendingOne)).toMatchObject({ vector: null, vector_model: null });
    expect(words(pendingOne)).toBe('电商');
    expect(byId.get(noRow)).toMatchObject({ vector: null, vector_model: null, words: null });
    // the bookkeeping stays; the moved columns are gone from it
    const status = resultRows<{ entity_id: string; status: string; model: string | null }>(
      await db.execute(sql`select entity_id, status, model from embeddings order by entity_id`),
    );
    expect(status).toEqual(
      [
        { entity_id: embedded, status: 'ready', model: 'm-3' },
        { entity_id: pendingOne, status: 'pending', model: null },
      ].sort((a, b) => (a.entity_id < b.entity_id ? -1 : 1)),
    );
    const cols = resultRows<{ column_name: string }>(
      await db.execute(sql`select column_name from information_schema.columns where table_name = 'embeddings'`),
    ).map((c) => c.column_name);
    expect(cols).not.toContain('embedding');
    expect(cols).not.toContain('lexical');

    // 0008: the keyword count (words of more than one character) is generated for the rows already
    // there and kept by PostgreSQL on every later write.
    const counts = async () =>
      new Map(
        resultRows<{ id: string; n: number }>(await db.execute(sql`select id, keyword_count as n from mentors`)).map(
          (r) => [r.id, r.n],
        ),
      );
    expect(Object.fromEntries(await counts())).toEqual({ [embedded]: 2, [pendingOne]: 1, [noRow]: 0 });
    await db.execute(sql`update mentors set keywords = to_tsvector('simple', '牦 牛奶 a bc') where id = ${noRow}`);
    expect((await counts()).get(noRow)).toBe(2);

    // 0009: projects already there take their founders' groups.
    const [project] = resultRows<{ groups: string }>(
      await db.execute(sql`select founder_groups::text as groups from projects where id = ${projectId}`),
    );
    expect(project.groups).toBe('{graduate,student}');
  }, 120_000);
});
