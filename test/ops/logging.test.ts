// Logs from a real app (captured in memory): JSON lines with levels and request ids; no API key,
// bootstrap admin key, contact or SQL parameter in any line; a failed statement's error keeps its stack.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAdminKey } from '../../src/auth/bootstrap-key.ts';
import { resolveKey } from '../../src/auth/keys.ts';
import { CENSOR, scrubError } from '../../src/logger.ts';
import { expectProblem, founderBody, ok } from '../auth/world.ts';
import { ADMIN_KEY, startTestApp, type TestApp } from '../harness.ts';
import { captureLogs, type CapturedLogs } from './helpers.ts';

let t: TestApp;
let logs: CapturedLogs;
let centerId: string;
const dirs: string[] = [];

beforeAll(async () => {
  logs = captureLogs('debug');
  t = await startTestApp({}, { logger: logs.logger });
  centerId = (
    await ok(
      t.request('POST', '/v1/centers', {
        body: { name: 'LOG 拉萨众创空间', regionCode: '540102', kind: 'makerspace', pilot: false },
      }),
      201,
    )
  ).id;
});
afterAll(async () => {
  await t?.close();
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

const requestLines = () => logs.lines().filter((l) => l.msg === 'request');

describe('request logs', () => {
  it('are JSON lines with a level, the request id, method, path, status and role, and never the bearer key', async () => {
    const f = await ok(
      t.request('POST', '/v1/founders', { body: founderBody('LOG 央金', 'wx-log-key-owner', centerId) }),
      201,
    );
    const key = await t.keyFor('founder', { subjectId: f.id });
    const res = await t.request('GET', `/v1/founders/${f.id}`, {
      key,
      headers: { 'x-request-id': 'log-test-request-1' },
    });
    expect(res.status, res.text).toBe(200);
    const line = requestLines().find((l) => l.requestId === 'log-test-request-1');
    expect(line).toMatchObject({
      level: 'info',
      method: 'GET',
      path: `/v1/founders/${f.id}`,
      status: 200,
      role: 'founder',
    });
    expect(typeof line!.time).toBe('string');
    expect(typeof line!.ms).toBe('number');

    const bogus = 'sck_this-is-not-a-real-key-but-must-not-be-logged';
    expect((await t.request('GET', '/v1/centers', { key: bogus })).status).toBe(401);
    const text = logs.text();
    expect(text).not.toContain(key);
    expect(text).not.toContain(key.slice(4)); // not even without its prefix
    expect(text).not.toContain(bogus);
    expect(text).not.toContain(ADMIN_KEY);
  });

  it('log probes at debug, so they do not drown the rest at info', async () => {
    await t.request('GET', '/health', { key: null, headers: { 'x-request-id': 'log-probe-1' } });
    expect(requestLines().find((l) => l.requestId === 'log-probe-1')).toMatchObject({
      level: 'debug',
      path: '/health',
      status: 200,
    });
  });
});

describe('personal data', () => {
  const contact = { phone: '13912345678', email: 'yangjin.log@example.cn', wechat: 'wx-log-personal-42' };

  it('a founder write with contact data leaves no contact value in the logs', async () => {
    const body = { ...founderBody('LOG 次仁卓玛', contact.wechat, centerId), contact };
    const created = await ok(t.request('POST', '/v1/founders', { body }), 201);
    await ok(
      t.request('PATCH', `/v1/founders/${created.id}`, { body: { contact: { ...contact, phone: '13987654321' } } }),
    );
    const text = logs.text();
    for (const v of [...Object.values(contact), '13987654321']) expect(text, v).not.toContain(v);
    expect(requestLines().some((l) => l.method === 'PATCH' && l.status === 200)).toBe(true);
  });

  it('a failing SQL statement is logged with its stack and request id, without its parameters or the row values PostgreSQL quotes', async () => {
    // A trigger refuses the insert and quotes the new row in its DETAIL, as constraint violations do.
    await t.db.execute(
      sql.raw(`
      create or replace function log_test_refuse() returns trigger language plpgsql as $$
      begin raise exception 'founder insert refused by test' using detail = 'Failing row contains ' || new.name || ' ' || coalesce(new.contact::text, ''); end $$`),
    );
    await t.db.execute(
      sql.raw(
        'create trigger log_test_refuse before insert on founders for each row execute function log_test_refuse()',
      ),
    );
    try {
      const name = 'LOG-SECRET-NAME 旺姆';
      const failing = { phone: '13700001111', email: 'wangmu.secret@example.cn', wechat: 'wx-secret-failing-sql' };
      const res = await t.request('POST', '/v1/founders', {
        body: { ...founderBody(name, failing.wechat, centerId), contact: failing },
      });
      expectProblem(res, 500, name, failing.phone, failing.email, failing.wechat);

      const line = logs.lines().find((l) => l.msg === 'unhandled error' && l.requestId === res.body.requestId);
      expect(line, logs.text().slice(-3000)).toBeDefined();
      expect(line!.level).toBe('error');
      expect(line!.path).toBe('/v1/founders');
      // the stack stays: frames, the failed query (placeholders only) and the database's own message
      expect(line!.err.stack).toMatch(/\n\s+at /);
      expect(line!.err.stack).toContain('insert into "founders"');
      expect(line!.err.stack).toContain('founder insert refused by test');
      expect(line!.err.message).toContain(`params: ${CENSOR}`);
      const text = logs.text();
      for (const v of [name, 'LOG-SECRET-NAME', ...Object.values(failing)]) expect(text, v).not.toContain(v);
    } finally {
      await t.db.execute(sql.raw('drop trigger log_test_refuse on founders'));
      await t.db.execute(sql.raw('drop function log_test_refuse()'));
    }
  });
});

describe('the logger', () => {
  it('redacts keys, passwords and contacts by field name, up to three levels deep', () => {
    const c = captureLogs('info');
    c.logger.info(
      {
        authorization: 'Bearer sck_top',
        apiKey: 'sck_apikey',
        password: 'pw-top',
        req: { headers: { authorization: 'Bearer sck_nested', cookie: 'session=s3cret' } },
        body: {
          password: 'pw-nested',
          contact: { phone: '13611112222' },
          founder: { email: 'deep@example.cn', phone: '13633334444' },
        },
        key: 'sck_bootstrap',
        kept: 'visible',
      },
      'fields',
    );
    const text = c.text();
    for (const s of [
      'sck_top',
      'sck_apikey',
      'pw-top',
      'sck_nested',
      's3cret',
      'pw-nested',
      '13611112222',
      'deep@example.cn',
      '13633334444',
      'sck_bootstrap',
    ]) {
      expect(text, s).not.toContain(s);
    }
    expect(c.lines()[0]).toMatchObject({
      level: 'info',
      msg: 'fields',
      kept: 'visible',
      password: CENSOR,
      body: { contact: CENSOR },
    });
  });

  it('scrubs SQL parameters from an error message (values with newlines too) and keeps the frames and causes', () => {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint'), {
      code: '23505',
      detail: 'Key (phone)=(13500000000) already exists.',
    });
    const e = Object.assign(
      new Error('Failed query: insert into "x" ("a") values ($1)\nparams: 13500000000,line1\nline2-secret'),
      {
        query: 'insert into "x" ("a") values ($1)',
        params: ['13500000000', 'line1\nline2-secret'],
        cause,
      },
    );
    const c = captureLogs('info');
    c.logger.error({ err: e }, 'boom');
    const text = c.text();
    expect(text).not.toContain('13500000000');
    expect(text).not.toContain('line2-secret');
    const { err } = c.lines()[0];
    expect(err.message).toContain('insert into "x" ("a") values ($1)');
    expect(err.stack).toMatch(/\n\s+at /);
    expect(err.stack).toContain('caused by: Error: duplicate key value');
    expect(err.code).toBeUndefined(); // the outer error has none; the cause's code stays on the cause
    // the original error is not modified
    expect(e.message).toContain('13500000000');
    expect((scrubError(e) as Error).message).not.toContain('13500000000');
  });
});

describe('the bootstrap admin key', () => {
  it('is saved to DATA_DIR and works; the log names the file, never the key', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scm-bootstrap-key-'));
    dirs.push(dir);
    const c = captureLogs('debug');
    await ensureAdminKey(t.db, dir, c.logger);
    const file = join(dir, 'admin-api-key.txt');
    const key = (await readFile(file, 'utf8')).trim();
    expect(key).toMatch(/^sck_/);
    expect((await resolveKey(t.db, key, undefined))?.role).toBe('admin');
    const text = c.text();
    expect(text).not.toContain(key);
    expect(text).not.toContain(key.slice(4, 24));
    expect(c.lines()[0]).toMatchObject({ level: 'warn', file });
    expect(c.lines()[0].msg).toContain(file);
  });
});
