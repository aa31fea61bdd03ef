// Side doors (contacts, exports, the audit log, assignment-run results) show only what a read by id
// would: the resources' own scopes decide which of the ids they carry the caller may see.
import { and, inArray, sql, type SQL } from 'drizzle-orm';
import { introductionsTable } from '../../models/introductions/table.ts';
import { accountsTable } from '../../models/accounts/table.ts';
import { accountReadScope } from '../accounts/accounts.ts';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { introductionScope } from '../engagement/introductions.ts';
import { resourceDefs } from './index.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const looksLikeId = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);

/**
 * Of these ids, those naming a record (of a contract resource, an introduction or an account) outside the
 * actor's scope: what a GET by id would answer 404 for although the record exists.
 */
export async function unreadableIds(db: Db, actor: Actor, ids: Iterable<string>): Promise<Set<string>> {
  const wanted = [...new Set([...ids].filter(looksLikeId))];
  const out = new Set<string>();
  if (!wanted.length) return out;
  const tables: { table: any; scope: SQL | 'all' | 'none' }[] = [
    ...resourceDefs.map((d) => ({ table: d.table, scope: d.policy.scope(actor) })),
    { table: introductionsTable, scope: introductionScope(actor) },
    { table: accountsTable, scope: accountReadScope(actor) },
  ];
  for (const { table, scope } of tables) {
    if (scope === 'all') continue;
    // coalesce: a scope over a NULL column (no center) is "not in scope", not unknown.
    const outside = scope === 'none' ? undefined : sql`not coalesce(${scope}, false)`;
    for (let k = 0; k < wanted.length; k += 1000) {
      const rows = await db
        .select({ id: table.id })
        .from(table)
        .where(and(inArray(table.id, wanted.slice(k, k + 1000)), outside));
      for (const r of rows) out.add(r.id as string);
    }
  }
  return out;
}
