// The import of spreadsheet files: every kind of bad input gets a row/column message a clerk
// understands; imports are all or nothing, idempotent by externalId, audited; exports re-import unchanged.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { and, count, eq, inArray, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditTable, foundersTable } from '../../models/schema.ts';
import { embeddingHooks } from '../../src/resources/embedding-hooks.ts';
import { resultRows } from '../../src/db/errors.ts';
import { silentLogger } from '../../src/logger.ts';
import { checkFile, getImport, importFile, settled } from '../../src/spreadsheets/imports.ts';
import { LIMITS } from '../../src/spreadsheets/read.ts';
import type { ImportIssue } from '../../src/spreadsheets/import.ts';
import { startTestApp, type TestApp } from '../harness.ts';
import { buildWorld, type World } from '../auth/world.ts';
import { admin, csv, csvText, FOUNDER_HEADER, founderRow, staffOf, xlsx } from './files.ts';

let app: TestApp;
let w: World;
const deps = () => ({
  db: app.db,
  embeddingHooks: embeddingHooks((k, ids) => app.service.queue.schedule(k, ids)),
  logger: silentLogger,
});

beforeAll(async () => {
  app = await startTestApp();
  w = await buildWorld(app);
}, 120_000);
afterAll(() => app?.close());

/** The dry run's report as "row column: message" lines in a language. */
async function dryRun(file: Uint8Array, opts: { resource?: string; lang?: 'zh' | 'en'; actor?: typeof admin } = {}) {
  const rec = await checkFile(deps(), opts.actor ?? staffOf(w.cA), opts.resource ?? 'founders', file, null);
  const lines = (rec.report as ImportIssue[]).map(
    (i) => `${i.row} ${i.column ?? '-'}: ${i.message[opts.lang ?? 'en']}`,
  );
  return { rec, lines };
}

async function importNow(file: Uint8Array, actor = staffOf(w.cA), resource = 'founders') {
  const rec = await importFile(deps(), actor, resource, file, null);
  await settled(rec.id);
  return getImport(app.db, actor, rec.id);
}

const auditCount = async () => (await app.db.select({ n: count() }).from(auditTable))[0].n;
const foundersLike = (prefix: string) =>
  app.db
    .select()
    .from(foundersTable)
    .where(like(foundersTable.externalId, `${prefix}%`));

describe('files that are refused whole', () => {
  it('wrong file types, by content whatever the name says', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from([0, 1, 2, 3, 0, 255])]);
    expect((await dryRun(pdf)).lines).toEqual(['0 -: Not a spreadsheet: upload an .xlsx or .csv file']);
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect((await dryRun(xls)).lines[0]).toContain('old Excel file (.xls)');
    const zip = new JSZip();
    zip.file('readme.txt', 'not a workbook');
    const notXlsx = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect((await dryRun(notXlsx)).lines).toEqual(['0 -: Not a spreadsheet: upload an .xlsx or .csv file']);
    expect((await dryRun(Buffer.from(''))).rec.status).toBe('invalid');
  });

  it('a zip bomb is refused from its directory, never unpacked', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/workbook.xml', '<workbook/>');
    zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(60 * 1024 * 1024, 0x20));
    const bomb = await zip.generateAsync({
      type: 'nodebuffer',
      compression: 'DEFLATE',
      compressionOptions: { level: 9 },
    });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const { lines, rec } = await dryRun(bomb, { lang: 'zh' });
    expect(lines).toEqual([expect.stringContaining('0 -: 文件解压后过大或压缩比异常')]);
    expect(rec.file).toBeNull();
    // Under the size cap but compressed a thousandfold: the ratio alone refuses it.
    const dense = new JSZip();
    dense.file('xl/workbook.xml', Buffer.alloc(5 * 1024 * 1024, 0x41));
    const small = await dense.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect((await dryRun(small)).lines[0]).toContain('compressed suspiciously');
  });

  it('too large, too many rows, too many columns', async () => {
    const big = Buffer.alloc(LIMITS.fileBytes + 1, 0x61);
    expect((await dryRun(big)).lines[0]).toContain('larger than 10 MB');
    const rows = [FOUNDER_HEADER, ...Array.from({ length: LIMITS.rows + 1 }, (_, i) => founderRow(`R${i}`, `n${i}`))];
    expect((await dryRun(csv(rows))).lines).toEqual([
      `0 -: The file has ${LIMITS.rows + 1} data rows, more than the limit of ${LIMITS.rows}: split it into several files`,
    ]);
    const wide = await xlsx([Array.from({ length: 61 }, (_, i) => `c${i}`), Array.from({ length: 61 }, () => 'x')]);
    expect((await dryRun(wide)).lines[0]).toContain('61 columns');
  });

  it('merged cells name their range; unknown and missing columns are named', async () => {
    const merged = await xlsx([FOUNDER_HEADER, founderRow('MG-1', '合并')], (ws) => ws.mergeCells('A2:B2'));
    expect((await dryRun(merged)).lines).toEqual(['0 -: Merged cells (A2:B2): unmerge them, one value per cell']);
    const odd = csv([
      ['外部编号', '名称', '星座'],
      ['X-1', '某人', '白羊'],
    ]);
    expect((await dryRun(odd)).lines).toEqual([
      '1 -: Unknown column "星座": use the template\'s headers',
      '1 -: The required column "Groups" is missing',
      '1 -: The required column "Region" is missing',
      '1 -: The required column "Languages" is missing',
    ]);
  });
});

