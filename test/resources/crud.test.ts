// CRUD, lists (pagination and filters), by-external-id upserts and Unicode round trips for the
// seven contract resources, table-driven (shared/API.md "Resources" and "Conventions").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../harness.ts';
import {
  countRows,
  expectProblem,
  listAll,
  makeCtx,
  randomTag,
  sleep,
  specs,
  startGatedApp,
  WEIRD,
  WEIRD_LONG,
  type Ctx,
  type Row,
} from './fixtures.ts';

let t: TestApp;
let ctx: Ctx;
beforeAll(async () => {
  t = await startGatedApp();
  ctx = await makeCtx(t, randomTag());
});
afterAll(async () => {
  await t?.close();
});

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const without = (r: Row, ...keys: string[]) => Object.fromEntries(Object.entries(r).filter(([k]) => !keys.includes(k)));

/** The response carries every field that was sent, with the same value. */
function expectEchoes(item: Row, body: Row) {
  for (const [k, v] of Object.entries(body)) expect(item[k], `field ${k}`).toEqual(v);
}

describe.each(specs)('$name', (spec) => {
  const base = `/v1/${spec.name}`;
  const created: Row[] = [];
  /** The seven list records carry their own tag, so that a search finds exactly them. */
  let lc: Ctx;

  beforeAll(async () => {
    lc = { ...ctx, tag: `L${randomTag()}` };
    // Seven records that differ in the filtered fields (used by the list tests below).
    for (let i = 0; i < 7; i++) {
      const res = await t.request('POST', base, { body: spec.sample(lc, i) });
      expect(res.status, res.text).toBe(201);
      created.push(res.body);
    }
  });

  it('POST creates: 201, Location, id/createdAt/updatedAt, embedding state, echoes the body', async () => {
    const before = await countRows(t, spec.table);
    const body = spec.sample(ctx, 1);
    const res = await t.request('POST', base, { body });
    expect(res.status, res.text).toBe(201);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const item = res.body;
    expect(item.id).toMatch(UUID);
    expect(res.headers.get('location')).toMatch(new RegExp(`${base}/${item.id}$`));
    expect(item.createdAt).toMatch(ISO_UTC);
    expect(item.updatedAt).toMatch(ISO_UTC);
    expect(Math.abs(Date.parse(item.createdAt) - Date.now())).toBeLessThan(60_000);
    expectEchoes(item, body);
    if (spec.embedded) expect(item.embedding).toEqual({ status: 'pending', model: null });
    else expect(item).not.toHaveProperty('embedding');
    expect(await countRows(t, spec.table)).toBe(before + 1);

    const got = await t.request('GET', res.headers.get('location')!.replace(/^https?:\/\/[^/]+/, ''));
    expect(got.status).toBe(200);
    expect(without(got.body, 'embedding')).toEqual(without(item, 'embedding'));
  });

  it('GET by id returns the record as created', async () => {
    const rec = created[3];
    const res = await t.request('GET', `${base}/${rec.id}`);
    expect(res.status, res.text).toBe(200);
    expect(without(res.body, 'embedding')).toEqual(without(rec, 'embedding'));
    expectEchoes(res.body, spec.sample(lc, 3));
    if (spec.embedded) expect(['pending', 'ready', 'failed']).toContain(res.body.embedding.status);
  });

  it('PATCH changes the field, moves updatedAt, leaves the rest unchanged', async () => {
    const rec = (await t.request('POST', base, { body: spec.sample(ctx, 2) })).body;
    const patch = spec.patch(rec);
    await sleep(15);
    const res = await t.request('PATCH', `${base}/${rec.id}`, { body: patch });
    expect(res.status, res.text).toBe(200);
    expectEchoes(res.body, patch);
    for (const [k, v] of Object.entries(patch)) expect(v).not.toEqual(rec[k]); // the patch really changes something
    expect(Date.parse(res.body.updatedAt)).toBeGreaterThan(Date.parse(rec.updatedAt));
    expect(res.body.createdAt).toBe(rec.createdAt);
    const untouched = ['updatedAt', 'embedding', ...Object.keys(patch)];
    expect(without(res.body, ...untouched)).toEqual(without(rec, ...untouched));
    // Persisted, not just echoed.
    const got = await t.request('GET', `${base}/${rec.id}`);
    expect(without(got.body, 'embedding')).toEqual(without(res.body, 'embedding'));
    // An empty PATCH changes nothing that matters.
    const empty = await t.request('PATCH', `${base}/${rec.id}`, { body: {} });
    expect(empty.status, empty.text).toBe(200);
    expect(without(empty.body, 'updatedAt', 'embedding')).toEqual(without(res.body, 'updatedAt', 'embedding'));
  });

  it('DELETE: 204, then 404 on GET, PATCH and DELETE', async () => {
    const rec = (await t.request('POST', base, { body: spec.sample(ctx, 4) })).body;
    const before = await countRows(t, spec.table);
    const res = await t.request('DELETE', `${base}/${rec.id}`);
    expect(res.status, res.text).toBe(204);
    expect(res.text).toBe('');
    expect(await countRows(t, spec.table)).toBe(before - 1);
    expectProblem(await t.request('GET', `${base}/${rec.id}`), 404);
    expectProblem(await t.request('PATCH', `${base}/${rec.id}`, { body: spec.patch(rec) }), 404);
    expectProblem(await t.request('DELETE', `${base}/${rec.id}`), 404);
    expect(await countRows(t, spec.table)).toBe(before - 1);
    // Other records are untouched.
    expect((await t.request('GET', `${base}/${created[0].id}`)).status).toBe(200);
  });

  it('lists every record exactly once with limit=3 and cursor (nextCursor null on the last page)', async () => {
    const { items, pages } = await listAll(t, base, 3);
    const ids = items.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(await countRows(t, spec.table));
    for (const c of created) expect(ids).toContain(c.id);
    expect(pages.length).toBe(Math.max(1, Math.ceil(ids.length / 3)));
    // List items have the same shape as GET.
    const listed = items.find((r) => r.id === created[0].id)!;
    const got = await t.request('GET', `${base}/${created[0].id}`);
    expect(without(listed, 'embedding')).toEqual(without(got.body, 'embedding'));
    if (spec.embedded) expect(listed.embedding).toBeTypeOf('object');
  });

  it('paginates exactly the seven records of a filtered list 3 + 3 + 1', async () => {
    const { items, pages } = await listAll(t, `${base}?q=${encodeURIComponent(lc.tag)}`, 3);
    expect(pages).toEqual([3, 3, 1]);
    expect(items.map((r) => r.id).sort()).toEqual(created.map((c) => c.id).sort());
  });

  it('the default and maximum page sizes work', async () => {
    const def = await t.request('GET', base);
    expect(def.status).toBe(200);
    expect(def.body.items.length).toBeLessThanOrEqual(50);
    const max = await t.request('GET', `${base}?limit=200`);
    expect(max.status).toBe(200);
    expect(max.body.items.length).toBe(Math.min(200, await countRows(t, spec.table)));
    const one = await t.request('GET', `${base}?limit=1`);
    expect(one.body.items).toHaveLength(1);
    expect(one.body.nextCursor).toBeTypeOf('string');
  });

  it.each(
    spec.filters.map(
      (f) =>
        [f.query({ tag: '', centerId: '<center>', otherCenterId: '<other>', founderIds: ['', '<f1>'] }), f] as const,
    ),
  )('filters ?%s', async (_label, filter) => {
    const { items } = await listAll(t, `${base}?${filter.query(lc)}`);
    for (const item of items)
      expect(filter.matches(item, lc), `${item.id} should not match ${filter.query(lc)}`).toBe(true);
    const got = new Set(items.map((r) => r.id));
    const expected = created.filter((c) => filter.matches(c, lc));
    // The fixture makes every filter discriminate among the seven records.
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(created.length);
    for (const c of created)
      expect(got.has(c.id), `${c.id} ${filter.matches(c, lc) ? 'missing' : 'unexpected'}`).toBe(filter.matches(c, lc));
  });

  it('PUT by-external-id creates (201) then updates the same record (200), never duplicates', async () => {
    const ext = `sheet-${spec.name}-${ctx.tag}-行7`;
    const path = `${base}/by-external-id/${encodeURIComponent(ext)}`;
    const before = await countRows(t, spec.table);
    const body = spec.sample(ctx, 5);
    const first = await t.request('PUT', path, { body });
    expect(first.status, first.text).toBe(201);
    expect(first.body.externalId).toBe(ext);
    expectEchoes(first.body, body);
    if (spec.embedded) expect(first.body.embedding).toEqual({ status: 'pending', model: null });
    expect(await countRows(t, spec.table)).toBe(before + 1);

    await sleep(15);
    const changed = { ...body, ...spec.patch(first.body) };
    const second = await t.request('PUT', path, { body: changed });
    expect(second.status, second.text).toBe(200);
    expect(second.body.id).toBe(first.body.id);
    expect(second.body.externalId).toBe(ext);
    expect(second.body.createdAt).toBe(first.body.createdAt);
    expect(Date.parse(second.body.updatedAt)).toBeGreaterThan(Date.parse(first.body.updatedAt));
    expectEchoes(second.body, changed);

    const third = await t.request('PUT', path, { body: changed });
    expect(third.status, third.text).toBe(200);
    expect(third.body.id).toBe(first.body.id);

    expect(await countRows(t, spec.table)).toBe(before + 1);
    expect(await countRows(t, spec.table, `external_id = '${ext.replace(/'/g, "''")}'`)).toBe(1);
    const got = await t.request('GET', `${base}/${first.body.id}`);
    expectEchoes(got.body, changed);
    // The record is found by its externalId too, and the externalId in the body cannot redirect the upsert.
    const redirected = await t.request('PUT', path, { body: { ...changed, externalId: `other-${ctx.tag}` } });
    expect([200, 422]).toContain(redirected.status);
    if (redirected.status === 200) expect(redirected.body.id).toBe(first.body.id);
    expect(await countRows(t, spec.table)).toBe(before + 1);
  });

  it('concurrent PUTs of a new externalId create one record (one 201, the others 200 on the same id)', async () => {
    const ext = `burst-${spec.name}-${ctx.tag}`;
    const results = await Promise.all(
      [0, 1, 2, 3].map((i) => t.request('PUT', `${base}/by-external-id/${ext}`, { body: spec.sample(ctx, i) })),
    );
    expect(results.map((r) => r.status).sort(), results.map((r) => r.text).join('\n')).toEqual([200, 200, 200, 201]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(await countRows(t, spec.table, `external_id = '${ext}'`)).toBe(1);
  });

  it('an externalId set by POST is found by the upsert', async () => {
    const ext = `post-${spec.name}-${ctx.tag}`;
    const post = await t.request('POST', base, { body: { ...spec.sample(ctx, 0), externalId: ext } });
    expect(post.status, post.text).toBe(201);
    expect(post.body.externalId).toBe(ext);
    const put = await t.request('PUT', `${base}/by-external-id/${ext}`, { body: spec.sample(ctx, 2) });
    expect(put.status, put.text).toBe(200);
    expect(put.body.id).toBe(post.body.id);
    expect(await countRows(t, spec.table, `external_id = '${ext}'`)).toBe(1);
  });

  it('Chinese and Tibetan text round-trips byte-exact (create, read, list, patch, upsert)', async () => {
    const sent = { ...spec.sample(ctx, 0) };
    for (const [i, f] of spec.textFields.entries()) sent[f] = i === 0 ? WEIRD : `${WEIRD_LONG} ${f}`;
    const res = await t.request('POST', base, { body: sent });
    expect(res.status, res.text).toBe(201);
    const bytes = (s: string) => Buffer.from(s, 'utf8').toString('hex');
    for (const f of spec.textFields) {
      expect(res.body[f]).toBe(sent[f]);
      expect(bytes(res.body[f])).toBe(bytes(sent[f]));
    }
    const got = await t.request('GET', `${base}/${res.body.id}`);
    for (const f of spec.textFields) expect(bytes(got.body[f])).toBe(bytes(sent[f]));
    const { items } = await listAll(t, base);
    const listed = items.find((r) => r.id === res.body.id)!;
    for (const f of spec.textFields) expect(bytes(listed[f])).toBe(bytes(sent[f]));
    // Stored as sent (no normalisation in the database either).
    const [field] = spec.textFields;
    const column = field.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);
    expect(await countRows(t, spec.table, `id = '${res.body.id}' and ${column} = '${WEIRD.replace(/'/g, "''")}'`)).toBe(
      1,
    );

    const patched = await t.request('PATCH', `${base}/${res.body.id}`, {
      body: { [spec.textFields[1] ?? field]: WEIRD_LONG },
    });
    expect(patched.status, patched.text).toBe(200);
    expect(bytes(patched.body[spec.textFields[1] ?? field])).toBe(bytes(WEIRD_LONG));

    const ext = `藏医-${ctx.tag}-ཀ་ 🚀`;
    const put = await t.request('PUT', `${base}/by-external-id/${encodeURIComponent(ext)}`, { body: sent });
    expect(put.status, put.text).toBe(201);
    expect(put.body.externalId).toBe(ext);
    for (const f of spec.textFields) expect(put.body[f]).toBe(sent[f]);
    const again = await t.request('PUT', `${base}/by-external-id/${encodeURIComponent(ext)}`, { body: sent });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(put.body.id);
  });
});

