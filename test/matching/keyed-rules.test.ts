// Keyed, excluding and ranged rules (keyedRule, excludesRule and rangeRule in rules.ts, answered from
// the candidate index's bitsets and number columns): for every recipe and many generated sources, with introductions and enrolments,
// the index admits exactly the rows its SQL rules admit (live rules aside, which SQL checks on
// read-back), whether it looks the keys, ids and numbers up or checks each row with the rules' TypeScript
// checks; and its bitsets follow changed rows and a table that outgrows them.
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../bench/gen.ts';
import { loadSource, type Endpoint } from '../../bench/scale/engine.ts';
import { coveringCodes, covers } from '../../models/regions/codes.ts';
import { regions } from '../../seeds/reference/regions.ts';
import { foundersTable, mentorsTable, projectsTable } from '../../models/schema.ts';
import { resultRows } from '../../src/db/errors.ts';
import { indexRules, type EngineContext } from '../../src/matching/engine.ts';
import * as recipes from '../../src/matching/recipes/index.ts';
import { JOURNEYS } from '../../src/matching/journeys.ts';
import type { Profile, Recipe, TrainingSource } from '../../src/matching/types.ts';
import { startTestApp, type TestApp } from '../harness.ts';
import { exclusions, sourceIds } from './generated-fixture.ts';

let t: TestApp;
const ctx = (): EngineContext => ({ db: t.db, model: t.service.embedder.id, lang: 'zh' });

/** Every journey of the registry, with the table its sources are sampled from. */
const cases: { recipe: Recipe<any>; kind: Endpoint['sourceKind']; table: string }[] = JOURNEYS.map((j) => ({
  recipe: j.recipe,
  kind: j.source.kind,
  table: j.source.collection,
}));

/** Sources of a kind: a stable sample of `n`. */

/** The ids each way: the SQL rules (live ones aside), the index with its key lookups, the index checking every rule per row. */
async function admitted(recipe: Recipe<any>, source: Profile) {
  const tbl = recipe.candidateTable;
  const where = and(
    ...recipe.rules
      .filter((r) => !r.live)
      .map((r) => r.where(source))
      .filter((x): x is SQL => !!x),
  );
  const bySql = (await t.db.select({ id: tbl.id }).from(tbl).where(where)).map((r) => r.id as string);
  const index = async (keyed: boolean) => {
    const { keyed: k, excluded, ranged, admits } = indexRules(recipe, source, { lookUp: keyed });
    const picked = await t.service.candidateIndex.narrow(tbl, admits, {
      model: t.service.embedder.id,
      keyed: k,
      excluded,
      ranged,
      vector: null,
      words: [],
      lexemes: new Set(),
      exactLimit: 1e9,
      k: 0,
    });
    return picked!.map((p) => p.row.id as string);
  };
  return { bySql: bySql.sort(), lookedUp: (await index(true)).sort(), checked: (await index(false)).sort() };
}

/** Polls until the index agrees with SQL: another connection's commit reaches it by NOTIFY, a moment later. */
async function agreesEventually(recipe: Recipe<any>, source: Profile) {
  for (let k = 0; k < 100; k++) {
    const a = await admitted(recipe, source);
    if (a.lookedUp.join() === a.bySql.join()) return a;
    await new Promise((r) => setTimeout(r, 50));
  }
  return admitted(recipe, source);
}

beforeAll(async () => {
  t = await startTestApp();
  await generate(t.db, {
    projects: 400,
    founders: 300,
    mentors: 250,
    investors: 120,
    trainings: 120,
    services: 80,
    centers: 4,
    seed: 11,
    batchSize: 200,
  });
  // Introductions and enrolments for the sources sampled below, which excluding rules drop.
  await exclusions(t.db, 40, 5);
}, 300_000);
afterAll(async () => {
  await t?.close();
});

