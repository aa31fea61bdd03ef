// The journey registry (src/matching/recipes/index.ts → src/matching/journeys.ts) drives what lists the
// journeys: the match routes of the OpenAPI document, the weight sets, the weights preview, the rate
// limiter and the labels. A journey added to the registry (here a copy of project→mentors under
// another target) is served, limited and weighted with nothing else changed.
import { OpenAPIHono } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/auth/actor.ts';
import type { AppEnv } from '../../src/http/env.ts';
import { matchesRouter } from '../../src/http/matches/matches.index.ts';
import { errorHandler } from '../../src/http/problem.ts';
import { isExpensive, journeyPaths } from '../../src/http/rate-limit.ts';
import { silentLogger } from '../../src/logger.ts';
import { bo } from '../../src/i18n/messages/bo.ts';
import { en } from '../../src/i18n/messages/en.ts';
import { zh } from '../../src/i18n/messages/zh.ts';
import { JOURNEYS, journeyOf, journeyPath, journeysFrom } from '../../src/matching/journeys.ts';
import { projectMentors } from '../../src/matching/recipes/index.ts';
import { weightSetSchemaOf } from '../../src/matching/weights.ts';
import { startTestApp, type TestApp } from '../harness.ts';

let t: TestApp;
let openapi: any;
const ID = '0190a2b4-0000-7000-8000-000000000000';

beforeAll(async () => {
  t = await startTestApp();
  openapi = (await t.request('GET', '/v1/openapi.json')).body;
});
afterAll(async () => {
  await t?.close();
});

describe('the journey registry', () => {
  it('lists the six journeys of the contract, each id <source>.<target>', () => {
    expect(JOURNEYS.map((j) => j.name)).toEqual([
      'project→mentors',
      'project→investors',
      'project→trainings',
      'project→services',
      'investor→projects',
      'training→founders',
    ]);
    for (const j of JOURNEYS) expect(j.id).toBe(`${j.source.kind}.${j.target}`);
    expect(new Set(JOURNEYS.map((j) => j.id)).size).toBe(JOURNEYS.length);
  });

  it('every journey has its route in the OpenAPI document, and the document no other match route', () => {
    const matchPaths = Object.keys(openapi.paths).filter((p) => p.includes('/matches/'));
    expect(matchPaths).toEqual(JOURNEYS.map((j) => `/v1${j.route}`));
    for (const j of JOURNEYS) {
      const op = openapi.paths[`/v1${j.route}`].get;
      expect(op.summary).toBe(j.api.summary);
      expect(Object.keys(op.responses)).toEqual(
        expect.arrayContaining(['200', '400', '401', '404', ...j.api.problems.map(String)]),
      );
    }
  });

  it('every journey has default weights, served by the weights API, and a project journey can be previewed', async () => {
    const centerId = (
      await t.request('POST', '/v1/centers', {
        body: { name: '日喀则双创中心', regionCode: '540202', kind: 'incubator', pilot: false },
      })
    ).body.id;
    const got = await t.request('GET', `/v1/centers/${centerId}/matching-weights`);
    expect(got.status, got.text).toBe(200);
    expect(Object.keys(got.body.defaults)).toEqual(JOURNEYS.map((j) => j.id));
    for (const j of JOURNEYS) {
      const ws = Object.values(j.recipe.defaultWeights);
      expect(ws.length, j.id).toBeGreaterThan(0);
      expect(Math.max(...ws), j.id).toBeGreaterThan(0);
      expect(got.body.defaults[j.id]).toEqual(j.recipe.defaultWeights);
    }
    // The preview's `recipe` takes exactly the project journeys (it ranks a sample of the center's projects).
    const preview = openapi.paths['/v1/centers/{id}/matching-weights/preview'].post;
    const recipe = preview.requestBody.content['application/json'].schema.properties.recipe;
    expect(recipe.enum).toEqual(journeysFrom('project').map((j) => j.id));
    const refused = await t.request('POST', `/v1/centers/${centerId}/matching-weights/preview`, {
      body: { weights: {}, recipe: 'investor.projects' },
    });
    expect(refused.status).toBe(422);
  });

  it('the rate limiter counts every journey (API and console pages), and no path that is no journey', () => {
    for (const j of JOURNEYS) {
      expect(isExpensive('GET', journeyPath(j, ID)), j.id).toBe(true);
      expect(isExpensive('HEAD', `${journeyPath(j, ID)}/`), j.id).toBe(true);
      expect(isExpensive('POST', journeyPath(j, ID)), j.id).toBe(false);
    }
    for (const j of journeysFrom('project'))
      expect(isExpensive('GET', `/app/projects/${ID}/matches/${j.target}`)).toBe(true);
    expect(isExpensive('GET', `/v1/projects/${ID}/matches/unknown`)).toBe(false);
    expect(isExpensive('GET', `/v1/projects/${ID}/matches/mentors/extra`)).toBe(false);
    expect(isExpensive('GET', `/v1/investors/${ID}/matches/mentors`)).toBe(false); // a target of another source
    expect(isExpensive('GET', `/app/investors/${ID}/matches/projects`)).toBe(false); // no such console page
  });

  it('every journey has its labels in zh, en and bo', () => {
    const catalogues = { zh, en, bo } as Record<string, Record<string, string>>;
    for (const [lang, messages] of Object.entries(catalogues)) {
      for (const j of JOURNEYS) expect(messages[`weights.journey.${j.id}`], `${lang} ${j.id}`).toBeTruthy();
      for (const j of journeysFrom('project'))
        expect(messages[`founder.journey.${j.target}`], `${lang} ${j.target}`).toBeTruthy();
    }
  });
});

