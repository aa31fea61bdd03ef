import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { accountsTable } from '../../models/schema.ts';
import { ensureAdminAccount } from '../../src/accounts/first-accounts.ts';
import { silentLogger } from '../../src/logger.ts';
import { startTestApp, type TestApp } from '../harness.ts';
import { ConsoleClient } from './client.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

it('invites one admin into a new installation, with the link in a private file', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'first-accounts-'));
  const opts = { dataDir, ttlHours: 168, origin: 'http://localhost:3000' };
  await ensureAdminAccount(app.db, opts, silentLogger);
  await ensureAdminAccount(app.db, opts, silentLogger); // idempotent
  const admins = await app.db.select().from(accountsTable).where(eq(accountsTable.role, 'admin'));
  expect(admins).toHaveLength(1);
  expect(admins[0]).toMatchObject({ login: 'admin', status: 'invited' });
  const file = join(dataDir, 'admin-invitation.txt');
  expect(statSync(file).mode & 0o777).toBe(0o600);
  const [login, url] = readFileSync(file, 'utf8').trim().split('\t');
  expect(login).toBe('admin');
  const path = new URL(url).pathname;
  expect(path).toMatch(/^\/app\/invite\/[\w-]{43}$/);
  const c = new ConsoleClient(app);
  expect((await c.get(path)).status).toBe(200);
  const done = await c.post(path, { password: 'Barley-field-2026', password2: 'Barley-field-2026' });
  expect(done.status).toBe(303);
});
