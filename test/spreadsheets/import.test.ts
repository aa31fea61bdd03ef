import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inArray } from 'drizzle-orm';
import { foundersTable } from '../../models/schema.ts';
import { embeddingHooks } from '../../src/resources/embedding-hooks.ts';
import { checkFile, getImport, settled, startImport } from '../../src/spreadsheets/imports.ts';
import { startTestApp, type TestApp } from '../harness.ts';
import { buildWorld, type World } from '../auth/world.ts';
import { FOUNDER_HEADER, founderRow, staffOf, xlsx } from './files.ts';

let app: TestApp;
let w: World;
const deps = () => ({ db: app.db, embeddingHooks: embeddingHooks((k, ids) => app.service.queue.schedule(k, ids)) });

beforeAll(async () => {
  app = await startTestApp();
  w = await buildWorld(app);
}, 120_000);
afterAll(() => app?.close());

describe('import core', () => {
  it('dry run of a clean file writes nothing, import writes, re-import changes nothing', async () => {
    const file = await xlsx([
      FOUNDER_HEADER,
      founderRow('IMP-1', '导入一'),
      founderRow('IMP-2', '导入二', { groups: 'student, researcher' }),
    ]);
    const staff = staffOf(w.cA);
    const checked = await checkFile(deps(), staff, 'founders', file, 'a.xlsx');
    expect(checked.report).toEqual([]);
    expect(checked.status).toBe('checked');
    expect(checked.created).toBe(2);
    const none = await app.db
      .select()
      .from(foundersTable)
      .where(inArray(foundersTable.externalId, ['IMP-1', 'IMP-2']));
    expect(none).toEqual([]);
    await startImport(deps(), staff, checked.id);
    await settled(checked.id);
    const done = await getImport(app.db, staff, checked.id);
    expect(done.status).toBe('done');
    const rows = await app.db
      .select()
      .from(foundersTable)
      .where(inArray(foundersTable.externalId, ['IMP-1', 'IMP-2']));
    expect(rows.map((r) => r.centerId)).toEqual([w.cA, w.cA]);
    const again = await checkFile(deps(), staff, 'founders', file, 'a.xlsx');
    expect(again.unchanged).toBe(2);
    expect(again.created + again.updated).toBe(0);
  });
});
