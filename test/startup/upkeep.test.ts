// Table upkeep where no autovacuum runs (src/db/upkeep.ts): dead rows past autovacuum's threshold are
// vacuumed, tables changed past the analyze threshold analyzed, clean ones left alone; the schedule
// runs on PGlite and on a server without autovacuum, and not where autovacuum does the work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../../src/config.ts';
import { resultRows } from '../../src/db/errors.ts';
import { autovacuumRuns, scheduleUpkeep, upkeepTables } from '../../src/db/upkeep.ts';
import { silentLogger } from '../../src/logger.ts';
import { startTestApp, type TestApp } from '../harness.ts';

interface Stat {
  table: string;
  dead: number;
  changed: number;
  vacuums: number;
  analyzes: number;
}

describe('table upkeep', () => {
  let t: TestApp;
  const stats = async (): Promise<Map<string, Stat>> =>
    new Map(
      resultRows<Stat>(
        await t.db.execute(sql`
    select relname as table, n_dead_tup::int as dead, n_mod_since_analyze::int as changed,
      vacuum_count::int as vacuums, analyze_count::int as analyzes
    from pg_stat_user_tables where schemaname = current_schema() and relname like 'upkeep_%'`),
      ).map((s) => [s.table, s]),
    );
  /** Table counts reach pg_stat_user_tables a moment after the writing transaction (≤ 1 s on a server). */
  const until = async (ok: (s: Map<string, Stat>) => boolean) => {
    for (let i = 0; i < 100; i++) {
      const s = await stats();
      if (ok(s)) return s;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`table statistics never got there: ${JSON.stringify([...(await stats()).values()])}`);
  };
  const tables = ['upkeep_dead', 'upkeep_changed', 'upkeep_clean'];

  beforeAll(async () => {
    t = await startTestApp({ TABLE_UPKEEP_INTERVAL_MS: '0' });
    // 1,000 rows each, vacuumed and analyzed once their inserts are counted: nothing to do in them yet.
    for (const name of tables) {
      await t.db.execute(sql.raw(`create table ${name} (id int primary key, v text)`));
      await t.db.execute(sql.raw(`insert into ${name} select g, 'a' from generate_series(1, 1000) g`));
    }
    await until((s) => s.size === 3 && [...s.values()].every((x) => x.changed >= 1000));
    for (const name of tables) await t.db.execute(sql.raw(`vacuum (analyze) ${name}`));
    await until((s) => [...s.values()].every((x) => x.vacuums >= 1 && x.dead === 0 && x.changed === 0));
  }, 60_000);
  afterAll(() => t?.close());

  it('autovacuum is never counted on with PGlite; on a server it is the server setting', async () => {
    const [{ on }] = resultRows<{ on: string }>(await t.db.execute(sql`select current_setting('autovacuum') as on`));
    expect(await autovacuumRuns(t.service.database)).toBe(t.service.database.kind === 'postgres' && on === 'on');
  });

  it('vacuums the table past the dead-row threshold, analyzes the one past the change threshold, leaves the clean one', async () => {
    await t.db.execute(sql`update upkeep_dead set v = 'b'`); // 1,000 dead > 50 + 20 % of 1,000
    await t.db.execute(sql`insert into upkeep_changed select g, 'a' from generate_series(1001, 1200) g`); // 200 changed > 50 + 10 %, none dead
    await t.db.execute(sql`update upkeep_clean set v = 'b' where id <= 40`); // 40 dead, 40 changed: under both
    const before = await until(
      (s) =>
        s.get('upkeep_dead')!.dead >= 1000 &&
        s.get('upkeep_changed')!.changed >= 200 &&
        s.get('upkeep_clean')!.dead >= 40,
    );

    const done = (await upkeepTables(t.db)).filter((d) => d.table.startsWith('upkeep_'));
    expect(done.map((d) => [d.table, d.action])).toEqual([
      ['upkeep_changed', 'analyze'],
      ['upkeep_dead', 'vacuum'],
    ]);
    expect(done.find((d) => d.table === 'upkeep_dead')).toMatchObject({ dead: 1000 });

    const after = await until((s) => s.get('upkeep_dead')!.vacuums > before.get('upkeep_dead')!.vacuums);
    expect(after.get('upkeep_dead')).toMatchObject({ dead: 0, changed: 0 });
    expect(after.get('upkeep_changed')).toMatchObject({ changed: 0, vacuums: before.get('upkeep_changed')!.vacuums });
    expect(after.get('upkeep_changed')!.analyzes).toBeGreaterThan(before.get('upkeep_changed')!.analyzes);
    expect(after.get('upkeep_clean')).toMatchObject({
      dead: 40,
      vacuums: before.get('upkeep_clean')!.vacuums,
      analyzes: before.get('upkeep_clean')!.analyzes,
    });
    // nothing left to do in them
    expect((await upkeepTables(t.db)).filter((d) => d.table.startsWith('upkeep_'))).toEqual([]);
  });

  it('the interval is a whole number of ms ≥ 0, 60 s by default; anything else stops the service naming the variable', () => {
    expect(loadConfig({}).TABLE_UPKEEP_INTERVAL_MS).toBe(60_000);
    expect(loadConfig({ TABLE_UPKEEP_INTERVAL_MS: '0' }).TABLE_UPKEEP_INTERVAL_MS).toBe(0);
    for (const bad of ['-1', '1.5', 'soon'])
      expect(() => loadConfig({ TABLE_UPKEEP_INTERVAL_MS: bad })).toThrow(/TABLE_UPKEEP_INTERVAL_MS/);
  });

  it('is scheduled where no autovacuum runs and cleans on its own; interval 0 schedules nothing', async () => {
    expect((await scheduleUpkeep(t.service.database, 0, silentLogger)).running).toBe(false);
    const upkeep = await scheduleUpkeep(t.service.database, 100, silentLogger);
    try {
      expect(upkeep.running).toBe(!(await autovacuumRuns(t.service.database)));
      if (!upkeep.running) return;
      const vacuums = (await stats()).get('upkeep_dead')!.vacuums;
      await t.db.execute(sql`update upkeep_dead set v = 'c'`);
      await until((s) => s.get('upkeep_dead')!.vacuums > vacuums && s.get('upkeep_dead')!.dead === 0);
    } finally {
      await upkeep.stop();
    }
  });
});
