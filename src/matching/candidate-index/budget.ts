// The index's memory: estimated bytes per row, and the budget a table must fit to be held
// (MATCH_INDEX_MAX_MB and a share of the JS heap); one that does not is left to SQL.

/**
 * Estimated bytes of a row besides its vector and keyword ids: its columns as JS values, the map entry,
 * the keyword array's own objects, its inferred-topic lists (heap growth measured loading 100k
 * projects and 20k mentors: ~2.3 KB a row in all with 100-dimensional vectors).
 */
export const ROW_BYTES = 1500;
/** Per keyword of a row: its id in the row's array and in the word's slot list (grown by doubling). */
export const KEYWORD_BYTES = 10;
/**
 * Share of the JS heap's limit the rows may take (vectors live outside it): a budget larger than the
 * heap (node's default limit is ~4 GB) would otherwise end the process out of memory, not in SQL.
 */
const HEAP_SHARE = 0.6;

/** What a held table takes: `bytes` in all, `heapBytes` of it in the JS heap. */
export interface Held {
  bytes: number;
  heapBytes: number;
}

export class Budget {
  readonly heapBytes: number;

  /** `held`: the tables held now. */
  constructor(
    readonly maxBytes: number,
    heapLimitBytes: number,
    private readonly held: () => Held[],
  ) {
    this.heapBytes = HEAP_SHARE * heapLimitBytes;
  }

  used() {
    return this.held().reduce((a, x) => a + x.bytes, 0);
  }

  /** Whether the tables held fit. */
  fits() {
    return this.used() <= this.maxBytes && this.onHeap() <= this.heapBytes;
  }

  /** Whether `rows` more rows with vectors of `dims` would fit (estimated before a table is loaded). */
  admits(rows: number, dims: number) {
    return !(
      this.used() + rows * (ROW_BYTES + dims * 4) > this.maxBytes || this.onHeap() + rows * ROW_BYTES > this.heapBytes
    );
  }

  private onHeap() {
    return this.held().reduce((a, x) => a + x.heapBytes, 0);
  }
}
