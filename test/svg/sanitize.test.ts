import { describe, expect, it } from 'vitest';
import { parseSvg } from '../../src/svg/parse.js';
import { sanitizeSvg } from '../../src/svg/sanitize.js';
import { renderPixels, shareNear } from '../helpers/pixels.js';

const open = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">';
const wrap = (body: string, root = open) => `${root}${body}</svg>`;
const clean = (body: string, root?: string) => sanitizeSvg(wrap(body, root));
const rules = (body: string) => clean(body).findings.map((finding) => finding.rule);

describe('sanitizeSvg removes by allowlist and says what went', () => {
  const removed: [string, string, string, RegExp][] = [
    // name, input body, finding rule, what must be gone from the output
    ['script', '<script>alert(1)</script>', 'script', /script|alert/],
    ['foreignObject and its HTML', '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>', 'element', /foreignObject|div/],
    ['an unknown element', '<blink><rect/></blink>', 'element', /blink|rect/],
    ['a prefixed element of another namespace', '<h:script xmlns:h="http://www.w3.org/1999/xhtml">1</h:script>', 'namespace', /h:script/],
    ['an element of another namespace named like an SVG one', '<rect xmlns="http://example.org/x" width="9" fill="red"/>', 'namespace', /rect|red/],
    ['an event handler', '<rect onclick="alert(1)"/>', 'event-handler', /onclick/],
    ['an event handler in odd case', '<rect ONMOUSEOVER="alert(1)"/>', 'event-handler', /ONMOUSEOVER/],
    ['an unknown attribute', '<rect inkscape:label="x" data-x="1"/>', 'attribute', /inkscape|data-x/],
    ['a javascript: href', '<use href="javascript:alert(1)"/>', 'script-url', /javascript/],
    ['javascript: with entities and whitespace', '<use href=" &#106;ava&#x09;script&#x3A;alert(1)"/>', 'script-url', /href/],
    ['an external href', '<use href="http://evil.example/x.svg#a"/>', 'href', /evil/],
    ['a protocol-relative href', '<image href="//evil.example/x.png"/>', 'href', /evil/],
    ['a local file href', '<image href="/dev/zero"/>', 'href', /dev\/zero/],
    ['data: on use', '<use href="data:image/svg+xml;base64,PHN2Zy8+#x"/>', 'href', /data:/],
    ['an svg data: image', '<image href="data:image/svg+xml;base64,PHN2Zy8+"/>', 'href', /data:/],
    ['a non-base64 data: image', '<image href="data:image/png,rawbytes"/>', 'href', /data:/],
    ['url() to another document', '<rect fill="url(http://evil.example/p.svg#p)"/>', 'url', /evil/],
    ['url() with a quoted external URL', '<rect filter="url(\'//evil.example/f#f\')"/>', 'url', /evil/],
    ['external url() in a style attribute', '<rect style="fill:url(http://evil.example/a#b);stroke:red"/>', 'css', /evil/],
    ['a non-presentation CSS property', '<rect style="background:red;behavior:url(x.htc)"/>', 'css', /background|behavior/],
    ['CSS escapes', '<rect style="fill:u\\72l(http://evil.example/x)"/>', 'css', /evil/],
    ['an unknown CSS function', '<rect style="fill:image-set(\'x.png\' 1x)"/>', 'css', /image-set/],
    ['@import', '<style>@import url(http://evil.example/x.css); rect{fill:red}</style>', 'css', /@import|evil/],
    ['@font-face', '<style>@font-face{font-family:x;src:url(http://evil.example/f.woff)} rect{fill:red}</style>', 'css', /font-face|evil/],
    ['an external url() in a rule', '<style>rect{fill:url(http://evil.example/p#p)}</style>', 'css', /evil|<style/],
    ['SMIL that targets href', '<a><animate attributeName="href" values="javascript:alert(1)"/></a>', 'animation', /animate/],
    ['SMIL that targets xlink:href', '<a><set attributeName="xlink:href" to="#x"/></a>', 'animation', /<set/],
    ['SMIL that targets a handler', '<rect><set attributeName="onclick" to="alert(1)"/></rect>', 'animation', /<set|onclick/],
    ['SMIL that targets style', '<rect><set attributeName="style" to="fill:url(http://evil.example/x)"/></rect>', 'animation', /<set|evil/],
    ['SMIL values with an external url()', '<rect><animate attributeName="fill" values="url(http://evil.example/p#p);red"/></rect>', 'url', /evil/],
    ['a namespace declaration for HTML', '<g xmlns="http://www.w3.org/1999/xhtml"><rect/></g>', 'namespace', /xhtml/],
    ['a link (kept as a group)', '<a href="http://evil.example/"><rect width="1" height="1"/></a>', 'link', /<a|evil/],
  ];
  it.each(removed)('%s', (_name, body, rule, gone) => {
    const { svg, findings } = clean(body);
    expect(findings.map((finding) => finding.rule)).toContain(rule);
    expect(svg).not.toMatch(gone);
    expect(() => parseSvg(svg)).not.toThrow();
  });

  it('reports each finding with the element and attribute it concerns', () => {
    const { findings } = clean('<rect onclick="x()"/>');
    expect(findings).toContainEqual({ rule: 'event-handler', message: 'removed event handler onclick', element: 'rect', attribute: 'onclick' });
  });

  it('counts repeats instead of listing them', () => {
    const { findings } = clean('<rect onclick="a"/><rect onclick="b"/><rect onclick="c"/>');
    expect(findings.filter((finding) => finding.rule === 'event-handler')).toEqual([
      { rule: 'event-handler', message: 'removed event handler onclick (3 times)', element: 'rect', attribute: 'onclick' },
    ]);
  });

  it('drops references to what it removed, so nothing points nowhere', () => {
    const { svg, findings } = clean('<foreignObject id="f"/><use href="#f"/><rect fill="url(#f)" stroke="url(#kept)"/><linearGradient id="kept"/>');
    expect(svg).not.toContain('#f');
    expect(svg).toContain('url(#kept)');
    expect(findings.map((finding) => finding.rule)).toContain('reference');
  });
});

