// Imports that cannot finish: one cut off by a restart is marked failed at the next boot, and one
// that fails in the background is logged and recorded with a message the clerk understands. Exports
// are streams: the first bytes reach the reader before the last page of rows is read.
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importsTable, projectsTable } from '../../models/schema.ts';
import { uuidv7 } from '../../models/common/uuid.ts';
import { bootstrap } from '../../src/bootstrap.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { loadConfig } from '../../src/config.ts';
import type { Logger } from '../../src/logger.ts';
import { embeddingHooks } from '../../src/resources/embedding-hooks.ts';
import type { ImportIssue } from '../../src/spreadsheets/import.ts';
import { getImport, importFile, settled } from '../../src/spreadsheets/imports.ts';
import { project } from '../../bench/gen/build.ts';
import { Rng } from '../../bench/gen/rng.ts';
import { insertRows } from '../../bench/gen/write.ts';
import { ADMIN_KEY, bundledEmbedder, openTestDatabase, startTestApp, type TestApp } from '../harness.ts';
import { buildWorld, type World } from '../auth/world.ts';
import { FOUNDER_HEADER, founderRow, staffOf, xlsx } from './files.ts';

/** A logger that keeps its lines (level, fields, message). */
function capturingLogger() {
  const lines: { level: string; fields: Record<string, unknown>; msg: string }[] = [];
  const at =
    (level: string) =>
    (a: string | Record<string, unknown>, b?: string): void => {
      lines.push(typeof a === 'string' ? { level, fields: {}, msg: a } : { level, fields: a, msg: b ?? '' });
    };
  const logger: Logger = {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: () => logger,
  };
  return { logger, lines };
}

describe('an import cut off by a restart', () => {
  it('is marked failed at the next boot, "interrupted by a restart", in the three languages', async () => {
    const { database, drop } = await openTestDatabase();
    // A fresh PostgreSQL database is empty (PGlite's comes migrated): the tables first.
    await migrateDatabase(database);
    // What a stopped process leaves behind: a record still `running` (its transaction rolled back).
    const common = { resource: 'founders', dryRun: false, fileType: 'xlsx', actor: 'test', totalRows: 3 };
    const [cut] = await database.db
      .insert(importsTable)
      .values({ ...common, status: 'running', file: 'AAAA' })
      .returning();
    const [waiting] = await database.db
      .insert(importsTable)
      .values({ ...common, status: 'checked' })
      .returning();
    const { logger, lines } = capturingLogger();
    const config = loadConfig({
      DEMO_DATA: 'false',
      ADMIN_API_KEY: ADMIN_KEY,
      LOG_LEVEL: 'silent',
      STATS_SNAPSHOT: 'off',
    });
    const service = await bootstrap(config, logger, { database, embedder: await bundledEmbedder() });
    try {
      const [row] = await database.db.select().from(importsTable).where(eq(importsTable.id, cut.id));
      expect(row.status).toBe('failed');
      expect(row.file).toBeNull();
      expect(row.finishedAt).not.toBeNull();
      expect(row.errorCount).toBe(1);
      const [issue] = row.report as ImportIssue[];
      expect(issue).toMatchObject({ row: 0, column: null });
      expect(issue.message.en).toContain('interrupted by a restart');
      expect(issue.message.zh).toContain('服务重启');
      expect(issue.message.bo).toMatch(/[\u0f00-\u0fff]/);
      // Other imports are left as they were.
      const [other] = await database.db.select().from(importsTable).where(eq(importsTable.id, waiting.id));
      expect(other.status).toBe('checked');
      expect(lines.some((l) => l.level === 'warn' && l.fields.count === 1)).toBe(true);
      // The API shows it in the reader's language.
      const res = await service.app.request(`/v1/imports/${cut.id}?lang=en`, {
        headers: { authorization: `Bearer ${ADMIN_KEY}` },
      });
      const body = (await res.json()) as { status: string; report: { message: string }[] };
      expect(body.status).toBe('failed');
      expect(body.report[0].message).toContain('Upload the file and run it again');
    } finally {
      await service.close();
      await drop().catch(() => {});
    }
  }, 120_000);
});

describe('background imports and exports', () => {
  let app: TestApp;
  let w: World;
  beforeAll(async () => {
    app = await startTestApp();
    w = await buildWorld(app);
  }, 120_000);
  afterAll(() => app?.close());

  it('a background import that fails is logged and recorded with a message the clerk understands', async () => {
    const { logger, lines } = capturingLogger();
    const hooks = embeddingHooks((k, ids) => app.service.queue.schedule(k, ids));
    // A fault below the import (here: marking rows for embedding), as a full disk or a lost connection.
    const broken = {
      ...hooks,
      markPendingMany: async () => {
        throw new Error('disk full (test)');
      },
    };
    const actor = staffOf(w.cA);
    const file = await xlsx([FOUNDER_HEADER, founderRow('rec-1', '测试一'), founderRow('rec-2', '测试二')]);
    const started = await importFile({ db: app.db, embeddingHooks: broken, logger }, actor, 'founders', file, 'a.xlsx');
    expect(started.status).toBe('running');
    await settled(started.id);
    const rec = await getImport(app.db, actor, started.id);
    expect(rec.status).toBe('failed');
    expect(rec.created).toBe(0);
    const [issue] = rec.report as ImportIssue[];
    expect(issue.message.en).toContain('server error; nothing was written');
    expect(issue.message.en).not.toContain('disk full');
    const logged = lines.find((l) => l.level === 'error' && l.msg === 'import failed');
    expect(logged?.fields.importId).toBe(started.id);
    expect(String((logged?.fields.err as Error | undefined)?.message)).toContain('disk full');
  });

  it.each(['csv'] as const)(
    'an export (%s) is a stream: rows written after its first bytes arrived still reach its end',
    async (format) => {
      // 8,000 projects (~0.3 KB each as CSV, 1,000 a page): more than the 1 MiB the export writes ahead of
      // its reader, so it stops pages before the last while the reader waits.
      const rng = new Rng(7).fork(`stream-${format}`);
      const refs = [{ id: uuidv7(), regionCode: '540102', groups: ['graduate'] }];
      for (let i = 0; i < 8000; i += 1000) {
        const rows = [];
        for (let j = i; j < i + 1000; j++) rows.push(project(rng, uuidv7(), j, `stream-${format}`, refs, [w.cA]).row);
        await insertRows(app.db, projectsTable, rows);
      }
      const res = await app.service.app.request(`/v1/exports/projects.${format}`, {
        headers: { authorization: `Bearer ${ADMIN_KEY}` },
      });
      expect(res.status).toBe(200);
      const reader = res.body!.getReader();
      const first = await reader.read();
      expect(first.done).toBe(false);
      // Pages are read in id order; a new row's id (uuidv7) sorts last, so it is on the last page. Had
      // the export been built before its first bytes were sent, the row would be missing.
      const late = project(rng, uuidv7(), 9999, `stream-late-${format}`, refs, [w.cA]).row;
      await insertRows(app.db, projectsTable, [late]);
      const chunks = [Buffer.from(first.value!)];
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(Buffer.from(value));
      }
      const file = Buffer.concat(chunks);
      let ids: string[];
      if (format === 'csv')
        ids = file
          .toString('utf8')
          .split('\n')
          .map((line) => line.split(',')[0]);
      else {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(file as unknown as ArrayBuffer);
        ids = wb.worksheets[0].getColumn(1).values.map(String);
      }
      expect(ids.length).toBeGreaterThan(8000);
      expect(ids).toContain(late.id as string);
    },
    120_000,
  );
});
