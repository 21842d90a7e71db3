// Loads an SVG as a top-level document in Chromium and reports every sign that something in it ran or reached
// out: dialogs (alert/confirm/prompt), requests for anything but the document itself, navigations away, popups.
// Requests are answered by the harness (aborted), so nothing ever leaves the machine.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';

export interface Observation {
  url: string;
  dialogs: string[];
  requests: string[];
  navigations: string[];
  popups: number;
}

export function fired(observation: Observation): boolean {
  return observation.dialogs.length + observation.requests.length + observation.navigations.length + observation.popups > 0;
}

export function describe(observation: Observation): string {
  const parts = [
    ...observation.dialogs.map((text) => `dialog "${text}"`),
    ...observation.requests.map((url) => `request ${url}`),
    ...observation.navigations.map((url) => `navigation to ${url}`),
    ...(observation.popups ? [`${observation.popups} popup(s)`] : []),
  ];
  return parts.join(', ') || 'nothing';
}

/** Serves documents by path as image/svg+xml on 127.0.0.1, and an empty page at /blank; anything else is a 404. */
export async function serveDocuments(documents: Map<string, string>): Promise<{ base: string; close: () => Promise<void> }> {
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    if (pathname === '/blank') {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>between documents</title>');
      return;
    }
    const body = documents.get(pathname);
    if (body === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'image/svg+xml', 'cache-control': 'no-store' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Pages are 300x300: the hover and click points below assume it. */
export const VIEWPORT = { width: 300, height: 300 };

/**
 * Opens documents one after another in one page (a new page per document costs more than the document),
 * hovering, clicking and tabbing (for handlers and links that need a person), then waiting for SMIL to begin.
 */
export class DocumentObserver {
  private current: Observation | undefined;

  /** `blank`: an empty page on the documents' origin, visited between documents (same-origin navigations are quicker). */
  private constructor(private readonly page: Page, readonly blank: string) {}

  static async open(context: BrowserContext, blank: string): Promise<DocumentObserver> {
    const page = await context.newPage();
    const observer = new DocumentObserver(page, blank);
    page.on('dialog', (dialog) => {
      observer.current?.dialogs.push(dialog.message());
      dialog.dismiss().catch(() => {});
    });
    page.on('popup', (popup) => {
      if (observer.current) observer.current.popups++;
      popup.close().catch(() => {});
    });
    page.on('framenavigated', (frame) => {
      const url = frame.url();
      if (observer.current && frame === page.mainFrame() && url !== observer.current.url) observer.current.navigations.push(url);
      else if (observer.current && frame !== page.mainFrame() && !['about:blank', 'about:srcdoc'].includes(url)) observer.current.navigations.push(url);
    });
    await page.route('**/*', async (route) => {
      const requested = route.request().url();
      if (requested === observer.current?.url || (!observer.current && requested === observer.blank)) return route.continue();
      observer.current?.requests.push(requested);
      return route.abort();
    });
    return observer;
  }

  /**
   * `attribute`: visit the blank page afterwards, so whatever the document starts late is not counted for the
   * next one. Not needed when any sign from any document is a failure (the sanitized run).
   */
  async observe(url: string, settleMs = 150, attribute = true): Promise<Observation> {
    const observation: Observation = { url, dialogs: [], requests: [], navigations: [], popups: 0 };
    this.current = observation;
    const page = this.page;
    try {
      await page.goto(url, { waitUntil: 'load', timeout: 10_000 });
      // Each step only while nothing has shown yet: one sign is enough, and most payloads fire on load.
      const steps = [
        () => page.mouse.move(20, 20),
        () => page.mouse.move(150, 150),
        () => page.mouse.click(150, 150),
        () => page.keyboard.press('Tab'),
        () => page.keyboard.press('Enter'),
        () => page.waitForTimeout(settleMs),
      ];
      for (const step of steps) {
        if (fired(observation)) break;
        await step();
      }
    } catch (error) {
      // A navigation the document itself started (the click) may interrupt the steps above: it is recorded already.
      if (!/navigat|interrupted|context was destroyed|net::ERR_ABORTED/i.test(String(error))) throw error;
    }
    if (attribute) {
      this.current = undefined;
      await page.goto(this.blank).catch(() => {});
    }
    return observation;
  }

  close(): Promise<void> {
    return this.page.close();
  }
}

/** Observes every URL with `pages` observers at once. */
export async function observeAll(
  context: BrowserContext,
  blank: string,
  urls: string[],
  options: { pages: number; settleMs?: number; attribute?: boolean },
): Promise<Observation[]> {
  const { pages, settleMs, attribute } = options;
  const results: Observation[] = new Array(urls.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(pages, urls.length) }, async () => {
    const observer = await DocumentObserver.open(context, blank);
    while (next < urls.length) {
      const index = next++;
      results[index] = await observer.observe(urls[index], settleMs, attribute);
    }
    await observer.close();
  }));
  return results;
}
