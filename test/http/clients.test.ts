// Ordinary HTTP clients: an empty body with a JSON content type is no body; a refused oversized
// body (413) leaves a keep-alive connection usable; the client address behind proxies is the
// right-most untrusted X-Forwarded-For hop (TRUST_PROXY: hop count or CIDR list).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '@hono/node-server';
import { Agent, request as httpRequest } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { startTestApp, ADMIN_KEY, type TestApp } from '../harness.ts';
import { expectProblem, founderBody, mentorBody, ok, projectBody } from '../auth/world.ts';
import { clientAddressResolver, parseProxyTrust } from '../../src/http/client-ip.ts';
import { loadConfig, ConfigError } from '../../src/config.ts';

let t: TestApp;
let server: ReturnType<typeof serve>;
let port: number;
let projectId: string;
let mentorId: string;

beforeAll(async () => {
  t = await startTestApp();
  server = serve({ fetch: t.service.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  port = (server.address() as AddressInfo).port;
  const center = (
    await ok(
      t.request('POST', '/v1/centers', {
        body: { name: '客户端中心', regionCode: '540102', kind: 'makerspace', pilot: false },
      }),
      201,
    )
  ).id;
  const f = (await ok(t.request('POST', '/v1/founders', { body: founderBody('客户端', 'wx-cl', center) }), 201)).id;
  projectId = (
    await ok(
      t.request('POST', '/v1/projects', {
        body: projectBody({ title: '客户端项目', centerId: center, founderIds: [f] }),
      }),
      201,
    )
  ).id;
  mentorId = (await ok(t.request('POST', '/v1/mentors', { body: mentorBody('客户端导师', 'wx-clm') }), 201)).id;
});
afterAll(async () => {
  server?.close();
  await t?.close();
});

let mentors = 0;
/** A new introduction of the project to a new mentor (a declined pair is never requested again). */
const requestIntro = async () => {
  const targetId =
    mentors++ === 0
      ? mentorId
      : (
          await ok(
            t.request('POST', '/v1/mentors', { body: mentorBody(`客户端导师${mentors}`, `wx-clm${mentors}`) }),
            201,
          )
        ).id;
  return (
    await ok(t.request('POST', '/v1/introductions', { body: { projectId, targetKind: 'mentor', targetId } }), 201)
  ).id as string;
};
const json = { 'content-type': 'application/json' };

describe('an empty body with Content-Type: application/json is no body', () => {
  it('on action endpoints (accept, end, decline) in process', async () => {
    const id = await requestIntro();
    expect((await ok(t.request('POST', `/v1/introductions/${id}/accept`, { raw: '', headers: json }))).status).toBe(
      'accepted',
    );
    expect(
      (
        await ok(
          t.request('POST', `/v1/introductions/${id}/end`, {
            raw: '',
            headers: { 'content-type': 'application/json; charset=utf-8' },
          }),
        )
      ).status,
    ).toBe('ended');
    const other = await requestIntro();
    expect((await ok(t.request('POST', `/v1/introductions/${other}/decline`, { raw: '', headers: json }))).status).toBe(
      'declined',
    );
  });

  it('over real HTTP with Content-Length: 0', async () => {
    const id = await requestIntro();
    const res = await fetch(`http://127.0.0.1:${port}/v1/introductions/${id}/accept`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_KEY}`, ...json, 'content-length': '0' },
      body: '',
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await res.json()).status).toBe('accepted');
    await ok(t.request('POST', `/v1/introductions/${id}/end`));
  });

  it('a required body reads as missing fields (422), not as malformed JSON; malformed JSON is still 400', async () => {
    const empty = await t.request('POST', '/v1/centers', { raw: '', headers: json });
    expectProblem(empty, 422);
    expect(empty.body.errors.map((e: { path: string }) => e.path)).toContain('name');
    const whitespace = await t.request('POST', '/v1/centers', { raw: ' ', headers: json });
    expectProblem(whitespace, 400);
    expect(whitespace.body.detail).toMatch(/Malformed JSON/);
    expectProblem(
      await t.request('POST', `/v1/introductions/${await requestIntro()}/accept`, { raw: '{', headers: json }),
      400,
    );
  });

  it('anonymous empty requests are still 401', async () => {
    expectProblem(await t.request('POST', '/v1/centers', { key: null, raw: '', headers: json }), 401);
  });
});

/** A raw HTTP/1.1 connection: write requests, read responses in order. */
function rawConnection(): Promise<{
  socket: Socket;
  send: (text: string | Buffer) => void;
  next: () => Promise<{ status: number; headers: string; body: string }>;
  closed: Promise<void>;
}> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let buffered = Buffer.alloc(0);
    let waiting: (() => void) | null = null;
    socket.on('data', (d) => {
      buffered = Buffer.concat([buffered, d]);
      waiting?.();
    });
    const closed = new Promise<void>((r) =>
      socket.on('close', () => {
        r();
        waiting?.();
      }),
    );
    const next = async () => {
      for (;;) {
        const text = buffered.toString('latin1');
        const end = text.indexOf('\r\n\r\n');
        if (end >= 0) {
          const head = text.slice(0, end);
          const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
          if (buffered.length >= end + 4 + length) {
            const body = buffered.subarray(end + 4, end + 4 + length).toString('utf8');
            buffered = buffered.subarray(end + 4 + length);
            return { status: Number(head.split(' ')[1]), headers: head.toLowerCase(), body };
          }
        }
        if (socket.destroyed) throw new Error(`connection closed; received: ${text.slice(0, 200)}`);
        await new Promise<void>((r) => (waiting = r));
      }
    };
    socket.once('connect', () => resolve({ socket, send: (x) => socket.write(x), next, closed }));
    socket.once('error', reject);
  });
}

const auth = `Authorization: Bearer ${ADMIN_KEY}\r\n`;
const health = 'GET /health HTTP/1.1\r\nHost: t\r\n\r\n';

describe('an oversized body (413) keeps the connection usable', () => {
  it('declared length: the next request on the same socket is answered', async () => {
    const c = await rawConnection();
    const big = Buffer.alloc(2 * 1024 * 1024, 'x');
    c.send(
      `POST /v1/centers HTTP/1.1\r\nHost: t\r\n${auth}Content-Type: application/json\r\nContent-Length: ${big.length}\r\n\r\n`,
    );
    c.send(big);
    const refused = await c.next();
    expect(refused.status).toBe(413);
    expect(JSON.parse(refused.body).detail).toMatch(/1 MiB/);
    c.send(health);
    const after = await c.next();
    expect(after.status).toBe(200);
    expect(JSON.parse(after.body)).toEqual({ ok: true });
    c.socket.destroy();
  });

  it('chunked: the same', async () => {
    const c = await rawConnection();
    c.send(
      `POST /v1/centers HTTP/1.1\r\nHost: t\r\n${auth}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`,
    );
    const chunk = Buffer.alloc(256 * 1024, 'y');
    for (let i = 0; i < 6; i++)
      c.send(Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]));
    c.send('0\r\n\r\n');
    expect((await c.next()).status).toBe(413);
    c.send(health);
    expect((await c.next()).status).toBe(200);
    c.socket.destroy();
  });

  it('a body too large to drain is refused with Connection: close, and the socket is closed cleanly', async () => {
    const c = await rawConnection();
    c.send(
      `POST /v1/centers HTTP/1.1\r\nHost: t\r\n${auth}Content-Type: application/json\r\nContent-Length: ${200 * 1024 * 1024}\r\n\r\n{"name":`,
    );
    const refused = await c.next();
    expect(refused.status).toBe(413);
    expect(refused.headers).toMatch(/\r\nconnection: close/);
    await c.closed;
  });

  it('a keep-alive http.Agent reuses the socket after the 413', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const call = (method: string, path: string, body?: Buffer) =>
      new Promise<{ status: number; reused: boolean; text: string }>((resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port,
            method,
            path,
            agent,
            headers: {
              authorization: `Bearer ${ADMIN_KEY}`,
              ...(body ? { ...json, 'content-length': body.length } : {}),
            },
          },
          (res) => {
            let text = '';
            res.on('data', (d) => (text += d));
            res.on('end', () => resolve({ status: res.statusCode!, reused: req.reusedSocket, text }));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    try {
      expect((await call('GET', '/v1/centers')).status).toBe(200);
      expect((await call('POST', '/v1/centers', Buffer.alloc(1024 * 1024 + 1, 'z'))).status).toBe(413);
      const after = await call('GET', '/v1/centers');
      expect(after.status, after.text).toBe(200);
      expect(after.reused).toBe(true);
    } finally {
      agent.destroy();
    }
  });
});

describe('client address behind proxies (TRUST_PROXY)', () => {
  it('parses false / true / hop counts / address and CIDR lists, and names a wrong value', () => {
    expect(parseProxyTrust('false')).toEqual({ hops: 0 });
    expect(parseProxyTrust('true')).toEqual({ hops: 1 });
    expect(parseProxyTrust('2')).toEqual({ hops: 2 });
    expect(parseProxyTrust('10.0.0.0/8, 127.0.0.1,::1, fd00::/8')).toEqual({
      ranges: ['10.0.0.0/8', '127.0.0.1', '::1', 'fd00::/8'],
    });
    for (const bad of ['10.0.0.0/33', 'proxy.local', '10.0.0.1/8/2', '999.1.1.1', '::1/129', '100'])
      expect(() => parseProxyTrust(bad), bad).toThrow();
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0/8' })).toThrow(ConfigError);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0/8' })).toThrow(/TRUST_PROXY/);
    expect(loadConfig({}).TRUST_PROXY).toEqual({ hops: 0 });
  });

  it('hop counts: the n-th hop from the socket; the left-most when there are fewer', () => {
    const off = clientAddressResolver({ hops: 0 });
    expect(off('192.0.2.1', '1.1.1.1')).toBe('192.0.2.1');
    const one = clientAddressResolver({ hops: 1 });
    expect(one('10.0.0.1', 'spoofed, 203.0.113.5')).toBe('203.0.113.5');
    expect(one('10.0.0.1', undefined)).toBe('10.0.0.1');
    const two = clientAddressResolver({ hops: 2 });
    expect(two('10.0.0.1', 'spoofed, 203.0.113.5, 10.0.0.2')).toBe('203.0.113.5');
    expect(two('10.0.0.1', '203.0.113.5')).toBe('203.0.113.5');
  });

  it('CIDR lists: the right-most hop outside them; a direct client cannot spoof the header', () => {
    const r = clientAddressResolver(parseProxyTrust('10.0.0.0/8,127.0.0.1,::1'));
    expect(r('127.0.0.1', 'spoofed, 203.0.113.5, 10.1.2.3')).toBe('203.0.113.5');
    expect(r('::ffff:127.0.0.1', ' 203.0.113.6 ')).toBe('203.0.113.6');
    expect(r('::1', '2001:db8::7')).toBe('2001:db8::7');
    expect(r('198.51.100.9', '10.0.0.5')).toBe('198.51.100.9');
    expect(r('127.0.0.1', '10.0.0.5, 10.0.0.6')).toBe('10.0.0.5');
    expect(r('127.0.0.1', 'garbage, 203.0.113.5')).toBe('203.0.113.5');
    expect(r('127.0.0.1', '203.0.113.5, garbage')).toBe('garbage');
  });

  it('over real HTTP behind a trusted proxy: failures are counted for the right-most untrusted hop', async () => {
    const app = await startTestApp({
      RATE_LIMIT_AUTH_FAILURES: '3',
      RATE_LIMIT_AUTH_WINDOW_MS: '60000',
      TRUST_PROXY: '127.0.0.0/8',
    });
    const s = serve({ fetch: app.service.app.fetch, port: 0, hostname: '127.0.0.1' });
    try {
      await new Promise((r) => s.once('listening', r));
      const base = `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
      const get = (key: string, xff: string) =>
        fetch(`${base}/v1/centers`, { headers: { authorization: `Bearer ${key}`, 'x-forwarded-for': xff } });
      for (let i = 0; i < 3; i++) expect((await get('wrong', `198.51.100.${i}, 203.0.113.5`)).status).toBe(401);
      expect((await get('wrong', '9.9.9.9, 203.0.113.5')).status).toBe(429); // a new left-most entry escapes nothing
      expect((await get('wrong', '203.0.113.6')).status).toBe(401); // another client behind the proxy
      expect((await get(ADMIN_KEY, '203.0.113.6')).status).toBe(200);
    } finally {
      s.close();
      await app.close();
    }
  });
});
