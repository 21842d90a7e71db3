// `svgchat score --profile kaggle --json`: each competition rule gives exactly the expected verdict and finding.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scoreCommand } from '../../src/commands/score.js';
import { SilentExit } from '../../src/errors.js';
import { tempHome } from '../helpers/cli.js';
import { fakeContext } from '../helpers/context.js';

const svg = (body: string) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><rect width="100" height="100" fill="#dfe8f0"/>${body}</svg>`;

/** Rects at scattered integer positions: nothing to merge or round, so it stays over the limit. */
function bigDrawing(bytes: number): string {
  let body = '';
  for (let i = 0; svg(body).length < bytes; i++) body += `<rect x="${(i * 37) % 97}" y="${(i * 53) % 89}" width="${(i % 7) + 2}" height="${(i % 5) + 2}" fill="#${((i * 2654435761) >>> 8).toString(16).padStart(6, '0').slice(0, 6)}"/>`;
  return svg(body);
}

interface Row {
  name: string;
  svg: string;
  valid: boolean;
  finding?: { rule?: string; element?: string; attribute?: string };
}

const rows: Row[] = [
  { name: 'compliant shapes, gradient and filter', svg: svg('<defs><linearGradient id="g"><stop offset="0" stop-color="#f00"/><stop offset="1" stop-color="#00f"/></linearGradient><filter id="f"><feGaussianBlur stdDeviation="2"/></filter></defs><circle cx="50" cy="50" r="30" fill="url(#g)" filter="url(#f)"/><use href="#g"/>'), valid: true },
  { name: 'size: just under 10,000 bytes', svg: bigDrawing(9_800), valid: true },
  { name: 'size: over 10,000 bytes', svg: bigDrawing(12_000), valid: false, finding: { rule: 'size' } },
  { name: 'element: foreignObject', svg: svg('<foreignObject width="10" height="10"/>'), valid: false, finding: { rule: 'element', element: 'foreignObject' } },
  { name: 'element: clipPath (fine by default, not in kaggle)', svg: svg('<clipPath id="c"><rect width="5" height="5"/></clipPath>'), valid: false, finding: { rule: 'profile', element: 'clipPath' } },
  { name: 'element: script', svg: svg('<script>alert(1)</script>'), valid: false, finding: { rule: 'script', element: 'script' } },
  { name: 'attribute: event handler', svg: svg('<circle cx="50" cy="50" r="9" onclick="alert(1)"/>'), valid: false, finding: { rule: 'event-handler', element: 'circle', attribute: 'onclick' } },
  { name: 'attribute: not on the element\'s kaggle list', svg: svg('<circle cx="50" cy="50" r="9" pathLength="10"/>'), valid: false, finding: { rule: 'profile', element: 'circle', attribute: 'pathLength' } },
  { name: 'data: raster image', svg: svg('<image href="data:image/png;base64,iVBORw0KGgo=" width="10" height="10"/>'), valid: false, finding: { rule: 'profile', element: 'image' } },
  { name: 'data: URL in a paint', svg: svg('<rect width="10" height="10" fill="url(data:image/png;base64,AAAA)"/>'), valid: false, finding: { rule: 'url', element: 'rect', attribute: 'fill' } },
  { name: 'external href', svg: svg('<use href="https://example.com/a.svg#x"/>'), valid: false, finding: { rule: 'href', element: 'use', attribute: 'href' } },
  { name: 'text', svg: svg('<text x="10" y="50">Hi</text>'), valid: false, finding: { rule: 'profile', element: 'text' } },
  // As it is, CSS breaks the rules even though `sanitize --profile kaggle` can inline it: the finding names the style.
  { name: 'style element', svg: svg('<style>circle{fill:red}</style><circle cx="50" cy="50" r="9"/>'), valid: false, finding: { element: 'style' } },
  { name: 'style attribute', svg: svg('<circle cx="50" cy="50" r="9" style="fill:red"/>'), valid: false, finding: { element: 'circle', attribute: 'style' } },
];

describe('score --profile kaggle verdicts', () => {
  const results = new Map<string, Record<string, unknown>>();

  beforeAll(async () => {
    const home = tempHome();
    const files = rows.map((row, i) => {
      const file = path.join(home, `rule-${i}.svg`);
      fs.writeFileSync(file, row.svg);
      return file;
    });
    const { ctx, stdout } = fakeContext(home);
    await scoreCommand(ctx, files, { profile: 'kaggle', json: true });
    const lines = stdout().trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((line) => line.file)).toEqual(files);
    lines.forEach((line, i) => results.set(rows[i].name, line));
  });

  it.each(rows)('$name', (row) => {
    const result = results.get(row.name)!;
    expect(result.profile).toBe('kaggle');
    expect(result.valid).toBe(row.valid);
    const findings = result.findings as { rule: string; element?: string; attribute?: string }[];
    if (row.finding) {
      expect(findings).toContainEqual(expect.objectContaining(row.finding));
      expect(result.score).toBe(0);
    } else {
      expect(findings).toEqual([]);
      expect(result.score).toBeGreaterThan(0);
    }
  });

  it('passes the same files under the default profile when only kaggle forbids them', async () => {
    const home = tempHome();
    const kept = rows.filter((row) => /clipPath|text|style|data: raster|size: over/.test(row.name));
    const files = kept.map((row, i) => {
      const file = path.join(home, `d-${i}.svg`);
      fs.writeFileSync(file, row.svg);
      return file;
    });
    const { ctx, stdout } = fakeContext(home);
    await scoreCommand(ctx, files, { json: true });
    const lines = stdout().trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((line) => [line.profile, line.valid, line.findings])).toEqual(kept.map(() => ['default', true, []]));
  });

  it('exits 2 for an unusable file but still scores the others', async () => {
    const home = tempHome();
    fs.writeFileSync(path.join(home, 'ok.svg'), rows[0].svg);
    fs.writeFileSync(path.join(home, 'entity.svg'), '<!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg"/>');
    const { ctx, stdout, stderr } = fakeContext(home);
    const error = await scoreCommand(ctx, ['ok.svg', 'entity.svg', 'gone.svg'], { json: true, profile: 'kaggle' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SilentExit);
    expect((error as SilentExit).exitCode).toBe(2);
    const lines = stdout().trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((l) => [l.file, l.valid, l.error?.code ?? null])).toEqual([['ok.svg', true, null], ['entity.svg', false, 'invalid_svg'], ['gone.svg', false, 'unreadable']]);
    expect(lines[0].score).toBeGreaterThan(0);
    expect(stderr()).toMatch(/entity\.svg: invalid SVG: DOCTYPE/);
    expect(stderr()).toMatch(/2 of 3 files were not usable SVG/);
  });
});
