// The `svgchat serve` page in headless Chromium: the cards of a session in aligned rows at phone, tablet and
// desktop widths, a prompt drawn with streamed status, reset and delete, the session remembered, sign-in
// with a token, and a session of hostile SVGs shown without running anything.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.js';
import { send, startTestServer, type TestServer } from '../serve/serveHelpers.js';
import { drawSampleSession, drawTourSession, hostileSession } from './pages.fixtures.js';
import { layoutProblems, measureLayout, poke, screenshotPath, trouble, watchPage, WIDTHS } from './pages.layout.js';

let browser: Browser;
let server: TestServer;
let origin: string;
let sampleId: string;
let hostile: ReturnType<typeof hostileSession>;

beforeAll(async () => {
  server = await startTestServer();
  origin = server.url;
  sampleId = (await drawSampleSession(server.store, 'sample')).id;
  hostile = hostileSession(server.store, 'hostile');
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const isOwn = (url: string) => url.startsWith(`${origin}/`);

async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${origin}${path}`);
  await page.waitForFunction(() => document.documentElement.dataset.ready !== undefined);
  expect(await page.evaluate(() => document.documentElement.dataset.ready)).toBe('yes');
  await page.waitForFunction(() => [...document.images].every((image) => image.complete));
}

describe('the serve page', () => {
  for (const width of WIDTHS) {
    it(`shows every card of the session in aligned rows with nothing overflowing at ${width} px, without console errors`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: width === 768 ? 'dark' : 'light' });
      const watch = watchPage(page, isOwn);
      await open(page, `/?session=${sampleId}`);
      const layout = await measureLayout(page);
      expect(layout.cards).toBe(9);
      expect(layoutProblems(layout)).toEqual([]);
      if (width >= 768) expect(layout.rows[0].widths.length).toBeGreaterThanOrEqual(2);
      expect(await page.locator('.card .tag.branch').count()).toBe(6);
      expect(await page.locator('.card.head .turn-id').textContent()).toBe('t9');
      expect(await page.locator('#sessions a[aria-current="page"]').textContent()).toMatch(/^a red fox/);
      expect(await page.locator('#sessions a').count()).toBe(2);
      expect(trouble(watch)).toEqual([]);
      if (width !== 375) await page.screenshot({ path: screenshotPath(`serve-${width === 768 ? 'dark' : 'light'}-${width}.png`), fullPage: width === 1440 });
      await page.close();
    });
  }

  it('shows a plain session as the README pictures it (its own server: no test sessions in the list)', async () => {
    const tour = await startTestServer();
    try {
      const id = (await drawTourSession(tour.store, 'tour')).id;
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      const watch = watchPage(page, (url) => url.startsWith(`${tour.url}/`));
      await page.goto(`${tour.url}/?session=${id}`);
      await page.waitForFunction(() => document.documentElement.dataset.ready === 'yes');
      await page.waitForFunction(() => [...document.images].every((image) => image.complete && image.naturalWidth > 0));
      const layout = await measureLayout(page);
      expect(layout.cards).toBe(8);
      expect(layoutProblems(layout)).toEqual([]);
      expect(await page.locator('#sessions a').count()).toBe(1);
      expect(trouble(watch)).toEqual([]);
      await page.screenshot({ path: screenshotPath('serve-tour-1440.png'), fullPage: true });
      await page.close();
    } finally {
      await tour.close();
    }
  });

  it('draws a prompt with streamed status, then resets and deletes the session, all on disk', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const watch = watchPage(page, isOwn);
    await open(page, '/');
    // Every status line the page shows while drawing, as it shows it.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      const status = document.getElementById('status')!;
      new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, { childList: true, characterData: true, subtree: true });
    });
    await page.click('#new-session');
    await page.waitForFunction(() => /new session/.test(document.getElementById('status')!.textContent ?? ''));
    const id = new URL(page.url()).searchParams.get('session')!;
    const created = server.store.get(id);
    expect(created.turns).toEqual([]);
    await page.fill('#prompt', 'a red apple on a blue table');
    await page.press('#prompt', 'Enter');
    await page.waitForFunction(() => document.querySelectorAll('.cards > .card').length === 1 && /^drew t1/.test(document.getElementById('status')!.textContent ?? ''));
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen.some((line) => /^(composing|scoring|drawing)/.test(line))).toBe(true);
    expect(server.store.get(id).turns.map((turn) => turn.prompt)).toEqual(['a red apple on a blue table']);
    await page.waitForFunction(() => [...document.images].every((image) => image.complete && image.naturalWidth > 0));
    expect(await page.locator('.card .badge').textContent()).toMatch(/^\d\.\d\d$/);
    expect(await page.evaluate(() => document.cookie)).toContain(`svgchat_session=${id}`);

    await page.click('#reset');
    await page.waitForFunction(() => /^reset/.test(document.getElementById('status')!.textContent ?? ''));
    expect(server.store.get(id).head).toBeNull();
    expect(await page.locator('#reset').isDisabled()).toBe(true);

    await page.click('#delete');
    expect(server.store.find(id)).toBeDefined(); // one click only arms it
    await page.click('#delete');
    await page.waitForFunction(() => /^deleted/.test(document.getElementById('status')!.textContent ?? ''));
    expect(server.store.find(id)).toBeUndefined();
    expect(await page.locator('#sessions a').allTextContents()).not.toContain(created.name);
    expect(trouble(watch)).toEqual([]);
    await page.close();
  });

  it('keeps a new session on screen when an older refresh answers late', async () => {
    const page = await browser.newPage({ viewport: { width: 1024, height: 800 } });
    await open(page, `/?session=${sampleId}`);
    // Hold the page's next periodic look at the shown session until after "New session" was clicked.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let caught = false;
    await page.route(`${origin}/api/sessions/${sampleId}`, async (route) => {
      caught = true;
      await held;
      await route.continue();
    });
    for (const deadline = Date.now() + 15_000; !caught && Date.now() < deadline; ) await page.waitForTimeout(50);
    expect(caught).toBe(true);
    await page.click('#new-session');
    await page.waitForFunction(() => /^new session/.test(document.getElementById('status')!.textContent ?? ''));
    const id = new URL(page.url()).searchParams.get('session')!;
    release();
    await page.waitForTimeout(500);
    expect(new URL(page.url()).searchParams.get('session')).toBe(id);
    expect(await page.locator('#session-title').textContent()).toBe(server.store.get(id).name);
    await page.close();
    expect((await send(server, 'DELETE', `/api/sessions/${id}`)).status).toBe(204);
  }, 60_000);

  it('remembers the session in a cookie: / opens the one last shown', async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
    const page = await context.newPage();
    await open(page, `/?session=${hostile.session.id}`);
    await open(page, '/');
    expect(await page.locator('#session-title').textContent()).toBe(hostile.session.title);
    // A remembered session removed elsewhere (a terminal) falls back to the most recent one, quietly.
    const watch = watchPage(page, isOwn);
    const doomed = (await send(server, 'POST', '/api/sessions', { body: { name: 'short-lived' } })).json;
    await open(page, `/?session=${doomed.id}`);
    expect(await page.locator('#session-title').textContent()).toBe('short-lived');
    expect((await send(server, 'DELETE', `/api/sessions/${doomed.id}`)).status).toBe(204);
    await open(page, '/');
    expect(await page.locator('#session-title').textContent()).not.toBe('short-lived');
    expect(await page.locator('#sessions a').allTextContents()).not.toContain('short-lived0');
    expect(trouble(watch)).toEqual([]);
    await context.close();
  });

  it('a session of hostile SVGs shows every card and runs nothing', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const watch = watchPage(page, isOwn);
    await open(page, `/?session=${hostile.session.id}`);
    const layout = await measureLayout(page);
    expect(layout.cards).toBe(hostile.fixtures.length);
    expect(layoutProblems(layout)).toEqual([]);
    await poke(page);
    expect(trouble(watch)).toEqual([]);
    await page.close();
  }, 90_000);

  // test/browser/xss.test.ts opens every cleaned file as a document; here one of each family goes through the server's own route and headers.
  it('a hostile SVG of each family, opened on its own as the server sends it, runs nothing', async () => {
    const families = new Set<string>();
    const urls = hostile.session.turns
      .filter((_, index) => !families.has(hostile.fixtures[index].family) && families.add(hostile.fixtures[index].family))
      .map((turn) => `${origin}/api/sessions/${hostile.session.id}/turns/${turn.id}/svg`);
    expect(urls.length).toBeGreaterThanOrEqual(6);
    const watches = await Promise.all([0, 1].map(async (lane) => {
      const page = await browser.newPage({ viewport: { width: 300, height: 300 } });
      const watch = watchPage(page, isOwn);
      for (let i = lane; i < urls.length; i += 2) {
        await page.goto(urls[i]);
        await page.mouse.move(150, 150);
        await page.mouse.click(150, 150);
      }
      await page.waitForTimeout(300);
      await page.close();
      return watch;
    }));
    expect(watches.flatMap(trouble)).toEqual([]);
  }, 90_000);

  it('the watcher sees a script run when the same route answers with an uncleaned SVG and no policy (control)', async () => {
    const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
    const watch = watchPage(page, isOwn);
    const fixture = hostile.fixtures.findIndex((f) => f.file === 'onload-root.svg');
    const url = `${origin}/api/sessions/${hostile.session.id}/turns/t${fixture + 1}/svg`;
    await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'image/svg+xml', body: hostile.fixtures[fixture].svg }));
    await page.goto(url);
    await page.waitForTimeout(300);
    expect(watch.dialogs.length).toBeGreaterThan(0);
    await page.close();
  });
});

describe('the serve page with a token (127.0.0.2)', () => {
  it('signs in from the #token fragment, drops it from the address, and keeps the token out of script reach', async () => {
    const token = 'browser-test-token-0123456789abcdef';
    const guarded = await startTestServer({ host: '127.0.0.2', token });
    try {
      await send(guarded, 'POST', '/api/sessions', { body: { name: 'guarded' }, headers: { authorization: `Bearer ${token}` } });
      const context = await browser.newContext();
      const page = await context.newPage();
      const watch = watchPage(page, (url) => url.startsWith(`${guarded.url}/`));
      await page.goto(`${guarded.url}/#token=${token}`);
      await page.waitForFunction(() => document.documentElement.dataset.ready === 'yes');
      expect(page.url()).toBe(`${guarded.url}/?session=${guarded.store.get('guarded').id}`);
      expect(await page.locator('#sessions a').allTextContents()).toEqual(['guarded0']);
      expect(await page.evaluate(() => document.cookie)).not.toMatch(/svgchat_auth|browser-test-token/);
      expect(trouble(watch)).toEqual([]);
      // A new browser without the token gets told what to do.
      const stranger = await browser.newPage();
      await stranger.goto(`${guarded.url}/`);
      await stranger.waitForFunction(() => document.documentElement.dataset.ready === 'failed');
      expect(await stranger.locator('#status').textContent()).toMatch(/needs its token/);
      await stranger.close();
      await context.close();
    } finally {
      await guarded.close();
    }
  });
});
