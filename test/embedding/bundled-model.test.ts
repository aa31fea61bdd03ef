/**
 * The bundled zh/en static embedding model, loaded through the real
 * transformers.js pipeline exactly as the app does (no network).
 *
 * The model is normally built by the install step
 * (`tsx scripts/build-model/build.ts`); if it is missing or stale, beforeAll
 * builds it (~15–25 s).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env, pipeline } from '@xenova/transformers';
import {
  buildBundledModel,
  DEFAULT_MODELS_DIR,
  DEFAULT_OUT_DIR,
  isBundledModelCurrent,
  MODEL_ID,
} from '../../scripts/build-model/build.js';
import { buildStaticModel } from '../../scripts/build-model/static-model.js';

// Minimal structural types for what we use from transformers.js (it ships JS + loose d.ts).
interface TensorLike {
  dims: number[];
  data: Float32Array;
  tolist(): number[][];
}
interface TokenizerLike {
  (texts: string[], opts: { padding: boolean; truncation: boolean }): Record<string, unknown>;
  encode(text: string): number[];
  decode(ids: number[]): string;
}
interface Extractor {
  (texts: string[], opts: { pooling: 'mean' | 'none' | 'cls'; normalize: boolean }): Promise<TensorLike>;
  tokenizer: TokenizerLike;
  model: (inputs: Record<string, unknown>) => Promise<Record<string, TensorLike>>;
  dispose(): Promise<unknown>;
}

async function loadExtractor(modelsDir: string, id: string): Promise<Extractor> {
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = modelsDir.endsWith('/') ? modelsDir : `${modelsDir}/`;
  return (await pipeline('feature-extraction', id, { quantized: false })) as unknown as Extractor;
}

const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);
const norm = (a: number[]) => Math.sqrt(dot(a, a));

/** zh/en translation pairs from the startup-services domain. */
const PAIRS: [zh: string, en: string][] = [
  ['藏药材电商创业项目', 'Tibetan herbal medicine e-commerce startup'],
  ['牦牛酸奶加工', 'yak yogurt processing'],
  ['光伏发电', 'solar power generation'],
  ['民宿', 'guesthouse'],
  ['财税指导', 'tax and accounting guidance'],
  ['天使投资人', 'angel investor'],
  ['创业孵化器', 'startup incubator'],
  ['知识产权保护', 'intellectual property protection'],
  ['人工智能医疗影像', 'artificial intelligence medical imaging'],
  ['乡村旅游', 'rural tourism'],
  ['融资路演', 'fundraising roadshow'],
  ['跨境电商物流', 'cross-border e-commerce logistics'],
  ['青稞酒酿造', 'highland barley wine brewing'],
  ['软件开发外包', 'software development outsourcing'],
  ['茶叶种植合作社', 'tea planting cooperative'],
  ['法律咨询服务', 'legal consulting services'],
];
/** For pair i, an unrelated Chinese text: the pair half the list away (no shared words/topic). */
const unrelatedIndex = (i: number) => (i + PAIRS.length / 2) % PAIRS.length;

