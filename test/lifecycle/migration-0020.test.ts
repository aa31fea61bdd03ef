// Upgrading a database to 0020 (issue 21): a vetted project of a center becomes incubating there,
// with an admitted application (reason "migrated from vetting") decided at its last change and an
// incubation starting then; its introductions are untouched. A vetted project without a center
// stays vetted (still reviewed: investors keep seeing it); other statuses are unchanged.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../models/common/uuid.ts';
import { resultRows } from '../../src/db/errors.ts';
import { migrateDatabase, migrationsFolder } from '../../src/db/migrate.ts';
import { openTestDatabase } from '../harness.ts';

/** A copy of the migrations folder without 0020 and what follows it. */
function migrationsBefore0020(): string {
  const dir = mkdtempSync(join(tmpdir(), 'scm-migrations-'));
  cpSync(migrationsFolder, dir, { recursive: true });
  const journalPath = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
  journal.entries = journal.entries.filter((e: { idx: number }) => e.idx < 20);
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

describe('migration 0020 on a database with vetted projects', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of cleanup.reverse()) await c();
  });

  it('admits vetted projects of a center into incubation and keeps their introductions', async () => {
    const { database, drop } = await openTestDatabase({ empty: true });
    cleanup.push(drop);
    const old = migrationsBefore0020();
    cleanup.push(() => rmSync(old, { recursive: true, force: true }));
    const db = database.db;
    await migrateDatabase(database, old);

    await db.execute(
      sql`insert into regions (code, name_zh, name_en, level) values ('540100', '拉萨市', 'Lhasa', 'prefecture')`,
    );
    const center = uuidv7();
    await db.execute(
      sql`insert into centers (id, name, region_code, kind) values (${center}, '中心', '540100', 'makerspace')`,
    );
    const [vetted, loose, submitted] = [uuidv7(), uuidv7(), uuidv7()];
    const changed = '2026-03-31T20:30:00.000Z'; // 2026-04-01 in Asia/Shanghai
    for (const [id, status, centerId] of [
      [vetted, 'vetted', center],
      [loose, 'vetted', null],
      [submitted, 'submitted', center],
    ] as const) {
      await db.execute(sql`insert into projects (id, title, description, sector, stage, region_code, center_id, needs, languages, status, updated_at)
        values (${id}, '项目', '牦牛酸奶', 'plateau_biology', 'prototype', '540100', ${centerId}, '{}', '{zh}', ${status}, ${changed})`);
    }
    const intro = uuidv7();
    await db.execute(sql`insert into introductions (id, project_id, target_kind, target_id, status)
      values (${intro}, ${vetted}, 'investor', ${uuidv7()}, 'accepted')`);

    await migrateDatabase(database);

    const rows = resultRows<{ id: string; status: string; center_id: string | null }>(
      await db.execute(sql`select id, status, center_id from projects`),
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(vetted)!.status).toBe('incubating');
    expect(byId.get(vetted)!.center_id).toBe(center);
    expect(byId.get(loose)!.status).toBe('vetted');
    expect(byId.get(submitted)!.status).toBe('submitted');

    const apps = resultRows<{
      project_id: string;
      center_id: string;
      status: string;
      decision: string;
      reason: string;
      decided_at: unknown;
    }>(await db.execute(sql`select project_id, center_id, status, decision, reason, decided_at from applications`));
    expect(apps).toHaveLength(1);
    expect(apps[0]).toMatchObject({ project_id: vetted, center_id: center, status: 'decided', decision: 'admitted' });
    expect(apps[0].reason).toContain('migrated from vetting');
    expect(new Date(apps[0].decided_at as string).toISOString()).toBe(changed);

    const incs = resultRows<{ project_id: string; started_on: unknown; ended_on: unknown; planned_months: number }>(
      await db.execute(
        sql`select project_id, started_on::text as started_on, ended_on, planned_months from incubations`,
      ),
    );
    expect(incs).toEqual([{ project_id: vetted, started_on: '2026-04-01', ended_on: null, planned_months: 24 }]);

    const intros = resultRows<{ id: string; project_id: string; status: string }>(
      await db.execute(sql`select id, project_id, status from introductions`),
    );
    expect(intros).toEqual([{ id: intro, project_id: vetted, status: 'accepted' }]);

    const audits = resultRows<{ action: string; entity_id: string }>(
      await db.execute(sql`select action, entity_id from audit_log where action = 'project.status'`),
    );
    expect(audits).toEqual([{ action: 'project.status', entity_id: vetted }]);

    // The new statuses are usable at once, and the reviewed-projects index exists.
    await db.execute(sql`update projects set status = 'graduated' where id = ${vetted}`);
    const idx = resultRows<{ indexname: string }>(
      await db.execute(
        sql`select indexname from pg_indexes where tablename = 'projects' and indexname = 'projects_reviewed_sector_idx'`,
      ),
    );
    expect(idx).toHaveLength(1);
  }, 120_000);
});
