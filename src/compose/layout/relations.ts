// Where a thing goes relative to another: "a cat on a box", "a bird above a tree", "stars around the moon".
import type { RelationKind } from '../parse/lexicon.js';
import type { Box } from '../types.js';

export interface Relative {
  boxes: Box[];
  /** Paint order relative to the target: +1 in front of it, -1 behind. */
  zOffset: number;
}

/** How far down a drawing its top surface is (a table top is lower in its box than a roof). */
const SURFACES: Record<string, number> = {
  'primitive:table': 0.42, 'primitive:bench': 0.32, 'primitive:wire': 0.3, 'primitive:mat': 0.82, 'primitive:lily-pad': 0.78, 'primitive:court': 0.62, 'primitive:wall': 0.34, 'primitive:cushion': 0.5, 'primitive:launch-pad': 0.82, 'primitive:saucer': 0.74, 'primitive:stall': 0.5, 'icon:chair': 0.45, 'icon:couch-and-lamp': 0.5, 'icon:bed': 0.45,
  'icon:skateboard': 0.3, 'icon:automobile': 0.3, 'icon:bicycle': 0.3, 'icon:horse': 0.3, 'icon:rock': 0.3, 'icon:wood': 0.4,
};

export function surfaceOf(source: string): number {
  return SURFACES[source] ?? 0.16;
}

/** Surfaces that fill only part of their drawing's width (the couch beside its lamp): [left, right], as shares of it. */
const SPANS: Record<string, [number, number]> = { 'icon:couch-and-lamp': [0.06, 0.78] };

/** The part of a target's box that things sit on: the whole box, or the span of its surface. */
export function surfaceBox(kind: RelationKind, target: string, box: Box): Box {
  const span = SPANS[target];
  if (!span || kind !== 'on') return box;
  return [box[0] + box[2] * span[0], box[1], box[2] * (span[1] - span[0]), box[3]];
}

/** Holders whose contents show above the rim ("eggs in a basket", "flowers in a vase"): how far down the rim is. */
const OPEN_TOPS: Record<string, number> = {
  'icon:basket': 0.5, 'icon:bowl-with-spoon': 0.5, 'icon:amphora': 0.14, 'icon:bucket': 0.3, 'icon:package': 0.3,
  'icon:fork-and-knife-with-plate': 0.55, 'primitive:puddle': 0.86, 'primitive:mat': 0.82,
};

/** Things with an opening at the bottom ("a fire in a fireplace", "a bear in a cave"): where its floor is. */
const FLOORS: Record<string, number> = { 'primitive:fireplace': 0.94, 'primitive:tunnel': 0.96, 'primitive:doghouse': 0.94 };

/** "Inside" an open holder sits in it, showing above the rim; other relations are as said. */
export function relationTo(kind: RelationKind, target: string): { kind: RelationKind; surface: number; floor?: number } {
  const rim = OPEN_TOPS[target];
  if (kind === 'inside' && rim !== undefined) return { kind: 'on', surface: rim };
  return { kind, surface: surfaceOf(target), ...(kind === 'inside' && FLOORS[target] !== undefined ? { floor: FLOORS[target] } : {}) };
}

/**
 * Boxes for `count` copies of a thing of natural `size`, placed `kind` the target box. Each relation caps the size
 * at a share of the target (a cat on a table is smaller than it); with `ratio` (the sizes said: a huge whale under a
 * tiny boat is 1.6 / 0.5) that share is scaled by it instead of capped. `aloft`: a held thing that floats (a balloon).
 */
