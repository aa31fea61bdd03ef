// The fuzz talks to the app through a real listening server over keep-alive connections, as clients
// do: a response the app builds correctly but the connection loses (a socket dropped after a refusal,
// a half-read body left on the wire) counts as a failed connection, which the in-process
// `app.request` could never show.
import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { TestApp, TestResponse } from '../harness.ts';
import { ADMIN_KEY } from '../harness.ts';

export interface HttpTransport {
  request(
    method: string,
    path: string,
    opts?: { key?: string | null; body?: unknown; raw?: string | Buffer; headers?: Record<string, string> },
  ): Promise<TestResponse>;
  /** Requests that ended in a connection error (reset, closed before the response, parse error). */
  failures: string[];
  close(): Promise<void>;
}

function toHeaders(h: IncomingHttpHeaders): Headers {
  const out = new Headers();
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out.set(k, Array.isArray(v) ? v.join(', ') : v);
  return out;
}

export async function httpTransport(t: TestApp): Promise<HttpTransport> {
  const server = serve({ fetch: t.service.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
  const { port } = server.address() as AddressInfo;
  // Few sockets, reused: every request after the first on a socket depends on the previous answer
  // having left the connection in a clean state.
  const agent = new Agent({ keepAlive: true, maxSockets: 2 });
  const failures: string[] = [];

  const request: HttpTransport['request'] = (method, path, opts = {}) => {
    const headers: Record<string, string> = { ...opts.headers };
    const key = opts.key === undefined ? ADMIN_KEY : opts.key;
    if (key) headers.authorization = `Bearer ${key}`;
    let body: string | Buffer | undefined = opts.raw;
    if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['content-type'] ??= 'application/json';
    }
    if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, method, path, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (e) => {
          failures.push(`${method} ${path}: ${e.message}`);
          reject(e);
        });
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown;
          try {
            parsed = text ? JSON.parse(text) : undefined;
          } catch {
            parsed = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: toHeaders(res.headers), body: parsed, text });
        });
      });
      req.on('error', (e) => {
        failures.push(`${method} ${path}: ${e.message}`);
        reject(e);
      });
      req.end(body);
    });
  };

  return {
    request,
    failures,
    async close() {
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
