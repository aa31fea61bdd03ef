// Reference and demo data: complete, consistent and idempotent to load.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import {
  centersTable,
  embeddingsTable,
  foundersTable,
  investorsTable,
  mentorsTable,
  projectsTable,
  regionsTable,
  servicesTable,
  trainingsTable,
} from '../models/schema.ts';
import { loadDemo } from '../seeds/load.ts';
import { demo } from '../seeds/demo/index.ts';
import { embeddingHooks } from '../src/resources/embedding-hooks.ts';
import { startTestApp, type TestApp } from './harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

const counts = async () => {
  const out: Record<string, number> = {};
  for (const [name, table] of Object.entries({
    centersTable,
    foundersTable,
    projectsTable,
    mentorsTable,
    investorsTable,
    trainingsTable,
    servicesTable,
    embeddingsTable,
  })) {
    const [row] = await t.db.select({ n: count() }).from(table as typeof centersTable);
    out[name] = Number(row.n);
  }
  return out;
};

describe('reference data', () => {
  it('has the region, its 7 prefectures and 74 counties, each county inside its prefecture', async () => {
    const regions = await t.db.select().from(regionsTable);
    expect(regions.filter((r) => r.level === 'region').map((r) => r.code)).toEqual(['540000']);
    const prefectures = regions.filter((r) => r.level === 'prefecture');
    const counties = regions.filter((r) => r.level === 'county');
    expect(prefectures).toHaveLength(7);
    expect(counties).toHaveLength(74);
    for (const c of counties) {
      expect(prefectures.map((p) => p.code)).toContain(c.parentCode);
      expect(c.code.slice(0, 4)).toBe(c.parentCode!.slice(0, 4));
      expect(c.nameZh).toMatch(/[区县市]$/);
      expect(c.nameEn.length).toBeGreaterThan(2);
    }
    const byCode = new Map(regions.map((r) => [r.code, r.nameZh]));
    expect(byCode.get('540100')).toBe('拉萨市');
    expect(byCode.get('542500')).toBe('阿里地区');
    expect(byCode.get('540481')).toBe('米林市');
  });

  it('has the 15 pilot units of the policy as pilot centers', async () => {
    const res = await t.request('GET', '/v1/centers?pilot=true&limit=100');
    expect(res.body.items).toHaveLength(15);
    expect(res.body.items.map((c: { name: string }) => c.name)).toEqual(
      expect.arrayContaining(['西藏大学', '拉萨经济技术开发区']),
    );
  });

  it('serves zh/en/bo labels for every enumeration value', async () => {
    const res = await t.request('GET', '/v1/labels', { key: null });
    expect(res.body.topic.ecommerce).toEqual({ zh: '电子商务', en: 'E-commerce', bo: 'གློག་རྡུལ་ཚོང་དོན' });
    expect(Object.keys(res.body.sector)).toHaveLength(8);
    for (const group of Object.values(res.body) as Record<string, Record<string, string>>[])
      for (const label of Object.values(group)) expect(label.bo).toMatch(/^[\u0F00-\u0FFF ()]+$/u);
  });

  it('keeps the regions API as it was: no Tibetan field in the table rows it serves', async () => {
    const res = await t.request('GET', '/v1/regions/540100', { key: null });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['code', 'level', 'nameEn', 'nameZh', 'parentCode']);
  });
});

describe('demo data', () => {
  it('loads every record, and loading it again changes nothing', { timeout: 180_000 }, async () => {
    const hooks = embeddingHooks((kind, ids) => t.service.queue.schedule(kind, ids));
    const first = await loadDemo(t.db, hooks);
    expect(first.projects).toBe(demo.projects.length);
    const after1 = await counts();
    expect(after1.projectsTable).toBe(demo.projects.length);
    expect(after1.mentorsTable).toBe(demo.mentors.length);
    expect(after1.centersTable).toBe(15 + demo.centers.length);
    await t.service.queue.drained(120_000);
    const embedded = await t.db.select().from(embeddingsTable);
    await loadDemo(t.db, hooks);
    expect(await counts()).toEqual(after1);
    // Unchanged texts are not re-embedded.
    const again = await t.db.select().from(embeddingsTable);
    expect(again.map((e) => [e.entityId, e.status, e.embedCount]).sort()).toEqual(
      embedded.map((e) => [e.entityId, e.status, e.embedCount]).sort(),
    );
  });

  it('demo projects reference their founders and vetted ones are visible to an investor', async () => {
    const investorId = (await t.request('GET', '/v1/investors?limit=1')).body.items[0].id;
    const key = await t.keyFor('investor', { subjectId: investorId });
    const res = await t.request('GET', '/v1/projects?limit=200', { key });
    expect(res.body.items.length).toBe(demo.projects.filter((p) => p.status === 'vetted').length);
    expect(
      res.body.items.every(
        (p: { status: string; confidential?: unknown }) => p.status === 'vetted' && p.confidential === undefined,
      ),
    ).toBe(true);
  });
});