describe('a journey added to the registry', () => {
  // A second project→mentors journey under another target: what a new recipe file would add.
  const coaches = journeyOf({ ...projectMentors, id: 'project.coaches', target: 'coaches' });
  const journeys = [...JOURNEYS, coaches];

  it('is served at its route, ranked by its recipe, and documented', async () => {
    const f = await t.request('POST', '/v1/founders', {
      body: { name: '次仁', groups: ['graduate'], regionCode: '540102', languages: ['zh'] },
    });
    const project = await t.request('POST', '/v1/projects', {
      body: {
        title: '牦牛奶酪网店',
        description: '在拉萨做牦牛奶酪，想开网店卖到内地',
        sector: 'plateau_biology',
        stage: 'prototype',
        regionCode: '540102',
        founderIds: [f.body.id],
        needs: ['ecommerce'],
        languages: ['zh'],
      },
    });
    expect(project.status, project.text).toBe(201);
    for (const [name, bio, expertise] of [
      ['电商导师', '淘宝和抖音电商运营', ['ecommerce']],
      ['财税导师', '企业财务与税务申报', ['finance']],
    ] as const)
      await t.request('POST', '/v1/mentors', {
        body: {
          name,
          bio,
          expertise,
          sectors: ['plateau_biology'],
          capacity: 2,
          languages: ['zh'],
          regionCode: '540102',
          remote: true,
          active: true,
        },
      });
    await t.service.queue.drained();

    const s = t.service;
    const app = new OpenAPIHono<AppEnv>();
    app.use('*', async (c, next) => {
      c.set('actor', systemActor);
      await next();
    });
    app.onError(errorHandler(silentLogger)); // problem+json, as the real app
    app.route('/', matchesRouter(s.database.db, s.embedder, s.matchCache, s.candidateIndex, undefined, journeys));

    const viaNew = await app.request(`/projects/${project.body.id}/matches/coaches?limit=5`);
    expect(viaNew.status, await viaNew.clone().text()).toBe(200);
    const viaMentors = await t.request('GET', `/v1/projects/${project.body.id}/matches/mentors?limit=5`);
    const items = (await viaNew.json()).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.map((i: any) => i.id)).toEqual(viaMentors.body.items.map((i: any) => i.id));
    expect((await app.request(`/projects/${ID}/matches/coaches`)).status).toBe(404); // its source's access rules

    const doc = app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 't', version: '0' } });
    expect(Object.keys(doc.paths ?? {})).toContain('/projects/{id}/matches/coaches');
    expect((doc.paths as any)['/projects/{id}/matches/coaches'].get.summary).toBe('Match a project to coaches');
  });

  it('is limited and weighted', () => {
    const paths = journeyPaths(journeys);
    expect(paths.test(`/v1/projects/${ID}/matches/coaches`)).toBe(true);
    expect(paths.test(`/app/projects/${ID}/matches/coaches`)).toBe(true);
    expect(journeyPaths().test(`/v1/projects/${ID}/matches/coaches`)).toBe(false); // not in the real registry

    const schema = weightSetSchemaOf(journeys);
    expect(schema.safeParse({ 'project.coaches': { semantic: 0.5, capacity: 1 } }).success).toBe(true);
    expect(schema.safeParse({ 'project.coaches': { charisma: 1 } }).success).toBe(false);
    expect(weightSetSchemaOf(JOURNEYS).safeParse({ 'project.coaches': { semantic: 0.5 } }).success).toBe(false);
  });
});
