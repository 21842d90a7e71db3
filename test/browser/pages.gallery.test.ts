// `svgchat view` in headless Chromium: every card shown, rows aligned, nothing wider than the window at
// phone, tablet and desktop widths, no console errors, and a session of hostile SVGs runs nothing.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { viewCommand } from '../../src/commands/view.js';
import { closeRenderer } from '../../src/score/render.js';
import { SessionStore } from '../../src/store/sessionStore.js';
import { tempHome } from '../helpers/cli.js';
import { fakeContext } from '../helpers/context.js';
import { launchBrowser } from '../helpers/browser.js';
import { drawSampleSession, hostileSession } from './pages.fixtures.js';
import { layoutProblems, measureLayout, poke, screenshotPath, trouble, watchPage, WIDTHS } from './pages.layout.js';

let browser: Browser;
const home = tempHome('svgchat-gallery-');
const store = new SessionStore(home);
const files: Record<'sample' | 'hostile' | 'control', string> = { sample: '', hostile: '', control: '' };
let hostileCount = 0;

async function view(name: string): Promise<string> {
  const { ctx, stdout } = fakeContext(home);
  const output = path.join(home, `${name}.html`);
  await viewCommand(ctx, name, { output, open: false });
  expect(stdout()).toBe(`${output}\n`);
  return output;
}

beforeAll(async () => {
  await drawSampleSession(store, 'sample');
  closeRenderer();
  const { fixtures } = hostileSession(store, 'hostile');
  hostileCount = fixtures.length;
  files.sample = await view('sample');
  files.hostile = await view('hostile');
  // The control: the same hostile SVGs inline in a page with no policy and no cleaning. Scripts run here,
  // so the watcher below must see them; if it did not, a quiet result for the gallery would mean nothing.
  files.control = path.join(home, 'control.html');
  fs.writeFileSync(files.control, `<!doctype html><html><body><ol class="cards">${fixtures.map((f) => `<li class="card">${f.svg}</li>`).join('\n')}</ol></body></html>`);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

const isOwn = (url: string) => url.startsWith('file://') || url.startsWith('data:');

describe('svgchat view gallery', () => {
  it('is one self-contained file: a CSP, SVGs as data: images, nothing fetched', () => {
    const html = fs.readFileSync(files.sample, 'utf8');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'sha256-[A-Za-z0-9+/]+='/);
    expect(html.match(/<img class="image" src="data:image\/svg\+xml;base64,/g)).toHaveLength(9);
    expect(html).not.toMatch(/<script|https?:\/\//);
  });

  for (const width of WIDTHS) {
    it(`shows every card in aligned rows with nothing overflowing at ${width} px, without console errors`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      const watch = watchPage(page, isOwn);
      await page.goto(`file://${files.sample}`);
      await page.waitForFunction(() => [...document.images].every((image) => image.complete));
      const layout = await measureLayout(page);
      expect(layout.cards).toBe(9);
      expect(layoutProblems(layout)).toEqual([]);
      // Wider windows put several cards in a row, so "a row shares one top and width" is really tested.
      if (width >= 768) expect(layout.rows[0].widths.length).toBeGreaterThanOrEqual(3);
      expect(await page.locator('.card .tag.branch').allTextContents()).toEqual([...Array(3).fill('branch A, from the start'), ...Array(3).fill('branch B, from t5')]);
      expect(await page.locator('.card.head .turn-id').textContent()).toBe('t9');
      expect(await page.locator('.card .badge').count()).toBe(9);
      expect(trouble(watch)).toEqual([]);
      if (width === 1440) await page.screenshot({ path: screenshotPath('gallery-light-1440.png'), fullPage: true });
      await page.close();
    });
  }

  it('has a dark theme', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 900 }, colorScheme: 'dark' });
    const watch = watchPage(page, isOwn);
    await page.goto(`file://${files.sample}`);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(15, 17, 22)');
    expect(trouble(watch)).toEqual([]);
    await page.screenshot({ path: screenshotPath('gallery-dark-375.png'), fullPage: false });
    await page.close();
  });

  it('the watcher sees scripts run when the same hostile SVGs are inlined uncleaned (control)', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const watch = watchPage(page, isOwn);
    await page.goto(`file://${files.control}`);
    await poke(page);
    await page.waitForTimeout(500);
    expect(watch.dialogs.length).toBeGreaterThan(0);
    expect(trouble(watch).length).toBeGreaterThan(watch.dialogs.length);
    await page.close();
  }, 60_000);

  it('a session of hostile SVGs shows every card and runs nothing', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const watch = watchPage(page, isOwn);
    await page.goto(`file://${files.hostile}`);
    await poke(page);
    await page.waitForTimeout(500);
    const layout = await measureLayout(page);
    expect(layout.cards).toBe(hostileCount);
    expect(layoutProblems(layout)).toEqual([]);
    expect(trouble(watch)).toEqual([]);
    await page.close();
  }, 90_000);
});