export function placeRelative(kind: RelationKind, target: Box, size: number, count: number, surface = 0.16, floor?: number, ratio?: number, aloft = false): Relative {
  const [tx, ty, tw, th] = target;
  const cap = (share: number, divisor = 1) => (ratio === undefined ? Math.min(size, (tw * share) / divisor) : (tw * share * ratio) / divisor);
  const cx = tx + tw / 2;
  const row = (s: number, bottom: number, zOffset: number): Relative => {
    const step = s * 1.08;
    const start = cx - (step * count - (step - s)) / 2;
    return { boxes: Array.from({ length: count }, (_, i): Box => [start + i * step, bottom - s, s, s]), zOffset };
  };
  switch (kind) {
    case 'on': {
      const s = cap(0.62, Math.max(1, count * 0.8));
      return row(s, ty + th * surface + s * 0.06, 1);
    }
    case 'under': {
      const s = cap(0.5, Math.max(1, count * 0.8));
      // A thing said to be bigger than what is over it hangs below it, not over it (a huge whale under a tiny boat).
      return row(s, ratio === undefined ? ty + th * 0.98 : Math.max(ty + th * 0.98, ty + th * 0.75 + s), 1);
    }
    case 'inside': {
      const s = cap(0.45, Math.max(1, count * 0.8));
      return row(s, floor === undefined ? ty + th * 0.5 + s / 2 : ty + th * floor, 1);
    }
    case 'above': {
      const s = cap(0.7);
      return row(s, ty - th * 0.04, 0);
    }
    case 'below': {
      const s = cap(0.7);
      return row(s, ty + th + s * 1.05, 0);
    }
    case 'front': {
      const s = size * 1.05;
      return { boxes: Array.from({ length: count }, (_, i): Box => [tx + tw * 0.35 + i * s * 1.05 - (count - 1) * s * 0.5, ty + th + th * 0.1 - s, s, s]), zOffset: 1 };
    }
    case 'behind': {
      const s = size * 0.8;
      return { boxes: Array.from({ length: count }, (_, i): Box => [tx - tw * 0.3 + i * s * 1.05, ty + th - th * 0.16 - s, s, s]), zOffset: -1 };
    }
    case 'hold': {
      // In the holder's hand: at its side, low, overlapping its edge and in front of it. Something that floats
      // (a balloon, a kite) rises from the hand on its string instead, bigger, its string's end at the hand.
      const hand = ty + th * 0.66;
      if (aloft) {
        const s = cap(0.5, Math.max(1, count * 0.5));
        const step = s * 0.6;
        return { boxes: Array.from({ length: count }, (_, i): Box => [tx + tw * 0.7 + i * step, hand - s * 1.1 - (i % 2) * s * 0.35, s, s]), zOffset: 1 };
      }
      const s = cap(0.42, Math.max(1, count * 0.7));
      const step = s * 0.55;
      const left = tx + tw * 0.84 - s / 2 - ((count - 1) * step) / 2;
      return { boxes: Array.from({ length: count }, (_, i): Box => [left + i * step, hand - s / 2, s, s]), zOffset: 1 };
    }
    case 'hang': {
      // Hanging from a thing: the top of the hanging thing is at the middle of what holds it, so it overlaps its
      // lower half (a monkey from a tree's crown, a bat from a branch) and is drawn in front.
      const s = cap(0.4, Math.max(1, count * 0.8));
      return row(s, ty + th * 0.45 + s, 1);
    }
    case 'around': {
      const s = cap(0.32);
      const n = count;
      const rx = tw * 0.5 + s * 0.6;
      const ry = th * 0.5 + s * 0.6;
      const [ccx, ccy] = [cx, ty + th / 2];
      return {
        boxes: Array.from({ length: n }, (_, i): Box => {
          const angle = -Math.PI / 2 + (i * 2 * Math.PI) / n;
          return [ccx + Math.cos(angle) * rx - s / 2, ccy + Math.sin(angle) * ry - s / 2, s, s];
        }),
        zOffset: 1,
      };
    }
    default: {
      // beside, left, right: next to the target on the same ground line.
      const s = Math.min(size, tw * 1.1);
      const dir = kind === 'left' ? -1 : 1;
      const first = dir > 0 ? tx + tw + s * 0.1 : tx - s * 1.1;
      return { boxes: Array.from({ length: count }, (_, i): Box => [first + dir * i * s * 1.1, ty + th - s, s, s]), zOffset: 0 };
    }
  }
}
