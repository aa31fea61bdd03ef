// Generated data for the candidate-index tests (keyed-rules, best-first): sources sampled in a stable
// order, and introductions, enrolments and training invitations for them, which the excluding rules (and mentors' used-up
// capacity) act on.
import { sql } from 'drizzle-orm';
import { enrollmentsTable, introductionsTable, trainingInvitationsTable } from '../../models/schema.ts';
import type { Db } from '../../src/db/client.ts';
import { resultRows } from '../../src/db/errors.ts';

/** The first `n` ids of a table in md5 order: a stable sample, the same one exclusions() covers. */
export const sourceIds = async (db: Db, table: string, n: number) =>
  resultRows<{ id: string }>(
    await db.execute(sql`select id from ${sql.identifier(table)} order by md5(id::text) limit ${n}`),
  ).map((r) => r.id);

/**
 * For the first `sources` trainings and projects (sourceIds' order), `each` enrolled founders, `each`
 * other founders invited (open or declined), and `each` accepted mentor and declined investor introductions.
 */
export async function exclusions(db: Db, sources: number, each: number) {
  const pairs = async (from: string, to: string, salt = '') =>
    resultRows<{ s: string; c: string }>(
      await db.execute(sql`
    select s.id as s, c.id as c from (select id from ${sql.identifier(from)} order by md5(id::text) limit ${sources}) s
    cross join lateral (select id from ${sql.identifier(to)} order by md5(s.id::text || id::text || ${salt}) limit ${each}) c`),
    );
  await db
    .insert(enrollmentsTable)
    .values((await pairs('trainings', 'founders')).map((p) => ({ trainingId: p.s, founderId: p.c })));
  await db.insert(trainingInvitationsTable).values(
    (await pairs('trainings', 'founders', 'invited')).map((p, k) => ({
      trainingId: p.s,
      founderId: p.c,
      status: k % 2 ? ('declined' as const) : ('invited' as const),
    })),
  );
  for (const [targetKind, table, status] of [
    ['mentor', 'mentors', 'accepted'],
    ['investor', 'investors', 'declined'],
  ] as const) {
    await db
      .insert(introductionsTable)
      .values((await pairs('projects', table)).map((p) => ({ projectId: p.s, targetKind, targetId: p.c, status })));
  }
}
