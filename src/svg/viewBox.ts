// Every stored SVG has a viewBox (SPEC §4): taken from width/height when missing, so it scales the same everywhere.
import type { FindingLog } from './findings.js';
import type { SvgElement } from './parse.js';

const UNIT_PX: Record<string, number> = { '': 1, px: 1, pt: 4 / 3, pc: 16, mm: 96 / 25.4, cm: 96 / 2.54, in: 96, em: 16, ex: 8 };
/** What a browser uses for an <svg> with no usable size. */
const FALLBACK = { width: 300, height: 150 };

export function parseLength(value: string | undefined): number | undefined {
  const match = /^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*(px|pt|pc|mm|cm|in|em|ex)?\s*$/i.exec(value ?? '');
  if (!match) return undefined;
  const px = Number(match[1]) * UNIT_PX[(match[2] ?? '').toLowerCase()];
  return Number.isFinite(px) && px > 0 ? px : undefined;
}

export function parseViewBox(value: string | undefined): [number, number, number, number] | undefined {
  const parts = (value ?? '').trim().split(/[\s,]+/).map(Number);
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n)) || parts[2] <= 0 || parts[3] <= 0) return undefined;
  return parts as [number, number, number, number];
}

export function formatNumber(value: number, decimals = 4): string {
  const rounded = Number(value.toFixed(decimals));
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

export function ensureViewBox(root: SvgElement, log: FindingLog): void {
  if (parseViewBox(root.attributes.viewBox)) return;
  const width = parseLength(root.attributes.width);
  const height = parseLength(root.attributes.height);
  const viewBox = `0 0 ${formatNumber(width ?? FALLBACK.width)} ${formatNumber(height ?? FALLBACK.height)}`;
  const had = root.attributes.viewBox;
  root.attributes.viewBox = viewBox;
  const source = width && height ? 'from width and height' : 'with the default size 300x150 where width or height was missing';
  log.add({ rule: 'viewbox', message: had === undefined ? `added viewBox="${viewBox}" ${source}` : `replaced unusable viewBox="${had}" by "${viewBox}" ${source}`, element: 'svg', attribute: 'viewBox' });
  // Without width/height the drawing would now scale to its container; pin it to the size it had.
  if (root.attributes.width === undefined) root.attributes.width = String(FALLBACK.width);
  if (root.attributes.height === undefined) root.attributes.height = String(FALLBACK.height);
}
