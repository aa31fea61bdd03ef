// The console benchmark's crawler: which links it follows, how it groups pages, and a real crawl of the
// app over HTTP (Server-Timing present on every console answer). No timing assertions.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptInvitation, crawl, pageLinks, pathPattern, serverTime, Visitor } from '../../bench/console/crawl.ts';
import { startTestApp, type TestApp } from '../harness.ts';
import { inviteAccount } from '../console/accounts.ts';

const ID = '0190a0b1-7c3d-7e4f-8a9b-0c1d2e3f4a5b';

describe('pathPattern', () => {
  it('collapses uuids to :id and drops the query', () => {
    expect(pathPattern(`/app/projects/${ID}/matches/mentors?page=2`)).toBe('/app/projects/:id/matches/mentors');
    expect(pathPattern(`/app/introductions/${ID.toUpperCase()}`)).toBe('/app/introductions/:id');
    expect(pathPattern('/app')).toBe('/app');
    // Not a uuid: a page of its own.
    expect(pathPattern('/app/projects/new')).toBe('/app/projects/new');
  });
});

describe('pageLinks', () => {
  const page = 'http://127.0.0.1:3000/app/projects';
  it('keeps same-origin console links, resolved, in order, once', () => {
    const html = `
      <nav><a href="/app">h</a><a class="x" href="/app/projects/${ID}?tab=a&amp;page=2#top">p</a></nav>
      <a href='new'>relative</a> <a href=/app/account>unquoted</a> <a href="/app">again</a>`;
    expect(pageLinks(html, page)).toEqual(['/app', `/app/projects/${ID}?tab=a&page=2`, '/app/new', '/app/account']);
  });

  it('leaves out sign-out, static files, other origins, other areas, the language switch and non-links', () => {
    const html = `
      <a href="/app/logout">out</a><a href="/app/assets/app.css">css</a>
      <a href="https://example.org/app/x">elsewhere</a><a href="//evil.example/app">protocol-relative</a>
      <a href="/v1/projects">api</a><a href="/docs">docs</a><a href="mailto:a@b.c">mail</a>
      <a href="javascript:void(0)">js</a><a name="anchor">no href</a><a href="#top">fragment</a>
      <link rel="stylesheet" href="/app/style"><a href="/app/projects?lang=bo">བོད་</a>
      <a href="/app/account?lang=en&amp;tab=keys">en</a><a data-href="/app/not-this" href="/app/this">data</a>`;
    expect(pageLinks(html, page)).toEqual(['/app/projects', '/app/account?tab=keys', '/app/this']);
  });
});

describe('serverTime', () => {
  it('reads the app entry of Server-Timing', () => {
    expect(serverTime('app;dur=12.5')).toBe(12.5);
    expect(serverTime('db;dur=3, app;desc="page";dur=7')).toBe(7);
    expect(serverTime('db;dur=3')).toBeNull();
    expect(serverTime('app;dur=abc')).toBeNull();
    expect(serverTime(null)).toBeNull();
  });
});

describe('a crawl of the real console over HTTP', () => {
  let app: TestApp;
  let base: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    app = await startTestApp();
    const server = serve({ fetch: app.service.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((r) => server.once('listening', () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise<void>((r) => server.close(() => r()));
  });
  afterAll(async () => {
    await close?.();
    await app?.close();
  });

  it('signs in through the invitation page and measures every linked page once, with server time', async () => {
    const invited = await inviteAccount(app, { login: 'crawler@example.org', role: 'admin' });
    const visitor = await acceptInvitation(base, invited.url, 'Yak-butter-tea-crawl-7');
    const rows = await crawl(visitor, { requests: 2, warmups: 0 });
    expect(rows[0]).toMatchObject({ pattern: '/app', path: '/app', status: 200 });
    const patterns = rows.map((r) => r.pattern);
    expect(new Set(patterns).size).toBe(patterns.length);
    expect(patterns).not.toContain('/app/logout');
    for (const r of rows) {
      expect(r.firstServerMs, r.pattern).not.toBeNull();
      expect(r.server.n, r.pattern).toBe(2);
      // A redirect (/app/statistics → its first tab) has no body; the crawl follows it.
      if (r.status !== 303) expect(r.bytes, r.pattern).toBeGreaterThan(0);
    }
    // Still signed in afterwards: the crawl never signed out.
    expect((await visitor.get('/app')).status).toBe(200);
  });

  it('sends Server-Timing on every console answer, signed in or not, pages and errors', async () => {
    const anonymous = new Visitor(base);
    for (const path of ['/app/login', '/app', `/app/no-such-page/${ID}`]) {
      const res = await fetch(base + path, { redirect: 'manual' });
      expect(res.headers.get('server-timing'), path).toMatch(/^app;dur=\d+(\.\d)?$/);
    }
    expect((await anonymous.get('/app')).status).toBe(303);
  });
});
