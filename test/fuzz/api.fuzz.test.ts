// Property-based fuzzing of the whole API (fast-check). Routes are enumerated from the served
// OpenAPI document. Properties:
// - valid bodies of every resource → 201/200 and an exact round trip (POST, GET, PATCH, PUT by externalId);
// - a valid body with one field broken, a missing required field or an unknown field → 422
//   problem+json naming that field, and nothing written;
// - arbitrary JSON bodies, path ids and query strings on every operation → never 5xx; errors are
//   problem+json whose paths name something that was sent (or a required field);
// - list queries built from each parameter's schema → 200 when every value is valid, else 400
//   naming only parameters that were sent.
// - every request goes over real keep-alive connections (./http-transport.ts), oversized, empty and
//   malformed bodies and HEAD included: no request may end in a connection error.
// npm test runs a few thousand cases; `npm run fuzz` (FUZZ_SCALE) runs ≥ 10,000.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { TestApp, TestResponse } from '../harness.ts';
import { startGatedApp } from '../resources/fixtures.ts';
import { resourceDefs } from '../../src/resources/index.ts';
import { httpTransport, type HttpTransport } from './http-transport.ts';
import { PAIRS, badValue, name, requiredFields, runs, validBody, SCALE, type Pools, type Row } from './arbitraries.ts';

let t: TestApp;
let http: HttpTransport;
let pools: Pools;
let openapi: any;
/** Every response seen, by status class, and any 5xx (the goal: none). */
const stats = { requests: 0, cases: 0, byStatus: {} as Record<string, number>, serverErrors: [] as string[] };

async function call(
  method: string,
  path: string,
  opts: { key?: string | null; body?: unknown; raw?: string | Buffer; headers?: Record<string, string> } = {},
): Promise<TestResponse> {
  const res = await http.request(method, path, opts);
  stats.requests++;
  stats.byStatus[res.status] = (stats.byStatus[res.status] ?? 0) + 1;
  if (res.status >= 500)
    stats.serverErrors.push(
      `${method} ${path} ${JSON.stringify(opts.body ?? opts.raw)?.slice(0, 300)} → ${res.status} ${res.text.slice(0, 300)}`,
    );
  return res;
}

function assertProblem(res: TestResponse, label: string) {
  expect(res.status, `${label}: ${res.text.slice(0, 500)}`).toBeLessThan(500);
  if (res.status >= 400) {
    expect(res.headers.get('content-type'), label).toMatch(/^application\/problem\+json/);
    expect(res.body, label).toMatchObject({
      status: res.status,
      title: expect.any(String),
      detail: expect.any(String),
    });
    expect(Array.isArray(res.body.errors), label).toBe(true);
  }
}

/** The JSON round trip of what was sent (e.g. -0 → 0), for exact comparison with what comes back. */
const normal = (v: unknown) => JSON.parse(JSON.stringify(v));
const pick = (o: Row, keys: string[]) => Object.fromEntries(keys.filter((k) => k in o).map((k) => [k, o[k]]));

beforeAll(async () => {
  t = await startGatedApp();
  http = await httpTransport(t);
  const regions = (await t.request('GET', '/v1/regions', { key: null })).body;
  const codes: string[] = (Array.isArray(regions) ? regions : regions.items).map((r: Row) => r.code);
  const centers: string[] = [];
  for (let i = 0; i < 3; i++)
    centers.push(
      (
        await t.request('POST', '/v1/centers', {
          body: { name: `模糊测试中心 ${i}`, regionCode: codes[i], kind: 'other', pilot: false },
        })
      ).body.id,
    );
  const founders: string[] = [];
  for (let i = 0; i < 4; i++)
    founders.push(
      (
        await t.request('POST', '/v1/founders', {
          body: {
            name: `模糊 ${i}`,
            groups: ['graduate'],
            regionCode: '540102',
            languages: ['zh'],
            centerId: centers[i % 3],
          },
        })
      ).body.id,
    );
  pools = { regions: codes, centers, founders };
  openapi = (await t.request('GET', '/v1/openapi.json', { key: null })).body;
});
afterAll(async () => {
  // eslint-disable-next-line no-console
  console.log(
    `[fuzz] scale ${SCALE}: ${stats.cases} cases, ${stats.requests} requests, statuses ${JSON.stringify(stats.byStatus)}, 5xx: ${stats.serverErrors.length}, failed connections: ${http?.failures.length}`,
  );
  await http?.close();
  await t?.close();
});

const RESOURCES = resourceDefs.map((d) => d.name);
const defOf = (r: string) => resourceDefs.find((d) => d.name === r)!;