describe(`bundled model ${MODEL_ID}`, () => {
  let extract: Extractor;

  beforeAll(async () => {
    if (!isBundledModelCurrent(DEFAULT_OUT_DIR)) buildBundledModel({ log: () => {} });
    extract = await loadExtractor(DEFAULT_MODELS_DIR, MODEL_ID);
  }, 180_000);

  afterAll(async () => {
    await extract?.dispose();
  });

  it('has the expected files and model card', () => {
    for (const f of [
      'config.json',
      'tokenizer.json',
      'tokenizer_config.json',
      'onnx/model.onnx',
      'onnx/model_quantized.onnx',
      'model-card.json',
    ]) {
      expect(existsSync(join(DEFAULT_OUT_DIR, f)), f).toBe(true);
    }
    const card = JSON.parse(readFileSync(join(DEFAULT_OUT_DIR, 'model-card.json'), 'utf8'));
    expect(card).toMatchObject({ id: MODEL_ID, dimensions: 100, pooling: 'mean', normalize: true });
    expect(card.vocabSize).toBeGreaterThan(100_000);
    expect(card.sources.map((s: { license: string }) => s.license).join(' ')).toMatch(/CC BY-SA 4\.0/);
    // No build date: the card is one of the files model.sha256 pins (see model-hash.test.ts).
    expect(card).not.toHaveProperty('builtAt');
  });

  it('returns 100-dimensional unit vectors', async () => {
    const out = await extract(['藏药材电商创业项目', 'Tibetan herbal medicine e-commerce startup'], {
      pooling: 'mean',
      normalize: true,
    });
    expect(out.dims).toEqual([2, 100]);
    for (const v of out.tolist()) expect(norm(v)).toBeCloseTo(1, 5);
  });

  it('segments Chinese into dictionary words without a separate segmenter', () => {
    const seg = (t: string) => extract.tokenizer.decode(extract.tokenizer.encode(t));
    expect(seg('藏药材电商创业项目')).toBe('藏 药材 电商 创业 项目');
    expect(seg('牦牛酸奶加工')).toBe('牦牛 酸奶 加工');
    // English is lower-cased and split on spaces/punctuation; hyphenated words that exist stay whole.
    expect(seg('Tibetan e-commerce, STARTUP!')).toBe('tibetan e-commerce [UNK] startup [UNK]');
    // Words outside the vocabulary fall back to single characters rather than vanishing.
    expect(seg('区块链')).toBe('区块 链');
  });

  it('puts Chinese texts closer to their English translation than to unrelated Chinese texts', async () => {
    const zh = (
      await extract(
        PAIRS.map((p) => p[0]),
        { pooling: 'mean', normalize: true },
      )
    ).tolist();
    const en = (
      await extract(
        PAIRS.map((p) => p[1]),
        { pooling: 'mean', normalize: true },
      )
    ).tolist();

    const rows = PAIRS.map(([zhText], i) => {
      const translation = dot(zh[i]!, en[i]!);
      const unrelated = dot(zh[i]!, zh[unrelatedIndex(i)]!);
      const bestOtherEn = Math.max(...en.map((e, j) => (j === i ? -Infinity : dot(zh[i]!, e))));
      return {
        zh: zhText,
        translation,
        unrelated,
        margin: translation - unrelated,
        retrieved: translation > bestOtherEn,
      };
    });
    const avgMargin = rows.reduce((s, r) => s + r.margin, 0) / rows.length;
    const retrieved = rows.filter((r) => r.retrieved).length;
    console.log(
      `[bundled-model] cross-lingual: average margin ${avgMargin.toFixed(3)} ` +
        `(translation ${(rows.reduce((s, r) => s + r.translation, 0) / rows.length).toFixed(3)} vs unrelated ` +
        `${(rows.reduce((s, r) => s + r.unrelated, 0) / rows.length).toFixed(3)}), ` +
        `zh→en top-1 retrieval ${retrieved}/${rows.length}`,
    );

    for (const r of rows) expect(r.translation, r.zh).toBeGreaterThan(r.unrelated);
    expect(avgMargin).toBeGreaterThan(0.3);
    expect(retrieved).toBeGreaterThanOrEqual(Math.ceil(0.9 * rows.length));
    // The motivating example from the design notes.
    expect(rows[0]!.translation).toBeGreaterThan(0.6);
  });

  it('gives a detectably empty vector for text with no known token, without disturbing the batch', async () => {
    const texts = ['', '！？。…', '㐀㐁', '创业'];
    const out = (await extract(texts, { pooling: 'mean', normalize: true })).tolist();
    // transformers.js mean pooling + L2 normalisation of an all-zero sum gives 0/0 = NaN.
    for (const v of out.slice(0, 3)) expect(v.every((x) => Number.isNaN(x))).toBe(true);
    expect(norm(out[3]!)).toBeCloseTo(1, 5);

    // The ONNX graph's own pooled output is all-zero instead (and unit-norm otherwise).
    const inputs = extract.tokenizer(texts, { padding: true, truncation: true });
    const { sentence_embedding } = await extract.model(inputs);
    const pooled = sentence_embedding!.tolist();
    for (const v of pooled.slice(0, 3)) expect(v.every((x) => x === 0)).toBe(true);
    expect(norm(pooled[3]!)).toBeCloseTo(1, 5);
    expect(dot(pooled[3]!, out[3]!)).toBeCloseTo(1, 5);
  });

  it('handles a batch of only empty strings (zero-length sequences)', async () => {
    const inputs = extract.tokenizer(['', ''], { padding: true, truncation: true });
    const { sentence_embedding } = await extract.model(inputs);
    expect(sentence_embedding!.dims).toEqual([2, 100]);
    expect(Array.from(sentence_embedding!.data).every((x) => x === 0)).toBe(true);
  });
});

