// What the page tests look at in Chromium: where the cards are (rows, tops, widths), whether anything is
// wider than the window, whether every image drew, and every sign of trouble (console errors, page errors,
// dialogs, popups, requests that leave the allowed origins, navigations away).
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { tempHome } from '../helpers/cli.js';

export const WIDTHS = [375, 768, 1440] as const;

export interface Layout {
  cards: number;
  /** Card rectangles grouped by row (same top), left to right. */
  rows: { top: number; lefts: number[]; widths: number[] }[];
  viewport: number;
  scrollWidth: number;
  /** Elements whose right edge passes the window's, as "tag.class". */
  overflowing: string[];
  /** Images not drawn (not complete, or no natural size). */
  broken: string[];
  /** Image boxes that are not square (every drawing is shown in a square, whole). */
  squashed: string[];
}

export async function measureLayout(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const cards = [...document.querySelectorAll<HTMLElement>('.cards > .card')];
    const rows: { top: number; lefts: number[]; widths: number[] }[] = [];
    for (const card of cards) {
      const box = card.getBoundingClientRect();
      let row = rows.find((candidate) => Math.abs(candidate.top - box.top) < 0.5);
      // A card whose top is not on an existing row line starts a new row; tops that differ by a fraction show up here.
      if (!row) rows.push((row = { top: box.top, lefts: [], widths: [] }));
      row.lefts.push(box.left);
      row.widths.push(box.width);
    }
    const viewport = document.documentElement.clientWidth;
    const overflowing = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((node) => {
        const box = node.getBoundingClientRect();
        return box.width > 0 && (box.right > viewport + 0.5 || box.left < -0.5);
      })
      .map((node) => `${node.tagName.toLowerCase()}.${node.className}`);
    const broken = [...document.querySelectorAll<HTMLImageElement>('.cards img')].filter((image) => !image.complete || image.naturalWidth === 0).map((image) => image.alt);
    const squashed = [...document.querySelectorAll<HTMLElement>('.cards .image')]
      .map((image) => ({ image, box: image.getBoundingClientRect() }))
      .filter(({ box }) => Math.abs(box.width - box.height) > 1)
      .map(({ image, box }) => `${image.closest('.card')?.id}: ${box.width}x${box.height}`);
    return { cards: cards.length, rows, viewport, scrollWidth: document.documentElement.scrollWidth, overflowing, broken, squashed };
  });
}

/** Cards in a row share one top and one width; every column has the same width; nothing is wider than the window. */
export function layoutProblems(layout: Layout): string[] {
  const problems: string[] = [];
  const widths = layout.rows.flatMap((row) => row.widths);
  const first = widths[0];
  for (const [index, row] of layout.rows.entries()) {
    if (Math.max(...row.widths) - Math.min(...row.widths) > 0.5) problems.push(`row ${index + 1}: widths ${row.widths.join(', ')}`);
    if (index > 0 && row.lefts[0] !== layout.rows[0].lefts[0]) problems.push(`row ${index + 1} starts at ${row.lefts[0]}, row 1 at ${layout.rows[0].lefts[0]}`);
  }
  if (widths.some((width) => Math.abs(width - first) > 0.5)) problems.push(`card widths differ across rows: ${[...new Set(widths)].join(', ')}`);
  if (layout.scrollWidth > layout.viewport) problems.push(`the page scrolls sideways: ${layout.scrollWidth} > ${layout.viewport}`);
  if (layout.overflowing.length > 0) problems.push(`past the right edge: ${layout.overflowing.slice(0, 5).join(', ')}`);
  if (layout.broken.length > 0) problems.push(`images not drawn: ${layout.broken.slice(0, 5).join(', ')}`);
  if (layout.squashed.length > 0) problems.push(`image boxes not square: ${layout.squashed.slice(0, 5).join(', ')}`);
  return problems;
}

export interface Watch {
  consoleErrors: string[];
  dialogs: string[];
  popups: number;
  /** Requests to anything but the allowed origins. */
  foreignRequests: string[];
  navigations: string[];
}

/** Starts recording; `allowed(url)` says which requests are the page's own. */
export function watchPage(page: Page, allowed: (url: string) => boolean): Watch {
  const watch: Watch = { consoleErrors: [], dialogs: [], popups: 0, foreignRequests: [], navigations: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') watch.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => watch.consoleErrors.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    watch.dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  page.on('popup', (popup) => {
    watch.popups++;
    popup.close().catch(() => {});
  });
  page.on('request', (request) => {
    if (!allowed(request.url())) watch.foreignRequests.push(request.url());
  });
  page.on('framenavigated', (frame) => {
    if (!allowed(frame.url()) && frame.url() !== 'about:blank') watch.navigations.push(frame.url());
  });
  return watch;
}

export function trouble(watch: Watch): string[] {
  return [
    ...watch.consoleErrors.map((text) => `console: ${text}`),
    ...watch.dialogs.map((text) => `dialog: ${text}`),
    ...(watch.popups ? [`${watch.popups} popup(s)`] : []),
    ...watch.foreignRequests.map((url) => `request: ${url}`),
    ...watch.navigations.map((url) => `navigation: ${url}`),
  ];
}

/** Moves over and clicks every card, tabs through the page: handlers that need a person get their chance. */
export async function poke(page: Page): Promise<void> {
  // One tall window shows every card at once, so the pointer reaches each without scrolling.
  const viewport = page.viewportSize() ?? { width: 1440, height: 900 };
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.min(Math.max(height, viewport.height), 16_000) });
  const centers = await page.evaluate(() => [...document.querySelectorAll('.cards > .card')].map((card) => {
    const box = card.getBoundingClientRect();
    return { x: box.left + box.width / 2, y: box.top + Math.min(box.height / 2, 100) };
  }));
  for (const { x, y } of centers) {
    await page.mouse.move(x, y);
    await page.mouse.click(x, y);
  }
  for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
  await page.waitForTimeout(300);
  await page.setViewportSize(viewport);
}

/** Screenshots go to docs/ when SVGCHAT_SCREENSHOTS=1 (then they are looked at and committed), else to a temp dir. */
export function screenshotPath(name: string): string {
  const dir = process.env.SVGCHAT_SCREENSHOTS === '1' ? path.join(import.meta.dirname, '..', '..', 'docs') : tempHome('svgchat-shots-');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}