describe.each(RESOURCES)('%s', (resource) => {
  it('valid bodies: create, read, patch and upsert round-trip exactly', async () => {
    await fc.assert(
      fc.asyncProperty(
        validBody(resource, pools),
        validBody(resource, pools),
        fc.integer({ min: 0, max: 1000 }),
        async (body, other, seed) => {
          stats.cases++;
          const created = await call('POST', `/v1/${resource}`, { body });
          expect(created.status, created.text).toBe(201);
          const sent = normal(body);
          expect(pick(created.body, Object.keys(sent))).toEqual(sent);
          const got = await call('GET', `/v1/${resource}/${created.body.id}`);
          expect(got.body).toEqual(created.body);

          // a PATCH with a subset of another valid body (cross-field pairs kept together)
          const keys = Object.keys(other).filter((k, i) => (seed >> (i % 10)) & 1 && k !== 'externalId');
          for (const pair of PAIRS[resource] ?? [])
            if (pair.some((k) => keys.includes(k))) keys.push(...pair.filter((k) => !keys.includes(k)));
          const patch = pick(other, keys);
          const patched = await call('PATCH', `/v1/${resource}/${created.body.id}`, { body: patch });
          expect(patched.status, patched.text).toBe(200);
          expect(pick(patched.body, Object.keys(patch))).toEqual(normal(patch));
          // Moving a vetted or rejected project to another center returns it to review (src/resources/projects.ts).
          const moved =
            resource === 'projects' &&
            'centerId' in patch &&
            !('status' in patch) &&
            (patch.centerId ?? null) !== (created.body.centerId ?? null);
          const resubmitted = moved && ['vetted', 'rejected'].includes(created.body.status);
          for (const k of Object.keys(sent))
            if (!(k in patch))
              expect(patched.body[k], k).toEqual(k === 'status' && resubmitted ? 'submitted' : sent[k]);

          // PUT by externalId twice: created once, then the same record
          const ext = `fz-${created.body.id}`;
          const up1 = await call('PUT', `/v1/${resource}/by-external-id/${encodeURIComponent(ext)}`, { body: other });
          expect(up1.status, up1.text).toBe(201);
          const up2 = await call('PUT', `/v1/${resource}/by-external-id/${encodeURIComponent(ext)}`, { body: other });
          expect(up2.status, up2.text).toBe(200);
          expect(up2.body.id).toBe(up1.body.id);
          expect(
            pick(
              up2.body,
              Object.keys(normal(other)).filter((k) => k !== 'externalId'),
            ),
          ).toEqual(
            pick(
              normal(other),
              Object.keys(normal(other)).filter((k) => k !== 'externalId'),
            ),
          );
        },
      ),
      { numRuns: runs(40) },
    );
  });

  it('one broken, missing or unknown field: 422 naming it, nothing written', async () => {
    const required = requiredFields(defOf(resource).bodySchema as never);
    const mutation = validBody(resource, pools).chain((body) => {
      const fields = Object.keys(body);
      return fc.oneof(
        fc
          .constantFrom(...fields)
          .chain((f) => badValue(f, body[f]).map((v) => ({ body: { ...body, [f]: v }, field: f, how: 'bad' }))),
        fc.constantFrom(...required).map((f) => {
          const { [f]: _drop, ...rest } = body;
          return { body: rest, field: f, how: 'missing' };
        }),
        name(30)
          .filter((k) => !/^[\d.]*$/.test(k) && !(k in body) && !k.includes('.'))
          .map((k) => ({ body: { ...body, [k]: 1 }, field: k, how: 'unknown' })),
      );
    });
    await fc.assert(
      fc.asyncProperty(mutation, fc.boolean(), async ({ body, field, how }, asPatch) => {
        stats.cases++;
        const before = await t.db.execute(
          `select count(*)::int as n, max(updated_at)::text as u from "${resource}"` as never,
        );
        const target =
          asPatch && how !== 'missing' ? (await call('GET', `/v1/${resource}?limit=1`)).body.items[0]?.id : undefined;
        const res = target
          ? await call('PATCH', `/v1/${resource}/${target}`, { body: { [field]: (body as Row)[field] } })
          : await call('POST', `/v1/${resource}`, { body });
        const label = `${how} ${field}=${JSON.stringify((body as Row)[field])?.slice(0, 80)} (${target ? 'PATCH' : 'POST'})`;
        assertProblem(res, label);
        expect(res.status, `${label}: ${res.text}`).toBe(422);
        const paths = res.body.errors.map((e: Row) => String(e.path));
        expect(
          paths.some((p: string) => p === field || p.startsWith(`${field}.`)),
          `${label}: ${JSON.stringify(paths)}`,
        ).toBe(true);
        const after = await t.db.execute(
          `select count(*)::int as n, max(updated_at)::text as u from "${resource}"` as never,
        );
        expect(JSON.stringify(after), label).toBe(JSON.stringify(before));
      }),
      { numRuns: runs(100) },
    );
  });
});

