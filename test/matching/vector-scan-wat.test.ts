// The vector scan's WebAssembly has a source: src/matching/vector-scan.wat assembles (wabt, the
// build step `npm run build:wasm`) to exactly the bytes the service loads (vector-scan.wasm.ts via
// vector-scan.ts), and the generated module is exactly what the build step writes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assemble, expectedModule, WASM_SOURCES } from '../../scripts/build-wasm.ts';
import { SIMD_DOTS } from '../../src/matching/vector-scan.ts';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const source = WASM_SOURCES.find((s) => s.wat === 'src/matching/vector-scan.wat')!;

describe('the vector scan WebAssembly source', () => {
  it('assembles to the bytes the vector scan loads', async () => {
    const bytes = await assemble(read(source.wat), source.wat);
    expect(Buffer.from(SIMD_DOTS).toString('hex')).toBe(Buffer.from(bytes).toString('hex'));
    // A module with the one exported function and the memory the scan grows.
    const exports = WebAssembly.Module.exports(new WebAssembly.Module(SIMD_DOTS));
    expect(exports.map((e) => `${e.kind} ${e.name}`).sort()).toEqual(['function dots', 'memory memory']);
  });

  it('every generated module is what npm run build:wasm writes from its source', async () => {
    expect(WASM_SOURCES.length).toBeGreaterThan(0);
    for (const s of WASM_SOURCES) expect(read(s.module), s.module).toBe(await expectedModule(s));
  });

  it('an edit to the source changes the bytes (the check can fail)', async () => {
    const text = read(source.wat);
    // Four floats per step → eight: a different program, so different bytes.
    const edited = text.replace('(i32.add (local.get $i) (i32.const 4))', '(i32.add (local.get $i) (i32.const 8))');
    expect(edited).not.toBe(text);
    const bytes = await assemble(edited, source.wat);
    expect(Buffer.from(bytes).toString('hex')).not.toBe(Buffer.from(SIMD_DOTS).toString('hex'));
  });

  it('refuses a source that does not assemble or does not validate', async () => {
    await expect(assemble('(module (func (export "f") (i32.add)))')).rejects.toThrow(); // type mismatch
    await expect(assemble('(module (func $f (unknown.op)))')).rejects.toThrow(); // not WebAssembly text
  });
});
