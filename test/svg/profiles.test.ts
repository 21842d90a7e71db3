import { describe, expect, it } from 'vitest';
import { roundNumbers } from '../../src/svg/compact.js';
import { parseSvg, type SvgElement } from '../../src/svg/parse.js';
import { applyProfile, checkProfile } from '../../src/svg/profiles.js';
import { renderPixels } from '../helpers/pixels.js';

const NS = 'xmlns="http://www.w3.org/2000/svg"';
const bytes = (text: string) => new TextEncoder().encode(text).byteLength;
function names(svg: string): Set<string> {
  const all = new Set<string>();
  const visit = (element: SvgElement) => {
    all.add(element.name);
    for (const child of element.children) if ('name' in child) visit(child);
  };
  visit(parseSvg(svg));
  return all;
}
function meanDifference(a: string, b: string): number {
  const first = renderPixels(a, 128).data;
  const second = renderPixels(b, 128).data;
  let sum = 0;
  for (let i = 0; i < first.length; i++) sum += Math.abs(first[i] - second[i]);
  return sum / first.length;
}

describe('kaggle profile', () => {
  it('leaves a compliant SVG as it is', () => {
    const svg = `<svg ${NS} viewBox="0 0 100 100" width="100" height="100"><defs><linearGradient id="g"><stop offset="0" stop-color="red"/><stop offset="1" stop-color="blue"/></linearGradient></defs><g transform="translate(5 5)"><rect width="50" height="50" fill="url(#g)"/><circle cx="70" cy="70" r="10" fill="green" stroke="#000"/></g></svg>`;
    expect(checkProfile(svg, 'kaggle')).toEqual([]);
    expect(applyProfile(svg, 'kaggle')).toEqual({ svg, findings: [], ok: true });
  });

  it('lists every violation of an SVG that does not comply', () => {
    const svg = `<svg ${NS} viewBox="0 0 10 10"><style>rect{fill:red}</style><text>hi</text><rect class="a" style="stroke:blue" width="5" height="5"/><image href="data:image/png;base64,AAAA"/><clipPath id="c"><rect/></clipPath><circle r="2" clip-path="url(#c)"/></svg>`;
    const messages = checkProfile(svg, 'kaggle').map((finding) => finding.message).join('\n');
    for (const what of ['<text>', '<image>', '<clipPath>', 'clip-path']) expect(messages).toContain(what);
  });

  it('makes it comply: CSS inlined as attributes, disallowed elements and their references dropped', () => {
    const svg = `<svg ${NS} viewBox="0 0 10 10"><style>rect{fill:red;stroke:green} .a{fill:blue} #b{fill:yellow}</style><text>hi</text><rect class="a" width="5" height="5"/><rect id="b" class="a" width="5" height="5"/><rect class="a" style="fill:purple;transform:rotate(45deg)" width="5" height="5"/><clipPath id="c"><rect/></clipPath><circle r="2" clip-path="url(#c)"/><image href="data:image/png;base64,AAAA"/></svg>`;
    const result = applyProfile(svg, 'kaggle');
    expect(result.ok).toBe(true);
    expect(checkProfile(result.svg, 'kaggle')).toEqual([]);
    const root = parseSvg(result.svg);
    const rects = root.children.filter((child): child is SvgElement => 'name' in child && child.name === 'rect');
    // Specificity: tag < class < id < style attribute; presentation attributes carry the result.
    expect(rects.map((rect) => rect.attributes.fill)).toEqual(['blue', 'yellow', 'purple']);
    expect(rects.every((rect) => rect.attributes.stroke === 'green' && rect.attributes.class === undefined && rect.attributes.style === undefined)).toBe(true);
    expect(rects[2].attributes.transform).toBe('rotate(45)');
    expect([...names(result.svg)].sort()).toEqual(['circle', 'rect', 'svg']);
    expect(result.svg).not.toContain('clip-path');
    expect(result.findings.map((finding) => finding.rule)).toEqual(expect.arrayContaining(['profile', 'reference']));
  });

  it('inlines no <style> of another namespace: it is no stylesheet to a browser, and it goes', () => {
    const result = applyProfile(`<svg ${NS} viewBox="0 0 10 10"><x:g xmlns:x="urn:notsvg"><style xmlns="urn:notsvg">rect{fill:red}</style></x:g><rect width="9" height="9"/></svg>`, 'kaggle');
    expect(result.ok).toBe(true);
    expect(result.svg).toBe(`<svg ${NS} viewBox="0 0 10 10"><rect width="9" height="9"/></svg>`);
  });

  it('reports CSS as it is, and says the CSS was inlined when it makes the SVG comply', () => {
    const svg = `<svg ${NS} viewBox="0 0 10 10"><style>rect{fill:red}</style><rect width="5" height="5"/><circle r="2" style="fill:blue"/><circle r="3" style="fill:green"/></svg>`;
    const found = checkProfile(svg, 'kaggle');
    expect(found).toContainEqual(expect.objectContaining({ rule: 'profile', element: 'style' }));
    expect(found).toContainEqual(expect.objectContaining({ rule: 'profile', element: 'circle', attribute: 'style', message: expect.stringMatching(/inlined the style attribute .*\(2 times\)/) }));
    expect(checkProfile(svg, 'default')).toEqual([]);
    const result = applyProfile(svg, 'kaggle');
    expect(result.ok).toBe(true);
    expect(result.svg).toBe(`<svg ${NS} viewBox="0 0 10 10"><rect width="5" height="5" fill="red"/><circle r="2" fill="blue"/><circle r="3" fill="green"/></svg>`);
    expect(result.findings.map((finding) => finding.message).join('\n')).toMatch(/inlined <style> as presentation attributes/);
    expect(checkProfile(result.svg, 'kaggle')).toEqual([]);
  });

  it('allows no data: URLs and only #id references', () => {
    const { svg } = applyProfile(`<svg ${NS} viewBox="0 0 10 10"><use href="#a"/><pattern id="p" href="http://x/p#p"/></svg>`, 'kaggle');
    expect(svg).toContain('href="#a"');
    expect(svg).not.toContain('http://x');
  });

  it('rounds and merges a too-large SVG until it fits in 10,000 bytes, without visibly changing it', () => {
    let random = 7;
    const next = () => (random = (random * 16807) % 2147483647) / 2147483647;
    const points = Array.from({ length: 600 }, () => `${(next() * 384).toFixed(6)},${(next() * 384).toFixed(6)}`).join(' ');
    const gradient = (id: string) => `<linearGradient id="${id}"><stop offset="0" stop-color="#123456"/><stop offset="1" stop-color="#abcdef"/></linearGradient>`;
    const svg = `<svg ${NS} viewBox="0 0 384 384">${gradient('g1')}${gradient('g2')}<polygon points="${points}" fill="url(#g1)" stroke="url(#g2)" stroke-width="0.5"/></svg>`;
    expect(bytes(svg)).toBeGreaterThan(10_000);
    const result = applyProfile(svg, 'kaggle');
    expect(result.ok).toBe(true);
    expect(bytes(result.svg)).toBeLessThanOrEqual(10_000);
    expect(result.findings).toContainEqual(expect.objectContaining({ rule: 'compacted' }));
    expect(result.findings[0].message).toMatch(/merged 1 duplicate definitions.*rounded coordinates to \d decimals/);
    expect(result.svg).not.toContain('g2');
    expect(meanDifference(svg, result.svg)).toBeLessThan(1.5);
  });

  it('says why when it cannot fit, and still returns its best attempt', () => {
    const circles = Array.from({ length: 600 }, (_, i) => `<circle cx="${i % 30}" cy="${Math.floor(i / 30)}" r="1" fill="#${(i * 2731).toString(16).padStart(6, '0').slice(-6)}"/>`).join('');
    const result = applyProfile(`<svg ${NS} viewBox="0 0 30 20">${circles}</svg>`, 'kaggle');
    expect(result.ok).toBe(false);
    expect(result.reason).toMatch(/still [\d,]+ bytes .* over the 10,000-byte limit of the kaggle profile/);
    expect(result.svg).toContain('<circle');
  });
});

