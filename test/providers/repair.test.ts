import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { repairTruncatedSvg } from '../../src/providers/repair.js';

const FULL = [
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">',
  '<!-- sky --><defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/><stop offset="1" stop-color="#00f"/></linearGradient></defs>',
  '<rect width="100" height="100" fill="url(#g)"/>',
  '<g transform="translate(10 10)"><circle cx="20" cy="20" r="10" fill="#f00"/><path d="M0 0 L 10 10 Z" title="a &gt; b"/></g>',
  '<text x="5" y="90">Tom &amp; Jerry</text>',
  '</svg>',
].join('');

function wellFormed(xml: string): boolean {
  const parser = new SaxesParser({ xmlns: false });
  let ok = true;
  parser.on('error', () => {
    ok = false;
  });
  parser.write(xml).close();
  return ok;
}

describe('repairTruncatedSvg', () => {
  it('leaves a complete SVG as it is', () => {
    expect(repairTruncatedSvg(FULL)).toEqual({ svg: FULL, closed: [], droppedTail: false });
  });

  it.each([
    ['inside a path attribute', '<svg viewBox="0 0 10 10"><g><rect width="1"/><path d="M0 0 L 5', '<svg viewBox="0 0 10 10"><g><rect width="1"/></g></svg>', ['g', 'svg']],
    ['after an opening tag', '<svg viewBox="0 0 10 10"><g fill="red">', '<svg viewBox="0 0 10 10"><g fill="red"></g></svg>', ['g', 'svg']],
    ['inside a closing tag', '<svg viewBox="0 0 1 1"><g><rect/></g', '<svg viewBox="0 0 1 1"><g><rect/></g></svg>', ['g', 'svg']],
    ['inside a comment', '<svg viewBox="0 0 1 1"><rect/><!-- the sun', '<svg viewBox="0 0 1 1"><rect/></svg>', ['svg']],
    ['inside an entity', '<svg viewBox="0 0 1 1"><text>Tom &am', '<svg viewBox="0 0 1 1"><text>Tom </text></svg>', ['text', 'svg']],
    ['with a quoted > in an attribute', '<svg viewBox="0 0 1 1"><g title="a > b"><rect', '<svg viewBox="0 0 1 1"><g title="a > b"></g></svg>', ['g', 'svg']],
  ])('closes what is open when cut %s', (_label, input, svg, closed) => {
    const repaired = repairTruncatedSvg(input);
    expect(repaired?.svg).toBe(svg);
    expect(repaired?.closed).toEqual(closed);
    expect(wellFormed(repaired!.svg)).toBe(true);
  });

  it('gives up when not even the root opening tag survived', () => {
    expect(repairTruncatedSvg('<svg viewBox="0 0')).toBeNull();
    expect(repairTruncatedSvg('')).toBeNull();
  });

  it('makes every prefix of a real SVG well-formed XML', () => {
    const rootEnd = FULL.indexOf('>') + 1;
    for (let cut = rootEnd; cut <= FULL.length; cut++) {
      const repaired = repairTruncatedSvg(FULL.slice(0, cut));
      expect(repaired, `cut at ${cut}`).not.toBeNull();
      expect(wellFormed(repaired!.svg), `cut at ${cut}: ${repaired!.svg}`).toBe(true);
      expect(repaired!.svg.startsWith(FULL.slice(0, rootEnd))).toBe(true);
    }
  });
});