describe('rows with problems', () => {
  it('formulas, unknown regions and enum values, bad numbers: each named by row and column', async () => {
    const file = await xlsx([
      [...FOUNDER_HEADER, 'Graduation year'],
      [...founderRow('BAD-1', '一'), 2020],
      [...founderRow('BAD-2', '二'), { formula: '2000+20', result: 2020 }],
      [...founderRow('BAD-3', '三', { region: '纽约' }), null],
      [...founderRow('BAD-4', '四', { groups: 'graduate；宇航员' }), 'soon'],
      [...founderRow('BAD-5', '', { langs: '' }), 1800],
    ]);
    const { lines, rec } = await dryRun(file);
    expect(lines).toEqual([
      '3 graduationYear: Cell G3 holds a formula: copy it and paste as values, then upload again',
      '4 regionCode: Unknown region "纽约": enter a Tibet region code (e.g. 540100) or its name',
      expect.stringMatching(/^5 groups: "宇航员" is not one of the allowed values: University graduate, Student, /),
      '5 graduationYear: "soon" is not a whole number',
      '6 name: This field is required',
      '6 languages: This field is required',
      '6 graduationYear: Must be at least 1950',
    ]);
    expect(rec.status).toBe('invalid');
    expect(rec.file).toBeNull();
    // The repository's own checks run on rows that parse: BAD-1 is fine; a year 1800 would be refused too.
    const year = await dryRun(
      await xlsx([
        [...FOUNDER_HEADER, '毕业年份'],
        [...founderRow('Y-1', '年'), 1800],
      ]),
      { lang: 'zh' },
    );
    expect(year.lines).toEqual(['2 graduationYear: 不能小于 1950']);
  });

  it('empty rows are skipped and rows keep their numbers in the file', async () => {
    const file = csv([
      FOUNDER_HEADER,
      founderRow('E-1', '一'),
      [],
      ['', '', ''],
      founderRow('E-2', '二', { region: '?' }),
    ]);
    const { lines, rec } = await dryRun(file);
    expect(rec.totalRows).toBe(2);
    expect(lines).toEqual(['5 regionCode: Unknown region "?": enter a Tibet region code (e.g. 540100) or its name']);
  });

  it('a duplicate externalId within the file names the first row', async () => {
    const { lines } = await dryRun(
      csv([FOUNDER_HEADER, founderRow('D-1', '一'), founderRow('D-2', '二'), founderRow('D-1', '三')]),
    );
    expect(lines).toEqual([
      '4 externalId: External ID "D-1" already appears on row 2: each row of a file needs its own external ID',
    ]);
  });

  it('a founder of another center: staff can neither take its externalId nor write into the other center', async () => {
    await importNow(csv([FOUNDER_HEADER, founderRow('OTHER-1', '乙中心的人')]), staffOf(w.cB));
    const { lines } = await dryRun(csv([FOUNDER_HEADER, founderRow('OTHER-1', '冒名')]));
    expect(lines).toEqual([
      '2 externalId: External ID "OTHER-1" is used by a record you may not change (e.g. another center\'s)',
    ]);
    const centerCol = csv([
      [...FOUNDER_HEADER, '双创中心'],
      [...founderRow('OTHER-2', '外中心'), w.cB],
    ]);
    const other = await dryRun(centerCol);
    expect(other.lines).toHaveLength(1);
    expect(other.lines[0]).toMatch(/^2 (centerId|-): /);
    expect(
      (
        await dryRun(
          csv([
            [...FOUNDER_HEADER, 'center'],
            [...founderRow('OTHER-3', '无'), 'NO-SUCH'],
          ]),
        )
      ).lines,
    ).toEqual(['2 centerId: No center "NO-SUCH" (enter the center\'s external ID or ID)']);
  });

  it('a project naming a founder not imported yet is reported; after the founders file it imports', async () => {
    const projects = csv([
      ['externalId', 'title', 'description', 'sector', 'stage', 'region', 'needs', 'languages', 'founders'],
      [
        'PRJ-1',
        '酥油茶连锁',
        '拉萨的茶馆',
        '文化旅游',
        'idea',
        '540102',
        'finance_tax、registration',
        '中文',
        'REF-F1；REF-F2',
      ],
    ]);
    const before = await dryRun(projects, { resource: 'projects' });
    expect(before.lines).toEqual(
      [
        '2 founderIds: No founder "REF-F2": import the founders file first (a file holds one kind of record; a project\'s founders must already be in the system)',
        '2 founderIds: No founder "REF-F1": import the founders file first (a file holds one kind of record; a project\'s founders must already be in the system)',
      ]
        .sort()
        .reverse()
        .sort(),
    );
    await importNow(csv([FOUNDER_HEADER, founderRow('REF-F1', '甲'), founderRow('REF-F2', '乙')]));
    const after = await dryRun(projects, { resource: 'projects' });
    expect(after.lines).toEqual([]);
    expect((await importNow(projects, staffOf(w.cA), 'projects')).status).toBe('done');
  });
});

