import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import fs from 'node:fs';
import path from 'node:path';
import { MAX_DEPTH, parseSvg, parseTree, SvgInputError } from '../../src/svg/parse.js';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="1" height="1"/></svg>';

describe('parseSvg refuses what it must not expand or read', () => {
  const refused: [string, string | Uint8Array, RegExp][] = [
    ['a DOCTYPE', `<!DOCTYPE svg>${SVG}`, /DOCTYPE/],
    ['an internal ENTITY', `<!DOCTYPE svg [<!ENTITY x "y">]><svg>&x;</svg>`, /DOCTYPE/],
    ['an external entity', `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg>&x;</svg>`, /DOCTYPE/],
    ['an undeclared entity', '<svg>&nbsp;</svg>', /malformed XML: undefined entity/],
    ['xml-stylesheet', `<?xml-stylesheet href="http://x/s.css"?>${SVG}`, /processing instruction <\?xml-stylesheet\?>/],
    ['a PI inside', '<svg><?php echo 1; ?></svg>', /processing instruction <\?php\?>/],
    ['gzip bytes', gzipSync(SVG), /gzip/],
    ['gzip magic as text', '\u001f\u008bxxxx', /gzip/],
    ['UTF-16 bytes', new Uint8Array([0xff, 0xfe, 0x3c, 0x00]), /UTF-16/],
    ['invalid UTF-8', new Uint8Array([0x3c, 0x73, 0x76, 0x67, 0xc3, 0x28]), /UTF-8/],
    ['malformed XML', '<svg><g></svg>', /malformed XML/],
    ['an unclosed root', '<svg><rect/>', /malformed XML/],
    ['a non-svg root', '<html><svg/></html>', /root element is <html>/],
    ['a blank prefix declaration (undeclares a prefix, not allowed in XML 1.0)', '<svg xmlns:x=" "/>', /malformed XML: invalid attempt to undefine prefix/],
    ['a namespace URI with spaces around it (saxes would trim it, browsers do not)', '<svg><s:rect xmlns:s=" http://www.w3.org/2000/svg"/></svg>', /spaces around its URI/],
    ['XML 1.1 with a control character reference', '<?xml version="1.1"?><svg><text>&#x1;</text></svg>', /malformed XML/],
    ['text only', 'hello', /malformed XML|no <svg>/],
    ['empty input', '', /the input is empty/],
    ['whitespace only', ' \n', /the input is empty/],
  ];
  it.each(refused)('%s', (_name, input, message) => {
    const attempt = () => parseSvg(input);
    expect(attempt).toThrow(SvgInputError);
    expect(attempt).toThrow(message);
  });

  it('is a usage error (exit 2) with code invalid_svg and a hint', () => {
    try {
      parseSvg('<!DOCTYPE svg><svg/>');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      expect((error as SvgInputError).exitCode).toBe(2);
      expect((error as SvgInputError).code).toBe('invalid_svg');
      expect((error as SvgInputError).hint).toBeTruthy();
    }
  });

  it('refuses input over the size cap, as text or bytes, before parsing it', () => {
    const big = `<svg>${' '.repeat(1024 * 1024)}</svg>`;
    expect(() => parseSvg(big)).toThrow(/1,048,587 bytes is over the 1,048,576-byte limit/);
    expect(() => parseSvg(new TextEncoder().encode(big))).toThrow(/over the 1,048,576-byte limit/);
    expect(() => parseSvg(SVG, { maxBytes: 20 })).toThrow(/over the 20-byte limit/);
    // Multi-byte characters count as the bytes they take.
    expect(() => parseSvg(`<svg>${'é'.repeat(600_000)}</svg>`)).toThrow(/over the/);
  });

  it(`refuses nesting deeper than ${MAX_DEPTH} levels, even 100,000 deep, quickly`, () => {
    const started = performance.now();
    const deep = `<svg>${'<g>'.repeat(100_000)}${'</g>'.repeat(100_000)}</svg>`;
    expect(() => parseSvg(deep)).toThrow(`nested deeper than ${MAX_DEPTH} levels`);
    expect(performance.now() - started).toBeLessThan(2000);
    const fine = `<svg>${'<g>'.repeat(MAX_DEPTH - 1)}${'</g>'.repeat(MAX_DEPTH - 1)}</svg>`;
    expect(() => parseSvg(fine)).not.toThrow();
  });
});