describe('sanitizeSvg keeps what is safe, unchanged', () => {
  const kept: [string, string][] = [
    ['shapes with presentation attributes', '<g transform="translate(1 2) rotate(3)" opacity=".5"><path d="M0 0L5 5Z" fill="#f00" stroke="rgb(0,0,255)" stroke-width="2"/><circle cx="5" cy="5" r="2" fill-opacity="0.3"/></g>'],
    ['a gradient referenced locally', '<defs><linearGradient id="g" x1="0" x2="1"><stop offset="0" stop-color="red"/><stop offset="1" stop-color="blue"/></linearGradient></defs><rect width="10" height="10" fill="url(#g)"/>'],
    ['quoted local url()', '<rect width="10" height="10" fill="url(\'#g\')"/>'],
    ['use and symbol', '<symbol id="s" viewBox="0 0 2 2"><rect width="1" height="1"/></symbol><use href="#s" x="1" width="4" height="4"/>'],
    ['xlink:href to a local id', '<use xlink:href="#s"/>'],
    ['filters', '<filter id="f" x="-1" y="-1" width="3" height="3"><feGaussianBlur in="SourceGraphic" stdDeviation="2" result="b"/><feMerge><feMergeNode in="b"/><feMergeNode in="SourceGraphic"/></feMerge></filter><rect filter="url(#f)" width="5" height="5"/>'],
    ['a raster data: image', '<image width="1" height="1" href="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="/>'],
    ['safe CSS in a style element', '<style>rect{fill:red;stroke:url(#g)}.a,#b circle{opacity:.5}</style>'],
    ['a style attribute of presentation properties', '<rect style="fill:red;stroke-width:2px;transform:rotate(45deg)"/>'],
    ['text', '<text x="1" y="5" font-family="sans-serif" font-size="3">Hi &amp; bye</text>'],
    ['SMIL on geometry', '<rect width="1" height="1"><animate attributeName="width" from="1" to="5" dur="1s" repeatCount="indefinite"/></rect>'],
  ];
  it.each(kept)('%s', (_name, body) => {
    const input = wrap(body, '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">');
    const { svg, findings } = sanitizeSvg(input);
    expect(findings).toEqual([]);
    expect(svg).toBe(input.replace(/ xmlns:xlink="[^"]*"/, body.includes('xlink:') ? ' xmlns:xlink="http://www.w3.org/1999/xlink"' : ''));
  });

  it('refuses raster images whose header claims absurd dimensions', () => {
    // A PNG header claiming 100000 x 100000 pixels.
    const header = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 1, 0x86, 0xa0, 0, 1, 0x86, 0xa0, 8, 6, 0, 0, 0]);
    const png = btoa(String.fromCharCode(...header));
    const { svg, findings } = clean(`<image href="data:image/png;base64,${png}"/>`);
    expect(findings[0].message).toContain('100000x100000');
    expect(svg).not.toContain('data:');
  });
});

