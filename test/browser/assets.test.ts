// The console's static assets (src/console/assets.ts) over real HTTP, and in real Chromium: the web fonts
// render Tibetan and Chinese, installed fonts win over them, and app.css passes axe and fits a phone.
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { FONT_FILE, fontFaces } from '../../src/console/assets.ts';
import { startConsoleServer, type ConsoleServer } from './console-server.ts';
import {
  checkPage,
  describeBrowser,
  expectNoErrors,
  launchBrowser,
  newPerson,
  pageWeight,
  type Person,
} from './browser.ts';
import { componentsPage } from './components.ts';

let server: ConsoleServer;
beforeAll(async () => {
  server = await startConsoleServer();
});
afterAll(async () => {
  await server?.close();
});

/** A request with the path sent exactly as written (fetch would normalise `..` away). */
function rawGet(path: string, method = 'GET'): Promise<{ status: number; type?: string }> {
  const { hostname, port } = new URL(server.baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, path, method }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode!, type: res.headers['content-type'] }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('assets over HTTP', () => {
  it('fonts.css: woff2 @font-face rules with unicode-range, renamed families, only /app/assets/fonts/ URLs', async () => {
    const res = await fetch(`${server.baseUrl}/app/assets/fonts.css`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const css = await res.text();
    const faces = css.match(/@font-face\{[^}]*\}/g) ?? [];
    expect(faces.length).toBeGreaterThan(100); // 3 Tibetan + ~100 Chinese subsets
    for (const face of faces) {
      expect(face).toMatch(/font-family:'(Noto Serif Tibetan Web|Noto Sans SC Web)'/);
      expect(face).toMatch(/unicode-range:U\+[0-9a-f]/i);
      expect(face).not.toMatch(/\.woff\)|format\('woff'\)/);
    }
    const urls = [...css.matchAll(/url\(([^)]*)\)/g)].map((m) => m[1]!);
    expect(urls.length).toBe(faces.length);
    for (const url of urls) expect(url).toMatch(/^\/app\/assets\/fonts\/[a-z0-9-]+\.woff2$/);
    // The Tibetan block covers the whole Tibetan Unicode block.
    expect(css).toMatch(/Noto Serif Tibetan Web[^}]*noto-serif-tibetan-tibetan-400-normal\.woff2[^}]*U\+0F00-0FFF/);

    // Every file it names answers, as a woff2 font kept for a year.
    for (const url of urls) {
      const font = await fetch(server.baseUrl + url);
      expect(font.status, url).toBe(200);
      expect(font.headers.get('content-type'), url).toBe('font/woff2');
      expect(font.headers.get('cache-control'), url).toBe('public, max-age=31536000, immutable');
      const body = new Uint8Array(await font.arrayBuffer());
      expect(new TextDecoder().decode(body.slice(0, 4)), url).toBe('wOF2');
    }
  });

  it('app.css: small, versioned links are immutable, unversioned ones revalidate by ETag', async () => {
    const plain = await fetch(`${server.baseUrl}/app/assets/app.css`);
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(plain.headers.get('cache-control')).toBe('no-cache');
    expect(plain.headers.get('x-content-type-options')).toBe('nosniff');
    const css = await plain.text();
    expect(Buffer.byteLength(css)).toBeLessThan(30_000);
    const etag = plain.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);

    const again = await fetch(`${server.baseUrl}/app/assets/app.css`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const changed = await fetch(`${server.baseUrl}/app/assets/app.css`, { headers: { 'if-none-match': '"other"' } });
    expect(changed.status).toBe(200);

    const { assetHref } = await import('../../src/console/assets.ts');
    const href = assetHref('app.css');
    expect(href).toMatch(/^\/app\/assets\/app\.css\?v=[\w-]{10}$/);
    const versioned = await fetch(server.baseUrl + href);
    expect(versioned.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await versioned.text()).toBe(css);
    // An outdated version still gets today's file, but not for a year.
    const stale = await fetch(`${server.baseUrl}/app/assets/app.css?v=0000000000`);
    expect(stale.headers.get('cache-control')).toBe('no-cache');

    const js = await fetch(server.baseUrl + assetHref('console.js'));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const head = await rawGet('/app/assets/fonts.css', 'HEAD');
    expect(head).toEqual({ status: 200, type: 'text/css; charset=utf-8' });
  });

  it('anything else under /app/assets is 404: unknown names, other files of the packages, path traversal', async () => {
    const paths = [
      '/app/assets',
      '/app/assets/',
      '/app/assets/fonts',
      '/app/assets/nope.css',
      '/app/assets/assets.ts',
      '/app/assets/app.css/',
      '/app/assets/fonts/',
      '/app/assets/fonts/noto-sans-sc-4-400-normal.woff', // woff sources are not served
      '/app/assets/fonts/noto-sans-sc-999-400-normal.woff2', // the right shape, but no such file
      '/app/assets/fonts/noto-sans-sc-4-700-normal.woff2', // exists in the package, not in fonts.css
      '/app/assets/fonts/noto-sans-sc-chinese-simplified-400-normal.woff2', // 1.1 MB, never linked
      '/app/assets/fonts/..%2F..%2Fpackage.json',
      '/app/assets/fonts/%2e%2e%2f%2e%2e%2fpackage.json',
      '/app/assets/fonts/..%2f400.css',
      '/app/assets/fonts/noto-sans-sc-4-400-normal.woff2%00',
      '/app/assets/fonts/noto-sans-sc-4-400-normal.woff2%2f..%2f..%2fpackage.json',
      '/app/assets/fonts/../../../package.json',
      '/app/assets/../../package.json',
      '/app/assets/%2e%2e/%2e%2e/package.json',
      '/app/assets/..%5c..%5cpackage.json',
      '/app/assets/fonts/NOTO-SANS-SC-4-400-NORMAL.WOFF2',
    ];
    for (const path of paths) {
      const res = await rawGet(path);
      expect(res.status, path).toBe(404);
    }
    const post = await fetch(`${server.baseUrl}/app/assets/app.css`, { method: 'POST' });
    expect(post.status).toBe(404);
  });

  it('fontFaces keeps only woff2 sources from ./files/ with plain names, and blocks that have a unicode-range', () => {
    const files = new Map<string, string>();
    const css = `
      @font-face { font-family: 'X'; font-weight: 400; src: url(./files/noto-sans-sc-1-400-normal.woff2) format('woff2'), url(./files/noto-sans-sc-1-400-normal.woff) format('woff'); unicode-range: U+4E00-4E0F; }
      @font-face { font-family: 'X'; src: url(./files/noto-sans-sc-2-400-normal.woff) format('woff'); unicode-range: U+4E10; }
      @font-face { font-family: 'X'; src: url(./files/../../../etc/passwd.woff2) format('woff2'); unicode-range: U+4E11; }
      @font-face { font-family: 'X'; src: url(https://cdn.example/noto-sans-sc-3-400-normal.woff2) format('woff2'); unicode-range: U+4E12; }
      @font-face { font-family: 'X'; src: url(./files/noto-sans-sc-5-400-normal.woff2) format('woff2'); }`;
    const out = fontFaces(css, 'Y', files, '/pkg/files');
    expect(out).toBe(
      "@font-face{font-family:'Y';font-style:normal;font-weight:400;font-display:swap;" +
        "src:url(/app/assets/fonts/noto-sans-sc-1-400-normal.woff2) format('woff2');unicode-range:U+4E00-4E0F}",
    );
    expect([...files]).toEqual([['noto-sans-sc-1-400-normal.woff2', '/pkg/files/noto-sans-sc-1-400-normal.woff2']]);
    for (const bad of ['../x.woff2', 'a/b.woff2', 'noto-sans-sc-1-400-normal.woff', 'noto-sans-sc--400-normal.woff2'])
      expect(FONT_FILE.test(bad), bad).toBe(false);
  });
});

