// The isolated renderer: right size and pixels, bundled font, sanitized input, and a pool that survives
// crashes and hangs of its children and never keeps svgchat alive when idle. Needs a build (dist/): npm test does it.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeRenderer, poolSize, renderAnalysis, rendersHandedOver, renderPng, renderSvg, warmRenderer, type RenderResult } from '../../src/score/render.js';
import { shareNear } from '../helpers/pixels.js';

const NS = 'xmlns="http://www.w3.org/2000/svg"';
const RED_SQUARE = `<svg ${NS} viewBox="0 0 10 10"><rect width="10" height="10" fill="red"/></svg>`;
const PANICS = `<svg ${NS} viewBox="0 0 20 20"><filter id="f" width="500" filterUnits="userSpaceOnUse"><feComposite operator="arithmetic"/></filter><polyline points="0,0 10,10" filter="url(#f)"/></svg>`;

function pixels(result: RenderResult) {
  if (!result.ok) throw new Error(result.error);
  return { width: result.width, height: result.height, data: result.pixels };
}

afterAll(() => closeRenderer());

describe('renderSvg', () => {
  it('renders at exactly the size asked for, whatever the file claims', async () => {
    const image = pixels(await renderSvg(RED_SQUARE.replace('viewBox', 'width="100000000" height="100000000" viewBox'), { width: 64, height: 48 }));
    expect([image.width, image.height, image.data.length]).toEqual([64, 48, 64 * 48 * 4]);
    // A square drawing in a 64x48 frame: centred, with transparent bands left and right.
    expect(shareNear(image, [255, 0, 0], 10)).toBeCloseTo(48 / 64, 1);
    expect(image.data[3]).toBe(0);
    expect(Array.from(image.data.slice((24 * 64 + 32) * 4, (24 * 64 + 32) * 4 + 4))).toEqual([255, 0, 0, 255]);
  });

  it('draws text with the bundled font (system fonts are off)', async () => {
    const text = await renderSvg(`<svg ${NS} viewBox="0 0 100 40"><text x="5" y="30" font-size="28" font-family="Nonexistent, serif">Hello</text></svg>`, { width: 200, height: 80 });
    // Without a font resvg draws no text at all: ink means the bundled font was found and used.
    const { data } = pixels(text);
    let ink = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 128) ink++;
    expect(ink / (data.length / 4)).toBeGreaterThan(0.03);
    expect(ink / (data.length / 4)).toBeLessThan(0.5);
  });

  it('gives a PNG for thumbnails', async () => {
    const result = await renderPng(RED_SQUARE, { width: 32, height: 32 });
    expect(result.ok && Array.from(result.png.slice(0, 8))).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it('sanitizes first: external and local-file hrefs never reach resvg', async () => {
    const started = performance.now();
    const result = await renderSvg(`<svg ${NS} viewBox="0 0 10 10"><image href="/dev/zero" width="10" height="10"/><image href="file:///etc/passwd" width="5" height="5"/><rect width="5" height="5" fill="red"/></svg>`, { width: 20, height: 20, timeoutMs: 3000 });
    expect(result.ok).toBe(true);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('answers unusable input with an error result, not an exception', async () => {
    expect(await renderSvg('<!DOCTYPE svg><svg/>', { width: 10, height: 10 })).toEqual({ ok: false, error: expect.stringMatching(/DOCTYPE/) });
    expect(await renderSvg('not svg', { width: 10, height: 10 })).toEqual({ ok: false, error: expect.stringMatching(/malformed XML/) });
    expect(await renderSvg(RED_SQUARE, { width: 0, height: 10 })).toEqual({ ok: false, error: expect.stringMatching(/whole pixels/) });
    expect(await renderSvg(RED_SQUARE, { width: 10.5, height: 10 })).toEqual({ ok: false, error: expect.stringMatching(/whole pixels/) });
  });

  it('survives a child that panics: the job fails with the reason, the next one works', async () => {
    const crashed = await renderSvg(PANICS, { width: 64, height: 64 });
    expect(crashed).toEqual({ ok: false, error: expect.stringMatching(/renderer crashed .*assertion failed/) });
    expect((await renderSvg(RED_SQUARE, { width: 8, height: 8 })).ok).toBe(true);
  });

  it('renders many files at once on a small pool, each result its own', async () => {
    expect(poolSize()).toBeLessThanOrEqual(Math.max(1, os.availableParallelism()));
    const colours = ['red', 'lime', 'blue', 'yellow', 'cyan', 'magenta'];
    const jobs = Array.from({ length: 48 }, (_, i) => colours[i % colours.length]);
    const results = await Promise.all(jobs.map((colour, i) => (i === 7 ? renderSvg(PANICS, { width: 16, height: 16 }) : renderSvg(RED_SQUARE.replace('red', colour), { width: 16, height: 16 }))));
    results.forEach((result, i) => {
      if (i === 7) return expect(result.ok).toBe(false);
      const expected = { red: [255, 0, 0], lime: [0, 255, 0], blue: [0, 0, 255], yellow: [255, 255, 0], cyan: [0, 255, 255], magenta: [255, 0, 255] }[jobs[i]]!;
      expect(Array.from(pixels(result).data.slice(0, 3)), `job ${i}`).toEqual(expected);
    });
  });

  it('closeRenderer ends waiting renders with an error and a later render starts afresh', async () => {
    const waiting = Array.from({ length: 6 }, () => renderSvg(RED_SQUARE, { width: 256, height: 256 }));
    closeRenderer();
    const results = await Promise.all(waiting);
    expect(results.some((result) => !result.ok && /closed/.test(result.error))).toBe(true);
    expect((await renderSvg(RED_SQUARE, { width: 8, height: 8 })).ok).toBe(true);
  });

  it('says when a job has reached a child that was still starting (warm-up included), long before its limit', async () => {
    closeRenderer();
    await rendersHandedOver(60_000); // nothing waits: at once
    warmRenderer();
    // A slow job (a wide blur at 2048 px): handed over when the child takes it, well before it answers.
    const slow = `<svg ${NS} viewBox="0 0 10 10"><filter id="b"><feGaussianBlur stdDeviation="3"/></filter><rect width="10" height="10" fill="red" filter="url(#b)"/></svg>`;
    const rendering = renderAnalysis(slow, { width: 2048, height: 2048 });
    const started = performance.now();
    await rendersHandedOver(60_000);
    const handedOver = performance.now();
    expect(handedOver - started).toBeLessThan(15_000);
    const result = await rendering;
    expect(result.ok).toBe(true);
    expect(performance.now() - handedOver).toBeGreaterThan(50);
  }, 30_000);

  it('does not keep the process alive once idle', () => {
    const script = `import { renderSvg } from ${JSON.stringify(path.join(import.meta.dirname, '..', '..', 'dist', 'score', 'render.js'))};
      const result = await renderSvg('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>', { width: 4, height: 4 });
      console.log(result.ok ? 'rendered' : result.error);`;
    const started = performance.now();
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 15_000 });
    expect(run.stdout.trim()).toBe('rendered');
    expect(run.status).toBe(0);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
