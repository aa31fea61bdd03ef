// Graceful shutdown of the real service as a child process (`node --import tsx src/main.ts`): on
// SIGTERM it stops accepting connections, lets a request in flight finish (its response says
// `Connection: close`), closes its pools and exits 0; past SHUTDOWN_TIMEOUT_MS it cuts what is left
// and exits 1. METRICS_PORT serves /metrics without a key.
// With TEST_DATABASE_URL / TEST_REDIS_URL the child uses a fresh database and BullMQ, and the
// standalone worker (`jobs/worker.ts`) is stopped the same way.
import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { freePort } from '../net.ts';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../models/common/uuid.ts';
import { openTestDatabase } from '../harness.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const ADMIN = 'shutdown-test-admin-key-0123456789';
const START_TIMEOUT = 240_000;
const onServer = !!process.env.TEST_DATABASE_URL;
const withRedis = onServer && !!process.env.TEST_REDIS_URL;

interface Child {
  proc: ChildProcess;
  out: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const children: ChildProcess[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  // Only the processes this file started (each leads its own process group).
  for (const p of children) {
    if (p.exitCode === null && p.signalCode === null && p.pid) {
      try {
        process.kill(-p.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  }
  for (const c of cleanups) await c();
});

/** `node --import tsx <script>` (not the tsx CLI, which relays signals and SIGKILLs a slow child). */
function spawnNode(script: string, env: Record<string, string>): Child {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k, v]) =>
        v !== undefined &&
        !k.startsWith('VITEST') &&
        !['NODE_OPTIONS', 'TEST_DATABASE_URL', 'TEST_REDIS_URL'].includes(k),
    ),
  ) as Record<string, string>;
  const proc = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: ROOT,
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  children.push(proc);
  let out = '';
  proc.stdout!.setEncoding('utf8').on('data', (d) => (out += d));
  proc.stderr!.setEncoding('utf8').on('data', (d) => (out += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) =>
    proc.once('close', (code, signal) => res({ code, signal })),
  );
  return { proc, out: () => out, exited };
}

