// Shrinking an SVG to fit a byte limit without changing what it shows: identical definitions merged,
// unreferenced ids dropped, then coordinates rounded step by step (never below a thousandth of the drawing's size).
import { isElement, type SvgElement } from './parse.js';
import { serializeSvg } from './serialize.js';
import { parseViewBox } from './viewBox.js';

const REFERENCE = /url\(\s*['"]?#([^\s'"()]+)['"]?\s*\)/g;
const MERGEABLE = new Set(['linearGradient', 'radialGradient', 'filter', 'pattern', 'marker', 'clipPath', 'mask', 'symbol']);
/** Attributes that hold coordinates and lengths: rounding them moves things by less than a pixel. */
const GEOMETRY = new Set(['d', 'points', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'fx', 'fy', 'fr', 'width', 'height', 'stroke-width', 'dx', 'dy', 'stdDeviation', 'refX', 'refY', 'markerWidth', 'markerHeight']);

export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).byteLength;
}

function elements(root: SvgElement): SvgElement[] {
  const all: SvgElement[] = [];
  const visit = (element: SvgElement) => {
    all.push(element);
    for (const child of element.children) if (isElement(child)) visit(child);
  };
  visit(root);
  return all;
}

function referencedIds(root: SvgElement): Set<string> {
  const ids = new Set<string>();
  for (const element of elements(root)) {
    for (const [name, value] of Object.entries(element.attributes)) {
      if ((name === 'href' || name === 'xlink:href') && value.startsWith('#')) ids.add(value.slice(1));
      for (const match of value.matchAll(REFERENCE)) ids.add(match[1]);
    }
  }
  return ids;
}

/** Definitions that differ only by id become one; references to the others are pointed at it. Returns how many merged. */
export function mergeDuplicateDefinitions(root: SvgElement): number {
  const firstBySignature = new Map<string, string>();
  const renamed = new Map<string, string>();
  const all = elements(root);
  for (const element of all) {
    const id = element.attributes.id;
    if (!id || !MERGEABLE.has(element.name)) continue;
    const signature = serializeSvg({ ...element, attributes: { ...element.attributes, id: '' } });
    const first = firstBySignature.get(signature);
    if (first === undefined) firstBySignature.set(signature, id);
    else renamed.set(id, first);
  }
  if (renamed.size === 0) return 0;
  const drop = new Set(all.filter((element) => element.attributes.id !== undefined && renamed.has(element.attributes.id) && MERGEABLE.has(element.name)));
  for (const element of all) {
    element.children = element.children.filter((child) => !isElement(child) || !drop.has(child));
    for (const [name, value] of Object.entries(element.attributes)) {
      if ((name === 'href' || name === 'xlink:href') && renamed.has(value.slice(1))) element.attributes[name] = `#${renamed.get(value.slice(1))}`;
      else if (value.includes('url(')) element.attributes[name] = value.replace(REFERENCE, (whole, id: string) => (renamed.has(id) ? `url(#${renamed.get(id)})` : whole));
    }
  }
  return renamed.size;
}

/** Ids nothing points to only cost bytes (there is no CSS left to select them by). Returns how many went. */
export function dropUnusedIds(root: SvgElement): number {
  const used = referencedIds(root);
  let dropped = 0;
  for (const element of elements(root)) {
    const id = element.attributes.id;
    if (id !== undefined && !used.has(id) && !MERGEABLE.has(element.name) && element.name !== 'filter') {
      delete element.attributes.id;
      dropped++;
    }
  }
  return dropped;
}

/** Decimal places tried, most precise first; the last keeps a thousandth of the drawing's larger side. */
export function roundingSteps(root: SvgElement): number[] {
  const box = parseViewBox(root.attributes.viewBox);
  const size = box ? Math.max(box[2], box[3]) : 1000;
  const coarsest = Math.max(0, Math.ceil(Math.log10(1000 / size)));
  return [coarsest + 3, coarsest + 2, coarsest + 1, coarsest];
}

/** Rounds numbers with a fraction in geometry attributes to `decimals` places, writing them as short as they go. */
export function roundGeometry(root: SvgElement, decimals: number): void {
  for (const element of elements(root)) {
    for (const [name, value] of Object.entries(element.attributes)) {
      if (GEOMETRY.has(name) && !value.includes('#')) element.attributes[name] = roundNumbers(value, decimals);
    }
  }
}

export function roundNumbers(value: string, decimals: number): string {
  return value.replace(/-?(?:\d+\.\d*|\.\d+|\d+)(?:e[+-]?\d+)?/gi, (number, offset: number, whole: string) => {
    if (!/[.e]/i.test(number) || !Number.isFinite(Number(number))) return number;
    let short = String(Number(Number(number).toFixed(decimals)));
    if (short === '-0') short = '0';
    short = short.replace(/^(-?)0\./, '$1.');
    // "1.5.5" is 1.5 then .5; once 1.5 becomes 2, a space keeps ".5" from joining it.
    return whole[offset + number.length] === '.' && !short.includes('.') ? `${short} ` : short;
  });
}
