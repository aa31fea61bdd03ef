/**
 * .env.example lists every environment variable the code reads, with the defaults the code
 * applies: all its values, uncommented, configure exactly what an empty environment does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema, loadConfig } from '../../src/config.ts';

const ROOT = join(import.meta.dirname, '..', '..');

/** NAME → value of every `NAME=value` line, commented out (`# NAME=value`) or not. */
function parseEnvExample(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^(?:#\s?)?([A-Z][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (m) out.set(m[1]!, m[2]!);
  }
  return out;
}

const example = parseEnvExample(readFileSync(join(ROOT, '.env.example'), 'utf8'));

/** Names a folder's .ts files read from process.env (dot or bracket access). */
function envReads(dir: string): Set<string> {
  const names = new Set<string>();
  for (const f of readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })) {
    if (!f.endsWith('.ts')) continue;
    const text = readFileSync(join(ROOT, dir, f), 'utf8');
    for (const m of text.matchAll(/process\.env(?:\.([A-Z][A-Z0-9_]*)|\[['"]([A-Z][A-Z0-9_]*)['"]\])/g)) {
      names.add((m[1] ?? m[2])!);
    }
  }
  return names;
}

describe('.env.example', () => {
  it('lists every variable src/config.ts reads', () => {
    const missing = Object.keys(configSchema.shape).filter((name) => !example.has(name));
    expect(missing).toEqual([]);
  });

  it('lists every variable read directly in the service, jobs, seeds, scripts, benchmarks and tests', () => {
    const read = new Set(['src', 'jobs', 'seeds', 'scripts', 'bench', 'test'].flatMap((d) => [...envReads(d)]));
    expect(read.size).toBeGreaterThan(5);
    expect([...read].filter((name) => !example.has(name))).toEqual([]);
  });

  it("states the code's defaults: its values configure exactly what an empty environment does", () => {
    const values = Object.fromEntries(example);
    expect(loadConfig(values)).toEqual(loadConfig({}));
  });

  it('names the variables other parts add (shutdown deadline, metrics listener)', () => {
    expect(example.get('SHUTDOWN_TIMEOUT_MS')).toBe('10000');
    expect(example.get('METRICS_PORT')).toBe('');
    expect(example.get('METRICS_HOST')).toBe('127.0.0.1');
  });

  it('parses only NAME=value lines', () => {
    const parsed = parseEnvExample('# a comment mentioning PORT\n# PORT=3000\nHOST=::1\nlower=x\n# EMPTY=\n');
    expect(Object.fromEntries(parsed)).toEqual({ PORT: '3000', HOST: '::1', EMPTY: '' });
  });

  it('a wrong default in the example would be caught', () => {
    const values = Object.fromEntries(example);
    expect(loadConfig({ ...values, QUEUE_PREFIX: 'other' })).not.toEqual(loadConfig({}));
  });
});
