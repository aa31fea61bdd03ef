/** Turns texts into vectors. `query` and `passage` differ for models trained with prefixes (e5, bge). */
export type EmbedKind = 'query' | 'passage';

export interface Embedder {
  /** Model id stored with every vector (switching it is a re-embed, not a schema change). */
  readonly id: string;
  readonly dimensions: number;
  /** One vector per text, unit length; `null` where the model knows no token of the text. */
  embed(texts: string[], kind: EmbedKind): Promise<(number[] | null)[]>;
}

/** A vector the index must not store: empty, all zero, or containing NaN/Infinity. */
export function usableVector(v: ArrayLike<number>): boolean {
  if (!v.length) return false;
  let norm = 0;
  for (let i = 0; i < v.length; i++) {
    if (!Number.isFinite(v[i])) return false;
    norm += v[i] * v[i];
  }
  return norm > 1e-12;
}
