// Projects keep their founders' groups in their own row (migration 0009), where investor→projects
// reads them for the priority feature. Triggers keep that copy equal to what the founders say through
// every way the links or the groups change; the API never shows or accepts it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import { resultRows } from '../../src/db/errors.ts';
import { arrayValue } from '../../src/db/sql.ts';
import { ADMIN_KEY, startTestApp, type TestApp } from '../harness.ts';
import type { Row } from './generate.ts';

let t: TestApp;

const send = async (method: string, path: string, body?: unknown): Promise<Row> => {
  const res = await t.request(method, path, { key: ADMIN_KEY, ...(body === undefined ? {} : { body }) });
  expect(res.status, `${method} ${path}: ${res.text}`).toBeLessThan(300);
  return res.body;
};
const founder = async (name: string, groups: string[]) =>
  (await send('POST', '/v1/founders', { name, groups, regionCode: '540102', languages: ['zh'] })).id as string;
const projectBody = (founderIds: string[]) => ({
  title: 'FG 牦牛酸奶',
  description: '牦牛酸奶加工，想扩大销售。',
  sector: 'plateau_biology',
  stage: 'prototype',
  regionCode: '540102',
  founderIds,
  needs: ['marketing'],
  fundingNeedCny: 100_000,
  languages: ['zh'],
  status: 'vetted',
});

/** Each project's groups, by a query returning (id, groups text[]). */
const groupsBy = async (query: SQL): Promise<Map<string, string[]>> =>
  new Map(
    resultRows<{ id: string; groups: unknown }>(await t.db.execute(query)).map((r) => [r.id, arrayValue(r.groups)]),
  );

/** The stored copy per project. */
const stored = () => groupsBy(sql`select id, founder_groups::text[] as groups from projects`);

/** What the founders linked to each project say now, computed from scratch. */
const fromFounders = () =>
  groupsBy(sql`
  select p.id, coalesce((select array_agg(distinct g::text order by g::text) from project_founders pf
    join founders f on f.id = pf.founder_id, unnest(f.groups) g where pf.project_id = p.id), '{}')::text[] as groups
  from projects p`);

const expectInStep = async () =>
  expect(Object.fromEntries(await stored())).toEqual(Object.fromEntries(await fromFounders()));

describe("projects keep their founders' groups", () => {
  const f = {} as Record<'grad' | 'herder' | 'plain', string>;
  let projectId: string;

  beforeAll(async () => {
    t = await startTestApp();
    f.grad = await founder('FG 次仁', ['graduate']);
    f.herder = await founder('FG 卓玛', ['farmer_herder', 'student']);
    f.plain = await founder('FG 扎西', ['other']);
    projectId = (await send('POST', '/v1/projects', projectBody([f.grad, f.herder]))).id;
  }, 120_000);
  afterAll(() => t?.close());

  it("a new project takes its founders' groups, sorted and without repeats", async () => {
    expect((await stored()).get(projectId)).toEqual(['farmer_herder', 'graduate', 'student']);
    await expectInStep();
  });

  it("follows a founder's edited groups, a change of founders, and an erased founder", async () => {
    await send('PATCH', `/v1/founders/${f.herder}`, { groups: ['veteran'] });
    expect((await stored()).get(projectId)).toEqual(['graduate', 'veteran']);

    await send('PATCH', `/v1/projects/${projectId}`, { founderIds: [f.plain, f.herder] });
    expect((await stored()).get(projectId)).toEqual(['other', 'veteran']);

    await send('DELETE', `/v1/founders/${f.herder}`);
    expect((await stored()).get(projectId)).toEqual(['other']);
    await expectInStep();
  });

  it('follows links written straight into the database, in bulk, and a truncate', async () => {
    const other = (await send('POST', '/v1/projects', projectBody([f.grad]))).id as string;
    await t.db.execute(
      sql`insert into project_founders (project_id, founder_id, position) values (${projectId}, ${f.grad}, 5)`,
    );
    await t.db.execute(
      sql`update project_founders set project_id = ${other} where project_id = ${projectId} and founder_id = ${f.plain}`,
    );
    await expectInStep();
    expect((await stored()).get(projectId)).toEqual(['graduate']);

    await t.db.execute(sql`truncate project_founders`);
    expect([...(await stored()).values()].every((g) => g.length === 0)).toBe(true);
    await expectInStep();
  });

  it('is never shown, and a body that sets it is refused', async () => {
    const fresh = await founder('FG 拉姆', ['graduate']);
    const created = await send('POST', '/v1/projects', projectBody([fresh]));
    const read = await send('GET', `/v1/projects/${created.id}`);
    expect(read).not.toHaveProperty('founderGroups');
    expect(JSON.stringify(read)).not.toContain('graduate');
    const refused = await t.request('POST', '/v1/projects', {
      key: ADMIN_KEY,
      body: { ...projectBody([fresh]), founderGroups: ['veteran'] },
    });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('founderGroups');
  });
});
