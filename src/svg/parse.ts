// A streaming XML parse that never expands entities (SPEC §5): DOCTYPE, ENTITY, processing instructions other
// than the XML declaration, gzip input, over-cap sizes and absurd nesting are refused before anything else sees them.
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { SVG_NAMESPACE, XLINK_NAMESPACE } from './allowlist.js';
import { SvgInputError } from './errors.js';

export { SvgInputError } from './errors.js';

export interface SvgElement {
  /** An SVG element's local name ("rect" for <s:rect> too); an element of another namespace keeps its name as written. */
  name: string;
  /** Set only on an element outside SVG's namespace (undefined otherwise): nothing draws it or anything inside it. */
  foreignNamespace?: string;
  /** SVG's own attributes by local name, XLink's and XML's as xlink:NAME and xml:NAME, namespace declarations as written. */
  attributes: Record<string, string>;
  /** Attributes of other namespaces (name as written and namespace): kept apart, so none can pass for an SVG one. */
  foreignAttributes?: { name: string; namespace: string }[];
  children: SvgNode[];
}
export interface SvgText {
  text: string;
}
export type SvgNode = SvgElement | SvgText;

export interface ParseOptions {
  /** Largest accepted input in UTF-8 bytes; default 1 MiB. */
  maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 1024 * 1024;
/** Deeper than any drawing needs, shallow enough that every recursive walk over the tree is safe. */
export const MAX_DEPTH = 256;

export function isElement(node: SvgNode): node is SvgElement {
  return (node as SvgElement).name !== undefined;
}

export function parseSvg(input: string | Uint8Array, options: ParseOptions = {}): SvgElement {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const text = decodeInput(input, maxBytes);
  if (text.trim() === '') throw new SvgInputError('invalid SVG: the input is empty');
  // Most files use no prefix but xlink and declare no namespace but SVG's and XLink's: for them namespaces change
  // nothing, and the plain parse is the faster one. Any other name or declaration reads the file again, aware.
  try {
    return parseTree(text, false);
  } catch (error) {
    if (error !== NEEDS_NAMESPACES) throw error;
    return parseTree(text, true);
  }
}

const NEEDS_NAMESPACES = Symbol('needs namespaces');

/** Whether an attribute of a plain parse means the same read with namespaces (SVG's own, XLink's, XML's). */
function plainAttribute(name: string, value: string): boolean {
  if (name === 'xmlns') return value === SVG_NAMESPACE;
  if (name === 'xmlns:xlink') return value === XLINK_NAMESPACE;
  const colon = name.indexOf(':');
  if (colon < 0) return true;
  const prefix = name.slice(0, colon);
  return (prefix === 'xlink' || prefix === 'xml') && !name.includes(':', colon + 1);
}

/** One parse, plain or namespace-aware (exported so tests can hold the two to the same tree). */
export function parseTree(text: string, namespaces: boolean): SvgElement {
  // Namespace-aware, as browsers and resvg read the file: <s:rect> with s bound to SVG is a rect, a <rect> of
  // another namespace is not one. A prefix used without a declaration is read leniently (models forget
  // xmlns:xlink): xlink as XLink, any other as a namespace of its own, so never as SVG.
  // XML 1.0 whatever the declaration says: 1.1 would let control characters in as references, and out again.
  const parser = namespaces
    ? new SaxesParser({ xmlns: true, position: true, defaultXMLVersion: '1.0', forceXMLVersion: true, resolvePrefix: (prefix: string) => (prefix === '' ? undefined : prefix === 'xlink' ? XLINK_NAMESPACE : `urn:x-undeclared-prefix:${prefix}`) })
    : new SaxesParser({ xmlns: false, position: true, defaultXMLVersion: '1.0', forceXMLVersion: true });
  const stack: SvgElement[] = [];
  let root: SvgElement | undefined;
  const fail = (message: string): never => {
    throw new SvgInputError(`invalid SVG: ${message}`);
  };

  parser.on('doctype', () => fail('DOCTYPE declarations are not accepted (they can define entities)'));
  parser.on('processinginstruction', (pi) => fail(`processing instruction <?${pi.target}?> is not accepted`));
  parser.on('error', (error) => fail(`malformed XML: ${error.message.replace(/^(?:[^:]*:)?\d+:\d+:\s*/, '').replace(/\.$/, '')} (${where(parser)})`));
  // The root <svg> sets what counts as SVG: SVG's namespace, and the root's own when it has another or none
  // (models write no xmlns, or a wrong one; the output always declares the right one).
  let svgNamespaces = [SVG_NAMESPACE];
  parser.on('opentag', (tag) => {
    if (stack.length >= MAX_DEPTH) fail(`elements nested deeper than ${MAX_DEPTH} levels`);
    const parent = stack.at(-1);
    if (!namespaces && tag.name.includes(':')) throw NEEDS_NAMESPACES;
    if (!parent) {
      if (root) fail('more than one root element');
      if ((namespaces ? (tag as SaxesTagNS).local : tag.name) !== 'svg') fail(`the root element is <${tag.name}>, not <svg>`);
      if (namespaces) svgNamespaces = [SVG_NAMESPACE, (tag as SaxesTagNS).uri];
    }
    let element: SvgElement;
    if (namespaces) {
      for (const key in tag.attributes) {
        // saxes trims a namespace URI; a browser and resvg take it as written, so " http://www.w3.org/2000/svg" is no SVG
        // (another URI with spaces stays another namespace either way).
        const { uri, value, name } = (tag as SaxesTagNS).attributes[key];
        const trimmed = value.trim();
        if (uri === XMLNS_NAMESPACE && value !== trimmed && (trimmed === SVG_NAMESPACE || trimmed === XLINK_NAMESPACE)) fail(`the namespace declaration ${name}="${value}" has spaces around its URI`);
      }
      element = elementOf(tag as SaxesTagNS, svgNamespaces.includes((tag as SaxesTagNS).uri));
    } else {
      const attributes: Record<string, string> = Object.create(null);
      for (const [name, value] of Object.entries(tag.attributes as Record<string, string>)) {
        if (!plainAttribute(name, value)) throw NEEDS_NAMESPACES;
        attributes[name] = value;
      }
      element = { name: tag.name, foreignNamespace: undefined, attributes, foreignAttributes: undefined, children: [] };
    }
    if (parent) parent.children.push(element);
    else root = element;
    if (!tag.isSelfClosing) stack.push(element);
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) stack.pop();
  });
  const addText = (value: string) => {
    const parent = stack.at(-1);
    if (!parent) return; // whitespace around the root (saxes rejects anything else there)
    const last = parent.children.at(-1);
    if (last && !isElement(last)) last.text += value;
    else parent.children.push({ text: value });
  };
  parser.on('text', addText);
  parser.on('cdata', addText);

