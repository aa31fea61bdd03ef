// Spreadsheets: import throughput (10,000 generated founders in one XLSX: dry run, import, re-import of
// the same file) and export time and memory (100,000 projects, XLSX and CSV streamed through the API).
// The app runs in this process (PGlite unless BENCH_DATABASE_URL) with its in-process embedding queue:
// the imported founders are embedded after the import committed, and the bench waits for that (and
// reports it) before the re-import and the exports, so the model does not compete with them.
// Run it as `node --expose-gc --import tsx bench/spreadsheets.ts` for export memory that leaves garbage
// out (the live heap after forced collections); without the flag the peaks include uncollected garbage.
import { loadavg } from 'node:os';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { projectsTable } from '../models/schema.ts';
import { uuidv7 } from '../models/common/uuid.ts';
import { bootstrap } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/client.ts';
import { silentLogger } from '../src/logger.ts';
import { settled } from '../src/spreadsheets/imports.ts';
import { founder, project } from './gen/build.ts';
import { Rng } from './gen/rng.ts';
import { insertRows } from './gen/write.ts';
import { measureExport } from './sheets-export-memory.ts';

const KEY = 'bench-sheets-admin-key-0123456789';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MiB = 2 ** 20;
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

export interface ImportFigures {
  rows: number;
  fileMiB: number;
  dryRunS: number;
  importS: number;
  rowsPerSec: number;
  reimportS: number;
  reimportUnchanged: number;
  /** From the import's commit until the pipeline had embedded every imported founder. */
  embeddingsS: number;
}
export interface ExportFigures {
  format: 'xlsx' | 'csv';
  rows: number;
  seconds: number;
  rowsPerSec: number;
  fileMiB: number;
  /** Peak over the start of the export, sampled every 20 ms (without --expose-gc; includes garbage). */
  rssDeltaMiB: number;
  heapDeltaMiB: number;
  /**
   * With `node --expose-gc`: the peak growth of the heap live after a forced collection (every second),
   * i.e. what the export holds; null without the flag (then the deltas above are garbage-inclusive).
   */
  liveHeapDeltaMiB: number | null;
}
export interface SheetsResult {
  backend: string;
  /** The machine's load average (1, 5, 15 min) at the start and the end: the figures depend on it. */
  loadAverage: { start: number[]; end: number[] };
  import: ImportFigures;
  exports: ExportFigures[];
}

