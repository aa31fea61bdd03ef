// Writes racing the embedding worker's store: the store locks an `embeddings` row before its entity's
// row, a write the entity row first, so PostgreSQL may abort one of them as a deadlock victim. The
// write is retried whole (src/db/errors.ts retryOnDeadlock): every request succeeds. (Meaningful on
// PostgreSQL with the worker running beside the API; PGlite has one connection and never deadlocks.)
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../harness.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

const founder = (i: number) => ({
  name: `竞速 ${i} 次仁`,
  groups: ['graduate'],
  regionCode: '540102',
  languages: ['zh', 'bo'],
  interests: '青稞精深加工、直播电商、短视频运营',
});

it('erasing a founder while its first embedding is stored never fails', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 80; i++) {
    const f = await app.request('POST', '/v1/founders', { body: founder(i) });
    statuses.push((await app.request('DELETE', `/v1/founders/${f.body.id}`)).status);
  }
  expect(statuses.filter((s) => s !== 204)).toEqual([]);
});

it('editing a founder while its embedding is stored never fails', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 40; i++) {
    const f = await app.request('POST', '/v1/founders', { body: founder(i) });
    for (let j = 0; j < 2; j++)
      statuses.push(
        (await app.request('PATCH', `/v1/founders/${f.body.id}`, { body: { interests: `牦牛奶酪 ${i}-${j}` } })).status,
      );
  }
  expect(statuses.filter((s) => s !== 200)).toEqual([]);
});
