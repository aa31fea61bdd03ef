// Match latency at demo scale: the six endpoints through the real app (in process), p50/p95/p99, each
// call computed (Cache-Control: no-cache) and then answered from the match cache.
import { sql } from 'drizzle-orm';
import { bootstrap } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/client.ts';
import { silentLogger } from '../src/logger.ts';
import { JOURNEYS, journeyPath } from '../src/matching/journeys.ts';

const KEY = 'bench-admin-key-0123456789';
const quantile = (xs: number[], q: number) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))];

export interface LatencyRow {
  endpoint: string;
  calls: number;
  p50: number;
  p95: number;
  p99: number;
  /** The same calls answered from the match cache (src/matching/cache.ts). */
  cached: { p50: number; p95: number; p99: number };
}

export async function benchMatching(
  opts: { databaseUrl?: string; calls?: number } = {},
): Promise<{ backend: string; rows: LatencyRow[] }> {
  const database = await openDatabase({ url: opts.databaseUrl });
  // A scratch server database starts over (the embedding bench fills it with founders).
  if (opts.databaseUrl) {
    await database.db.execute(sql`do $$ begin if to_regclass('founders') is not null then
      truncate centers, founders, projects, mentors, investors, trainings, services, embeddings, introductions, enrollments cascade; end if; end $$`);
  }
  const service = await bootstrap(
    loadConfig({ ADMIN_API_KEY: KEY, LOG_LEVEL: 'silent', DEMO_DATA: 'true', RATE_LIMIT_EXPENSIVE: '0' }),
    silentLogger,
    { database },
  );
  await service.queue.drained(300_000);
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await service.app.request(path, { headers: { authorization: `Bearer ${KEY}`, ...headers } });
    if (res.status !== 200) throw new Error(`${path} → ${res.status}`);
    return res.json() as Promise<any>;
  };
  const ids = async (resource: string, q = '') =>
    (await get(`/v1/${resource}?limit=200${q}`)).items.map((x: { id: string }) => x.id) as string[];
  // Every journey of the registry, with sources of its kind (reviewed projects: every journey has candidates).
  const sources: Record<string, string[]> = {
    projects: await ids('projects', '&status=vetted'),
    investors: await ids('investors'),
    trainings: await ids('trainings'),
  };
  const endpoints: [string, string[]][] = [];
  for (const j of JOURNEYS)
    endpoints.push([journeyPath(j, '{id}'), (sources[j.source.collection] ??= await ids(j.source.collection))]);
  const calls = opts.calls ?? 200;
  const rows: LatencyRow[] = [];
  const timed = async (pattern: string, sources: string[], headers: Record<string, string>) => {
    const times: number[] = [];
    for (let i = 0; i < calls; i++) {
      const t0 = performance.now();
      await get(pattern.replace('{id}', sources[i % sources.length]), headers);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    return { p50: quantile(times, 0.5), p95: quantile(times, 0.95), p99: quantile(times, 0.99) };
  };
  const computed = { 'cache-control': 'no-cache' };
  for (const [pattern, sources] of endpoints) {
    for (let i = 0; i < 20; i++) await get(pattern.replace('{id}', sources[i % sources.length]), computed); // warm-up
    const q = await timed(pattern, sources, computed);
    rows.push({ endpoint: pattern, calls, ...q, cached: await timed(pattern, sources, {}) });
  }
  await service.close();
  return { backend: database.kind, rows };
}
