// The keyword channel in memory: each slot's keywords as vocabulary ids, and per word the slots
// holding it (inverted lists), so a call counts the words each row shares with the source from the
// source's words' lists (their lengths, not every row's keywords), ranked by keywordRank's measure
// (shared words over √(keyword count), pipeline/channels.ts).
import type { Vocabulary } from './compact.ts';
import { SlotList, TopK } from './slots.ts';

export class KeywordPostings {
  private keywords: (Int32Array | null)[] = [];
  /** Per word id (the shared Vocabulary's), the slots whose keywords hold it. */
  private wordSlots: (SlotList | undefined)[] = [];
  /** Scratch of the keyword channel: words shared with the source, per slot (all zero between calls). */
  private sharedCounts = new Int32Array(0);
  /** Each slot's keyword_count (the keywords toProfile keeps, counted at write time). */
  private counts = new Int32Array(0);
  /** 1/√max(keyword count, 1): keywordRank's denominator. */
  private norms = new Float64Array(0);

  constructor(private readonly terms: Vocabulary) {}

  get bytes() {
    return this.sharedCounts.byteLength + this.norms.byteLength + this.counts.byteLength;
  }

  /** How many keyword ids slot `s` holds. */
  held(s: number) {
    return this.keywords[s]?.length ?? 0;
  }

  count(s: number) {
    return this.counts[s];
  }

  /** Slot `s` holds `words`, and `keywordCount` of them count for the measure. */
  set(s: number, words: string[], keywordCount: number | null) {
    const kw = Int32Array.from(new Set(words.map((w) => this.terms.id(w))));
    this.relist(s, kw);
    this.keywords[s] = kw;
    this.counts[s] = keywordCount ?? 0;
    this.norms[s] = 1 / Math.sqrt(Math.max(keywordCount ?? 0, 1));
  }

  /** Slot `s` holds nothing (its row is gone). */
  drop(s: number) {
    this.relist(s, null);
    this.keywords[s] = null;
  }

  /** One mark per vocabulary word among `words` (a typed-array read per keyword, where a Set lookup cost ~10× more); null when no row has any. */
  marks(words: Iterable<string>): Uint8Array | null {
    const marked = new Uint8Array(this.terms.size);
    let any = false;
    for (const w of words) {
      const id = this.terms.known(w);
      if (id === undefined) continue;
      marked[id] = 1;
      any = true;
    }
    return any ? marked : null;
  }

  /** Slot `s`'s keywords among the marked ones. */
  shared(s: number, marks: Uint8Array | null): Set<string> {
    const kw = this.keywords[s]!;
    const shared = new Set<string>();
    if (marks) for (let i = 0; i < kw.length; i++) if (marks[kw[i]]) shared.add(this.terms.word(kw[i]));
    return shared;
  }

  /** The k slots sharing the most of `words` per √(keyword count); rows sharing none are left out. */
  best(slots: number[], words: string[], k: number): number[] {
    const shared = this.sharedCounts;
    let any = false;
    for (const w of new Set(words)) {
      const id = this.terms.known(w);
      const list = id === undefined ? undefined : this.wordSlots[id];
      if (!list) continue;
      any = true;
      for (let i = 0; i < list.length; i++) shared[list.items[i]]++;
    }
    if (!any) return [];
    const top = new TopK(k);
    for (const s of slots) if (shared[s]) top.offer(s, shared[s] * this.norms[s]);
    shared.fill(0);
    return top.slots();
  }

  /** Room for `capacity` slots. */
  grow(capacity: number) {
    const norms = new Float64Array(capacity);
    norms.set(this.norms);
    this.norms = norms;
    const counts = new Int32Array(capacity);
    counts.set(this.counts);
    this.counts = counts;
    this.sharedCounts = new Int32Array(capacity);
  }

  /**
   * Lists slot `s` under each of its new keywords `kw` and drops it from its old ones (all of them
   * when `kw` is null: the row is gone). Nothing to do when they are the same, as when only the
   * vector changed (the embedding job's write).
   */
  private relist(s: number, kw: Int32Array | null) {
    const old = this.keywords[s];
    if (old && kw && old.length === kw.length && old.every((w, i) => w === kw[i])) return;
    if (old) for (const w of old) this.wordSlots[w]!.remove(s);
    if (kw) for (const w of kw) (this.wordSlots[w] ??= new SlotList()).add(s);
  }
}
