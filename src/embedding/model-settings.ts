// What each model needs to be used right: pooling, normalisation and the prefixes it was trained
// with. Unknown models get mean pooling + normalisation and their dimension from config.json.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ModelSettings {
  pooling: 'mean' | 'cls';
  normalize: boolean;
  queryPrefix: string;
  passagePrefix: string;
  /** Load `onnx/model_quantized.onnx` instead of `onnx/model.onnx`. */
  quantized: boolean;
}

const DEFAULTS: ModelSettings = {
  pooling: 'mean',
  normalize: true,
  queryPrefix: '',
  passagePrefix: '',
  quantized: false,
};

/** Settings of well-known transformers.js models (matched on the last path segment of the id). */
const KNOWN: Record<string, Partial<ModelSettings>> = {
  'zh-en-static-100': {},
  'multilingual-e5-small': { queryPrefix: 'query: ', passagePrefix: 'passage: ' },
  'multilingual-e5-base': { queryPrefix: 'query: ', passagePrefix: 'passage: ' },
  'bge-small-zh-v1.5': { pooling: 'cls', queryPrefix: '为这个句子生成表示以用于检索相关文章：' },
  'bge-base-zh-v1.5': { pooling: 'cls', queryPrefix: '为这个句子生成表示以用于检索相关文章：' },
  'bge-m3': { pooling: 'cls' },
  'paraphrase-multilingual-MiniLM-L12-v2': {},
};

/**
 * Settings for a model folder: defaults ← known model ← `embedding.json` in the folder (which an
 * operator may write to configure any other model).
 */
export function modelSettings(modelDir: string, id: string): ModelSettings {
  const name = id.split('/').pop()!;
  const file = join(modelDir, 'embedding.json');
  const local = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<ModelSettings>) : {};
  return { ...DEFAULTS, ...KNOWN[name], ...local };
}
