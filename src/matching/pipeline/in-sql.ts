// The candidate source in SQL: for tables the candidate index does not hold and for calls with a
// caller's scope. By the table's size (eligible.ts, tableSize):
// - at most the exact limit: one query reads the eligible rows whole;
// - mid-sized (up to SINGLE_PASS_MAX_ROWS): one statement evaluates the rules once and returns every
//   eligible id or the two channels' picks (channels.ts, singlePass);
// - large: an id probe decides; beyond the exact limit, the two channels run over the eligible rows.
// Picks are then read back whole, against the source (read-back.ts, readProfiles).
import { and } from 'drizzle-orm';
import { idIn } from '../../db/sql.ts';
import type { Profile } from '../types.ts';
import { channelIds, singlePass } from './channels.ts';
import { tableSize } from './eligible.ts';
import { readProfiles } from './read-back.ts';
import type { Call, CandidateSource } from './source.ts';

/** The eligible set as SQL knows it after the first look. */
type SqlEligible =
  /** Every eligible row, read whole (a table of at most the exact limit). */
  | { read: Profile[] }
  /** Every eligible id (the probe found at most the exact limit). */
  | { ids: string[] }
  /** A mid-sized table: the rules are evaluated with the channels, in one statement. */
  | { onePass: true }
  /** More than the exact limit: the channels narrow them. */
  | { many: true };

/** The rows to score: read already, or ids (`recheck`: read under the rules again, as the channels' union is). */
type SqlPicks = { read: Profile[] } | { ids: string[]; recheck: boolean };

export function inSql(call: Call): CandidateSource<SqlEligible, SqlPicks> {
  const { ctx, recipe, where, exactLimit } = call;
  const t = recipe.candidateTable;
  const query = readProfiles(call);
  // exactLimit may be Infinity (exhaustive scoring, e.g. for recall measurements): no LIMIT then.
  const probeLimit = Number.isFinite(exactLimit) ? exactLimit + 1 : undefined;
  return {
    async eligible() {
      const size = await tableSize(ctx.db, t);
      if (size <= exactLimit) {
        const all = await query(where, probeLimit);
        // The size is cached: more rows than it said go to the channels.
        return all.length <= exactLimit ? { read: all } : { many: true };
      }
      if (size <= call.singlePassMaxRows && probeLimit) return { onePass: true };
      const probe = ctx.db.select({ id: t.id }).from(t).where(where);
      const ids = await (probeLimit ? probe.limit(probeLimit) : probe);
      return ids.length <= exactLimit ? { ids: ids.map((r) => r.id as string) } : { many: true };
    },
    async retrieve(e) {
      if ('read' in e) return e;
      if ('ids' in e) return { ids: e.ids, recheck: false };
      if ('onePass' in e)
        return { ids: await singlePass(ctx, t, call.source, where, exactLimit, call.retrieveK), recheck: false };
      return { ids: await channelIds(call, call.retrieveK), recheck: true };
    },
    async readBack(picks, score) {
      const profiles = 'read' in picks ? picks.read : await readIds(picks.ids, picks.recheck);
      return { scored: profiles.map(score), count: profiles.length, read: profiles.length };
    },
  };

  function readIds(ids: string[], recheck: boolean): Promise<Profile[]> | Profile[] {
    if (!ids.length) return [];
    return query(recheck ? and(where, idIn(t.id, ids)) : idIn(t.id, ids));
  }
}
