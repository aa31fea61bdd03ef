// Audit entries as a non-admin reader may see them: every id of a record it could not read by id
// (src/resources/readable.ts) is taken out, and an entry about such a record keeps no detail.
import { isAdmin, type Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { looksLikeId, unreadableIds } from '../resources/readable.ts';

interface Entry {
  entityId: string | null;
  detail: unknown;
}

function collectIds(v: unknown, out: Set<string>): void {
  if (looksLikeId(v)) out.add(v);
  else if (Array.isArray(v)) for (const x of v) collectIds(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) collectIds(x, out);
}

/** `v` without the hidden ids: nulled as values, dropped from arrays. */
function strip(v: unknown, hidden: Set<string>): unknown {
  if (typeof v === 'string') return hidden.has(v) ? null : v;
  if (Array.isArray(v)) return v.filter((x) => !(typeof x === 'string' && hidden.has(x))).map((x) => strip(x, hidden));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, strip(x, hidden)]));
  return v;
}

export async function redactEntries<T extends Entry>(db: Db, actor: Actor, entries: T[]): Promise<T[]> {
  if (isAdmin(actor) || !entries.length) return entries;
  const ids = new Set<string>();
  for (const e of entries) collectIds([e.entityId, e.detail], ids);
  const hidden = await unreadableIds(db, actor, ids);
  if (!hidden.size) return entries;
  return entries.map((e) =>
    e.entityId !== null && hidden.has(e.entityId)
      ? { ...e, entityId: null, detail: null }
      : { ...e, detail: strip(e.detail, hidden) },
  );
}