describe('sanitizeSvg output', () => {
  it('always has a viewBox: taken from width and height when missing', () => {
    const { svg, findings } = sanitizeSvg('<svg width="200" height="100mm"><rect/></svg>');
    expect(parseSvg(svg).attributes.viewBox).toBe('0 0 200 377.9528');
    expect(findings).toContainEqual(expect.objectContaining({ rule: 'viewbox' }));
    expect(parseSvg(sanitizeSvg('<svg><rect/></svg>').svg).attributes).toMatchObject({ viewBox: '0 0 300 150', width: '300', height: '150' });
    expect(parseSvg(sanitizeSvg('<svg viewBox="0 0 0 0" width="5" height="6"/>').svg).attributes.viewBox).toBe('0 0 5 6');
  });

  it('declares the SVG namespace (and xlink only when used) on the root, whatever the input declared', () => {
    expect(sanitizeSvg('<svg viewBox="0 0 1 1"/>').svg).toBe('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>');
    const declared = sanitizeSvg('<svg xmlns="http://www.w3.org/1999/xhtml" xmlns:l="http://www.w3.org/1999/xlink" viewBox="0 0 1 1"><use l:href="#a"/></svg>').svg;
    expect(declared).toBe('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 1 1"><use xlink:href="#a"/></svg>');
    // xlink bound to another namespace: that xlink:href is no link a browser would follow, and it goes.
    const spoofed = sanitizeSvg('<svg xmlns:xlink="http://evil" viewBox="0 0 1 1"><use xlink:href="#a"/></svg>');
    expect(spoofed.svg).toBe('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><use/></svg>');
    expect(spoofed.findings.map((finding) => finding.message)).toContainEqual(expect.stringMatching(/xlink:href.*not an SVG attribute/));
  });

  it('escapes what it writes, so text cannot become markup', () => {
    const { svg } = clean('<text>&lt;script&gt;alert(1)&lt;/script&gt;</text><style>rect{fill:red} &lt;/style&gt;&lt;script&gt;x()&lt;/script&gt;</style>');
    expect(svg).not.toContain('<script');
    expect(parseSvg(svg).children.every((child) => !('name' in child) || child.name !== 'script')).toBe(true);
  });

  it('is idempotent: cleaning a cleaned SVG changes nothing and finds nothing', () => {
    const first = clean('<script/><rect onclick="x" style="fill:red;background:blue" fill="url(http://x)"/><a href="#x"><circle r="1"/></a><style>@import "x"; rect{fill:blue}</style>', '<svg width="4" height="4">');
    const second = sanitizeSvg(first.svg);
    expect(second.svg).toBe(first.svg);
    expect(second.findings).toEqual([]);
  });

  it('keeps a child combinator in CSS (escaped in XML, the same CSS once parsed)', () => {
    const { svg, findings } = clean('<style>g>rect{fill:red}</style>');
    expect(findings).toEqual([]);
    expect(svg).toContain('g&gt;rect{fill:red}');
    expect(parseSvg(svg).children[0]).toEqual({ name: 'style', attributes: {}, children: [{ text: 'g>rect{fill:red}' }] });
  });

  it('accepts bytes as well as text', () => {
    expect(sanitizeSvg(new TextEncoder().encode(wrap('<rect/>'))).svg).toBe(wrap('<rect/>'));
  });

  it('names rules consistently', () => {
    expect(rules('<script/><rect onload="x"/>')).toEqual(['script', 'event-handler']);
  });
});

describe('sanitizeSvg agrees with the renderer on namespaces (resvg test files: green passes, red fails)', () => {
  // From resvg's test suite (MIT/Apache-2.0, crates/resvg/tests/tests/), frames and titles left out.
  const cases: [string, string][] = [
    ['structure/svg/explicit-svg-namespace', '<svg:svg viewBox="0 0 200 200" xmlns:svg="http://www.w3.org/2000/svg"><svg:rect x="20" y="20" width="160" height="160" fill="green"/></svg:svg>'],
    ['structure/svg/xmlns-validation', '<svg viewBox="0 0 200 200" xmlns="http://www.w3.org/2000/svg"><s:g xmlns="http://www.example.org/notsvg" xmlns:s="http://www.w3.org/2000/svg"><s:rect x="20" y="20" width="160" height="160" fill="green"/><rect x="20" y="20" width="160" height="160" fill="red"/></s:g></svg>'],
    ['paint-servers/linearGradient/href-with-invalid-prefix', '<svg viewBox="0 0 200 200" xmlns="http://www.w3.org/2000/svg" xmlns:svg="http://www.w3.org/2000/svg"><defs><linearGradient id="red"><stop offset="0" stop-color="red"/><stop offset="1" stop-color="red"/></linearGradient><linearGradient id="green"><stop offset="0" stop-color="green"/><stop offset="1" stop-color="green"/></linearGradient><linearGradient id="gradient1" href="#green" svg:href="#red"/></defs><rect x="60" y="60" width="80" height="80" fill="red"/><rect x="60" y="60" width="80" height="80" fill="url(#gradient1)"/></svg>'],
  ];
  it.each(cases)('%s', (_name, input) => {
    const cleaned = renderPixels(sanitizeSvg(input).svg, 64);
    expect(shareNear(cleaned, [0, 128, 0], 40)).toBeGreaterThan(0.1);
    expect(shareNear(cleaned, [255, 0, 0], 60)).toBe(0);
  });
});
