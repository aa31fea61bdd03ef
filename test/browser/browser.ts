// Real Chromium for the console's browser tests: Debian's /usr/bin/chromium driven by playwright-core (which
// never downloads a browser; scripts/setup-services.sh installs it), axe-core for accessibility, screenshots
// kept under test-artifacts/screenshots/.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { describe, expect } from 'vitest';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Whether the browser tests can run here. In CI a missing browser fails the run instead of skipping. */
export const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium) {
  const why = `${CHROMIUM_PATH} is missing: install it with scripts/setup-services.sh (apt-get install chromium fonts-noto-cjk fonts-noto-core)`;
  if (process.env.CI) throw new Error(`browser tests cannot run: ${why}`);
  console.warn(`[browser tests] skipped: ${why}`);
}

/** `describe`, skipped (with the warning above) when there is no Chromium outside CI. */
export const describeBrowser = describe.skipIf(!hasChromium);

export const VIEWPORTS = {
  phone: { width: 360, height: 740 },
  desktop: { width: 1280, height: 800 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

export const SCREENSHOTS_DIR = fileURLToPath(new URL('../../test-artifacts/screenshots/', import.meta.url));

const require = createRequire(import.meta.url);
let axeSource: string | undefined;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** One person at one device: a fresh browser context (own cookies and cache) with one page. */
export interface Person {
  context: BrowserContext;
  page: Page;
  baseUrl: string;
  viewport: ViewportName;
  /** `console.error` messages and failed loads the page reported (text and source location). */
  consoleErrors: string[];
  /** URLs of the documents the page showed (navigations and form posts), whatever their status. */
  documents: Set<string>;
  /** Uncaught exceptions in the page. */
  pageErrors: string[];
  /** Requests to any origin but baseUrl's: recorded and aborted (nothing may leave the service). */
  offOrigin: string[];
  /** `page.goto(baseUrl + path)`; fails on an HTTP status ≥ 400 unless `status` names the expected one. */
  goto(path: string, opts?: { status?: number }): Promise<void>;
  close(): Promise<void>;
}

export async function newPerson(
  browser: Browser,
  baseUrl: string,
  viewport: ViewportName = 'phone',
  opts: { locale?: string } = {},
): Promise<Person> {
  const phone = viewport === 'phone';
  const context = await browser.newContext({
    viewport: VIEWPORTS[viewport],
    deviceScaleFactor: 1,
    // A phone honours <meta name="viewport"> (without it the page is laid out 980 px wide: checkPage fails).
    isMobile: phone,
    hasTouch: phone,
    locale: opts.locale ?? 'zh-CN',
    serviceWorkers: 'block',
  });
  const origin = new URL(baseUrl).origin;
  const person: Person = {
    context,
    page: await context.newPage(),
    baseUrl,
    viewport,
    consoleErrors: [],
    documents: new Set(),
    pageErrors: [],
    offOrigin: [],
    async goto(path, { status } = {}) {
      const res = await person.page.goto(new URL(path, baseUrl).toString());
      const got = res?.status();
      if (status !== undefined) expect(got, `status of ${path}`).toBe(status);
      else if (got === undefined || got >= 400) throw new Error(`GET ${path} answered ${got}`);
    },
    close: () => context.close(),
  };
  await context.route(
    (url) => url.origin !== origin && (url.protocol === 'http:' || url.protocol === 'https:'),
    (route) => {
      person.offOrigin.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  context.on('weberror', (e) => person.pageErrors.push(String(e.error())));
  person.page.on('response', (res) => {
    if (res.request().isNavigationRequest()) person.documents.add(res.url());
  });
  person.page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const at = msg.location();
    person.consoleErrors.push(`${msg.text()}${at.url ? ` (${at.url}:${at.lineNumber})` : ''}`);
  });
  return person;
}

const FAILED_LOAD = /^Failed to load resource: the server responded with a status of \d+ .*\((.*):\d+\)$/;

/**
 * No console error, no uncaught exception, no request off the origin so far. Chromium's "Failed to load
 * resource" for a page itself (a 404 page, a form answered 422 with its errors) is not counted: the page's
 * status is the test's to check; a stylesheet, font or script that fails still is.
 */
export function expectNoErrors(person: Person): void {
  const consoleErrors = person.consoleErrors.filter((m) => {
    const url = FAILED_LOAD.exec(m)?.[1];
    return !(url && person.documents.has(url));
  });
  expect({
    consoleErrors,
    pageErrors: person.pageErrors,
    offOrigin: person.offOrigin,
  }).toEqual({ consoleErrors: [], pageErrors: [], offOrigin: [] });
}

export interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}
export interface AxeResult {
  violations: AxeViolation[];
  passes: { id: string }[];
  incomplete: AxeViolation[];
}

/**
 * The checks every console page passes: axe-core (WCAG 2 A/AA and best practices) without a serious or
 * critical violation, no horizontal scrolling at the viewport, a phone layout that follows the device
 * width; then a full-page screenshot to test-artifacts/screenshots/<name>-<width>.png. Returns axe's result
 * (minor and moderate findings are in it, for tests that want to look).
 */
export async function checkPage(page: Page, name: string): Promise<AxeResult> {
  if (!/^[a-z0-9][a-z0-9._-]*$/i.test(name)) throw new Error(`screenshot name must be a plain file name: ${name}`);
  await page.evaluate(() => document.fonts.ready);
  // Evaluated rather than added as a <script> tag: a Content-Security-Policy on the page cannot block it.
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(axeSource);
  const result = (await page.evaluate(() =>
    (window as any).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations', 'incomplete'],
    }),
  )) as AxeResult;
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length > 0) {
    const lines = bad.map(
      (v) =>
        `- ${v.id} (${v.impact}): ${v.help}\n` +
        v.nodes
          .map((n) => `    ${JSON.stringify(n.target)}${n.failureSummary ? `: ${oneLine(n.failureSummary)}` : ''}`)
          .join('\n'),
    );
    throw new Error(`accessibility violations on ${name} (${page.url()}):\n${lines.join('\n')}`);
  }

  const viewport = page.viewportSize()!;
  const layout = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    // What sticks out to the right, to say what to fix.
    wide: Array.from(document.querySelectorAll('body *'))
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
      .slice(0, 5)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className ? `.${String(el.className).trim().replace(/\s+/g, '.')}` : ''}`,
      ),
  }));
  expect(layout.innerWidth, `${name}: the page is laid out for the device width (meta viewport)`).toBe(viewport.width);
  expect(
    layout.scrollWidth,
    `${name}: horizontal scrolling at ${viewport.width}px; too wide: ${layout.wide.join(', ')}`,
  ).toBeLessThanOrEqual(layout.innerWidth);

  await mkdir(SCREENSHOTS_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS_DIR}${name}-${viewport.width}.png`, fullPage: true });
  return result;
}

const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' ');

export interface PageWeight {
  /** Bytes of the document and everything it loaded, as on an empty cache (body as sent, plus headers). */
  total: number;
  resources: { url: string; bytes: number }[];
}

/**
 * What the current page weighs: the document and every resource it loaded so far (web fonts included,
 * after they settle). Cache hits count at their size on the wire, so the figure is the first visit's.
 */
export async function pageWeight(page: Page): Promise<PageWeight> {
  await page.evaluate(() => document.fonts.ready);
  const resources = await page.evaluate(() =>
    (performance.getEntriesByType('navigation') as PerformanceResourceTiming[])
      .concat(performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .map((e) => ({ url: e.name, bytes: Math.max(e.transferSize, e.encodedBodySize) })),
  );
  return { total: resources.reduce((sum, r) => sum + r.bytes, 0), resources };
}
