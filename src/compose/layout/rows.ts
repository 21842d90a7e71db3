// Rows of things, front to back: counts side by side without overlap, farther rows higher and smaller.
import type { Random } from '../random.js';
import type { Box } from '../types.js';

export interface Copy {
  /** Which object this copy belongs to. */
  owner: number;
  /** Relative size (size words: "a big dog"). */
  size: number;
}

export interface RowArea {
  width: number;
  /** Largest size of a front-row thing. */
  maxSize: number;
  /** Ground stages: where each row stands, front first. Plain stages: undefined (rows are centred). */
  bottoms?: number[];
  /** Centre line for plain stages. */
  middle: number;
  /** Small seeded offsets so crowds look natural (ground stages). */
  jitter: boolean;
}

const SCALES = [1, 0.74, 0.56];
const GAP = 0.14;

function rowCount(n: number, limit: number): number {
  return Math.min(limit, n <= 4 ? 1 : n <= 10 ? 2 : 3);
}

/** One box per copy, in the order given; a copy in row r is drawn behind rows < r. */
export function placeRows(copies: Copy[], area: RowArea, random: Random): { box: Box; row: number }[] {
  const n = copies.length;
  if (n === 0) return [];
  const rows = rowCount(n, area.bottoms?.length ?? 3);
  const perRow = Math.ceil(n / rows);
  const usable = area.width * 0.9;
  const out: { box: Box; row: number }[] = [];
  const biggest = Math.max(...copies.map((c) => c.size));
  // One base size fits the widest row; farther rows shrink by SCALES. A row of things of different sizes (a man
  // and a ball) needs only the width of what is in it, so its biggest thing is not shrunk as if all were as big.
  const widest = Math.max(
    ...Array.from({ length: rows }, (_, row) => {
      const members = copies.slice(row * perRow, (row + 1) * perRow);
      const sum = members.reduce((total, c) => total + c.size, 0);
      return Math.max(sum * (1 + GAP), sum + GAP * (members.length - 1));
    }),
  );
  let base = Math.min(area.maxSize, usable / Math.min(perRow * biggest * (1 + GAP), widest));
  // Stacked rows (plain stages) are each as tall as the biggest thing in them.
  const tallest = Array.from({ length: rows }, (_, row) => Math.max(...copies.slice(row * perRow, (row + 1) * perRow).map((c) => c.size)));
  const stackOf = () => SCALES.slice(0, rows).reduce((sum, s, row) => sum + s * (1 + GAP) * tallest[row], 0) * base;
  if (!area.bottoms) {
    const stack = stackOf();
    if (stack > area.middle * 1.8) base *= (area.middle * 1.8) / stack;
  }
  let bottomLine = area.middle + stackOf() / 2;
  for (let row = 0; row < rows; row++) {
    const members = copies.slice(row * perRow, (row + 1) * perRow);
    const scale = SCALES[row];
    const sizes = members.map((c) => base * scale * c.size);
    const total = sizes.reduce((a, b) => a + b, 0) + GAP * base * scale * (members.length - 1);
    // Back rows are staggered by half a step so they show between the ones in front.
    const stagger = row % 2 === 1 && members.length < perRow + 1 ? base * scale * 0.5 * (random() < 0.5 ? -1 : 1) : 0;
    let x = (area.width - total) / 2 + Math.max(-(area.width - total) / 2, Math.min((area.width - total) / 2, stagger));
    const bottom = area.bottoms ? area.bottoms[row] : bottomLine;
    members.forEach((_, i) => {
      const size = sizes[i];
      const dy = area.jitter ? (random() - 0.5) * size * 0.06 : 0;
      const dx = area.jitter ? (random() - 0.5) * size * GAP * 0.6 : 0;
      out.push({ box: [x + dx, bottom - size + dy, size, size], row });
      x += size + GAP * base * scale;
    });
    if (!area.bottoms) bottomLine -= base * scale * tallest[row] * (1 + GAP);
  }
  return out;
}
