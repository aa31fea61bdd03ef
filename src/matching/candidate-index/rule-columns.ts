// The rules the index answers without visiting each row (pipeline/eligible.ts, indexRules): per
// keyed rule, the slots holding each key as a bitset, so a call combines the bitsets of the source's
// values instead of checking every row (a check reads the row object, a cache miss per row in a
// running server); per ranged rule, each slot's number as a column. Both are built over the rows
// held on the rule's first call, then kept up to date by every put and removal.
import { bitsetWords, clearBit, resized, setBit } from './slots.ts';
import type { KeyOf, Narrowing, RangeOf, Row } from './types.ts';

export class RuleColumns {
  private readonly postings = new Map<KeyOf, Map<string, Uint32Array>>();
  /** Per ranged rule, each slot's number (NaN: none). */
  private readonly numbers = new Map<RangeOf, Float64Array>();
  private capacity = 0;

  /** `rows`: the table's rows by slot (null: a free slot), to build a rule's columns on its first call. */
  constructor(private readonly rows: () => readonly ({ row: Row } | null)[]) {}

  get bytes() {
    let bytes = 0;
    for (const byKey of this.postings.values()) for (const b of byKey.values()) bytes += b.byteLength;
    for (const numbers of this.numbers.values()) bytes += numbers.byteLength;
    return bytes;
  }

  /** Slot `s` now holds `row`. */
  add(s: number, row: Row) {
    for (const [of, byKey] of this.postings) for (const k of of(row)) setBit(this.bitset(byKey, k), s);
    for (const [of, column] of this.numbers) column[s] = of(row) ?? NaN;
  }

  /** Clears a slot's bits, before its row (`row`) is replaced or dropped. */
  remove(s: number, row: Row) {
    for (const [of, byKey] of this.postings) for (const k of of(row)) clearBit(byKey.get(k)!, s);
  }

  /** The slots passing every keyed rule that applies, as a bitset; null when none applies. */
  keyedSlots(keyed: Narrowing['keyed']): Uint32Array | null {
    let within: Uint32Array | null = null;
    for (const { of, values } of keyed) {
      if (values === null) continue;
      const byKey = this.postingsOf(of);
      const any = new Uint32Array(bitsetWords(this.capacity));
      for (const k of values) {
        const b = byKey.get(k);
        if (b) for (let w = 0; w < any.length; w++) any[w] |= b[w];
      }
      if (within) for (let w = 0; w < any.length; w++) within[w] &= any[w];
      else within = any;
    }
    return within;
  }

  /** The ranged rules that apply, as each one's column and inclusive range. */
  ranges(ranged: Narrowing['ranged']) {
    return ranged.flatMap(({ of, within: range }) =>
      range ? [{ numbers: this.numbersOf(of), lo: range[0], hi: range[1] }] : [],
    );
  }

  /** Room for `capacity` slots. */
  grow(capacity: number) {
    this.capacity = capacity;
    for (const [of, column] of this.numbers) {
      const bigger = new Float64Array(capacity).fill(NaN);
      bigger.set(column);
      this.numbers.set(of, bigger);
    }
    for (const byKey of this.postings.values()) for (const [k, b] of byKey) byKey.set(k, resized(b, capacity));
  }

  /** A ranged rule's numbers, read from the rows held on its first call. */
  private numbersOf(of: RangeOf): Float64Array {
    let column = this.numbers.get(of);
    if (!column) {
      this.numbers.set(of, (column = new Float64Array(this.capacity).fill(NaN)));
      const rows = this.rows();
      for (let s = 0; s < rows.length; s++) {
        const v = rows[s];
        if (v) column[s] = of(v.row) ?? NaN;
      }
    }
    return column;
  }

  /** A keyed rule's bitsets, built over the rows held on its first call. */
  private postingsOf(of: KeyOf): Map<string, Uint32Array> {
    let byKey = this.postings.get(of);
    if (!byKey) {
      this.postings.set(of, (byKey = new Map()));
      const rows = this.rows();
      for (let s = 0; s < rows.length; s++) {
        const v = rows[s];
        if (v) for (const k of of(v.row)) setBit(this.bitset(byKey, k), s);
      }
    }
    return byKey;
  }

  private bitset(byKey: Map<string, Uint32Array>, key: string): Uint32Array {
    let b = byKey.get(key);
    if (!b) byKey.set(key, (b = new Uint32Array(bitsetWords(this.capacity))));
    return b;
  }
}