/** The platform fonts Chromium used for the text inside `selector` (DevTools protocol). */
async function fontsUsed(page: Page, selector: string) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    return fonts;
  } finally {
    await cdp.detach();
  }
}

/** Serves `html` at `path` on the app's origin (so relative links and the origin check behave as for a real page). */
async function showPage(person: Person, path: string, html: string) {
  await person.page.route(new URL(path, server.baseUrl).toString(), (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  await person.goto(path);
  await person.page.evaluate(() => document.fonts.ready);
}

const fontRequests = (person: Person) => {
  const seen: string[] = [];
  person.page.on('requestfinished', (r) => {
    if (r.url().includes('/app/assets/fonts/')) seen.push(new URL(r.url()).pathname);
  });
  return seen;
};

const TIBETAN = 'བཀྲ་ཤིས་བདེ་ལེགས། ལས་གཞི་ལ་ཆ་འགྲིག་གི་ལམ་སྟོན་པ།';
const CHINESE = '青稞饮品合作社请求引荐';

describeBrowser('assets in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the web fonts render Tibetan and Chinese where a device has no such font, fetching only the subsets needed', async () => {
    const person = await newPerson(browser, server.baseUrl, 'phone');
    const fetched = fontRequests(person);
    // Only the web families: what a phone without Tibetan and Chinese fonts falls back to.
    await showPage(
      person,
      '/__test/webfonts',
      `<!doctype html><html lang="bo"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
      <title>fonts</title><link rel="stylesheet" href="/app/assets/fonts.css"></head><body>
      <p id="bo" style="font-family:'Noto Serif Tibetan Web'">${TIBETAN}</p>
      <p id="zh" lang="zh-CN" style="font-family:'Noto Sans SC Web'">${CHINESE}</p></body></html>`,
    );
    const bo = await fontsUsed(person.page, '#bo');
    const boGlyphs = bo.filter((f) => f.isCustomFont && f.familyName === 'Noto Serif Tibetan');
    // Every Tibetan glyph (and the spaces) from the downloaded font: no fallback, no tofu.
    expect(
      bo.filter((f) => !f.isCustomFont),
      JSON.stringify(bo),
    ).toEqual([]);
    expect(boGlyphs.reduce((n, f) => n + f.glyphCount, 0)).toBeGreaterThanOrEqual([...TIBETAN].length - 4);
    const zh = await fontsUsed(person.page, '#zh');
    expect(
      zh.filter((f) => !f.isCustomFont),
      JSON.stringify(zh),
    ).toEqual([]);
    // (The subsets name themselves "Noto Sans SC Thin": cut from the variable font.)
    for (const f of zh) expect(f.familyName).toMatch(/^Noto Sans SC/);

    expect(fetched).toContain('/app/assets/fonts/noto-serif-tibetan-tibetan-400-normal.woff2');
    const sc = fetched.filter((p) => p.includes('noto-sans-sc'));
    // A handful of subsets for eleven characters, not the hundred of the whole family.
    expect(sc.length).toBeGreaterThan(0);
    expect(sc.length).toBeLessThanOrEqual(CHINESE.length);
    expectNoErrors(person);
    await person.close();
  });

  it("app.css puts the device's fonts first: with Tibetan and Chinese fonts installed nothing is downloaded", async () => {
    const person = await newPerson(browser, server.baseUrl, 'phone');
    const fetched = fontRequests(person);
    await showPage(
      person,
      '/__test/installed',
      `<!doctype html><html lang="bo"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
      <title>fonts</title><link rel="stylesheet" href="/app/assets/fonts.css"><link rel="stylesheet" href="/app/assets/app.css">
      </head><body><p id="bo">${TIBETAN}</p><p id="zh" lang="zh-CN">${CHINESE}</p></body></html>`,
    );
    // This machine has Debian's fonts-noto-core and fonts-noto-cjk (scripts/setup-services.sh).
    const bo = await fontsUsed(person.page, '#bo');
    expect(bo.find((f) => /Tibetan/.test(f.familyName))).toMatchObject({ isCustomFont: false });
    const zh = await fontsUsed(person.page, '#zh');
    expect(
      zh.every((f) => !f.isCustomFont && /CJK/.test(f.familyName)),
      JSON.stringify(zh),
    ).toBe(true);
    expect(fetched).toEqual([]);
    // Tibetan gets taller lines than the default.
    const lineHeight = await person.page.$eval('#bo', (el) => Number.parseFloat(getComputedStyle(el).lineHeight));
    const fontSize = await person.page.$eval('#bo', (el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBe(18);
    expect(lineHeight / fontSize).toBeGreaterThan(1.8);
    expectNoErrors(person);
    await person.close();
  });

  for (const viewport of ['phone', 'desktop'] as const) {
    for (const lang of ['zh', 'en', 'bo'] as const) {
      it(`every component of app.css passes axe and fits the ${viewport} (${lang})`, async () => {
        const person = await newPerson(browser, server.baseUrl, viewport);
        await showPage(person, `/__test/components-${lang}`, componentsPage(lang));
        const axe = await checkPage(person.page, `components-${lang}`);
        expect(axe.violations.map((v) => `${v.id} (${v.impact})`)).toEqual([]);

        // Touch targets: every link and control in the header, forms and pager is at least 44 px high.
        const small = await person.page.$$eval(
          'header a, nav a, button, .button, input:not([type=checkbox]), select, .check',
          (els) =>
            els
              .map((el) => ({ el: el.outerHTML.slice(0, 60), h: el.getBoundingClientRect().height }))
              .filter((x) => x.h < 44),
        );
        expect(small).toEqual([]);
        // The skip link appears when focused, and focus is visible.
        await person.page.keyboard.press('Tab');
        const skip = await person.page.$eval('a.skip', (el) => ({
          focused: document.activeElement === el,
          top: el.getBoundingClientRect().top,
          outline: getComputedStyle(el).outlineStyle,
        }));
        expect(skip).toMatchObject({ focused: true, outline: 'solid' });
        expect(skip.top).toBeGreaterThanOrEqual(0);

        const weight = await pageWeight(person.page);
        expect(weight.total, JSON.stringify(weight.resources)).toBeLessThan(200_000);
        expectNoErrors(person);
        await person.close();
      });
    }
  }

  it('the harness records requests that leave the origin, and aborts them', async () => {
    const person = await newPerson(browser, server.baseUrl, 'desktop');
    await showPage(
      person,
      '/__test/leaks',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>leak</title>
      <link rel="stylesheet" href="https://cdn.example.com/x.css"></head><body><img alt="" src="http://127.0.0.2:9/p.png"></body></html>`,
    );
    expect(person.offOrigin.sort()).toEqual(['http://127.0.0.2:9/p.png', 'https://cdn.example.com/x.css']);
    expect(() => expectNoErrors(person)).toThrow();
    await person.close();
  });
});
