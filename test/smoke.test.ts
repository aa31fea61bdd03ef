import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('smoke', () => {
  it('health, regions, a center', async () => {
    expect((await t.request('GET', '/health', { key: null })).body).toEqual({ ok: true });
    const regions = await t.request('GET', '/v1/regions', { key: null });
    expect(regions.body.items).toHaveLength(82);
    const centers = await t.request('GET', '/v1/centers?limit=100');
    expect(centers.status).toBe(200);
    expect(centers.body.items).toHaveLength(15);
    const created = await t.request('POST', '/v1/centers', {
      body: { name: '测试中心', regionCode: '540102', kind: 'makerspace', pilot: false },
    });
    expect(created.status).toBe(201);
    const status = await t.request('GET', '/v1/status');
    expect(status.body.db).toBe(t.backend);
    const doc = await t.request('GET', '/v1/openapi.json', { key: null });
    expect(doc.status).toBe(200);
  });
});
