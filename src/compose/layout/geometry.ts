// Box arithmetic for layout: every box is [x, y, width, height] in viewBox units.
import type { Box } from '../types.js';

export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

export function roundBox(box: Box): Box {
  return [round1(box[0]), round1(box[1]), round1(box[2]), round1(box[3])];
}

export function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]);
  const h = Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]);
  return w > 0 && h > 0 ? w * h : 0;
}

export function union(boxes: Box[]): Box {
  if (boxes.length === 0) return [0, 0, 0, 0];
  const left = Math.min(...boxes.map((b) => b[0]));
  const top = Math.min(...boxes.map((b) => b[1]));
  const right = Math.max(...boxes.map((b) => b[0] + b[2]));
  const bottom = Math.max(...boxes.map((b) => b[1] + b[3]));
  return [left, top, right - left, bottom - top];
}

/** Moves a box (not resizes, unless it is bigger than the canvas) so it lies inside the canvas. */
export function clampBox(box: Box, width: number, height: number, margin = 2): Box {
  let [x, y, w, h] = box;
  const scale = Math.min(1, (width - 2 * margin) / w, (height - 2 * margin) / h);
  if (scale < 1) {
    x += (w - w * scale) / 2;
    y += (h - h * scale) / 2;
    w *= scale;
    h *= scale;
  }
  x = Math.min(Math.max(x, margin), width - margin - w);
  y = Math.min(Math.max(y, margin), height - margin - h);
  return [x, y, w, h];
}

export function center(box: Box): [number, number] {
  return [box[0] + box[2] / 2, box[1] + box[3] / 2];
}

/** A square box of side `size` whose bottom centre is at (cx, bottom). */
export function standing(cx: number, bottom: number, size: number): Box {
  return [cx - size / 2, bottom - size, size, size];
}
