// A streaming XML parse that never expands entities (SPEC §5): DOCTYPE, ENTITY, processing instructions other
// than the XML declaration, gzip input, over-cap sizes and absurd nesting are refused before anything else sees them.
import { SaxesParser } from 'saxes';
import { SvgInputError } from './errors.js';

export { SvgInputError } from './errors.js';

export interface SvgElement {
  name: string;
  attributes: Record<string, string>;
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
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: SvgElement[] = [];
  let root: SvgElement | undefined;
  const fail = (message: string): never => {
    throw new SvgInputError(`invalid SVG: ${message}`);
  };

  parser.on('doctype', () => fail('DOCTYPE declarations are not accepted (they can define entities)'));
  parser.on('processinginstruction', (pi) => fail(`processing instruction <?${pi.target}?> is not accepted`));
  parser.on('error', (error) => fail(`malformed XML: ${error.message.replace(/^(?:[^:]*:)?\d+:\d+:\s*/, '').replace(/\.$/, '')} (${where(parser)})`));
  parser.on('opentag', (tag) => {
    if (stack.length >= MAX_DEPTH) fail(`elements nested deeper than ${MAX_DEPTH} levels`);
    const attributes: Record<string, string> = Object.create(null);
    for (const [name, value] of Object.entries(tag.attributes)) attributes[name] = String(value);
    const element: SvgElement = { name: tag.name, attributes, children: [] };
    const parent = stack.at(-1);
    if (parent) parent.children.push(element);
    else if (root) fail('more than one root element');
    else if (tag.name !== 'svg') fail(`the root element is <${tag.name}>, not <svg>`);
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