describe('encodings', () => {
  it('reads GB18030 CSV (Excel on Chinese Windows) and UTF-8 with or without BOM', async () => {
    const rows = [FOUNDER_HEADER, founderRow('GB-1', '次仁央宗', { region: '日喀则市', langs: '藏文、中文' })];
    for (const file of [csv(rows, { gb18030: true }), csv(rows, { bom: true }), csv(rows)]) {
      const { lines, rec } = await dryRun(file);
      expect(lines).toEqual([]);
      expect(rec.created).toBe(1);
    }
    const done = await importNow(csv(rows, { gb18030: true }));
    expect(done.status).toBe('done');
    const [f] = await foundersLike('GB-1');
    expect(f).toMatchObject({ name: '次仁央宗', regionCode: '540200', languages: ['bo', 'zh'] });
  });
});

describe('import semantics', () => {
  it('all or nothing: one bad row and nothing of the file is written', async () => {
    const file = csv([
      FOUNDER_HEADER,
      founderRow('AON-1', '一'),
      founderRow('AON-2', '二'),
      founderRow('AON-3', '三', { groups: 'x' }),
    ]);
    const done = await importNow(file);
    expect(done.status).toBe('failed');
    expect(done.errorCount).toBe(1);
    expect(await foundersLike('AON-')).toEqual([]);
    // A row the repository refuses (not a parse error) rolls back the rows before it too.
    const late = await xlsx([
      [...FOUNDER_HEADER, 'graduationYear'],
      [...founderRow('AON-4', '四'), 2020],
      [...founderRow('AON-5', '五'), 1700],
    ]);
    expect((await importNow(late)).status).toBe('failed');
    expect(await foundersLike('AON-')).toEqual([]);
  });

  it('idempotent: importing the same file again changes nothing and adds no audit entry but the import', async () => {
    const file = await xlsx([
      [...FOUNDER_HEADER, 'consent.shareContact', 'Email'],
      [...founderRow('IDEM-1', '一'), '是', 'a@example.org'],
      [...founderRow('IDEM-2', '二', { phone: '+86 13900000000' }), 'no', null],
    ]);
    const first = await importNow(file);
    expect(first).toMatchObject({ status: 'done', created: 2 });
    const audits = await auditCount();
    const again = await importNow(file);
    expect(again).toMatchObject({ status: 'done', created: 0, updated: 0, unchanged: 2 });
    expect(await auditCount()).toBe(audits + 1);
    const rows = await foundersLike('IDEM-');
    expect(rows.find((r) => r.externalId === 'IDEM-2')?.contact).toEqual({ phone: '+86 13900000000' });
    // A changed cell updates that row only.
    const changed = await importNow(
      await xlsx([
        [...FOUNDER_HEADER, 'consent.shareContact', 'Email'],
        [...founderRow('IDEM-1', '一（改）'), '是', 'a@example.org'],
        [...founderRow('IDEM-2', '二', { phone: '+86 13900000000' }), 'no', null],
      ]),
    );
    expect(changed).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const audit = await app.db
      .select()
      .from(auditTable)
      .where(and(eq(auditTable.action, 'import.run'), eq(auditTable.entityId, changed.id)));
    expect(audit[0].detail).toMatchObject({ resource: 'founders', updated: 1, unchanged: 1 });
  });

  it('new rows are queued for embedding (pending) through the existing pipeline', async () => {
    await importNow(csv([FOUNDER_HEADER, founderRow('EMB-1', '嵌入')]));
    const [f] = await foundersLike('EMB-1');
    const res = await app.request('GET', `/v1/founders/${f.id}`);
    expect(['pending', 'ready']).toContain(res.body.embedding.status);
    // The keyword form is written with the mark, as a single create writes it.
    const [kw] = resultRows<{ k: string | null }>(
      await app.db.execute(sql`select keywords::text as k from founders where id = ${f.id}`),
    );
    expect(kw.k).toBeTruthy();
  });
});

