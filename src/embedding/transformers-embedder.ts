// The real embedder: @xenova/transformers loading a local model folder, never a model hub.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Embedder, EmbedKind } from './embedder.ts';
import { usableVector } from './embedder.ts';
import { modelSettings, type ModelSettings } from './model-settings.ts';

export class ModelNotFoundError extends Error {}

export interface LoadOptions {
  /** Model id: a folder name under `modelsDir` (may contain a slash, e.g. `Xenova/multilingual-e5-small`). */
  model: string;
  modelsDir: string;
}

export async function loadTransformersEmbedder(opts: LoadOptions): Promise<Embedder> {
  const modelsDir = resolve(opts.modelsDir);
  const dir = join(modelsDir, opts.model);
  if (!existsSync(join(dir, 'config.json')) || !existsSync(join(dir, 'tokenizer.json'))) {
    throw new ModelNotFoundError(
      `Embedding model "${opts.model}" not found in ${modelsDir} (needs config.json, tokenizer.json and onnx/model.onnx). ` +
        (opts.model === 'zh-en-static-100'
          ? 'Build the bundled model with `npm run build:model` (npm ci runs it).'
          : 'Copy a transformers.js model folder there, or unset EMBED_MODEL to use the bundled model.'),
    );
  }
  const settings = modelSettings(dir, opts.model);
  const { pipeline, env } = await import('@xenova/transformers');
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = `${modelsDir}/`;
  const extractor: any = await pipeline('feature-extraction', opts.model, { quantized: settings.quantized });
  const hasPooledOutput = (extractor.model.session?.outputNames ?? []).includes('sentence_embedding');
  const embedder = new TransformersEmbedder(opts.model, extractor, settings, hasPooledOutput);
  const [probe] = await embedder.embedRaw(['dimension probe 维度'], 'passage');
  embedder.dimensions = probe.length;
  return embedder;
}

class TransformersEmbedder implements Embedder {
  dimensions = 0;

  constructor(
    readonly id: string,
    private readonly extractor: any,
    private readonly settings: ModelSettings,
    /** The bundled static model also outputs its pooled, normalised vector: reading it skips the slow JS pooling. */
    private readonly hasPooledOutput: boolean,
  ) {}

  async embedRaw(texts: string[], kind: EmbedKind): Promise<Float32Array[]> {
    const prefix = kind === 'query' ? this.settings.queryPrefix : this.settings.passagePrefix;
    const input = texts.map((t) => prefix + t);
    if (this.hasPooledOutput) {
      // No max_length: with padding it would pad every text to it; truncation uses the tokenizer's model_max_length.
      const tokens = this.extractor.tokenizer(input, { padding: true, truncation: true });
      const { sentence_embedding: out } = await this.extractor.model(tokens);
      return split(out.data as Float32Array, texts.length);
    }
    const out = await this.extractor(input, { pooling: this.settings.pooling, normalize: this.settings.normalize });
    return split(out.data as Float32Array, texts.length);
  }

  async embed(texts: string[], kind: EmbedKind): Promise<(number[] | null)[]> {
    if (!texts.length) return [];
    const vectors = await this.embedRaw(texts, kind);
    return vectors.map((v) => (usableVector(v) ? Array.from(v) : null));
  }
}

function split(data: Float32Array, n: number): Float32Array[] {
  const dim = data.length / n;
  return Array.from({ length: n }, (_, i) => data.subarray(i * dim, (i + 1) * dim));
}
