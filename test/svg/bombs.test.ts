// Bombs and hostile renders (issue 6): each ends in a clear error (or a harmless render) within the time limit,
// and this test process, which plays svgchat, is still here to check.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeRenderer, renderSvg } from '../../src/score/render.js';
import { SvgInputError } from '../../src/svg/errors.js';
import { sanitizeSvg } from '../../src/svg/sanitize.js';

const NS = 'xmlns="http://www.w3.org/2000/svg"';
const TIME_LIMIT_MS = 2000;
/** Starting a fresh child after a kill, on a busy machine. */
const SLACK_MS = 3000;

const bombs: [string, string, RegExp | 'renders'][] = [
  ['billion laughs (nested entities)', fs.readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'xss', 'billion-laughs.svg'), 'utf8'), /DOCTYPE declarations are not accepted/],
  ['quadratic blowup (one big entity used many times)', `<!DOCTYPE svg [<!ENTITY a "${'x'.repeat(50_000)}">]><svg ${NS}>${'&a;'.repeat(5_000)}</svg>`, /DOCTYPE/],
  ['an external entity', `<!DOCTYPE svg [<!ENTITY e SYSTEM "/dev/zero">]><svg ${NS}><text>&e;</text></svg>`, /DOCTYPE/],
  ['an image of /dev/zero', `<svg ${NS} viewBox="0 0 10 10"><image href="/dev/zero" width="10" height="10"/><feImage href="/dev/urandom"/></svg>`, 'renders'],
  ['a filter region that panics resvg', `<svg ${NS} viewBox="0 0 20 20"><filter id="f" width="500" filterUnits="userSpaceOnUse"><feComposite operator="arithmetic"/></filter><polyline points="0,0 10,10" filter="url(#f)"/></svg>`, /renderer crashed/],
  ['a filter region that never finishes', `<svg ${NS} viewBox="0 0 200 200"><filter id="f" x="-100000" y="-100000" width="1000000" height="1000000" filterUnits="userSpaceOnUse"><feFlood flood-color="red" result="a"/><feComposite operator="arithmetic" in="SourceGraphic" in2="a" k1="1"/></filter><rect width="100" height="100" filter="url(#f)"/></svg>`, /timed out|more than \d+ MB/],
  ['a 100 MB width and height', `<svg ${NS} width="100000000" height="100000000"><rect width="50000000" height="50000000" fill="red"/></svg>`, 'renders'],
  ['a file over the 1 MiB cap', `<svg ${NS} viewBox="0 0 1 1">${'<rect width="1" height="1"/>'.repeat(40_000)}</svg>`, /over the 1,048,576-byte limit/],
  ['100,000 levels of nesting', `<svg ${NS}>${'<g>'.repeat(100_000)}${'</g>'.repeat(100_000)}</svg>`, /nested deeper than/],
  ['gzip', '\u001f\u008b\u0008\u0000', /gzip/],
];

afterAll(() => closeRenderer());

describe('bombs', () => {
  it.each(bombs)('%s: a clear result within the time limit', async (_name, svg, expected) => {
    const started = performance.now();
    const result = await renderSvg(svg, { width: 128, height: 128, timeoutMs: TIME_LIMIT_MS });
    const elapsed = performance.now() - started;
    if (expected === 'renders') expect(result.ok).toBe(true);
    else expect(result).toEqual({ ok: false, error: expect.stringMatching(expected) });
    expect(elapsed).toBeLessThan(TIME_LIMIT_MS + SLACK_MS);
  });

  it('the parser refuses the entity bombs before anything expands them', () => {
    for (const [name, svg, expected] of bombs.slice(0, 3)) {
      const started = performance.now();
      expect(() => sanitizeSvg(svg), name).toThrow(SvgInputError);
      expect(() => sanitizeSvg(svg), name).toThrow(expected as RegExp);
      expect(performance.now() - started).toBeLessThan(500);
    }
  });

  it('CSS built to be slow to clean (300k rules; 5k rules matching 5k elements) stays linear', () => {
    const slow: [string, 'default' | 'kaggle'][] = [
      [`<svg ${NS}><style>${'a{}'.repeat(300_000)}</style></svg>`, 'default'],
      [`<svg ${NS}><style>${'@x '.repeat(300_000)}</style></svg>`, 'default'],
      [`<svg ${NS}><style>${'*{fill:red}'.repeat(5_000)}</style>${'<rect class="c"/>'.repeat(5_000)}</svg>`, 'kaggle'],
      [`<svg ${NS}><style>${Array.from({ length: 5_000 }, (_, i) => `.c${i}{fill:red}`).join('')}</style>${Array.from({ length: 5_000 }, (_, i) => `<rect class="c${i}"/>`).join('')}</svg>`, 'kaggle'],
    ];
    for (const [svg, profile] of slow) {
      const started = performance.now();
      const { findings } = sanitizeSvg(svg, { profile });
      expect(findings.length).toBeGreaterThan(0);
      expect(performance.now() - started).toBeLessThan(8000);
    }
  }, 60_000);

  it('leaves the renderer working after all of them', async () => {
    const result = await renderSvg(`<svg ${NS} viewBox="0 0 1 1"><rect width="1" height="1" fill="blue"/></svg>`, { width: 4, height: 4 });
    expect(result.ok && Array.from(result.pixels.slice(0, 4))).toEqual([0, 0, 255, 255]);
  });
});
