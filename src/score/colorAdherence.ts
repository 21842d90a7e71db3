// Are the colours the prompt names in the picture? Colour words name categories, not points: "blue" is
// navy, royal blue and sky blue alike, and CIEDE2000 from #0000ff alone calls #268bd2 farther than purple.
// So both the requested colour and every colour of the render are put in the basic colour category whose
// prototype shade is nearest by CIEDE2000, and a requested colour is present when enough of the image
// falls in its category. Pure. This is colour matching, not understanding: "a blue sky" is satisfied by
// any blue area, wherever it is.
import { converter, differenceCiede2000, type Lab65, type Rgb } from '../util/culori.js';
import type { PaletteEntry } from './metrics.js';

const toLab = converter('lab65') as (color: Rgb | Lab65) => Lab65;
const distance = differenceCiede2000();

/** Within this CIEDE2000 distance of the requested colour counts too, across a category border. */
export const SAME_COLOR_DISTANCE = 15;
/** A requested colour must cover at least this share of the image to count as present. */
export const MIN_PRESENT_SHARE = 0.01;
/** Palette entries smaller than this are anti-aliasing and gradients' tails: not worth classifying. */
const MIN_ENTRY_SHARE = 0.0005;

/** Common shades of the basic colour terms (Berlin and Kay's eleven, plus cyan): what people call each. */
const PROTOTYPES: Record<string, string[]> = {
  red: ['#ff0000', '#e53935', '#d62828', '#b71c1c', '#c0392b', '#8b0000'],
  orange: ['#ffa500', '#ff8c00', '#f57c00', '#e67e22', '#ff7f50'],
  yellow: ['#ffff00', '#ffd700', '#fdd835', '#f1c40f', '#fff176'],
  green: ['#008000', '#00ff00', '#4caf50', '#2e7d32', '#228b22', '#90ee90', '#6b8e23', '#006400'],
  cyan: ['#00ffff', '#40e0d0', '#00bcd4', '#008080'],
  blue: ['#0000ff', '#1e90ff', '#4169e1', '#268bd2', '#87ceeb', '#000080', '#1565c0', '#4682b4', '#add8e6'],
  purple: ['#800080', '#8e44ad', '#9370db', '#6a1b9a', '#4b0082', '#ba68c8'],
  pink: ['#ffc0cb', '#ff69b4', '#e91e63', '#f48fb1', '#ff1493', '#ff00ff'],
  brown: ['#8b4513', '#a0522d', '#795548', '#5d4037', '#d2b48c', '#3e2723'],
  black: ['#000000', '#1a1a1a'],
  gray: ['#808080', '#a9a9a9', '#bdbdbd', '#616161', '#424242'],
  white: ['#ffffff', '#f5f5f5', '#fffff0'],
};

export interface ColorCheck {
  /** The requested colour as #rrggbb. */
  color: string;
  /** Its basic colour category ("blue" for #4169e1). */
  category: string;
  present: boolean;
  /** CIEDE2000 distance from the requested colour to the closest colour in the render. */
  distance: number;
  /** Share of the image in the requested colour's category or within SAME_COLOR_DISTANCE of it. */
  share: number;
}

function hexToRgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return { mode: 'rgb', r: ((n >> 16) & 255) / 255, g: ((n >> 8) & 255) / 255, b: (n & 255) / 255 };
}

let prototypes: { category: string; lab: Lab65 }[] | undefined;

/** The basic colour category of a colour: that of its nearest prototype shade. */
export function colorCategory(lab: Lab65): string {
  prototypes ??= Object.entries(PROTOTYPES).flatMap(([category, shades]) => shades.map((shade) => ({ category, lab: toLab(hexToRgb(shade)) })));
  let best = prototypes[0];
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const prototype of prototypes) {
    const d = distance(lab, prototype.lab);
    if (d < bestDistance) {
      bestDistance = d;
      best = prototype;
    }
  }
  return best.category;
}

interface ClassifiedEntry {
  lab: Lab65;
  category: string;
  share: number;
}

function classify(palette: PaletteEntry[]): ClassifiedEntry[] {
  return palette
    .filter((entry) => entry.share >= MIN_ENTRY_SHARE)
    .map((entry) => {
      const lab = toLab({ mode: 'rgb', r: entry.r / 255, g: entry.g / 255, b: entry.b / 255 });
      return { lab, category: colorCategory(lab), share: entry.share };
    });
}

function check(color: string, entries: ClassifiedEntry[]): ColorCheck {
  const wanted = toLab(hexToRgb(color));
  const category = colorCategory(wanted);
  let closest = Number.POSITIVE_INFINITY;
  let share = 0;
  for (const entry of entries) {
    const d = distance(wanted, entry.lab);
    closest = Math.min(closest, d);
    if (entry.category === category || d <= SAME_COLOR_DISTANCE) share += entry.share;
  }
  return {
    color,
    category,
    present: share >= MIN_PRESENT_SHARE,
    distance: Number.isFinite(closest) ? Math.round(closest * 10) / 10 : 100,
    share: Math.round(share * 10000) / 10000,
  };
}

/** Checks each distinct requested colour; `null` fraction when the prompt names none. */
export function colorAdherence(colors: string[], palette: PaletteEntry[]): { fraction: number | null; colors: ColorCheck[] } {
  const distinct = [...new Set(colors.map((c) => c.toLowerCase()).filter((c) => /^#[0-9a-f]{6}$/.test(c)))];
  if (distinct.length === 0) return { fraction: null, colors: [] };
  const entries = classify(palette);
  const checks = distinct.map((color) => check(color, entries));
  return { fraction: checks.filter((c) => c.present).length / checks.length, colors: checks };
}