describe('cross-resource details', () => {
  it('a project keeps its founderIds in order, and PATCH founderIds replaces them', async () => {
    const body = { ...specs[2].sample(ctx, 0), founderIds: [ctx.founderIds[2], ctx.founderIds[0]] };
    const p = await t.request('POST', '/v1/projects', { body });
    expect(p.status, p.text).toBe(201);
    expect(p.body.founderIds).toEqual([ctx.founderIds[2], ctx.founderIds[0]]);
    const patched = await t.request('PATCH', `/v1/projects/${p.body.id}`, {
      body: { founderIds: [ctx.founderIds[1]] },
    });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.body.founderIds).toEqual([ctx.founderIds[1]]);
    expect(await countRows(t, 'project_founders', `project_id = '${p.body.id}'`)).toBe(1);
    // The founder filter follows the change.
    const { items } = await listAll(t, `/v1/projects?founderId=${ctx.founderIds[2]}`);
    expect(items.map((r) => r.id)).not.toContain(p.body.id);
  });

  it('the region filter: a county does not cover its prefecture, the root covers everything', async () => {
    const county = await listAll(t, '/v1/founders?regionCode=540102');
    expect(county.items.length).toBeGreaterThan(0);
    expect(county.items.every((r) => r.regionCode === '540102')).toBe(true);
    const all = await listAll(t, '/v1/founders');
    const root = await listAll(t, '/v1/founders?regionCode=540000');
    expect(root.items.length).toBe(all.items.length);
    const shigatse = await listAll(t, '/v1/mentors?regionCode=540200');
    expect(shigatse.items.length).toBeGreaterThan(0);
    expect(shigatse.items.every((r) => r.regionCode.startsWith('5402'))).toBe(true);
  });

  it('filters combine (AND)', async () => {
    const { items } = await listAll(t, `/v1/projects?regionCode=540100&status=draft&centerId=${ctx.centerId}`);
    expect(items.length).toBeGreaterThan(0);
    for (const r of items) {
      expect(r.regionCode.startsWith('5401')).toBe(true);
      expect(r.status).toBe('draft');
      expect(r.centerId).toBe(ctx.centerId);
    }
  });

  it('a PATCH may clear an optional field with null', async () => {
    const f = await t.request('POST', '/v1/founders', { body: specs[1].sample(ctx, 0) });
    const res = await t.request('PATCH', `/v1/founders/${f.body.id}`, {
      body: { graduationYear: null, interests: null },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.graduationYear ?? null).toBeNull();
    expect(res.body.interests ?? null).toBeNull();
    expect(res.body.name).toBe(f.body.name);
  });
});