describe('exports', () => {
  it('neutralises formula-like text and re-imports it unchanged (round trip: export → clean dry run → no change)', async () => {
    await importNow(
      csv([
        FOUNDER_HEADER,
        founderRow('RT-1', '=HYPERLINK("http://evil","x")', { phone: '+86 138' }),
        founderRow('RT-2', '@SUM(1)'),
      ]),
    );
    const res = await app.service.app.request('/v1/exports/founders.csv?q=HYPERLINK', {
      headers: { authorization: `Bearer ${w.keys.staffA}` },
    });
    const text = await res.text();
    expect(text).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(text).toContain("'+86 138");
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);

    for (const format of ['xlsx', 'csv'] as const) {
      const exp = await app.service.app.request(`/v1/exports/founders.${format}`, {
        headers: { authorization: `Bearer ${w.keys.staffA}` },
      });
      const buf = new Uint8Array(await exp.arrayBuffer());
      const { lines, rec } = await dryRun(buf);
      expect(lines).toEqual([]);
      expect(rec.created + rec.updated).toBe(0);
      expect(rec.unchanged).toBeGreaterThanOrEqual(2);
      const audits = await auditCount();
      const done = await importNow(buf);
      expect(done).toMatchObject({ status: 'done', created: 0, updated: 0 });
      expect(await auditCount()).toBe(audits + 1);
    }
    // Admin round trip over every resource, English headers.
    for (const r of ['founders', 'projects', 'mentors', 'investors', 'services', 'trainings', 'centers']) {
      const exp = await app.service.app.request(`/v1/exports/${r}.xlsx?lang=en`, {
        headers: { authorization: `Bearer ${w.keys.admin}` },
      });
      const { lines, rec } = await dryRun(new Uint8Array(await exp.arrayBuffer()), { resource: r, actor: admin });
      expect({ r, lines: lines.slice(0, 3) }).toEqual({ r, lines: [] });
      expect({ r, changed: rec.created + rec.updated }).toEqual({ r, changed: 0 });
    }
  });

  it('the template re-reads: its headers are accepted and its example row checks', async () => {
    const res = await app.service.app.request('/v1/imports/templates/services.xlsx?lang=bo', {
      headers: { authorization: `Bearer ${w.keys.staffA}` },
    });
    const buf = new Uint8Array(await res.arrayBuffer());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as never);
    expect(wb.worksheets[1].rowCount).toBeGreaterThan(5);
    expect((await dryRun(buf, { resource: 'services' })).lines).toEqual([]);

    // Mentors: staff may download the template, but the mentors policy lets only admins create them.
    const mentors = await app.service.app.request('/v1/imports/templates/mentors.xlsx', {
      headers: { authorization: `Bearer ${w.keys.staffA}` },
    });
    const mbuf = new Uint8Array(await mentors.arrayBuffer());
    expect((await dryRun(mbuf, { resource: 'mentors' })).lines).toEqual(['2 -: only admins may do this']);
    expect((await dryRun(mbuf, { resource: 'mentors', actor: admin })).lines).toEqual([]);
    expect(csvText([['a']])).toBe('a\r\n');
    expect(inArray).toBeTypeOf('function');
  });
});
