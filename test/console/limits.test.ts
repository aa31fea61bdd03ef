import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildWorld, type World } from '../auth/world.ts';
import { startTestApp, type TestApp } from '../harness.ts';
import { visibleText } from './client.ts';
import { signedIn } from './accounts.ts';

let app: TestApp;
let w: World;
beforeAll(async () => {
  app = await startTestApp({ RATE_LIMIT_EXPENSIVE: '3' });
  w = await buildWorld(app);
}, 60_000);
afterAll(() => app?.close());

it('match pages share the per-person budget of expensive requests; other pages do not count', async () => {
  const { client } = await signedIn(app, { login: 'busy.founder', role: 'founder', subjectId: w.fA1 });
  const matches = `/app/projects/${w.pAv}/matches/mentors`;
  for (let i = 0; i < 3; i++) expect((await client.get(matches)).status).toBe(200);
  const limited = await client.get(matches);
  expect(limited.status).toBe(429);
  expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(visibleText(limited.html)).toContain('操作过于频繁');
  // Cheap pages are not limited, and another person has a budget of its own.
  expect((await client.get('/app/projects')).status).toBe(200);
  const other = await signedIn(app, { login: 'other.founder', role: 'founder', subjectId: w.fA2 });
  expect((await other.client.get(matches)).status).toBe(200);
});
