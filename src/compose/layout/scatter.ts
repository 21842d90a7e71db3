// Free placement by seeded rejection sampling: sky things, swimmers, props around the main subjects.
import type { Random } from '../random.js';
import type { Box } from '../types.js';
import { overlapArea } from './geometry.js';

export interface Region {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** A box of `size` inside `region` that overlaps `taken` as little as possible (first free one of 40 tries). */
export function scatterBox(size: number, region: Region, taken: Box[], random: Random): Box {
  let best: Box | undefined;
  let bestOverlap = Infinity;
  const spanX = Math.max(0, region.right - region.left - size);
  const spanY = Math.max(0, region.bottom - region.top - size);
  for (let attempt = 0; attempt < 40; attempt++) {
    const box: Box = [region.left + random() * spanX, region.top + random() * spanY, size, size];
    const overlap = taken.reduce((sum, other) => sum + overlapArea(box, other), 0);
    if (overlap < bestOverlap) {
      best = box;
      bestOverlap = overlap;
      if (overlap === 0) break;
    }
  }
  return best!;
}