async function foundersFile(n: number, centerId: string): Promise<Buffer> {
  const rng = new Rng(20).fork('sheets-founders');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('founders');
  const cols = [
    'externalId',
    'name',
    'groups',
    'regionCode',
    'languages',
    'educationLevel',
    'graduationYear',
    'interests',
    'contact.phone',
  ];
  ws.addRow(cols);
  for (let i = 0; i < n; i++) {
    const f = founder(rng, uuidv7(), i, 'sheets', [centerId]);
    ws.addRow([
      f.externalId,
      f.name,
      f.groups.join(';'),
      f.regionCode,
      f.languages.join(';'),
      f.educationLevel,
      f.graduationYear,
      f.interests,
      f.contact?.phone ?? null,
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function benchSpreadsheets(
  opts: { databaseUrl?: string; founders?: number; projects?: number } = {},
): Promise<SheetsResult> {
  const loadStart = loadavg().map((x) => round(x, 1));
  const nFounders = opts.founders ?? Number(process.env.BENCH_SHEETS_FOUNDERS ?? 10_000);
  const nProjects = opts.projects ?? Number(process.env.BENCH_SHEETS_PROJECTS ?? 100_000);
  const database = await openDatabase({ url: opts.databaseUrl });
  if (opts.databaseUrl) {
    await database.db.execute(sql`do $$ begin if to_regclass('founders') is not null then
      truncate centers, founders, projects, mentors, investors, trainings, services, embeddings, introductions, enrollments, imports cascade; end if; end $$`);
  }
  const service = await bootstrap(
    loadConfig({
      ADMIN_API_KEY: KEY,
      LOG_LEVEL: 'silent',
      DEMO_DATA: 'false',
      RATE_LIMIT_EXPENSIVE: '0',
    }),
    silentLogger,
    { database },
  );
  const auth = { authorization: `Bearer ${KEY}` };
  const post = async (path: string, body: BodyInit, type: string) => {
    const res = await service.app.request(path, { method: 'POST', headers: { ...auth, 'content-type': type }, body });
    const json = (await res.json()) as any;
    if (res.status >= 300) throw new Error(`${path} → ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
    return json;
  };
  const center = await post(
    '/v1/centers',
    JSON.stringify({ name: '表格中心', regionCode: '540102', kind: 'incubator' }),
    'application/json',
  );

  // Import: 10k founders.
  const file = await foundersFile(nFounders, center.id);
  const body = file as unknown as BodyInit;
  let t0 = performance.now();
  const dry = await post('/v1/imports/founders?dryRun=true', body, XLSX);
  const dryRunS = (performance.now() - t0) / 1000;
  if (dry.status !== 'checked') throw new Error(`dry run: ${JSON.stringify(dry.report.slice(0, 3))}`);
  t0 = performance.now();
  const started = await post('/v1/imports/founders?dryRun=false', body, XLSX);
  await settled(started.id);
  const importS = (performance.now() - t0) / 1000;
  t0 = performance.now();
  await service.queue.drained(1_800_000);
  const embedS = (performance.now() - t0) / 1000;
  t0 = performance.now();
  const again = await post('/v1/imports/founders?dryRun=false', body, XLSX);
  await settled(again.id);
  const reimportS = (performance.now() - t0) / 1000;
  const reimport = (await (await service.app.request(`/v1/imports/${again.id}`, { headers: auth })).json()) as any;

  // Export: 100k projects, written in bulk as bench/gen does.
  const rng = new Rng(20).fork('sheets-projects');
  const refs = Array.from({ length: 50 }, () => ({ id: uuidv7(), regionCode: '540102', groups: ['graduate'] }));
  for (let i = 0; i < nProjects; i += 2000) {
    const rows = [];
    for (let j = i; j < Math.min(nProjects, i + 2000); j++)
      rows.push(project(rng, uuidv7(), j, 'sheets', refs, [center.id]).row);
    await insertRows(database.db, projectsTable, rows);
  }
  // One unmeasured read first: PGlite's buffer cache (WASM memory, which never shrinks) fills on the
  // first full read of the table, and that growth is the database's, not the export's.
  const warm = await service.app.request('/v1/exports/projects.csv', { headers: auth });
  await warm.arrayBuffer();
  const exports: ExportFigures[] = [];
  const gcAware = typeof (globalThis as { gc?: () => void }).gc === 'function';
  for (const format of ['xlsx', 'csv'] as const) {
    if (gcAware) {
      // Forced collections (bench/sheets-export-memory.ts): garbage does not count.
      const m = await measureExport(
        (path) => Promise.resolve(service.app.request(path, { headers: auth })),
        `/v1/exports/projects.${format}`,
        format,
        nProjects,
      );
      exports.push({
        format,
        rows: nProjects,
        seconds: m.seconds,
        rowsPerSec: round(nProjects / m.seconds, 0),
        fileMiB: m.fileMiB,
        rssDeltaMiB: m.rssDeltaMiB,
        heapDeltaMiB: m.liveHeapDeltaMiB,
        liveHeapDeltaMiB: m.liveHeapDeltaMiB,
      });
      continue;
    }
    const base = process.memoryUsage();
    let peakRss = base.rss;
    let peakHeap = base.heapUsed;
    const sample = setInterval(() => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }, 20);
    t0 = performance.now();
    const res = await service.app.request(`/v1/exports/projects.${format}`, { headers: auth });
    let bytes = 0;
    const reader = res.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
    }
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(sample);
    exports.push({
      format,
      rows: nProjects,
      seconds: round(seconds, 2),
      rowsPerSec: round(nProjects / seconds, 0),
      fileMiB: round(bytes / MiB, 1),
      rssDeltaMiB: round((peakRss - base.rss) / MiB, 0),
      heapDeltaMiB: round((peakHeap - base.heapUsed) / MiB, 0),
      liveHeapDeltaMiB: null,
    });
  }
  await service.close();
  return {
    backend: database.kind,
    loadAverage: { start: loadStart, end: loadavg().map((x) => round(x, 1)) },
    import: {
      rows: nFounders,
      fileMiB: round(file.length / MiB, 2),
      dryRunS: round(dryRunS, 2),
      importS: round(importS, 2),
      rowsPerSec: round(nFounders / importS, 0),
      reimportS: round(reimportS, 2),
      reimportUnchanged: reimport.unchanged,
      embeddingsS: round(embedS, 1),
    },
    exports,
  };
}

export function printSheets(r: SheetsResult) {
  const i = r.import;
  console.log(
    `spreadsheet import (${r.backend}, load average ${r.loadAverage.start.join(' ')}): ${i.rows} founders in one XLSX (${i.fileMiB} MiB), all or nothing in one transaction:`,
  );
  console.table({
    'dry run s': i.dryRunS,
    'import s': i.importS,
    'import rows/s': i.rowsPerSec,
    're-import (no change) s': i.reimportS,
    'rows unchanged on re-import': i.reimportUnchanged,
    'embeddings done after commit s': i.embeddingsS,
  });
  console.log(`spreadsheet export (${r.backend}), projects streamed through GET /v1/exports:`);
  console.table(Object.fromEntries(r.exports.map((e) => [e.format, { ...e, format: undefined }])));
}

if (process.argv[1]?.endsWith('spreadsheets.ts')) {
  benchSpreadsheets({ databaseUrl: process.env.BENCH_DATABASE_URL })
    .then((r) => {
      printSheets(r);
      console.log(JSON.stringify(r));
      process.exit(0);
    })
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
