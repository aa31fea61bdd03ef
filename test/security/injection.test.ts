// SQL, JSON and HTML injection strings in every text field, filter and path: stored and returned
// verbatim, found by search as plain text, and never changing what a query does (rejected filters
// are 400 naming the parameter; nothing is written by a read).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../harness.ts';
import { fingerprint, makeCtx, randomTag, specs, startGatedApp, type Ctx, type Row } from '../resources/fixtures.ts';

const INJECTIONS = [
  `'; drop table founders; --`,
  `" or ""="`,
  `' or '1'='1`,
  `1; select pg_sleep(5)--`,
  `' union select key_hash, null from api_keys --`,
  `%`,
  `_`,
  `\\%_\\`,
  `$1 $$ $tag$ '' ''`,
  `E'\\x00' \\0 \\n`,
  `{"$gt": ""}`,
  `{"__proto__": {"admin": true}}`,
  `]}"}, {"role": "admin"`,
  `<script>alert("x")</script>`,
  `</textarea><img src=x onerror=alert(1)>`,
  `javascript:alert(1)`,
  `{{7*7}} \${7*7} <%= 7*7 %>`,
  `../../etc/passwd`,
  `\u202etxt.exe 藏 བོད་`,
  `null`,
];

let t: TestApp;
let ctx: Ctx;
beforeAll(async () => {
  t = await startGatedApp();
  ctx = await makeCtx(t, randomTag());
});
afterAll(async () => {
  await t?.close();
});

/** The searchable text fields per resource (`q` matches any of them, case-insensitively). */
const SEARCHED: Record<string, string[]> = {
  centers: ['name'],
  founders: ['name'],
  projects: ['title', 'description'],
  mentors: ['name', 'bio'],
  investors: ['name', 'thesis'],
  trainings: ['title', 'description'],
  services: ['name', 'description'],
};

describe('text fields', () => {
  const created = new Map<string, Row[]>();

  it('every text field of every resource stores and returns each string verbatim', async () => {
    for (const spec of specs) {
      const rows: Row[] = [];
      for (const [k, inj] of INJECTIONS.entries()) {
        const body: Row = { ...spec.sample(ctx, k % 7), externalId: `${inj} #${k}` };
        for (const f of spec.textFields) body[f] = `${inj} ${f}`;
        if ('contact' in body || spec.name === 'mentors')
          body.contact = { phone: inj.slice(0, 40), wechat: inj.slice(0, 100) };
        if (spec.name === 'projects') body.confidential = { [inj]: inj, nested: { list: [inj, { "'": '"' }] } };
        const res = await t.request('POST', `/v1/${spec.name}`, { body });
        expect(res.status, `${spec.name} ${inj}: ${res.text}`).toBe(201);
        const got = await t.request('GET', `/v1/${spec.name}/${res.body.id}`);
        for (const f of [...spec.textFields, 'externalId']) expect(got.body[f], `${spec.name}.${f}`).toBe(body[f]);
        if (body.contact) expect(got.body.contact).toEqual(body.contact);
        if (body.confidential) expect(got.body.confidential).toEqual(body.confidential);
        // the raw response is JSON, never HTML that a browser would render
        expect(got.headers.get('content-type')).toMatch(/^application\/json/);
        expect(got.headers.get('x-content-type-options')).toBe('nosniff');
        rows.push(got.body);
      }
      created.set(spec.name, rows);
    }
  });

  it('search (q) finds exactly the records containing the string, as plain text', async () => {
    for (const spec of specs) {
      for (const [k, inj] of INJECTIONS.entries()) {
        const res = await t.request('GET', `/v1/${spec.name}?limit=200&q=${encodeURIComponent(inj)}`);
        expect(res.status, `${spec.name} q=${inj}: ${res.text}`).toBe(200);
        const needle = inj.toLowerCase();
        for (const item of res.body.items) {
          expect(
            SEARCHED[spec.name].some((f) =>
              String(item[f] ?? '')
                .toLowerCase()
                .includes(needle),
            ),
            `${spec.name} q=${inj} returned ${item.id}`,
          ).toBe(true);
        }
        expect(
          res.body.items.map((x: Row) => x.id),
          `${spec.name} q=${inj}`,
        ).toContain(created.get(spec.name)![k].id);
      }
    }
  });

  it('upsert by an externalId full of injection characters is idempotent', async () => {
    for (const [k, inj] of INJECTIONS.entries()) {
      const path = `/v1/centers/by-external-id/${encodeURIComponent(`${inj} #${k}`)}`;
      const res = await t.request('PUT', path, {
        body: { name: `改 ${inj}`, regionCode: '540102', kind: 'other', pilot: false },
      });
      expect(res.status, `${inj}: ${res.text}`).toBe(200);
      expect(res.body.id).toBe(created.get('centers')![k].id);
      expect(res.body.name).toBe(`改 ${inj}`);
    }
  });

  it('introduction messages and key labels too', async () => {
    const projectId = created.get('projects')!.find((p) => p.status === 'vetted')!.id;
    const mentorId = created.get('mentors')!.find((m) => m.active)!.id;
    const inj = INJECTIONS.join(' | ').slice(0, 1900);
    const intro = await t.request('POST', '/v1/introductions', {
      body: { projectId, targetKind: 'mentor', targetId: mentorId, message: inj },
    });
    expect(intro.status, intro.text).toBe(201);
    expect((await t.request('GET', `/v1/introductions/${intro.body.id}`)).body.message).toBe(inj);
    const key = await t.request('POST', '/v1/api-keys', { body: { role: 'admin', label: INJECTIONS[4] } });
    expect(key.status, key.text).toBe(201);
    expect(key.body.label).toBe(INJECTIONS[4]);
  });
});

