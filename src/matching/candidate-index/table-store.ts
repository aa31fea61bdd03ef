// One table's rows in slots: parallel arrays grown by doubling, freed slots reused. The rows rule
// checks read (compacted, compact.ts), with beside them what the rules look up (rule-columns.ts),
// the keywords (keyword-postings.ts) and the vectors (slot-vectors.ts); a call narrows them to the
// picks (narrow).
import type { Profile } from '../types.ts';
import { KEYWORD_BYTES, ROW_BYTES } from './budget.ts';
import { compactInferred, compactRow, NONE, type Shared, type Vocabulary } from './compact.ts';
import { KeywordPostings } from './keyword-postings.ts';
import { RuleColumns } from './rule-columns.ts';
import { clearBit, resized, setBit } from './slots.ts';
import { SlotVectors } from './slot-vectors.ts';
import type { Admits, Narrowing, Picked, Row } from './types.ts';

export class TableStore {
  private rowBytes = 0;
  private capacity = 0;
  private readonly slots = new Map<string, number>();
  /** What rule checks see, per slot (null: a free slot). */
  private readonly views: ({ row: Row } | null)[] = [];
  /** The rest of what scoring needs, per slot (apart: rule checks walk `views` and should stay small). */
  private readonly topics: Profile['inferredTopics'][] = [];
  private readonly sectors: Profile['inferredSectors'][] = [];
  /** The slots holding a row, as a bitset (the rows a call starts from when no keyed rule applies). */
  private occupied = new Uint32Array(0);
  private readonly free: number[] = [];
  private readonly rules = new RuleColumns(() => this.views);
  private readonly keywords: KeywordPostings;
  private readonly vectors = new SlotVectors();

  constructor(private readonly shared: Shared & { terms: Vocabulary }) {
    this.keywords = new KeywordPostings(shared.terms);
  }

  get size() {
    return this.slots.size;
  }

  /** Estimated memory: the rows, and the flat arrays as allocated (capacity grows by doubling). */
  get bytes() {
    return this.rowBytes + this.occupied.byteLength + this.rules.bytes + this.keywords.bytes + this.vectors.bytes;
  }

  /** The part of `bytes` in the JS heap (the rows; vectors and the flat arrays are buffers outside it). */
  get heapBytes() {
    return this.rowBytes;
  }

  /** The ids held. */
  ids() {
    return this.slots.keys();
  }

  /** Holds `row` (replacing the row of its id) with its vector, keywords and inferred topics and sectors. */
  put(
    row: Row,
    vector: number[] | null,
    words: string[],
    keywordCount: number | null,
    topics: Profile['inferredTopics'] | null,
    sectors: Profile['inferredSectors'] | null,
  ) {
    let s = this.slots.get(row.id);
    if (s === undefined) {
      s = this.free.pop() ?? this.views.length;
      this.slots.set(row.id, s);
      this.rowBytes += ROW_BYTES;
    } else this.rowBytes -= this.keywords.held(s) * KEYWORD_BYTES;
    this.grow(s + 1);
    const old = this.views[s];
    if (old) this.rules.remove(s, old.row);
    const compact = compactRow(row, this.shared.strings);
    this.views[s] = { row: compact };
    setBit(this.occupied, s);
    this.rules.add(s, compact);
    this.topics[s] = compactInferred(topics, this.shared.inferred);
    this.sectors[s] = compactInferred(sectors, this.shared.inferred);
    this.keywords.set(s, words, keywordCount);
    this.rowBytes += this.keywords.held(s) * KEYWORD_BYTES;
    this.vectors.set(s, vector);
  }

  /** Drops the row of `id`. */
  remove(id: string) {
    const s = this.slots.get(id);
    if (s === undefined) return;
    this.slots.delete(id);
    this.rowBytes -= ROW_BYTES + this.keywords.held(s) * KEYWORD_BYTES;
    const old = this.views[s];
    if (old) this.rules.remove(s, old.row);
    this.keywords.drop(s);
    clearBit(this.occupied, s);
    this.views[s] = null;
    this.topics[s] = this.sectors[s] = NONE;
    this.vectors.clear(s);
    this.free.push(s);
  }

  /** The picks of a call (CandidateIndex.narrow): the rules applied, then the channels when more than the exact limit pass. */
  narrow(admits: Admits | null, n: Narrowing): Picked[] {
    const admitted = this.admitted(admits, n);
    const q = this.vectors.query(n.vector);
    let picked: Iterable<number> = admitted;
    if (admitted.length > n.exactLimit) {
      const union = new Set<number>(q ? this.vectors.nearest(admitted, q, n.k) : []);
      for (const s of this.keywords.best(admitted, n.words, n.k)) union.add(s);
      picked = union;
    }
    const lexemes = this.keywords.marks(n.lexemes);
    const slots = [...picked];
    const similarities = q ? this.vectors.similarities(q, slots) : null;
    const out: Picked[] = [];
    for (let j = 0; j < slots.length; j++) {
      const s = slots[j];
      out.push({
        row: this.views[s]!.row,
        inferredTopics: this.topics[s],
        inferredSectors: this.sectors[s],
        shared: this.keywords.shared(s, lexemes),
        keywordCount: this.keywords.count(s),
        similarity: similarities && this.vectors.holds(s) ? similarities[j] : null,
      });
    }
    return out;
  }

  /** The slots passing the keyed, excluding and ranged rules (looked up) and `admits` (checked on those). */
  private admitted(admits: Admits | null, n: Narrowing): number[] {
    const admitted: number[] = [];
    const within = this.rules.keyedSlots(n.keyed) ?? this.occupied.slice();
    for (const ids of n.excluded) {
      for (const id of ids) {
        const s = this.slots.get(id);
        if (s !== undefined) clearBit(within, s);
      }
    }
    const ranges = this.rules.ranges(n.ranged);
    for (let w = 0; w < within.length; w++) {
      rows: for (let bits = within[w]; bits !== 0; bits &= bits - 1) {
        const s = w * 32 + 31 - Math.clz32(bits & -bits);
        for (const { numbers, lo, hi } of ranges) if (numbers[s] < lo || numbers[s] > hi) continue rows; // NaN (no number) passes
        if (!admits || admits(this.views[s]!)) admitted.push(s);
      }
    }
    return admitted;
  }

  private grow(n: number) {
    if (n <= this.capacity) return;
    const capacity = Math.max(1024, this.capacity * 2, n);
    this.capacity = capacity;
    this.vectors.grow(capacity);
    this.keywords.grow(capacity);
    this.occupied = resized(this.occupied, capacity);
    this.rules.grow(capacity);
  }
}
