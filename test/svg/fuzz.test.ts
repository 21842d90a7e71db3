// Random mutations of valid and hostile SVGs: parse + sanitize + serialize never throws anything but
// SvgInputError, never hangs, and whatever comes out is clean and stays the same when cleaned again.
// A smaller sample goes through the renderer, which must answer every one.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { closeRenderer, renderSvg } from '../../src/score/render.js';
import { rulesFor } from '../../src/svg/allowlist.js';
import { hasScriptUrl } from '../../src/svg/css.js';
import { SvgInputError } from '../../src/svg/errors.js';
import { parseSvg, type SvgElement } from '../../src/svg/parse.js';
import { applyProfile, checkProfile } from '../../src/svg/profiles.js';
import { sanitizeSvg } from '../../src/svg/sanitize.js';
import { serializeSvg } from '../../src/svg/serialize.js';

const fixtures = path.join(import.meta.dirname, '..', 'fixtures');
const seeds = [
  ...fs.readdirSync(path.join(fixtures, 'benign')).filter((file) => file.endsWith('.svg')).slice(0, 40).map((file) => fs.readFileSync(path.join(fixtures, 'benign', file), 'utf8')),
  ...fs.readdirSync(path.join(fixtures, 'xss')).filter((file) => file.endsWith('.svg') && !file.startsWith('billion')).map((file) => fs.readFileSync(path.join(fixtures, 'xss', file), 'utf8')),
];

const FRAGMENTS = ['<', '>', '/>', '&', '&amp;', '&#x6A;', '&#0;', '&#xD800;', '"', "'", '=', ' ', '\t', '\u0000', '\uFFFF', '\uD800', '<g>', '</g>', '<svg>', '</svg>',
  '<script>alert(1)</script>', '<!--', '-->', '<![CDATA[', ']]>', '<!DOCTYPE x>', '<!ENTITY x "y">', '<?x y?>', 'javascript:', 'java&#x09;script:', 'url(', 'url(http://e/x)', ')', 'on', 'onload="x()"',
  'href="', 'xlink:href="', 'style="', 'fill:url(//e)', '@import "x";', '\\', '{', '}', ';', 'xmlns="http://www.w3.org/1999/xhtml"', '<foreignObject>', '<a href="javascript:x">', '<set attributeName="href" to="javascript:x"/>',
  'data:image/png;base64,AAAA', 'e999', '-', '.', '1e400', '9'.repeat(400)];

type Mutation = { at: number; kind: 'insert'; text: string } | { at: number; kind: 'delete' | 'duplicate' | 'upper'; length: number };
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ at: fc.nat(), kind: fc.constant('insert' as const), text: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 8 })) }),
  fc.record({ at: fc.nat(), kind: fc.constantFrom('delete' as const, 'duplicate' as const, 'upper' as const), length: fc.integer({ min: 1, max: 40 }) }),
);
const mutated = fc.tuple(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([seed, mutations]) => {
  let text = seed;
  for (const change of mutations) {
    const at = change.at % (text.length + 1);
    if (change.kind === 'insert') text = text.slice(0, at) + change.text + text.slice(at);
    else if (change.kind === 'delete') text = text.slice(0, at) + text.slice(at + change.length);
    else if (change.kind === 'duplicate') text = text.slice(0, at + change.length) + text.slice(at, at + change.length) + text.slice(at + change.length);
    else text = text.slice(0, at) + text.slice(at, at + change.length).toUpperCase() + text.slice(at + change.length);
  }
  return text;
});

/** Well-formed documents (so the sanitizer, not the parser, is what gets exercised): a hostile attribute or
 * element planted on a random element of a seed. */
const ATTRIBUTE_NAMES = ['href', 'xlink:href', 'style', 'fill', 'filter', 'onload', 'OnClick', 'values', 'to', 'attributeName', 'xmlns', 'xmlns:x', 'x:href', 'begin', 'mask', 'd', 'class', 'id'];
const VALUE_PARTS = [...FRAGMENTS.filter((part) => !/[<&\u0000\uFFFF\uD800]/.test(part)), '#a', 'url(#a)', 'url( "#a" )', 'url(data:x)', 'expression(x)', 'image-set("x")', 'JaVaScRiPt:', '\u0009', ' \n'];
const PLANTED_ELEMENTS = ['script', 'foreignObject', 'a', 'set', 'animate', 'style', 'image', 'use', 'feImage', 'h:script', 'iframe', 'handler'];
const planted = fc
  .tuple(
    fc.constantFrom(...seeds.filter((seed) => { try { parseSvg(seed); return true; } catch { return false; } })),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom(...ATTRIBUTE_NAMES), fc.array(fc.constantFrom(...VALUE_PARTS), { minLength: 1, maxLength: 4 }), fc.option(fc.constantFrom(...PLANTED_ELEMENTS))), { minLength: 1, maxLength: 4 }),
  )
  .map(([seed, plants]) => {
    const root = parseSvg(seed);
    const all: SvgElement[] = [];
    const visit = (element: SvgElement) => {
      all.push(element);
      for (const child of element.children) if ('name' in child) visit(child);
    };
    visit(root);
    for (const [index, name, parts, element] of plants) {
      const target = all[index % all.length];
      // A blank xmlns:x would undeclare a prefix, which XML 1.0 forbids: the parser refuses that file, as browsers do.
      const value = name.startsWith('xmlns:') && parts.join('').trim() === '' ? `${parts.join('')}#a` : parts.join('');
      if (element) target.children.push({ name: element, attributes: { [name]: value }, children: [{ text: value }] });
      else target.attributes[name] = value;
    }
    return serializeSvg(root);
  });

