// The region_admin role (issue 22): its binding on API keys and accounts, the region targets and the
// centers' status (admins only) with its history, over the real API.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { todayInShanghai } from '../../models/common/today.ts';
import { startTestApp, type TestApp } from '../harness.ts';
import { createKey, expectProblem, ok } from '../auth/world.ts';

let t: TestApp;
let cA: string;
let staffA: string;
let lhasa: string; // region_admin of Lhasa (540100)
let chengguan: string; // region_admin of one Lhasa county (540102)
let shigatse: string; // region_admin of Shigatse (540200)
let mentor: string;

const auditOf = async (action: string) =>
  (await ok(t.request('GET', `/v1/audit?action=${action}&limit=200`))).items as any[];

beforeAll(async () => {
  t = await startTestApp();
  cA = (
    await ok(
      t.request('POST', '/v1/centers', {
        body: {
          name: '城关区双创中心',
          regionCode: '540102',
          kind: 'makerspace',
          pilot: false,
          statusSince: '2025-06-01',
        },
      }),
      201,
    )
  ).id;
  staffA = (await createKey(t, 'center_staff', { centerId: cA })).key;
  lhasa = (await createKey(t, 'region_admin', { regionCode: '540100' })).key;
  chengguan = (await createKey(t, 'region_admin', { regionCode: '540102' })).key;
  shigatse = (await createKey(t, 'region_admin', { regionCode: '540200' })).key;
  const m = await ok(
    t.request('POST', '/v1/mentors', {
      body: {
        name: '导师',
        bio: '食品科学。',
        expertise: ['certification'],
        sectors: [],
        languages: ['zh'],
        regionCode: '540102',
        remote: true,
        capacity: 1,
        active: true,
      },
    }),
    201,
  );
  mentor = (await createKey(t, 'mentor', { subjectId: m.id })).key;
});
afterAll(async () => {
  await t?.close();
});

describe('binding of region_admin keys', () => {
  it('needs a known regionCode; other roles may not carry one', async () => {
    const bad = async (body: unknown, path: string) => {
      const res = await t.request('POST', '/v1/api-keys', { body });
      expectProblem(res, 422);
      expect(res.body.errors.map((e: any) => e.path)).toContain(path);
    };
    await bad({ role: 'region_admin', label: 'x' }, 'regionCode');
    await bad({ role: 'region_admin', label: 'x', regionCode: '110000' }, 'regionCode'); // Beijing: not Tibet
    await bad({ role: 'region_admin', label: 'x', regionCode: '549999' }, 'regionCode');
    await bad({ role: 'region_admin', label: 'x', regionCode: "540100' or 1=1" }, 'regionCode');
    await bad({ role: 'admin', label: 'x', regionCode: '540100' }, 'regionCode');
    await bad({ role: 'center_staff', label: 'x', centerId: cA, regionCode: '540100' }, 'regionCode');
  });

  it('the region, a prefecture or a county; listed with its region; audited', async () => {
    for (const regionCode of ['540000', '540100', '540102']) {
      const k = await ok(
        t.request('POST', '/v1/api-keys', { body: { role: 'region_admin', label: 'r', regionCode } }),
        201,
      );
      expect(k).toMatchObject({ role: 'region_admin', regionCode, centerId: null, subjectId: null });
    }
    const list = await ok(t.request('GET', '/v1/api-keys'));
    expect(list.items.filter((k: any) => k.role === 'region_admin').map((k: any) => k.regionCode)).toEqual(
      expect.arrayContaining(['540000', '540100', '540102', '540200']),
    );
    for (const k of list.items) if (k.role !== 'region_admin') expect(k.regionCode).toBeNull();
    const created = await auditOf('api_key.create');
    expect(created.some((e) => e.detail?.regionCode === '540102')).toBe(true);
  });

  it('a region_admin cannot create keys or accounts', async () => {
    expectProblem(
      await t.request('POST', '/v1/api-keys', {
        key: lhasa,
        body: { role: 'region_admin', label: 'x', regionCode: '540000' },
      }),
      404,
    );
    expectProblem(
      await t.request('POST', '/v1/accounts', {
        key: lhasa,
        body: { login: 'ra-escalate', role: 'region_admin', regionCode: '540000' },
      }),
      403,
    );
  });
});

