// The real server as a child process (`node --import tsx src/main.ts`), HTTP timing and a small
// concurrent load generator (fetch; N workers, each with one request in flight).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

export const ADMIN_KEY = 'bench-scale-admin-key-0123456789';

export interface Server {
  base: string;
  pid: number;
  rss(): { rssMiB: number; peakMiB: number };
  stop(): Promise<void>;
}

export async function startServer(
  env: Record<string, string>,
  port: number,
  log: (l: string) => void,
): Promise<Server> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    // Rate limits off: the benchmark is one client hammering on purpose.
    env: {
      ...process.env,
      ADMIN_API_KEY: ADMIN_KEY,
      DEMO_DATA: 'false',
      RATE_LIMIT_EXPENSIVE: '0',
      RATE_LIMIT_AUTH_FAILURES: '0',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: process.env.BENCH_SERVER_LOG_LEVEL ?? 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stdout!.resume();
  child.stderr!.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  const base = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}): ${stderr}`);
    try {
      if ((await fetch(`${base}/health`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (performance.now() - t0 > 300_000) throw new Error(`server not healthy after 300 s: ${stderr}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  log(`server pid ${child.pid} healthy after ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  // Measure the steady state: the candidate index loads its large tables in the background at start.
  for (
    let status = await get(base, '/v1/status');
    status.body?.candidateIndex?.warming !== false;
    status = await get(base, '/v1/status')
  ) {
    if (child.exitCode !== null || performance.now() - t0 > 600_000)
      throw new Error(`server did not finish warming: ${stderr}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  log(`server warm after ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const kib = (field: string) =>
    Number(
      /(\d+)\s*kB/.exec(
        readFileSync(`/proc/${child.pid}/status`, 'utf8')
          .split('\n')
          .find((l) => l.startsWith(field)) ?? '',
      )?.[1] ?? NaN,
    );
  return {
    base,
    pid: child.pid!,
    rss: () => ({ rssMiB: kib('VmRSS:') / 1024, peakMiB: kib('VmHWM:') / 1024 }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => {
          clearTimeout(kill);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** Request headers that make the server compute a match afresh (src/matching/cache.ts); it still stores the result. */
export const UNCACHED = { 'cache-control': 'no-cache' };

const asAdmin = (base: string, path: string, headers: Record<string, string>) =>
  fetch(base + path, { headers: { authorization: `Bearer ${ADMIN_KEY}`, ...headers } });

export async function get(
  base: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: any; cache: string | null }> {
  const res = await asAdmin(base, path, headers);
  const text = await res.text();
  return {
    status: res.status,
    body: res.status === 200 ? JSON.parse(text) : text,
    cache: res.headers.get('x-match-cache'),
  };
}

export interface Quantiles {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

export function quantiles(xs: number[]): Quantiles {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => (s.length ? s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)] : NaN);
  return { n: s.length, p50: q(0.5), p95: q(0.95), p99: q(0.99), mean: s.reduce((a, b) => a + b, 0) / (s.length || 1) };
}

export interface LoadResult {
  connections: number;
  seconds: number;
  requests: number;
  errors: number;
  requestsPerSec: number;
  latency: Quantiles;
  errorSamples: string[];
  /** Responses by X-Match-Cache (hit / miss / off). */
  cache: Record<string, number>;
}

/** `connections` workers, each sending the next path of the mix as soon as its previous answer arrived. */
export async function loadTest(
  base: string,
  paths: string[],
  connections: number,
  seconds: number,
  headers: Record<string, string> = {},
): Promise<LoadResult> {
  const times: number[] = [];
  const cache: Record<string, number> = {};
  let errors = 0;
  let next = 0;
  const errorSamples: string[] = [];
  const end = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const path = paths[next++ % paths.length];
      const t0 = performance.now();
      try {
        const res = await asAdmin(base, path, headers);
        await res.arrayBuffer();
        const state = res.headers.get('x-match-cache') ?? 'none';
        cache[state] = (cache[state] ?? 0) + 1;
        if (res.status !== 200) {
          errors++;
          if (errorSamples.length < 5) errorSamples.push(`${res.status} ${path}`);
        }
      } catch (e) {
        errors++;
        if (errorSamples.length < 5) errorSamples.push(`${(e as Error).message} ${path}`);
      }
      times.push(performance.now() - t0);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsed = (performance.now() - t0) / 1000;
  return {
    connections,
    seconds: elapsed,
    requests: times.length,
    errors,
    requestsPerSec: times.length / elapsed,
    latency: quantiles(times),
    errorSamples,
    cache,
  };
}
