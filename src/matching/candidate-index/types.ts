// The candidate index's interface (its facade: ../candidate-index.ts) and what a call exchanges with it.
import type { EmbeddedTable } from '../../../models/embeddings/entities.ts';
import type { Keyed, Profile, Ranged } from '../types.ts';

export type Row = Record<string, any>;
/** Checks of a row (as the index holds it) by the rules it cannot look up. */
export type Admits = (c: { row: Row }) => boolean;
export type KeyOf = Keyed<unknown>['of'];
export type RangeOf = Ranged<unknown>['of'];

export interface Narrowing {
  model: string;
  /** Keyed rules (types.ts) with the source's values: a row passes each by holding one of them (null: any row). */
  keyed: { of: KeyOf; values: readonly string[] | null }[];
  /** Ids excluded by excluding rules (types.ts): already introduced, already enrolled. */
  excluded: ReadonlySet<string>[];
  /** Ranged rules (types.ts) with the source's range: a row passes each with no number or one within it (null: any row). */
  ranged: { of: RangeOf; within: readonly [number, number] | null }[];
  /** The source's vector of `model`, or null (then only the keyword channel runs). */
  vector: number[] | null;
  /** The words to rank keyword matches by (searchable: distinct, no quotes). */
  words: string[];
  /** The source's keywords: each picked row comes with those it shares. */
  lexemes: ReadonlySet<string>;
  exactLimit: number;
  k: number;
}

/** A row the index picked, with what scoring needs of it besides the vector similarity. */
export interface Picked {
  /** The entity's columns, as profiles read them (shared, not to be changed). */
  row: Row;
  inferredTopics: Profile['inferredTopics'];
  inferredSectors: Profile['inferredSectors'];
  /** Its keywords among Narrowing.lexemes, and how many it has (keyword_count): the lexical feature's inputs. */
  shared: Set<string>;
  keywordCount: number;
  /**
   * Cosine similarity to Narrowing.vector from the index's float32 copies (null without both
   * vectors): close to pgvector's, not equal to the bit; the read-back gets pgvector's (pipeline/read-back.ts).
   */
  similarity: number | null;
}

export interface CandidateIndexStats {
  tables: number;
  rows: number;
  bytes: number;
  /** Rows read from the database since start (first loads and refreshes). */
  loaded: number;
  /** Whether tables are still being loaded ahead of their first call (warm). */
  warming: boolean;
}

export interface CandidateIndex {
  /**
   * The rows to score: every row that passes the keyed, excluding and ranged rules and `admits` (the other
   * rules' checks; null: none) when at most `exactLimit`, else the k nearest ∪ the k best
   * keyword matches among them. Null when the index does not serve `t` (over its memory budget): the
   * engine then narrows in SQL.
   */
  narrow(t: EmbeddedTable, admits: Admits | null, n: Narrowing): Promise<Picked[] | null>;
  /**
   * Loads, one after the other, each of `tables` holding more than `minRows` rows, ahead of its first
   * call (which would otherwise wait for it: seconds at 100k rows). `dims`: the model's, for the size estimate.
   */
  warm(tables: EmbeddedTable[], model: string, dims: number, minRows: number): Promise<void>;
  /** Every table may have changed (an own write, before its notification arrives). */
  invalidate(): void;
  stats(): CandidateIndexStats;
  close(): Promise<void>;
}