describe('every operation of the OpenAPI document', () => {
  /** [method, path template, operation] for every documented operation. */
  const operations = () =>
    Object.entries(openapi.paths as Record<string, Row>).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([m]) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map(([m, op]) => [m.toUpperCase(), path, op] as [string, string, Row]),
    );

  it("is fuzzed (the document lists the contract's operations)", () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThan(50);
    for (const p of [
      '/v1/audit',
      '/v1/founders/{id}/export',
      '/v1/projects/{id}/matches/mentors',
      '/v1/introductions/{id}/accept',
    ])
      expect(ops.map((o) => o[1])).toContain(p);
  });

  it('arbitrary path ids: 404 (or another 4xx), never 5xx', async () => {
    const ops = operations().filter(([, p]) => p.includes('{'));
    const ids = fc.oneof(
      fc.string({ minLength: 1, maxLength: 40 }),
      fc.uuid(),
      fc.constantFrom(
        '0',
        '-1',
        'null',
        '..',
        '%',
        "' or 1=1 --",
        'a'.repeat(500),
        '00000000-0000-0000-0000-000000000000',
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ops),
        ids,
        fc.jsonValue({ maxDepth: 2 }),
        async ([method, template], id, body) => {
          stats.cases++;
          const path = template.replace(/\{[^}]+\}/g, () => encodeURIComponent(id));
          const res = await call(method, path, ['POST', 'PUT', 'PATCH'].includes(method) ? { body } : {});
          assertProblem(res, `${method} ${path}`);
          if (!template.includes('by-external-id'))
            expect(res.status, `${method} ${path}: ${res.text}`).toBeGreaterThanOrEqual(400);
        },
      ),
      { numRuns: runs(400) },
    );
  });

  it('arbitrary JSON bodies on every write operation (on existing records): never 5xx; errors name what was sent or required', async () => {
    const ids: Record<string, string> = {};
    const writeOps = operations().filter(([m]) => ['POST', 'PUT', 'PATCH'].includes(m));
    const idFor = async (template: string) => {
      const first = template.split('/')[2];
      if (!ids[first])
        ids[first] =
          (await t.request('GET', `/v1/${first}?limit=1`)).body?.items?.[0]?.id ??
          '00000000-0000-7000-8000-000000000000';
      return ids[first];
    };
    const bodies = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.dictionary(
        fc.constantFrom(
          'name',
          'title',
          'regionCode',
          'founderIds',
          'languages',
          'status',
          'role',
          'label',
          'weights',
          'projectId',
          'targetId',
          'targetKind',
          'founderId',
          'consent',
          'contact',
          'all',
          'note',
          'message',
        ),
        fc.jsonValue({ maxDepth: 2 }),
      ),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...writeOps), bodies, async ([method, template, op], body) => {
        stats.cases++;
        const id = await idFor(template);
        const path = template
          .replace('{externalId}', `fz-any-${Math.random().toString(36).slice(2)}`)
          .replace(/\{[^}]+\}/g, id);
        const res = await call(method, path, { body });
        assertProblem(res, `${method} ${path}`);
        if (res.status === 422 || res.status === 400) {
          const schema = op.requestBody?.content?.['application/json']?.schema;
          const required: string[] = schema?.$ref
            ? (openapi.components.schemas[schema.$ref.split('/').pop()].required ?? [])
            : (schema?.required ?? []);
          const sent = body && typeof body === 'object' && !Array.isArray(body) ? Object.keys(body) : [];
          for (const e of res.body.errors as Row[]) {
            const path = String(e.path);
            const names = (k: string) => path === k || path.startsWith(`${k}.`);
            expect(
              path === '' || sent.some(names) || required.some(names),
              `${method} ${path} ${JSON.stringify(body).slice(0, 200)} → ${JSON.stringify(e)}`,
            ).toBe(true);
          }
        }
      }),
      { numRuns: runs(700) },
    );
  });

  it("list queries from each parameter's schema: 200 when all valid, else 400 naming only sent parameters", async () => {
    // Figures and reports (/v1/stats, /v1/reports) are not lists: they check their query as a whole and
    // answer 422 (test/statistics/ covers their bad input).
    const lists = operations().filter(
      ([m, p, op]) =>
        m === 'GET' &&
        !p.includes('{') &&
        !/^\/v1\/(stats|reports)\//.test(p) &&
        (op.parameters ?? []).some((x: Row) => x.in === 'query'),
    );
    expect(lists.length).toBeGreaterThanOrEqual(8);
    const validFor = (param: Row): fc.Arbitrary<string> | null => {
      const s = param.schema ?? {};
      if (param.name === 'cursor') return null;
      if (s.enum) return fc.constantFrom(...s.enum.map(String));
      if (s.type === 'integer' || s.type === 'number')
        return fc.integer({ min: s.minimum ?? 0, max: Math.min(s.maximum ?? 1000, 1000) }).map(String);
      if (s.format === 'uuid') return fc.uuid().map(String);
      if (s.format === 'date-time')
        return fc
          .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
          .map((d) => d.toISOString());
      if (/Codes?$/.test(param.name)) return fc.constantFrom(...pools.regions);
      if (param.name === 'action') return fc.constantFrom('project.status', 'introduction.*', 'api_key.create');
      return name(Math.min(s.maxLength ?? 100, 100));
    };
    const invalid = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom('', ' ', "' or 1=1 --", '%', '-1', '1e9', 'true', '[]', '{}', 'a'.repeat(300)),
    );
    const queries = fc.constantFrom(...lists).chain(([, path, op]) => {
      const params: Row[] = (op.parameters ?? []).filter((x: Row) => x.in === 'query');
      return fc
        .uniqueArray(fc.constantFrom(...params), { maxLength: 4, selector: (x) => x.name })
        .chain((chosen) =>
          fc.tuple(
            ...chosen.map((p) => {
              const v = validFor(p);
              return v
                ? fc.oneof(
                    v.map((x) => [p.name, x, true] as const),
                    invalid.map((x) => [p.name, x, false] as const),
                  )
                : invalid.map((x) => [p.name, x, false] as const);
            }),
          ),
        )
        .map((pairs) => ({ path, pairs: pairs as (readonly [string, string, boolean])[] }));
    });
    await fc.assert(
      fc.asyncProperty(queries, async ({ path, pairs }) => {
        stats.cases++;
        const qs = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
        const res = await call('GET', `${path}?${qs}`);
        const label = `GET ${path}?${qs}`;
        assertProblem(res, label);
        if (pairs.every(([, , ok]) => ok)) expect(res.status, `${label}: ${res.text}`).toBe(200);
        else expect([200, 400], `${label}: ${res.text}`).toContain(res.status);
        if (res.status === 400) {
          expect(res.body.errors.length, label).toBeGreaterThan(0);
          for (const e of res.body.errors as Row[])
            expect(
              pairs.map(([k]) => k),
              `${label}: ${JSON.stringify(e)}`,
            ).toContain(String(e.path).split('.')[0]);
        }
      }),
      { numRuns: runs(600) },
    );
  });

  it('oversized, empty and malformed bodies and HEAD leave the keep-alive connection usable', async () => {
    const ops = operations();
    const gets = ops.filter(([m, p]) => m === 'GET' && !p.includes('{')).map(([, p]) => p);
    const writes = ops
      .filter(([m]) => m !== 'GET')
      .map(([m, p]) => [m, p.replace(/\{[^}]+\}/g, '00000000-0000-7000-8000-000000000000')] as const);
    const MiB = 1024 * 1024;
    const edge = fc.oneof(
      // over the 1 MiB limit (the rest is drained, so the socket stays in step)
      fc.tuple(fc.constantFrom(...writes), fc.integer({ min: 1, max: MiB })).map(([[m, p], extra]) => ({
        method: m,
        path: p,
        raw: Buffer.alloc(MiB + extra, 0x61),
        headers: { 'content-type': 'application/json' },
        expect: [413],
      })),
      // an empty body with a JSON content type is no body
      fc.constantFrom(...writes).map(([m, p]) => ({
        method: m,
        path: p,
        raw: '',
        headers: { 'content-type': 'application/json' },
        expect: [] as number[],
      })),
      // malformed JSON and foreign content types
      fc
        .tuple(
          fc.constantFrom(...writes),
          fc.constantFrom('{', '{"a":', 'null', '[]', '\u0000', '{"a":1}{"b":2}'),
          fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'),
        )
        .map(([[m, p], raw, type]) => ({
          method: m,
          path: p,
          raw,
          headers: { 'content-type': type },
          expect: [] as number[],
        })),
      fc
        .constantFrom(...gets)
        .map((p) => ({ method: 'HEAD', path: p, raw: undefined, headers: {}, expect: [] as number[] })),
    );
    await fc.assert(
      fc.asyncProperty(edge, async (c) => {
        stats.cases++;
        const res = await call(c.method, c.path, { raw: c.raw, headers: c.headers });
        expect(res.status, `${c.method} ${c.path}: ${res.text.slice(0, 300)}`).toBeLessThan(500);
        if (c.expect.length) expect(c.expect, `${c.method} ${c.path}`).toContain(res.status);
        const next = await call('GET', '/health', { key: null });
        expect(next.status).toBe(200);
      }),
      { numRuns: runs(60) },
    );
  });

  it('found no 5xx and no failed connection anywhere', () => {
    expect(stats.serverErrors, stats.serverErrors.join('\n')).toEqual([]);
    expect(http.failures, http.failures.join('\n')).toEqual([]);
  });
});
