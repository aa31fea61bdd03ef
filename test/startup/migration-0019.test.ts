// Upgrading a database with projects to 0019 (the center's work): projects already waiting in the
// vetting queue take their last change as the start of their wait; others have none; the new
// columns are empty.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../models/common/uuid.ts';
import { resultRows } from '../../src/db/errors.ts';
import { migrateDatabase, migrationsFolder } from '../../src/db/migrate.ts';
import { openTestDatabase } from '../harness.ts';

/** A copy of the migrations folder without 0019 and what follows it. */
function migrationsBefore0019(): string {
  const dir = mkdtempSync(join(tmpdir(), 'scm-migrations-'));
  cpSync(migrationsFolder, dir, { recursive: true });
  const journalPath = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
  journal.entries = journal.entries.filter((e: { idx: number }) => e.idx < 19);
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

describe('migration 0019 on a database with projects', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of cleanup.reverse()) await c();
  });

  it('starts the wait of submitted projects at their last change; the rest stay empty', async () => {
    const { database, drop } = await openTestDatabase({ empty: true });
    cleanup.push(drop);
    const old = migrationsBefore0019();
    cleanup.push(() => rmSync(old, { recursive: true, force: true }));
    const db = database.db;
    await migrateDatabase(database, old);

    await db.execute(
      sql`insert into regions (code, name_zh, name_en, level) values ('540100', '拉萨市', 'Lhasa', 'prefecture')`,
    );
    const [waiting, draft] = [uuidv7(), uuidv7()];
    const changed = '2026-11-20T08:30:00.000Z';
    for (const [id, status] of [
      [waiting, 'submitted'],
      [draft, 'draft'],
    ] as const) {
      await db.execute(sql`insert into projects (id, title, description, sector, stage, region_code, needs, languages, status, updated_at)
        values (${id}, '项目', '牦牛酸奶', 'plateau_biology', 'prototype', '540100', '{}', '{zh}', ${status}, ${changed})`);
    }

    await migrateDatabase(database);

    const rows = resultRows<{ id: string; submitted_at: Date | string | null; status_reason: string | null }>(
      await db.execute(sql`select id, submitted_at, status_reason from projects`),
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(new Date(byId.get(waiting)!.submitted_at!).toISOString()).toBe(changed);
    expect(byId.get(draft)!.submitted_at).toBeNull();
    expect(rows.every((r) => r.status_reason === null)).toBe(true);
    const cols = async (table: string) =>
      resultRows<{ column_name: string }>(
        await db.execute(sql`select column_name from information_schema.columns where table_name = ${table}`),
      ).map((c) => c.column_name);
    expect(await cols('introductions')).toContain('nudged_at');
    expect(await cols('training_invitations')).toContain('nudged_at');
  }, 120_000);
});
