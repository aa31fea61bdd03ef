// /health (the process answers; no database) and /ready (database reachable, migrations applied, not
// shutting down → 200, else 503 naming the failed check) on the real app.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { resultRows } from '../../src/db/errors.ts';
import { healthRouter } from '../../src/http/system/system.index.ts';
import { silentLogger } from '../../src/logger.ts';
import { startTestApp, type TestApp } from '../harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

const ready = () => t.request('GET', '/ready', { key: null });

describe('/health and /ready', () => {
  it('/health answers {"ok": true} (the contract); /ready answers 200 with every check ok', async () => {
    const health = await t.request('GET', '/health', { key: null });
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ ok: true });
    const r = await ready();
    expect(r.status, r.text).toBe(200);
    expect(r.body).toEqual({ ok: true, checks: { shutdown: 'ok', database: 'ok', migrations: 'ok' } });
  });

  it('/ready is 503 while shutting down, and responses then say Connection: close', async () => {
    t.service.lifecycle.shuttingDown = true;
    try {
      const r = await ready();
      expect(r.status).toBe(503);
      expect(r.body).toEqual({ ok: false, checks: { shutdown: 'shutting down', database: 'ok', migrations: 'ok' } });
      expect(r.headers.get('connection')).toBe('close');
      const health = await t.request('GET', '/health', { key: null });
      expect(health.status).toBe(200); // still alive: liveness must not restart a draining process
    } finally {
      t.service.lifecycle.shuttingDown = false;
    }
    const after = await ready();
    expect(after.status).toBe(200);
    expect(after.headers.get('connection')).toBeNull();
  });

  it('/ready is 503 when a migration is not applied', async () => {
    const [last] = resultRows<{ id: number; hash: string; created_at: string }>(
      await t.db.execute(
        sql`select id, hash, created_at::text as created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`,
      ),
    );
    await t.db.execute(sql`delete from drizzle.__drizzle_migrations where id = ${last.id}`);
    try {
      const r = await ready();
      expect(r.status).toBe(503);
      expect(r.body).toEqual({ ok: false, checks: { shutdown: 'ok', database: 'ok', migrations: '1 pending' } });
    } finally {
      await t.db.execute(
        sql`insert into drizzle.__drizzle_migrations (id, hash, created_at) values (${last.id}, ${last.hash}, ${last.created_at}::bigint)`,
      );
    }
    expect((await ready()).status).toBe(200);
  });

  it('/ready is 503 when the database is unreachable (connection refused), /health stays 200', async () => {
    // Nothing listens on port 1: the real driver fails to connect.
    const unreachable = await openDatabase({ url: 'postgres://nobody@127.0.0.1:1/none', max: 1 });
    try {
      const app = healthRouter({ database: unreachable, lifecycle: { shuttingDown: false }, logger: silentLogger });
      const r = await app.request('/ready');
      expect(r.status).toBe(503);
      expect(await r.json()).toEqual({
        ok: false,
        checks: { shutdown: 'ok', database: 'unreachable', migrations: 'not checked' },
      });
      expect((await app.request('/health')).status).toBe(200);
    } finally {
      await unreachable.close();
    }
  });

  it('/ready is 503 once the service closed its database pool (shutdown), /health stays 200', async () => {
    const other = await startTestApp();
    try {
      expect((await other.request('GET', '/ready', { key: null })).status).toBe(200);
      expect(await other.service.close(5000)).toBe(true);
      const r = await other.request('GET', '/ready', { key: null });
      expect(r.status).toBe(503);
      expect(r.body).toEqual({
        ok: false,
        checks: { shutdown: 'shutting down', database: 'unreachable', migrations: 'not checked' },
      });
      expect((await other.request('GET', '/health', { key: null })).status).toBe(200);
    } finally {
      await other.close();
    }
  });
});
