// SPEC §5 proven in a real browser: every hostile fixture, once sanitized, is loaded as a top-level SVG document
// in Chromium and nothing runs and nothing is requested. The same harness run on the unsanitized files shows
// it does detect execution, so a quiet result means something.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SvgInputError } from '../../src/svg/errors.js';
import { sanitizeSvg } from '../../src/svg/sanitize.js';
import { launchBrowser } from '../helpers/browser.js';
import { describe as explain, fired, observeAll, serveDocuments, VIEWPORT } from './xssHarness.js';

interface Fixture {
  file: string;
  family: string;
  source: string;
  expect: 'cleaned' | 'rejected';
  firesUnsanitized: boolean;
}

const dir = path.join(import.meta.dirname, '..', 'fixtures', 'xss');
const fixtures = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Fixture[];
const raw = new Map(fixtures.map((fixture) => [fixture.file, fs.readFileSync(path.join(dir, fixture.file), 'utf8')]));

let browser: Browser;
let context: BrowserContext;
let server: Awaited<ReturnType<typeof serveDocuments>>;
const cleaned = new Map<string, string>();

beforeAll(async () => {
  for (const fixture of fixtures.filter((f) => f.expect === 'cleaned')) cleaned.set(fixture.file, sanitizeSvg(raw.get(fixture.file)!).svg);
  const documents = new Map<string, string>();
  for (const [file, svg] of cleaned) documents.set(`/clean/${file}`, svg);
  for (const [file, svg] of raw) documents.set(`/raw/${file}`, svg);
  server = await serveDocuments(documents);
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: VIEWPORT });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('hostile SVG corpus', () => {
  it('has at least 60 files from every family the issue names', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(60);
    expect(new Set(fixtures.map((f) => f.family))).toEqual(new Set(['script', 'handler', 'javascript-url', 'smil', 'foreign-object', 'external-reference', 'css', 'xml']));
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.svg')).sort()).toEqual(fixtures.map((f) => f.file).sort());
  });

  it('refuses the files that cannot be made safe by cleaning (entities, DOCTYPE, processing instructions, malformed)', () => {
    for (const fixture of fixtures.filter((f) => f.expect === 'rejected')) {
      expect(() => sanitizeSvg(raw.get(fixture.file)!), fixture.file).toThrow(SvgInputError);
    }
  });

  it('runs nothing and requests nothing once sanitized, loaded as a top-level document in Chromium', async () => {
    const files = [...cleaned.keys()];
    // Any sign from any document fails this test, so documents follow each other without a blank page between
    // (whatever one starts late is still seen, counted for the next).
    const observations = await observeAll(context, `${server.base}/blank`, files.map((file) => `${server.base}/clean/${file}`), { pages: 4, attribute: false });
    const leaks = observations.filter(fired).map((o) => `${o.url}: ${explain(o)}`);
    expect(leaks).toEqual([]);
    expect(observations.length).toBe(files.length);
  }, 120_000);

  it('detects the payloads in the unsanitized files (the harness can fail)', async () => {
    const files = fixtures.filter((f) => f.firesUnsanitized).map((f) => f.file);
    expect(files.length).toBeGreaterThanOrEqual(50);
    const blank = `${server.base}/blank`;
    const first = await observeAll(context, blank, files.map((file) => `${server.base}/raw/${file}`), { pages: 4 });
    // Slow machines: one more look, with a longer wait, before calling a payload inert.
    const second = await observeAll(context, blank, first.filter((o) => !fired(o)).map((o) => o.url), { pages: 2, settleMs: 1500 });
    expect(second.filter((o) => !fired(o)).map((o) => o.url)).toEqual([]);
  }, 120_000);
});