describe('buildStaticModel with another dimension', () => {
  const root = mkdtempSync(join(tmpdir(), 'static-model-'));
  const outDir = join(root, 'tiny-8d');
  const DIM = 8;
  let extract: Extractor;

  // 50 tokens: 40 English words + 10 Chinese words, deterministic pseudo-random 8-d vectors.
  const words = [
    ...'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon phi chi psi omega one two three four five six seven eight nine ten red green blue black white gray'.split(
      ' ',
    ),
    ...'创业 项目 电商 创 业 项 目 电 商 平台'.split(' '),
  ];
  let seed = 7;
  const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
  const vocab = new Map(words.map((w) => [w, Float32Array.from({ length: DIM }, rand)]));

  beforeAll(async () => {
    const r = buildStaticModel({ outDir, vocab, card: { id: 'tiny-8d' } });
    expect(r).toMatchObject({ vocabSize: words.length + 2, dimensions: DIM });
    extract = await loadExtractor(dirname(outDir), basename(outDir));
  }, 60_000);

  afterAll(async () => {
    await extract?.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it('loads through the same pipeline and returns 8-d unit vectors', async () => {
    const out = await extract(['alpha beta', '创业项目', 'Red, GREEN & blue'], { pooling: 'mean', normalize: true });
    expect(out.dims).toEqual([3, DIM]);
    for (const v of out.tolist()) expect(norm(v)).toBeCloseTo(1, 5);
  });

  it('embeds a single token as its (normalised) vector and prefers whole words', async () => {
    const unit = (v: Float32Array) => Array.from(v, (x) => x / norm(Array.from(v)));
    const [gamma, chuangye] = (await extract(['gamma', '创业'], { pooling: 'mean', normalize: true })).tolist();
    for (const [i, x] of unit(vocab.get('gamma')!).entries()) expect(gamma![i]).toBeCloseTo(x, 5);
    for (const [i, x] of unit(vocab.get('创业')!).entries()) expect(chuangye![i]).toBeCloseTo(x, 5);
    // Equal scores → the segmentation with the fewest pieces wins: 创业 项目, not 创 业 项 目.
    expect(extract.tokenizer.decode(extract.tokenizer.encode('创业项目'))).toBe('创业 项目');
    // Unknown characters become [UNK] (zero rows) and the known ones still count.
    expect(extract.tokenizer.decode(extract.tokenizer.encode('创业X项目'))).toBe('创业 [UNK] 项目');
  });

  it('honours per-token weights (rows = weight × unit vector)', async () => {
    const weighted = join(root, 'tiny-weighted');
    buildStaticModel({ outDir: weighted, vocab, weights: new Map([['alpha', 3]]) });
    const ex = await loadExtractor(root, 'tiny-weighted');
    try {
      const [v] = (await ex(['alpha beta'], { pooling: 'mean', normalize: true })).tolist();
      const a = vocab.get('alpha')!;
      const b = vocab.get('beta')!;
      const na = norm(Array.from(a));
      const nb = norm(Array.from(b));
      const expected = Array.from(a, (x, i) => (3 * x) / na + b[i]! / nb);
      const ne = norm(expected);
      for (const [i, x] of expected.entries()) expect(v![i]).toBeCloseTo(x / ne, 5);
    } finally {
      await ex.dispose();
    }
  });
});
