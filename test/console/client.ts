// A browser-less console client for the HTTP-level tests: keeps cookies like a browser (per path),
// sends the page's form token, and can follow redirects. The browser tests (test/browser/) drive
// Chromium; these test what a browser hides (cookie flags, forged requests, status codes).
import type { TestApp } from '../harness.ts';

export interface PageResponse {
  status: number;
  headers: Headers;
  html: string;
  /** Where a redirect points (Location), if it is one. */
  location: string | null;
}

const ORIGIN = 'http://localhost';

export class ConsoleClient {
  readonly cookies = new Map<string, string>();
  /** The `_csrf` value of the last page fetched. */
  csrf = '';

  constructor(readonly app: TestApp) {}

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(headers: Headers) {
    for (const line of headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /max-age=0\b/i.test(a.trim())) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<PageResponse> {
    const res = await this.app.service.app.request(`${ORIGIN}${path}`, {
      headers: { cookie: this.cookieHeader(), ...headers },
    });
    return this.read(res);
  }

  /** A form post as a browser sends it from this site: Origin set, the page's token added. */
  async post(
    path: string,
    form: Record<string, string | string[]>,
    opts: { origin?: string | null; csrf?: string | null; headers?: Record<string, string> } = {},
  ): Promise<PageResponse> {
    const body = new URLSearchParams();
    const token = opts.csrf === undefined ? this.csrf : opts.csrf;
    if (token !== null) body.append('_csrf', token);
    for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    const origin = opts.origin === undefined ? ORIGIN : opts.origin;
    const res = await this.app.service.app.request(`${ORIGIN}${path}`, {
      method: 'POST',
      headers: {
        cookie: this.cookieHeader(),
        'content-type': 'application/x-www-form-urlencoded',
        ...(origin ? { origin } : {}),
        ...opts.headers,
      },
      body: body.toString(),
    });
    return this.read(res);
  }

  private async read(res: Response): Promise<PageResponse> {
    this.remember(res.headers);
    const html = await res.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(html);
    if (token) this.csrf = token[1];
    return { status: res.status, headers: res.headers, html, location: res.headers.get('location') };
  }

  /** Opens the sign-in page and signs in; returns the answer to the form. */
  async signIn(login: string, password: string) {
    await this.get('/app/login');
    const res = await this.post('/app/login', { login, password });
    if (res.location) await this.get(res.location);
    return res;
  }
}

/** Text of a page without tags, for assertions on what a person reads. */
export const visibleText = (html: string) =>
  html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z]+;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
