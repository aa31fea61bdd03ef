// The data generator (bench/gen.ts): valid records per the API's schemas, the requested counts,
// pending embeddings with the hash the write path would compute, and pending → ready after a drain.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { generate, sample } from '../../bench/gen.ts';
import { drainBacklog } from '../../jobs/embeddings/backlog.ts';
import { founderBodySchema } from '../../models/founders/validation.ts';
import { projectBodySchema } from '../../models/projects/validation.ts';
import { mentorBodySchema } from '../../models/mentors/validation.ts';
import { investorBodySchema, investorInvariants } from '../../models/investors/validation.ts';
import { trainingBodySchema, trainingInvariants } from '../../models/trainings/validation.ts';
import { serviceBodySchema } from '../../models/services/validation.ts';
import { resultRows } from '../../src/db/errors.ts';
import { embeddingHooks } from '../../src/resources/embedding-hooks.ts';
import { startTestApp, type TestApp } from '../harness.ts';

const strip = ({ id: _id, ...r }: Record<string, unknown>) => r;

describe('data generator', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('generates records the API would accept', () => {
    const schemas = {
      founder: [founderBodySchema],
      project: [projectBodySchema],
      mentor: [mentorBodySchema],
      investor: [investorBodySchema, investorInvariants],
      training: [trainingBodySchema, trainingInvariants],
      service: [serviceBodySchema],
    } as const;
    for (const [kind, list] of Object.entries(schemas)) {
      for (const row of sample(kind as keyof typeof schemas, 300)) {
        for (const schema of list) {
          const r = schema.safeParse(strip(row));
          expect(r.success, `${kind}: ${JSON.stringify(r.error?.issues)} in ${JSON.stringify(row)}`).toBe(true);
        }
      }
    }
  });

  it('is deterministic for a seed', () => {
    expect(sample('project', 50, 7)).toEqual(sample('project', 50, 7));
    expect(sample('project', 5, 7)).not.toEqual(sample('project', 5, 8));
  });

  it('writes the counts with pending embeddings, then embeds them', async () => {
    const counts = {
      projects: 200,
      founders: 150,
      mentors: 60,
      investors: 30,
      trainings: 30,
      services: 20,
      centers: 5,
    };
    const stats = await generate(t.db, { ...counts, seed: 3, batchSize: 64 });
    expect(stats.map((s) => s.rows)).toEqual([5, 150, 200, 60, 30, 30, 20]);
    const n = async (q: string) =>
      Number(resultRows<{ n: number }>(await t.db.execute(sql.raw(`select count(*)::int as n from ${q}`)))[0].n);
    expect(await n('projects')).toBe(200);
    expect(await n('founders')).toBe(150);
    expect(
      await n(
        'projects p where p.center_id is not null and exists (select 1 from project_founders pf where pf.project_id = p.id)',
      ),
    ).toBe(200);
    expect(await n("embeddings where status = 'pending'")).toBe(200 + 150 + 60 + 30 + 30 + 20);
    // Keywords are written with the entity, as markPending writes them.
    for (const table of ['projects', 'founders', 'mentors', 'investors', 'trainings', 'services']) {
      expect(await n(`${table} where keywords is null or length(keywords) = 0`), table).toBe(0);
    }

    // The hash is what the write path computes: marking an unchanged record pending is a no-op.
    const [project] = resultRows<Record<string, unknown>>(await t.db.execute(sql`select id from projects limit 1`));
    const res = await t.request('GET', `/v1/projects/${project.id}`);
    expect(res.status).toBe(200);
    const changed = await t.db.transaction((tx) => embeddingHooks().markPending(tx as never, 'project', res.body));
    expect(changed).toBe(false);

    await drainBacklog(t.db, t.service.embedder, { batchSize: 64, indexMinRows: 0 });
    expect(await n("embeddings where status <> 'ready'")).toBe(0);
    // Inferred topics were stored at write time, as the write path does.
    expect(
      await n("embeddings where entity_kind = 'project' and jsonb_array_length(inferred_topics) > 0"),
    ).toBeGreaterThan(150);

    const match = await t.request('GET', `/v1/projects/${project.id}/matches/mentors?limit=5`);
    expect(match.status).toBe(200);
  });
});
