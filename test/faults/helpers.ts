// Shared pieces of the fault tests: free ports, waiting, a pausable TCP proxy, a private test
// database on the real PostgreSQL, and the service as a child process.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../src/db/client.ts';
import { uuidv7 } from '../../models/common/uuid.ts';
import { freePort } from '../net.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
/** `npm run faults` sets FAULTS_LONG: more cycles and more writes. */
export const LONG = !!process.env.FAULTS_LONG;

export { freePort };

export async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 90_000, everyMs = 100) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/**
 * A TCP proxy in front of PostgreSQL that the test can cut (close the listener and every open
 * connection: clients see the database go away) and restore on the same port.
 */
export class PausableProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  async start(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream);
      upstream.pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((res) => this.server!.listen(this.port, '127.0.0.1', () => res()));
  }

  async cut(): Promise<void> {
    const s = this.server;
    this.server = null;
    for (const sock of this.sockets) sock.destroy();
    if (s) await new Promise<void>((res) => s.close(() => res()));
  }
}

/** A fresh database on the real server (from template1, which has the vector extension); dropped by `drop()`. */
export async function privateDatabase(baseUrl: string) {
  const name = `f_${uuidv7().replace(/-/g, '')}`;
  const admin = await openDatabase({ url: baseUrl, max: 1 });
  await admin.db.execute(sql.raw(`create database "${name}" template template1`));
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.db.execute(sql.raw(`drop database if exists "${name}" with (force)`));
      await admin.close();
    },
  };
}

/** The parent's environment without anything the service reads. */
export function baseEnv(): Record<string, string> {
  const drop = new Set([
    'PORT',
    'HOST',
    'DATA_DIR',
    'DATABASE_URL',
    'REDIS_URL',
    'ADMIN_API_KEY',
    'LOG_LEVEL',
    'DEMO_DATA',
    'EMBED_MODEL',
    'EMBED_MODELS_DIR',
    'EMBED_BATCH_SIZE',
    'TEST_DATABASE_URL',
    'TEST_REDIS_URL',
    'NODE_OPTIONS',
  ]);
  return Object.fromEntries(
    Object.entries(process.env).filter(([k, v]) => v !== undefined && !drop.has(k) && !k.startsWith('VITEST')),
  ) as Record<string, string>;
}

/** Starts `node --import tsx src/main.ts` and waits until /health answers. */
export async function startServer(
  env: Record<string, string>,
  timeoutMs = 180_000,
): Promise<{ proc: ChildProcess; base: string; stderr: () => string }> {
  const port = await freePort();
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { ...baseEnv(), PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DEMO_DATA: 'false', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  proc.stderr!.on('data', (d) => (err += d));
  const base = `http://127.0.0.1:${port}`;
  await until(
    'the server to answer /health',
    async () => {
      if (proc.exitCode !== null) throw new Error(`server exited ${proc.exitCode}: ${err}`);
      try {
        return (await fetch(`${base}/health`)).ok;
      } catch {
        return false;
      }
    },
    timeoutMs,
    200,
  );
  return { proc, base, stderr: () => err };
}

export async function kill9(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGKILL');
  await exited;
}
