// The console's static assets under /app/assets: its stylesheet, a few lines of script, and self-hosted web
// fonts for Tibetan and Chinese from the @fontsource packages (no CDN: everything a page loads comes from here).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Hono, type Context } from 'hono';

export const ASSETS_PATH = '/app/assets';

const IMMUTABLE = 'public, max-age=31536000, immutable';
// Unversioned URLs of the stylesheets and script may change with a deploy: the browser revalidates (ETag).
const REVALIDATE = 'no-cache';

/**
 * The web fonts, renamed: an @font-face family hides an installed font of the same name, and the console's
 * font stack names the installed "Noto Serif Tibetan" / "Noto Sans SC" first, so with the packages' own
 * names every visitor would download the web fonts even when the device has them.
 */
export const WEB_FONTS = [
  { pkg: '@fontsource/noto-serif-tibetan', family: 'Noto Serif Tibetan Web' },
  { pkg: '@fontsource/noto-sans-sc', family: 'Noto Sans SC Web' },
] as const;

/** The names of the font files served: what the packages name their woff2 files, nothing else. */
export const FONT_FILE = /^noto-(?:serif-tibetan|sans-sc)-[a-z0-9]+(?:-[a-z0-9]+)*-400-normal\.woff2$/;

interface TextAsset {
  body: string;
  type: string;
  etag: string;
  /** A short hash of the content, for `?v=` in links (see `assetHref`). */
  version: string;
}

interface Assets {
  text: Map<string, TextAsset>;
  /** Font file name → absolute path, only those that fonts.css references. */
  fontFiles: Map<string, string>;
}

const hash = (data: string | Uint8Array) => createHash('sha256').update(data).digest('base64url');

function textAsset(body: string, type: string): TextAsset {
  const h = hash(body);
  return { body, type, etag: `"${h.slice(0, 27)}"`, version: h.slice(0, 10) };
}

/**
 * @font-face rules for one @fontsource weight file: only the woff2 source (every browser the console
 * supports reads woff2), URLs rewritten under /app/assets/fonts/, the family renamed. The unicode-range of
 * each block is kept, so a browser fetches only the subsets holding characters it has no other font for.
 */
export function fontFaces(css: string, family: string, fontFiles: Map<string, string>, filesDir: string): string {
  const out: string[] = [];
  for (const [, block] of css.matchAll(/@font-face\s*\{([^}]*)\}/g)) {
    const decls = new Map<string, string>();
    for (const decl of block!.split(';')) {
      const i = decl.indexOf(':');
      if (i > 0) decls.set(decl.slice(0, i).trim().toLowerCase(), decl.slice(i + 1).trim());
    }
    const woff2 = /url\(\s*['"]?\.\/files\/([^'")\s]+)['"]?\s*\)\s*format\(\s*['"]woff2['"]\s*\)/.exec(
      decls.get('src') ?? '',
    )?.[1];
    const range = decls.get('unicode-range');
    if (!woff2 || !range || !FONT_FILE.test(woff2)) continue;
    fontFiles.set(woff2, join(filesDir, woff2));
    out.push(
      `@font-face{font-family:'${family}';font-style:${decls.get('font-style') ?? 'normal'};` +
        `font-weight:${decls.get('font-weight') ?? '400'};font-display:swap;` +
        `src:url(${ASSETS_PATH}/fonts/${woff2}) format('woff2');unicode-range:${range}}`,
    );
  }
  return out.join('\n');
}

let loaded: Assets | undefined;

/** Reads and builds every asset once per process (at the first `assetsRouter()` call). */
function assets(): Assets {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const fontFiles = new Map<string, string>();
  const faces: string[] = [];
  for (const { pkg, family } of WEB_FONTS) {
    const cssPath = require.resolve(`${pkg}/400.css`);
    const rules = fontFaces(readFileSync(cssPath, 'utf8'), family, fontFiles, join(dirname(cssPath), 'files'));
    // A package that changed its layout must fail at start-up, not serve pages without fonts.
    if (!rules) throw new Error(`no woff2 @font-face rules found in ${cssPath}`);
    faces.push(`/* ${pkg} (SIL Open Font License 1.1), weight 400 */\n${rules}`);
  }
  const own = (file: string) => readFileSync(new URL(`./assets/${file}`, import.meta.url), 'utf8');
  loaded = {
    fontFiles,
    text: new Map([
      ['app.css', textAsset(own('app.css'), 'text/css; charset=utf-8')],
      ['fonts.css', textAsset(`${faces.join('\n')}\n`, 'text/css; charset=utf-8')],
      ['console.js', textAsset(own('console.js'), 'text/javascript; charset=utf-8')],
    ]),
  };
  return loaded;
}

export type AssetName = 'app.css' | 'fonts.css' | 'console.js';

/** The URL to link from pages: versioned by content, so browsers may keep it for a year. */
export function assetHref(name: AssetName): string {
  return `${ASSETS_PATH}/${name}?v=${assets().text.get(name)!.version}`;
}

function notModified(c: Context, etag: string): boolean {
  const header = c.req.header('if-none-match');
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '');
    return tag === etag || tag === '*';
  });
}

const fontCache = new Map<string, { body: Uint8Array; etag: string }>();

/** Serves /app/assets/*; the app mounts it with `app.route('/app/assets', assetsRouter())`. */
export function assetsRouter() {
  const { text, fontFiles } = assets();
  const app = new Hono();
  app.get('/fonts/:file', async (c) => {
    const file = c.req.param('file');
    const path = FONT_FILE.test(file) ? fontFiles.get(file) : undefined;
    if (!path) return c.notFound();
    let font = fontCache.get(file);
    if (!font) {
      const body = new Uint8Array(await readFile(path));
      font = { body, etag: `"${hash(body).slice(0, 27)}"` };
      fontCache.set(file, font);
    }
    const headers = { 'cache-control': IMMUTABLE, etag: font.etag };
    if (notModified(c, font.etag)) return c.body(null, 304, headers);
    return c.body(font.body as Uint8Array<ArrayBuffer>, 200, { ...headers, 'content-type': 'font/woff2' });
  });
  app.get('/:file', (c) => {
    const asset = text.get(c.req.param('file'));
    if (!asset) return c.notFound();
    const versioned = c.req.query('v') === asset.version;
    const headers = { 'cache-control': versioned ? IMMUTABLE : REVALIDATE, etag: asset.etag };
    if (notModified(c, asset.etag)) return c.body(null, 304, headers);
    return c.body(asset.body, 200, { ...headers, 'content-type': asset.type });
  });
  // Nothing else here, for anyone: not the console's sign-in redirect either.
  app.all('*', (c) => c.notFound());
  return app;
}