/** Resolves once `out()` holds `text`; rejects if the process exits first or the time runs out. */
async function waitForOutput(c: Child, text: string, ms = START_TIMEOUT - 10_000): Promise<void> {
  let gone = false;
  void c.exited.then(() => (gone = true));
  const deadline = Date.now() + ms;
  while (!c.out().includes(text)) {
    if (gone) throw new Error(`exited before printing "${text}":\n${c.out().slice(-3000)}`);
    if (Date.now() > deadline) throw new Error(`no "${text}" in time:\n${c.out().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The backend for a child: PGlite in a temp DATA_DIR, or a fresh database (and Redis) on the test servers. */
async function backendEnv(): Promise<Record<string, string>> {
  const dir = await mkdtemp(join(tmpdir(), 'scm-shutdown-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const env: Record<string, string> = { DATA_DIR: dir };
  if (onServer) {
    const db = await openTestDatabase();
    await db.database.close();
    cleanups.push(db.drop);
    env.DATABASE_URL = db.url!;
  }
  if (withRedis)
    Object.assign(env, { REDIS_URL: process.env.TEST_REDIS_URL!, QUEUE_PREFIX: `t${uuidv7().slice(0, 13)}` });
  return env;
}

describe('graceful shutdown of `npm start`', () => {
  it(
    'SIGTERM mid-request: no new connections, the request in flight completes, exit 0; METRICS_PORT serves /metrics',
    async () => {
      const [port, metricsPort] = [await freePort(), await freePort()];
      const backend = await backendEnv();
      const s = spawnNode('src/main.ts', {
        ...backend,
        PORT: String(port),
        HOST: '127.0.0.1',
        METRICS_PORT: String(metricsPort),
        ADMIN_API_KEY: ADMIN,
        LOG_LEVEL: 'info',
        DEMO_DATA: 'false',
        SHUTDOWN_TIMEOUT_MS: '30000',
      });
      await waitForOutput(s, '"msg":"listening"');
      const base = `http://127.0.0.1:${port}`;
      expect((await fetch(`${base}/ready`)).status).toBe(200);

      // /metrics: the API port wants an admin key; METRICS_PORT (loopback) serves without one.
      expect((await fetch(`${base}/metrics`)).status).toBe(401);
      const own = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
      expect(own.status).toBe(200);
      const text = await own.text();
      expect(text).toMatch(/^scm_http_request_duration_seconds_count\{method="GET",route="\/ready",status="200"\} 1$/m);
      expect(text).toMatch(/^process_resident_memory_bytes /m);

      // A request whose body arrives slowly: `Expect: 100-continue` makes the server confirm that it is
      // handling the request before the body is sent.
      const body = JSON.stringify({
        name: '关机测试中心 Shutdown',
        regionCode: '540102',
        kind: 'makerspace',
        pilot: false,
      });
      const req = httpRequest(`${base}/v1/centers`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${ADMIN}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          expect: '100-continue',
        },
      });
      const response = new Promise<{ res: IncomingMessage; text: string }>((res, rej) => {
        req.once('response', (r) => {
          let t = '';
          r.setEncoding('utf8')
            .on('data', (d) => (t += d))
            .on('end', () => res({ res: r, text: t }));
        });
        req.once('error', rej);
      });
      await new Promise<void>((r) => req.once('continue', () => r()));
      req.write(body.slice(0, 10));

      s.proc.kill('SIGTERM');
      await waitForOutput(s, 'shutting down', 30_000);
      // The listener is closed: a new connection is refused while the old request is still open.
      await expect(fetch(`${base}/health`)).rejects.toThrow();

      req.end(body.slice(10));
      const { res, text: created } = await response;
      expect(res.statusCode, created).toBe(201);
      expect(res.headers.connection).toBe('close');
      expect(JSON.parse(created).name).toBe('关机测试中心 Shutdown');

      const exit = await s.exited;
      expect(exit, s.out().slice(-3000)).toEqual({ code: 0, signal: null });
      const lines = s
        .out()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l));
      expect(lines.find((l) => l.msg === 'stopped')).toMatchObject({ level: 'info', clean: true });
      expect(lines.find((l) => l.msg === 'request' && l.method === 'POST')).toMatchObject({
        path: '/v1/centers',
        status: 201,
      });
    },
    START_TIMEOUT + 60_000,
  );

  it(
    'a request still in flight at SHUTDOWN_TIMEOUT_MS is cut off, the pools close anyway, exit 1',
    async () => {
      const port = await freePort();
      const s = spawnNode('src/main.ts', {
        ...(await backendEnv()),
        PORT: String(port),
        HOST: '127.0.0.1',
        ADMIN_API_KEY: ADMIN,
        LOG_LEVEL: 'info',
        DEMO_DATA: 'false',
        SHUTDOWN_TIMEOUT_MS: '1000',
      });
      await waitForOutput(s, '"msg":"listening"');
      // A body that never completes: the request cannot finish.
      const req = httpRequest(`http://127.0.0.1:${port}/v1/centers`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${ADMIN}`,
          'content-type': 'application/json',
          'content-length': 1000,
          expect: '100-continue',
        },
      });
      const outcome = new Promise<string>((res) => {
        req.once('response', (r) => res(`response ${r.statusCode}`));
        req.once('error', (e) => res(`error ${(e as NodeJS.ErrnoException).code ?? e.message}`));
      });
      await new Promise<void>((r) => req.once('continue', () => r()));
      req.write('{"name":');
      s.proc.kill('SIGTERM');
      const exit = await s.exited;
      expect(exit, s.out().slice(-3000)).toEqual({ code: 1, signal: null });
      expect(await outcome).toMatch(/^error /); // its connection was closed, no response
      const lines = s
        .out()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l));
      expect(lines.some((l) => l.level === 'warn' && /requests in flight/.test(l.msg))).toBe(true);
      expect(lines.find((l) => l.msg === 'stopped')).toMatchObject({ clean: false });
    },
    START_TIMEOUT + 60_000,
  );
});

describe.skipIf(!withRedis)('graceful shutdown of `npm run worker`', () => {
  it(
    'SIGTERM: the workers close, Redis and the pool close, exit 0',
    async () => {
      const backend = await backendEnv();
      const w = spawnNode('jobs/worker.ts', { ...backend, LOG_LEVEL: 'info', SHUTDOWN_TIMEOUT_MS: '20000' });
      await waitForOutput(w, 'worker started');
      w.proc.kill('SIGTERM');
      const exit = await w.exited;
      expect(exit, w.out().slice(-3000)).toEqual({ code: 0, signal: null });
      expect(w.out()).toContain('"msg":"worker stopped"');
      expect(w.out()).toContain('"clean":true');
    },
    START_TIMEOUT,
  );
});
