// The console crawl: a signed-in person starts at /app and follows the console's own `<a href>` links
// breadth-first (GET only), so the pages measured are the ones the console links to, with no list to
// keep. Each page pattern (ids collapsed to `:id`) is measured once per person: the server's own time
// (Server-Timing `app;dur`), the round trip, and the page's size.
import { quantiles, type Quantiles } from '../scale/server.ts';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** `/app/projects/<uuid>/matches` → `/app/projects/:id/matches`: one pattern per kind of page. */
export const pathPattern = (path: string) => new URL(path, 'http://x').pathname.replace(UUID, ':id');

/**
 * Links never followed: signing out, the static files (styles, fonts: not pages), and downloads
 * (spreadsheet exports and templates, measured by bench/spreadsheets.ts; statistical reports, by bench/statistics.ts).
 */
const SKIP = /^\/app\/(logout|assets|exports)(\/|$)|^\/app\/spreadsheets\/templates\/|^\/app\/statistics\/reports\//;

const decodeAttr = (s: string) =>
  s.replace(/&(amp|quot|#39|#x27|lt|gt);/g, (_, e: string) =>
    e === 'amp' ? '&' : e === 'quot' ? '"' : e === 'lt' ? '<' : e === 'gt' ? '>' : "'",
  );

/**
 * The console pages a page links to: `<a href>` (not `<link>`), same origin, under /app, without the
 * fragment and without `lang` (a language switch shows the same page and would change the crawler's
 * language cookie). Paths with their query, in document order, each once.
 */
export function pageLinks(html: string, pageUrl: string): string[] {
  const here = new URL(pageUrl);
  const out = new Set<string>();
  for (const m of html.matchAll(/<a\s(?:[^>]*?\s)?href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/gi)) {
    const raw = decodeAttr(m[1] ?? m[2] ?? m[3] ?? '').trim();
    if (!raw || /^(javascript|mailto|tel|data):/i.test(raw)) continue;
    let u: URL;
    try {
      u = new URL(raw, here);
    } catch {
      continue;
    }
    if (u.origin !== here.origin || !/^\/app(\/|$)/.test(u.pathname) || SKIP.test(u.pathname)) continue;
    u.searchParams.delete('lang');
    u.hash = '';
    out.add(u.pathname + u.search);
  }
  return [...out];
}

/** The `app` entry of a Server-Timing header, in ms (null when absent). */
export function serverTime(header: string | null): number | null {
  for (const entry of (header ?? '').split(',')) {
    const [name, ...params] = entry.split(';').map((s) => s.trim());
    if (name !== 'app') continue;
    const dur = params.find((p) => p.startsWith('dur='));
    const ms = dur ? Number(dur.slice(4)) : NaN;
    return Number.isFinite(ms) ? ms : null;
  }
  return null;
}

export interface Page {
  status: number;
  html: string;
  bytes: number;
  location: string | null;
  serverMs: number | null;
  wallMs: number;
  contentType: string;
}

/** A browser without a browser: a cookie jar, redirects left to the caller, the page's form token. */
export class Visitor {
  readonly cookies = new Map<string, string>();
  csrf = '';

  constructor(readonly base: string) {}

  private async send(path: string, init: RequestInit): Promise<Page> {
    const t0 = performance.now();
    const res = await fetch(this.base + path, {
      ...init,
      redirect: 'manual',
      headers: { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '), ...init.headers },
    });
    const body = new Uint8Array(await res.arrayBuffer());
    const wallMs = performance.now() - t0;
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (!value || attrs.some((a) => /^\s*max-age=0\b/i.test(a))) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const contentType = res.headers.get('content-type') ?? '';
    const html = contentType.includes('html') ? new TextDecoder().decode(body) : '';
    const token = /name="_csrf" value="([^"]+)"/.exec(html);
    if (token) this.csrf = token[1];
    return {
      status: res.status,
      html,
      bytes: body.byteLength,
      location: res.headers.get('location'),
      serverMs: serverTime(res.headers.get('server-timing')),
      wallMs,
      contentType,
    };
  }

  get(path: string) {
    return this.send(path, { method: 'GET' });
  }

  /** A form post as a browser sends it from this site: Origin set, the page's form token added. */
  post(path: string, form: Record<string, string>) {
    return this.send(path, {
      method: 'POST',
      headers: { origin: this.base, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: this.csrf, ...form }).toString(),
    });
  }
}