describe('keyed, excluding and ranged rules in the candidate index', () => {
  it('admit what the SQL rules admit, for every recipe and 40 sources each', async () => {
    let nonEmpty = 0;
    let restricted = 0;
    for (const { recipe, kind, table } of cases) {
      for (const id of await sourceIds(t.db, table, 40)) {
        const source = await loadSource(ctx(), kind, id);
        const { bySql, lookedUp, checked } = await admitted(recipe, source);
        expect(lookedUp, `${recipe.id} ${id}`).toEqual(bySql);
        expect(checked, `${recipe.id} ${id}`).toEqual(bySql);
        if (bySql.length) nonEmpty++;
        const total = Number(
          resultRows<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from ${recipe.candidateTable}`))[0]
            .n,
        );
        if (bySql.length && bySql.length < total) restricted++;
      }
    }
    // The comparison means something: most sources admit some rows, and most admit fewer than all.
    expect(nonEmpty).toBeGreaterThan(150);
    expect(restricted).toBeGreaterThan(150);
  });

  it('follow changed rows, and a table that outgrows its bitsets', async () => {
    const [training] = resultRows<{ id: string }>(
      await t.db.execute(sql`select id from trainings
      where mode = 'onsite' and cardinality(target_groups) > 0 order by md5(id::text) limit 1`),
    );
    const source = await loadSource(ctx(), 'training', training.id);
    const before = await admitted(recipes.trainingFounders, source);
    expect(before.lookedUp).toEqual(before.bySql);
    expect(before.bySql.length).toBeGreaterThan(0);

    // Admitted founders leave (erased, another prefecture, no shared group); others come in.
    const [gone1, gone2, gone3] = before.bySql;
    await t.db.update(foundersTable).set({ erasedAt: new Date() }).where(eq(foundersTable.id, gone1));
    await t.db
      .update(foundersTable)
      .set({ regionCode: source.row.regionCode.startsWith('5401') ? '540221' : '540102' })
      .where(eq(foundersTable.id, gone2));
    await t.db.update(foundersTable).set({ groups: [] }).where(eq(foundersTable.id, gone3));
    // (Founders the excluding rules drop, enrolled in or invited to the training, stay out whatever their row says.)
    const { enrolledFounders, invitedFounders } = source as TrainingSource;
    const outside = (await t.db.select({ id: foundersTable.id }).from(foundersTable))
      .map((r) => r.id)
      .filter((id) => !before.bySql.includes(id) && !enrolledFounders.has(id) && !invitedFounders.has(id))
      .slice(0, 5);
    await t.db
      .update(foundersTable)
      .set({
        regionCode: source.row.regionCode,
        groups: source.row.targetGroups,
        languages: source.row.languages,
        erasedAt: null,
      })
      .where(inArray(foundersTable.id, outside));
    const after = await agreesEventually(recipes.trainingFounders, source);
    expect(after.lookedUp).toEqual(after.bySql);
    expect(after.bySql).not.toContain(gone1);
    expect(after.bySql).not.toContain(gone2);
    expect(after.bySql).not.toContain(gone3);
    for (const id of outside) expect(after.bySql).toContain(id);

    // 300 → 1,500 founders: the slots outgrow the first capacity (1,024), and the bitsets with them.
    await generate(t.db, {
      projects: 0,
      founders: 1200,
      mentors: 0,
      investors: 0,
      trainings: 0,
      services: 0,
      centers: 0,
      seed: 12,
      batchSize: 400,
    });
    const grown = await agreesEventually(recipes.trainingFounders, source);
    expect(grown.lookedUp).toEqual(grown.bySql);
    expect(grown.checked).toEqual(grown.bySql);
    expect(grown.bySql.length).toBeGreaterThan(after.bySql.length);
    expect(t.service.candidateIndex.stats().rows).toBeGreaterThanOrEqual(1500);
  });

  it('follow a changed funding need (a ranged rule)', async () => {
    const [investor] = resultRows<{ id: string }>(
      await t.db.execute(sql`select id from investors
      where active and cardinality(sectors) = 0 and cardinality(stages) = 0 and cardinality(region_codes) = 0 order by ticket_max_cny desc limit 1`),
    );
    const source = await loadSource(ctx(), 'investor', investor.id);
    const before = await admitted(recipes.investorProjects, source);
    expect(before.bySql.length).toBeGreaterThan(2);
    const [over, under] = before.bySql;
    await t.db
      .update(projectsTable)
      .set({ fundingNeedCny: source.row.ticketMaxCny + 1 })
      .where(eq(projectsTable.id, over));
    await t.db.update(projectsTable).set({ fundingNeedCny: null }).where(eq(projectsTable.id, under));
    const after = await agreesEventually(recipes.investorProjects, source);
    expect(after.lookedUp).toEqual(after.bySql);
    expect(after.bySql).not.toContain(over);
    expect(after.bySql).toContain(under); // no stated need: the rule passes
  });

  it('key region cover as `covers` does, for every pair of the 82 region codes', () => {
    for (const inner of regions) {
      const keys = coveringCodes(inner.code);
      for (const outer of regions)
        expect(keys.includes(outer.code), `${outer.code} ⊇ ${inner.code}`).toBe(covers(outer.code, inner.code));
    }
  });

  it('drop a mentor made inactive from the mentors a project is offered', async () => {
    const [project] = await sourceIds(t.db, 'projects', 1);
    const source = await loadSource(ctx(), 'project', project);
    const before = await admitted(recipes.projectMentors, source);
    const [m] = before.bySql;
    await t.db.update(mentorsTable).set({ active: false }).where(eq(mentorsTable.id, m));
    const after = await agreesEventually(recipes.projectMentors, source);
    expect(after.lookedUp).toEqual(after.bySql);
    expect(after.bySql).not.toContain(m);
  });
});
