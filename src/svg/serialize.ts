// Tree back to SVG text. Every value is escaped here, so nothing a sanitizer kept can break out of its attribute or text.
import { isElement, type SvgElement, type SvgNode } from './parse.js';

export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

export function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function serializeSvg(root: SvgElement): string {
  const out: string[] = [];
  write(root, out);
  return out.join('');
}

function write(node: SvgNode, out: string[]): void {
  if (!isElement(node)) {
    out.push(escapeText(node.text));
    return;
  }
  out.push('<', node.name);
  for (const [name, value] of Object.entries(node.attributes)) out.push(' ', name, '="', escapeAttribute(value), '"');
  if (node.children.length === 0) {
    out.push('/>');
    return;
  }
  out.push('>');
  for (const child of node.children) write(child, out);
  out.push('</', node.name, '>');
}
