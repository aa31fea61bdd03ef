// Helpers for the engagement tests: calls as a world actor (or any key), audit lookups, counters.
import { and, eq, sql } from 'drizzle-orm';
import { auditTable } from '../../models/schema.ts';
import type { TestApp, TestResponse } from '../harness.ts';
import { buildWorld, ok, type Actor, type World } from '../auth/world.ts';
import { startTestApp } from '../harness.ts';

export interface Caller {
  get(path: string): Promise<TestResponse>;
  post(path: string, body?: unknown): Promise<TestResponse>;
  del(path: string): Promise<TestResponse>;
}

export function callerFor(t: TestApp, key: string): Caller {
  return {
    get: (path) => t.request('GET', path, { key }),
    post: (path, body) => t.request('POST', path, { key, ...(body === undefined ? {} : { body }) }),
    del: (path) => t.request('DELETE', path, { key }),
  };
}

export const asActor = (t: TestApp, w: World) => (actor: Actor) => callerFor(t, w.keys[actor]);

/** Audit rows of this action about this entity. */
export async function auditRows(t: TestApp, action: string, entityId: string) {
  return t.db
    .select()
    .from(auditTable)
    .where(and(eq(auditTable.action, action), eq(auditTable.entityId, entityId)));
}

export async function countWhere(t: TestApp, table: any, where?: any): Promise<number> {
  return (await t.db.select({ n: sql<number>`count(*)::int` }).from(table).where(where))[0].n;
}

/** Creates a record through the API as admin; returns its id. */
export async function create(t: TestApp, path: string, body: unknown): Promise<string> {
  return (await ok(t.request('POST', path, { body }), 201)).id;
}

/** Runs `n` async jobs at most `width` at a time (setup only; the tests' races use Promise.all). */
export async function inBatches<T>(n: number, width: number, job: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let start = 0; start < n; start += width) {
    out.push(...(await Promise.all(Array.from({ length: Math.min(width, n - start) }, (_, k) => job(start + k)))));
  }
  return out;
}

export const statusCounts = (responses: TestResponse[]) =>
  responses.reduce<Record<number, number>>((acc, r) => {
    acc[r.status] = (acc[r.status] ?? 0) + 1;
    return acc;
  }, {});

/** An id no record has (a valid UUIDv7 shape, so it reaches the lookup rather than the validator). */
export const UNKNOWN = '01900000-0000-7000-8000-000000000000';

/** The app with the role world of test/auth/world.ts, and a caller per actor: `({ t, w, as } = await bootWorld())` in beforeAll. */
export async function bootWorld(): Promise<{ t: TestApp; w: World; as: (a: Actor) => Caller }> {
  const t = await startTestApp();
  const w = await buildWorld(t);
  return { t, w, as: asActor(t, w) };
}