describe('default profile', () => {
  it('complies when sanitizing would change nothing', () => {
    expect(checkProfile(`<svg ${NS} viewBox="0 0 1 1"><rect width="1" height="1"/></svg>`, 'default')).toEqual([]);
    expect(checkProfile(`<svg ${NS} viewBox="0 0 1 1"><script/></svg>`, 'default').map((finding) => finding.rule)).toEqual(['script']);
    expect(checkProfile('<!DOCTYPE svg><svg/>', 'default')).toEqual([{ rule: 'parse', message: expect.stringContaining('DOCTYPE') }]);
  });

  it('has no 10,000-byte limit', () => {
    const big = `<svg ${NS} viewBox="0 0 1 1">${'<rect width="1" height="1"/>'.repeat(1000)}</svg>`;
    expect(applyProfile(big, 'default').ok).toBe(true);
  });
});

describe('roundNumbers', () => {
  const table: [string, number, string][] = [
    ['M10.123456 20.987654L0.5 -0.25', 2, 'M10.12 20.99L.5 -.25'],
    ['10.5.5', 0, '11 1'],
    ['a10 10 0 0110 10', 0, 'a10 10 0 0110 10'],
    ['1e-7 2.5e3', 2, '0 2500'],
    ['-0.0001', 2, '0'],
  ];
  it.each(table)('%s at %i decimals', (input, decimals, output) => {
    expect(roundNumbers(input, decimals)).toBe(output);
  });
});