describe('filters and paths', () => {
  it('an injection string in any filter is either plain text (200) or a 400 naming the parameter; nothing is written', async () => {
    const before = await fingerprint(t);
    const params: Record<string, string[]> = {
      centers: ['regionCode', 'kind', 'pilot', 'q'],
      founders: ['regionCode', 'centerId', 'group', 'language', 'q'],
      projects: ['regionCode', 'sector', 'stage', 'status', 'centerId', 'founderId', 'need', 'language', 'q'],
      mentors: ['regionCode', 'sector', 'expertise', 'language', 'remote', 'active', 'q'],
      investors: ['kind', 'sector', 'stage', 'regionCode', 'active', 'q'],
      trainings: ['regionCode', 'mode', 'provider', 'topic', 'q'],
      services: ['regionCode', 'category', 'centerId', 'q'],
    };
    for (const [resource, names] of Object.entries(params)) {
      const total = (await t.request('GET', `/v1/${resource}?limit=200`)).body.items.length;
      for (const name of [...names, 'cursor', 'limit']) {
        for (const inj of INJECTIONS) {
          const res = await t.request('GET', `/v1/${resource}?${name}=${encodeURIComponent(inj)}`);
          const label = `${resource}?${name}=${inj}`;
          if (res.status === 200) {
            expect(['q', 'provider'], label).toContain(name);
            // never more than the unfiltered list: an "or 1=1" would return everything
            expect(res.body.items.length, label).toBeLessThan(total);
          } else {
            expect(res.status, `${label}: ${res.text}`).toBe(400);
            expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
            expect(
              res.body.errors.map((e: Row) => e.path),
              label,
            ).toContain(name);
          }
        }
      }
    }
    // path ids and other lists
    for (const inj of INJECTIONS) {
      for (const path of [
        `/v1/founders/${encodeURIComponent(inj)}`,
        `/v1/projects/${encodeURIComponent(inj)}/matches/mentors`,
        `/v1/introductions/${encodeURIComponent(inj)}`,
        `/v1/trainings/${encodeURIComponent(inj)}/enrollments`,
      ]) {
        const res = await t.request('GET', path);
        expect(res.status, `${path}: ${res.text}`).toBe(404);
      }
      for (const q of [
        `status=${encodeURIComponent(inj)}`,
        `projectId=${encodeURIComponent(inj)}`,
        `action=${encodeURIComponent(inj)}`,
      ]) {
        const path = q.startsWith('action') ? `/v1/audit?${q}` : `/v1/introductions?${q}`;
        const res = await t.request('GET', path);
        expect([200, 400], `${path}: ${res.text}`).toContain(res.status);
        if (res.status === 200) expect(res.body.items, path).toEqual([]);
      }
      expect((await t.request('DELETE', `/v1/centers/${encodeURIComponent(inj)}`)).status).toBe(404);
    }
    expect(await fingerprint(t)).toEqual(before);
  });
});