describe('region_admin accounts', () => {
  it('admins create them with a region; center staff may not; the region is listed', async () => {
    const res = await t.request('POST', '/v1/accounts', {
      body: { login: 'lhasa-stats', role: 'region_admin', regionCode: '540100' },
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ role: 'region_admin', regionCode: '540100', centerId: null });
    const bad = await t.request('POST', '/v1/accounts', { body: { login: 'no-region', role: 'region_admin' } });
    expectProblem(bad, 422);
    expect(bad.body.errors[0].path).toBe('regionCode');
    const unknown = await t.request('POST', '/v1/accounts', {
      body: { login: 'bad-region', role: 'region_admin', regionCode: '999999' },
    });
    expectProblem(unknown, 422);
    const founderWithRegion = await t.request('POST', '/v1/accounts', {
      body: { login: 'f-region', role: 'center_staff', centerId: cA, regionCode: '540100' },
    });
    expectProblem(founderWithRegion, 422);
    const byStaff = await t.request('POST', '/v1/accounts', {
      key: staffA,
      body: { login: 'staff-made-ra', role: 'region_admin', regionCode: '540100' },
    });
    expectProblem(byStaff, 403);
    const list = await ok(t.request('GET', '/v1/accounts?role=region_admin'));
    expect(list.items.map((a: any) => [a.login, a.regionCode])).toEqual([['lhasa-stats', '540100']]);
  });
});

describe('region targets', () => {
  it('admins set a target (200, stored, audited); a second PUT replaces it', async () => {
    const first = await ok(
      t.request('PUT', '/v1/regions/540102/targets/2026', { body: { potentialFounders: 400, centers: 2 } }),
    );
    expect(first).toMatchObject({ regionCode: '540102', year: 2026, potentialFounders: 400, centers: 2 });
    const second = await ok(t.request('PUT', '/v1/regions/540102/targets/2026', { body: { potentialFounders: 500 } }));
    expect(second).toMatchObject({ potentialFounders: 500, centers: null });
    await ok(t.request('PUT', '/v1/regions/540102/targets/2025', { body: { potentialFounders: 300, centers: 1 } }));
    await ok(t.request('PUT', '/v1/regions/540100/targets/2026', { body: { potentialFounders: 3000 } }));
    const list = await ok(t.request('GET', '/v1/regions/540102/targets'));
    expect(list.items.map((i: any) => [i.year, i.potentialFounders, i.centers])).toEqual([
      [2025, 300, 1],
      [2026, 500, null],
    ]);
    const entries = (await auditOf('region_target.update')).filter((e) => e.entityId === '540102:2026');
    expect(entries).toHaveLength(2);
    expect(entries.map((e) => e.detail.after.potentialFounders).sort()).toEqual([400, 500]);
    expect(entries.find((e) => e.detail.after.potentialFounders === 500).detail.before).toEqual({
      potentialFounders: 400,
      centers: 2,
    });
  });

  it('bad input: year outside 2000–2100 or not a year, bad body, unknown region', async () => {
    for (const year of ['1999', '2101', '20x6', '0', '99999']) {
      const res = await t.request('PUT', `/v1/regions/540102/targets/${year}`, { body: { potentialFounders: 1 } });
      expectProblem(res, 422);
      expect(res.body.errors[0].path).toBe('year');
    }
    for (const body of [
      {},
      { potentialFounders: -1 },
      { potentialFounders: 1.5 },
      { potentialFounders: '10' },
      { potentialFounders: 10, centers: -2 },
      { potentialFounders: 10, extra: 1 },
    ])
      expectProblem(await t.request('PUT', '/v1/regions/540102/targets/2026', { body }), 422);
    expectProblem(await t.request('PUT', '/v1/regions/549999/targets/2026', { body: { potentialFounders: 1 } }), 404);
    expectProblem(await t.request('GET', '/v1/regions/549999/targets'), 404);
    expectProblem(await t.request('PUT', '/v1/regions/110000/targets/2026', { body: { potentialFounders: 1 } }), 404);
  });

  it('only admins write; a region_admin reads inside its region only; others 404', async () => {
    for (const key of [lhasa, chengguan, staffA, mentor])
      expectProblem(
        await t.request('PUT', '/v1/regions/540102/targets/2026', { key, body: { potentialFounders: 1 } }),
        404,
      );
    expect((await ok(t.request('GET', '/v1/regions/540102/targets', { key: lhasa }))).items).toHaveLength(2);
    expect((await ok(t.request('GET', '/v1/regions/540100/targets', { key: lhasa }))).items).toHaveLength(1);
    expect((await ok(t.request('GET', '/v1/regions/540102/targets', { key: chengguan }))).items).toHaveLength(2);
    // A county's admin does not read its prefecture, nor a neighbour; a prefecture's admin not another prefecture.
    expectProblem(await t.request('GET', '/v1/regions/540100/targets', { key: chengguan }), 404);
    expectProblem(await t.request('GET', '/v1/regions/540103/targets', { key: chengguan }), 404);
    expectProblem(await t.request('GET', '/v1/regions/540102/targets', { key: shigatse }), 404);
    expectProblem(await t.request('GET', '/v1/regions/540000/targets', { key: lhasa }), 404);
    for (const key of [staffA, mentor])
      expectProblem(await t.request('GET', '/v1/regions/540102/targets', { key }), 404);
    expectProblem(await t.request('GET', '/v1/regions/540102/targets', { key: null }), 401);
    // Nothing was written by the refused PUTs.
    const list = await ok(t.request('GET', '/v1/regions/540102/targets'));
    expect(list.items.find((i: any) => i.year === 2026).potentialFounders).toBe(500);
  });
});