/** What must hold of every sanitizer output: only allowed names, no handlers, no script URLs, only local or raster hrefs. */
function violations(element: SvgElement, profile: 'default' | 'kaggle', found: string[] = []): string[] {
  const rules = rulesFor(profile);
  if ((element.name !== 'svg' || profile === 'kaggle') && !rules.isElementAllowed(element.name)) found.push(`element ${element.name}`);
  for (const [name, value] of Object.entries(element.attributes)) {
    if (/^on/i.test(name)) found.push(`handler ${name}`);
    if (hasScriptUrl(value)) found.push(`script URL in ${name}=${value}`);
    if ((name === 'href' || name === 'xlink:href') && !/^(#|data:image\/(png|jpe?g|gif|webp)[;,])/i.test(value)) found.push(`href ${value}`);
    if (/url\(/i.test(value.replace(/url\(\s*['"]?#[^\s'"()\\<>]+['"]?\s*\)/g, ''))) found.push(`url() in ${name}=${value}`);
  }
  for (const child of element.children) if ('name' in child) violations(child, profile, found);
  return found;
}

/** Returns whether the input was usable at all (the rest were refused with SvgInputError). */
function check(input: string, profile: 'default' | 'kaggle'): boolean {
  let output: string;
  try {
    output = sanitizeSvg(input, { profile }).svg;
  } catch (error) {
    if (error instanceof SvgInputError) return false;
    throw error;
  }
  expect(violations(parseSvg(output), profile)).toEqual([]);
  const again = sanitizeSvg(output, { profile });
  expect(again.svg).toBe(output);
  expect(again.findings.filter((finding) => finding.rule !== 'size')).toEqual([]);
  return true;
}

afterAll(() => closeRenderer());

describe('fuzz', () => {
  it('sanitizes 4,000 mutated SVGs: only SvgInputError, clean and stable output, no hang', () => {
    const started = performance.now();
    let usable = 0;
    fc.assert(fc.property(mutated, (input) => {
      if (check(input, 'default')) usable++;
    }), { numRuns: 4000, seed: 6 });
    expect(performance.now() - started).toBeLessThan(25_000);
    // Mutations that break every file would test only the parser's refusals.
    expect(usable).toBeGreaterThan(500);
    console.log(`fuzz: ${usable} of 4000 mutated SVGs were usable and came out clean`);
  }, 60_000);

  it('sanitizes 2,000 well-formed SVGs with hostile attributes and text planted in random places', () => {
    fc.assert(fc.property(planted, (input) => {
      expect(check(input, 'default')).toBe(true);
    }), { numRuns: 2000, seed: 9 });
  }, 60_000);

  it('fits 500 mutated SVGs to the kaggle profile with the same guarantees', () => {
    fc.assert(fc.property(mutated, (input) => {
      check(input, 'kaggle');
      try {
        const result = applyProfile(input, 'kaggle');
        if (result.ok) expect(checkProfile(result.svg, 'kaggle')).toEqual([]);
        else expect(result.reason).toBeTruthy();
      } catch (error) {
        if (!(error instanceof SvgInputError)) throw error;
      }
    }), { numRuns: 500, seed: 7 });
  }, 60_000);

  it('renders 60 mutated SVGs: every one answered, ok or with an error, within its time limit', async () => {
    const inputs = fc.sample(mutated, { numRuns: 60, seed: 8 });
    const results = await Promise.all(inputs.map((svg) => renderSvg(svg, { width: 64, height: 64, timeoutMs: 5000 })));
    expect(results).toHaveLength(60);
    for (const result of results) expect(result.ok || typeof result.error === 'string').toBe(true);
    expect(results.filter((result) => result.ok).length).toBeGreaterThan(10);
  }, 60_000);
});