describe('parseSvg reads ordinary SVG', () => {
  it('builds the tree with attributes, text and CDATA, dropping comments', () => {
    const root = parseSvg(`<?xml version="1.0" encoding="UTF-8"?>\n<!-- made by hand -->\n<svg xmlns="http://www.w3.org/2000/svg" width="10"><g id="a"><text>1 &lt; 2 &amp; &#x41;</text><style><![CDATA[rect{fill:red}]]></style></g></svg>`);
    expect(root.name).toBe('svg');
    expect(root.attributes).toEqual({ xmlns: 'http://www.w3.org/2000/svg', width: '10' });
    const group = root.children[0] as { name: string; children: unknown[] };
    expect(group.name).toBe('g');
    expect(group.children).toEqual([
      { name: 'text', attributes: {}, children: [{ text: '1 < 2 & A' }] },
      { name: 'style', attributes: {}, children: [{ text: 'rect{fill:red}' }] },
    ]);
  });

  it('accepts a UTF-8 BOM, as text and as bytes', () => {
    expect(parseSvg(`\uFEFF${SVG}`).name).toBe('svg');
    expect(parseSvg(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(SVG)])).name).toBe('svg');
  });

  it('decodes character references in attributes (so later checks see what a browser sees)', () => {
    const root = parseSvg('<svg><a href="&#106;ava&#x09;script:x"/></svg>');
    expect((root.children[0] as { attributes: Record<string, string> }).attributes.href).toBe('java\tscript:x');
  });
});

describe('parseSvg reads namespaces as a browser and resvg do', () => {
  const SVG_NS = 'http://www.w3.org/2000/svg';
  const first = (svg: string) => parseSvg(svg).children[0] as ReturnType<typeof parseSvg>;

  it('takes a prefixed SVG element by its local name, root included', () => {
    const root = parseSvg(`<s:svg xmlns:s="${SVG_NS}" viewBox="0 0 1 1"><s:rect width="1"/></s:svg>`);
    expect(root.name).toBe('svg');
    expect(root.children[0]).toMatchObject({ name: 'rect', attributes: { width: '1' } });
    expect((root.children[0] as ReturnType<typeof parseSvg>).foreignNamespace).toBeUndefined();
  });

  it('marks an element of another namespace, even one named like an SVG element', () => {
    expect(first(`<svg xmlns="${SVG_NS}"><rect xmlns="http://example.org/notsvg"/></svg>`)).toMatchObject({ name: 'rect', foreignNamespace: 'http://example.org/notsvg' });
    expect(first(`<svg xmlns="${SVG_NS}"><x:g xmlns:x="http://example.org/notsvg"/></svg>`)).toMatchObject({ name: 'x:g', foreignNamespace: 'http://example.org/notsvg' });
    // A prefix never declared is no namespace of SVG's.
    expect(first(`<svg xmlns="${SVG_NS}"><svg:rect/></svg>`)).toMatchObject({ name: 'svg:rect', foreignNamespace: expect.stringContaining('svg') });
  });

  it('reads a file with no namespace, or a wrong one on its root, as SVG (models write both)', () => {
    expect(first('<svg><rect/></svg>').foreignNamespace).toBeUndefined();
    expect(first('<svg xmlns="https://www.w3.org/2000/svg"><rect/></svg>').foreignNamespace).toBeUndefined();
  });

  it('names XLink attributes xlink:NAME by their namespace, not by the prefix written', () => {
    expect(first('<svg><use xlink:href="#a"/></svg>').attributes).toEqual({ 'xlink:href': '#a' }); // undeclared: read as XLink
    expect(first('<svg xmlns:d="http://www.w3.org/1999/xlink"><a d:href="#x"/></svg>').attributes).toEqual({ 'xlink:href': '#x' });
    const spoofed = first('<svg xmlns:xlink="http://evil.example"><use xlink:href="#a"/></svg>');
    expect(spoofed.attributes).toEqual({});
    expect(spoofed.foreignAttributes).toEqual([{ name: 'xlink:href', namespace: 'http://evil.example' }]);
  });
});

describe('parseSvg takes a plain parse only where namespaces change nothing', () => {
  const fixtures = path.join(import.meta.dirname, '..', 'fixtures');
  const files = [
    ...fs.readdirSync(path.join(fixtures, 'benign')).filter((file) => file.endsWith('.svg')).map((file) => path.join(fixtures, 'benign', file)),
    ...fs.readdirSync(path.join(fixtures, 'benign', 'resvg')).filter((file) => file.endsWith('.svg')).map((file) => path.join(fixtures, 'benign', 'resvg', file)),
    ...fs.readdirSync(path.join(fixtures, 'xss')).filter((file) => file.endsWith('.svg')).map((file) => path.join(fixtures, 'xss', file)),
  ];

  it('gives the tree the namespace-aware parse gives, on every fixture both can read', () => {
    let plain = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      let aware;
      try {
        aware = parseTree(text, true);
      } catch {
        continue; // refused: the hostile files that must be
      }
      try {
        expect(parseTree(text, false), file).toEqual(aware);
        plain++;
      } catch (error) {
        if (error instanceof SvgInputError || (error as Error).name === 'AssertionError') throw error;
        // it asked for the aware parse: that is the one parseSvg uses
      }
    }
    expect(plain).toBeGreaterThan(250);
  });

  it('hands a file to the aware parse for any other prefix or declaration', () => {
    for (const svg of ['<svg xmlns="urn:x"/>', '<svg><s:rect/></svg>', '<svg xmlns:xlink="urn:x"/>', '<svg><rect x:y="1"/></svg>', '<svg><rect xlink:a:b="1"/></svg>']) {
      expect(() => parseTree(svg, false), svg).toThrow();
    }
  });
});