/** Opens an invitation link and chooses the password, as the invited person does: then signed in. */
export async function acceptInvitation(base: string, invitePath: string, password: string): Promise<Visitor> {
  const v = new Visitor(base);
  const form = await v.get(invitePath);
  if (form.status !== 200) throw new Error(`invitation page ${form.status}`);
  const done = await v.post(invitePath, { password, password2: password });
  if (done.status !== 303) throw new Error(`invitation not accepted: ${done.status} ${done.html.slice(0, 300)}`);
  return v;
}

export interface PageRow {
  pattern: string;
  /** The first URL found for the pattern: the one measured. */
  path: string;
  /** Where it was first linked from. */
  from: string;
  status: number;
  contentType: string;
  bytes: number;
  /** Server time of the first request (a cold page: e.g. matches computed, not yet cached). */
  firstServerMs: number | null;
  /** Timed requests answered with another status than the first (expected 0). */
  otherStatus: number;
  /** Server-Timing app;dur over the timed requests. */
  server: Quantiles;
  /** Round trip seen by the client (loopback HTTP, the body read). */
  wall: Quantiles;
}

export interface CrawlOptions {
  requests: number;
  warmups: number;
  /** Safety net against a console that links to endless distinct patterns. */
  maxPatterns?: number;
}

/**
 * Breadth-first from /app. A redirect's target is followed like a link; a non-HTML answer (a download)
 * is measured but not searched for links. Every pattern is measured once: first request, warm-ups, then
 * `requests` timed ones.
 */
export async function crawl(v: Visitor, o: CrawlOptions): Promise<PageRow[]> {
  const rows: PageRow[] = [];
  const seen = new Set<string>();
  const queue: { path: string; from: string }[] = [{ path: '/app', from: '' }];
  seen.add(pathPattern('/app'));
  while (queue.length && rows.length < (o.maxPatterns ?? 200)) {
    const { path, from } = queue.shift()!;
    const first = await v.get(path);
    const enqueue = (links: string[]) => {
      for (const link of links) {
        const pattern = pathPattern(link);
        if (seen.has(pattern)) continue;
        seen.add(pattern);
        queue.push({ path: link, from: path });
      }
    };
    if (first.location) enqueue(pageLinks(`<a href="${first.location.replace(/"/g, '&quot;')}">`, v.base + path));
    enqueue(pageLinks(first.html, v.base + path));
    for (let i = 0; i < o.warmups; i++) await v.get(path);
    const server: number[] = [];
    const wall: number[] = [];
    let otherStatus = 0;
    for (let i = 0; i < o.requests; i++) {
      const p = await v.get(path);
      if (p.status !== first.status) otherStatus++;
      if (p.serverMs !== null) server.push(p.serverMs);
      wall.push(p.wallMs);
    }
    rows.push({
      pattern: pathPattern(path),
      path,
      from,
      status: first.status,
      contentType: first.contentType.split(';')[0],
      bytes: first.bytes,
      firstServerMs: first.serverMs,
      otherStatus,
      server: quantiles(server),
      wall: quantiles(wall),
    });
  }
  return rows;
}

/** The same-origin styles, scripts and images a page loads (fetched once: what a first visit adds). */
export async function assetSizes(v: Visitor, html: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const m of html.matchAll(/<(?:link|script|img)\s(?:[^>]*?\s)?(?:href|src)="([^"]+)"/gi)) {
    const u = new URL(decodeAttr(m[1]), v.base);
    if (u.origin !== new URL(v.base).origin) continue;
    const page = await v.get(u.pathname + u.search);
    if (page.status === 200) out[u.pathname] = page.bytes;
  }
  return out;
}
