// How the index keeps rows small and close together: short strings and inferred-topic entries shared
// across rows and tables, keywords as small integers of one vocabulary.
import type { Profile } from '../types.ts';
import type { Row } from './types.ts';

/** Values every table's rows share one instance of (both maps only grow: bounded by the distinct values). */
export interface Shared {
  strings: Map<string, string>;
  inferred: Map<string, Inferred>;
}

/** Longer strings (ids, prose) are kept as read; shorter ones (codes, enum values, languages) are shared. */
const SHARED_STRING_MAX = 24;

/**
 * A row as the rule checks read it, for every call over every row: a fresh object whose short strings
 * (alone or in arrays) are shared instances. Rows as parsed lie scattered between the load's garbage
 * with their own copies of 'zh' or '5401'; compacted, checking 20k mentors took ~3 ms instead of ~7.
 */
export function compactRow(row: Row, strings: Map<string, string>): Row {
  const share = (v: unknown) => intern(v, strings);
  const out: Row = {};
  for (const k in row) {
    const v = row[k];
    out[k] = Array.isArray(v) ? v.map(share) : share(v);
  }
  return out;
}

/** `v` itself, or the instance of it already held when it is a short string. */
function intern<T>(v: T, strings: Map<string, string>): T {
  if (typeof v !== 'string' || v.length > SHARED_STRING_MAX) return v;
  const had = strings.get(v);
  if (had !== undefined) return had as T;
  strings.set(v, v);
  return v;
}

type Inferred = Profile['inferredTopics'][number] | Profile['inferredSectors'][number];
/** The list of a row without inferred topics (or sectors): one instance for all of them. */
export const NONE: never[] = [];
/**
 * Inferred topics or sectors as shared entries: a topic, its score and the phrases that matched come
 * from infer.ts's fixed vocabulary, so the same entries recur across rows. Held per row, they were a
 * third of the index's memory (~850 bytes a row at 100k).
 */
export const compactInferred = <T extends Inferred>(list: T[] | null, entries: Map<string, Inferred>): T[] =>
  !list?.length
    ? NONE
    : list.map((x) => {
        // A sector may bear a topic's name: the key says which it is.
        const key = `${'topic' in x ? `t:${x.topic}` : `s:${x.sector}`}|${x.score}|${x.evidence.join('|')}`;
        const had = entries.get(key);
        if (had) return had as T;
        entries.set(key, x);
        return x;
      });

/** Word ↔ small integer, shared by all tables (each row's keywords are kept as ids). */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly words: string[] = [];
  id(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      this.ids.set(word, (id = this.words.length));
      this.words.push(word);
    }
    return id;
  }
  word(id: number): string {
    return this.words[id];
  }
  /** The id of a known word, undefined for one no row has (no row can share it). */
  known(word: string): number | undefined {
    return this.ids.get(word);
  }
  get size() {
    return this.ids.size;
  }
}
