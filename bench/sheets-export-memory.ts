// Export memory, GC-aware: N generated projects exported (XLSX, then CSV) through the API in this
// process, sampling the live heap after a forced GC every 100 ms (run with `node --expose-gc`; a collection every second, as one every 100 ms starved the export on this 2-core machine), so
// uncollected garbage does not count. Usage:
//   node --expose-gc --import tsx bench/sheets-export-memory.ts 10000
// Prints one JSON line: rows, and per format the peak live-heap growth and the peak RSS growth (MiB).
import { projectsTable } from '../models/schema.ts';
import { uuidv7 } from '../models/common/uuid.ts';
import { bootstrap } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/client.ts';
import { silentLogger } from '../src/logger.ts';
import { project } from './gen/build.ts';
import { Rng } from './gen/rng.ts';
import { insertRows } from './gen/write.ts';

const KEY = 'bench-sheets-admin-key-0123456789';
const MiB = 2 ** 20;
const gc = (globalThis as { gc?: () => void }).gc;

export interface LiveMemory {
  format: 'xlsx' | 'csv';
  rows: number;
  seconds: number;
  fileMiB: number;
  /** Peak growth of the heap still live after a forced GC (sampled every second): what the export holds. */
  liveHeapDeltaMiB: number;
  /** Peak growth of RSS (includes garbage not yet collected and memory V8 keeps after collecting). */
  rssDeltaMiB: number;
}

/** Exports `/v1/exports/<resource>.<format>` through `request`, measuring the live heap. */
export async function measureExport(
  request: (path: string) => Promise<Response>,
  path: string,
  format: 'xlsx' | 'csv',
  rows: number,
): Promise<LiveMemory> {
  if (!gc) throw new Error('run with node --expose-gc');
  gc();
  const base = process.memoryUsage();
  let peakHeap = base.heapUsed;
  let peakRss = base.rss;
  const sample = setInterval(() => {
    gc();
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakRss = Math.max(peakRss, m.rss);
  }, 1000);
  const t0 = performance.now();
  const res = await request(path);
  let bytes = 0;
  const reader = res.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.length;
  }
  clearInterval(sample);
  return {
    format,
    rows,
    seconds: Math.round((performance.now() - t0) / 10) / 100,
    fileMiB: Math.round((bytes / MiB) * 10) / 10,
    liveHeapDeltaMiB: Math.round((peakHeap - base.heapUsed) / MiB),
    rssDeltaMiB: Math.round((peakRss - base.rss) / MiB),
  };
}

if (process.argv[1]?.endsWith('sheets-export-memory.ts')) {
  const n = Number(process.argv[2] ?? 10_000);
  (async () => {
    const database = await openDatabase({});
    const service = await bootstrap(
      loadConfig({ ADMIN_API_KEY: KEY, LOG_LEVEL: 'silent', DEMO_DATA: 'false', RATE_LIMIT_EXPENSIVE: '0' }),
      silentLogger,
      { database },
    );
    const headers = { authorization: `Bearer ${KEY}` };
    const request = (path: string) => Promise.resolve(service.app.request(path, { headers }));
    const c = await service.app.request('/v1/centers', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ name: '表格中心', regionCode: '540102', kind: 'incubator' }),
    });
    const center = (await c.json()) as { id: string };
    const rng = new Rng(20).fork('sheets-projects');
    const refs = Array.from({ length: 50 }, () => ({ id: uuidv7(), regionCode: '540102', groups: ['graduate'] }));
    for (let i = 0; i < n; i += 2000) {
      const rows = [];
      for (let j = i; j < Math.min(n, i + 2000); j++)
        rows.push(project(rng, uuidv7(), j, 'sheets', refs, [center.id]).row);
      await insertRows(database.db, projectsTable, rows);
    }
    await (await request('/v1/exports/projects.csv')).arrayBuffer(); // warm PGlite's buffer cache
    const out = [];
    for (const format of ['xlsx', 'csv'] as const)
      out.push(await measureExport(request, `/v1/exports/projects.${format}`, format, n));
    console.log(JSON.stringify(out));
    await service.close();
    process.exit(0);
  })().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