  parser.write(text).close();
  if (!root) fail('no <svg> element found');
  return root as SvgElement;
}

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

function elementOf(tag: SaxesTagNS, inSvg: boolean): SvgElement {
  const attributes: Record<string, string> = Object.create(null);
  let foreignAttributes: SvgElement['foreignAttributes'];
  for (const key in tag.attributes) {
    const { name, prefix, local, uri, value } = tag.attributes[key];
    if (prefix === '' || uri === XMLNS_NAMESPACE) attributes[name] = value; // SVG's own (no namespace), or a declaration
    else if (uri === XLINK_NAMESPACE) attributes[`xlink:${local}`] = value;
    else if (uri === XML_NAMESPACE) attributes[`xml:${local}`] = value;
    else (foreignAttributes ??= []).push({ name, namespace: uri });
  }
  // One shape for every element (fields left undefined), so the walks over the tree stay fast.
  return { name: inSvg ? tag.local : tag.name, foreignNamespace: inSvg ? undefined : tag.uri || '(none)', attributes, foreignAttributes, children: [] };
}

function where(parser: SaxesParser): string {
  return `line ${parser.line}, column ${parser.column}`;
}

/** A file's bytes as SVG text: refuses gzip, UTF-16, invalid UTF-8 and over-cap input with the reason. */
export function decodeSvgBytes(bytes: Uint8Array, maxBytes = DEFAULT_MAX_BYTES): string {
  return decodeInput(bytes, maxBytes);
}

function decodeInput(input: string | Uint8Array, maxBytes: number): string {
  if (typeof input === 'string') {
    // Cheap bound first: UTF-8 takes at least one byte per UTF-16 unit and at most three.
    if (input.length > maxBytes || (input.length * 3 > maxBytes && utf8Length(input) > maxBytes)) tooLarge(utf8Length(input), maxBytes);
    if (input.charCodeAt(0) === 0x1f && input.charCodeAt(1) === 0x8b) gzipped();
    return input.replace(/^\uFEFF/, '');
  }
  if (input[0] === 0x1f && input[1] === 0x8b) gzipped();
  if (input.byteLength > maxBytes) tooLarge(input.byteLength, maxBytes);
  if ((input[0] === 0xfe && input[1] === 0xff) || (input[0] === 0xff && input[1] === 0xfe)) {
    throw new SvgInputError('invalid SVG: UTF-16 input is not accepted', 'save the file as UTF-8');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(input);
  } catch {
    throw new SvgInputError('invalid SVG: the input is not valid UTF-8', 'save the file as UTF-8');
  }
}

export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).byteLength;
}

function gzipped(): never {
  throw new SvgInputError('invalid SVG: gzip-compressed input (.svgz) is not accepted', 'decompress it first: gunzip -c file.svgz > file.svg');
}

function tooLarge(bytes: number, maxBytes: number): never {
  throw new SvgInputError(`invalid SVG: ${bytes.toLocaleString('en-US')} bytes is over the ${maxBytes.toLocaleString('en-US')}-byte limit`, 'simplify the drawing, or use a smaller file');
}