describe('centers: status, statusSince and level', () => {
  it('admins change them; the history grows; staff edit the rest but not these (403 with a clear message)', async () => {
    const center = await ok(t.request('GET', `/v1/centers/${cA}`));
    expect(center).toMatchObject({ status: 'operating', statusSince: '2025-06-01' });
    const before = await ok(t.request('GET', `/v1/centers/${cA}/status-history`));
    expect(before.items).toHaveLength(1);
    expect(before.items[0]).toMatchObject({ status: 'operating', since: center.statusSince });

    const staffEdit = await ok(
      t.request('PATCH', `/v1/centers/${cA}`, {
        key: staffA,
        body: { operator: '城关区人社局', status: 'operating', statusSince: center.statusSince },
      }),
    );
    expect(staffEdit.operator).toBe('城关区人社局');
    for (const body of [{ status: 'suspended' }, { statusSince: '2020-01-01' }, { level: 'county' }]) {
      const res = await t.request('PATCH', `/v1/centers/${cA}`, { key: staffA, body });
      expectProblem(res, 403);
      expect(res.body.detail).toMatch(/only admins change a center's/);
    }
    expect(await ok(t.request('GET', `/v1/centers/${cA}`))).toMatchObject({ status: 'operating', level: null });

    const suspended = await ok(
      t.request('PATCH', `/v1/centers/${cA}`, {
        body: { status: 'suspended', statusSince: '2026-01-15', level: 'county' },
      }),
    );
    expect(suspended).toMatchObject({ status: 'suspended', statusSince: '2026-01-15', level: 'county' });
    // A status change without a date takes effect today (Asia/Shanghai).
    const reopened = await ok(t.request('PATCH', `/v1/centers/${cA}`, { body: { status: 'operating' } }));
    expect(reopened.statusSince).toBe(todayInShanghai());
    const history = await ok(t.request('GET', `/v1/centers/${cA}/status-history`, { key: staffA }));
    expect(history.items.map((i: any) => [i.status, i.since])).toEqual([
      ['operating', reopened.statusSince],
      ['suspended', '2026-01-15'],
      ['operating', center.statusSince],
    ]);
    // Staff may still edit other fields of their center after the change.
    await ok(t.request('PATCH', `/v1/centers/${cA}`, { key: staffA, body: { name: '城关区双创中心（新址）' } }));
  });

  it("days are Asia/Shanghai's: at 07:30 in Lhasa (23:30 UTC the day before) today is already the next day", async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-03-09T23:30:00Z'));
      const created = await ok(
        t.request('POST', '/v1/centers', {
          body: { name: '清晨中心', regionCode: '540102', kind: 'incubator', pilot: false, status: 'operating' },
        }),
        201,
      );
      expect(created.statusSince).toBe('2026-03-10');
      const history = await ok(t.request('GET', `/v1/centers/${created.id}/status-history`));
      expect(history.items.map((i: any) => i.since)).toEqual(['2026-03-10']);
      // Today in Lhasa is no future date; tomorrow is.
      const moved = await ok(t.request('PATCH', `/v1/centers/${created.id}`, { body: { statusSince: '2026-03-10' } }));
      expect(moved.statusSince).toBe('2026-03-10');
      expectProblem(
        await t.request('PATCH', `/v1/centers/${created.id}`, { body: { statusSince: '2026-03-11' } }),
        422,
      );
      await t.request('DELETE', `/v1/centers/${created.id}`);
    } finally {
      vi.useRealTimers();
    }
  });

  it('bad input: unknown status or level, a future statusSince', async () => {
    for (const body of [{ status: 'open' }, { level: 'city' }, { statusSince: '2999-01-01' }, { statusSince: 'x' }])
      expectProblem(await t.request('PATCH', `/v1/centers/${cA}`, { body }), 422);
  });

  it('every role that reads centers reads the history; unknown center 404; the list filters by status', async () => {
    for (const key of [lhasa, shigatse, mentor, staffA])
      expect((await ok(t.request('GET', `/v1/centers/${cA}/status-history`, { key }))).items.length).toBeGreaterThan(1);
    expectProblem(await t.request('GET', '/v1/centers/00000000-0000-7000-8000-000000000000/status-history'), 404);
    expectProblem(await t.request('GET', '/v1/centers/nope/status-history'), 404);
    expectProblem(await t.request('GET', `/v1/centers/${cA}/status-history`, { key: null }), 401);
    const planned = await ok(
      t.request('POST', '/v1/centers', {
        body: { name: '规划中心', regionCode: '540202', kind: 'incubator', pilot: false, status: 'planned' },
      }),
      201,
    );
    const list = await ok(t.request('GET', '/v1/centers?status=planned'));
    expect(list.items.map((c: any) => c.id)).toEqual([planned.id]);
    expectProblem(await t.request('GET', '/v1/centers?status=open'), 400);
  });
});
