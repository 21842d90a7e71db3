// Recolouring an icon: shift only its main hue group toward the asked colour in OKLCH, keeping
// the relative lightness and chroma differences that make its shading.
import { formatHex, oklch, parse as parseColor, type Oklch } from '../../util/culori.js';
import { pathBoxArea } from './pathData.js';

const HEX = /#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b/g;
const CHROMATIC = 0.035;
const HUE_WINDOW = 40;

interface Swatch {
  hex: string;
  color: Oklch;
  weight: number;
}

function hueDistance(a: number, b: number): number {
  const d = Math.abs((a - b) % 360);
  return d > 180 ? 360 - d : d;
}

/** Every colour of a drawing with a weight: roughly how much area uses it (box of each shape's path). */
function swatches(body: string): Swatch[] {
  const weights = new Map<string, number>();
  for (const match of body.matchAll(/<[^>]*>/g)) {
    const tag = match[0];
    const d = / d="([^"]*)"/.exec(tag);
    const r = / r[xy]?="([\d.]+)"/.exec(tag);
    const size = / width="([\d.]+)" height="([\d.]+)"/.exec(tag);
    const area = d ? pathBoxArea(d[1]) : r ? Number(r[1]) ** 2 * 4 : size ? Number(size[1]) * Number(size[2]) : 1;
    for (const hex of tag.match(HEX) ?? []) {
      const key = hex.toLowerCase();
      weights.set(key, (weights.get(key) ?? 0) + area + 0.5);
    }
  }
  const out: Swatch[] = [];
  for (const [hex, weight] of weights) {
    const color = oklch(parseColor(hex));
    if (color) out.push({ hex, color: { ...color, h: color.h ?? 0 }, weight });
  }
  return out;
}

/** The colours that make up the drawing's main hue: the heaviest window of hues, or its greys when they cover more. */
function mainGroup(all: Swatch[]): Swatch[] {
  // Outlines (very dark) and highlights (very light) are shading, not the object's colour.
  const chromatic = all.filter((s) => s.color.c >= CHROMATIC && s.color.l >= 0.3 && s.color.l <= 0.93);
  let best: Swatch[] = [];
  let bestWeight = -1;
  for (const center of chromatic) {
    const group = chromatic.filter((s) => hueDistance(s.color.h ?? 0, center.color.h ?? 0) <= HUE_WINDOW);
    const weight = group.reduce((sum, s) => sum + s.weight, 0);
    if (weight > bestWeight) {
      best = group;
      bestWeight = weight;
    }
  }
  // A white duck or a grey car: the body is neutral, and recolouring a small coloured detail would miss it.
  const neutral = all.filter((s) => s.color.c < CHROMATIC && s.color.l >= 0.45 && s.color.l <= 0.97);
  const neutralWeight = neutral.reduce((sum, s) => sum + s.weight, 0);
  if (neutral.length > 0 && neutralWeight > 1.3 * Math.max(0, bestWeight)) return neutral;
  return best.length > 0 ? best : all;
}

function weightedMean(group: Swatch[], pick: (s: Swatch) => number): number {
  const total = group.reduce((sum, s) => sum + s.weight, 0) || 1;
  return group.reduce((sum, s) => sum + pick(s) * s.weight, 0) / total;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** The replacement map from old hex to new hex for recolouring `body` toward `target`. */
export function recolorMap(body: string, target: string): Map<string, string> {
  const goal = oklch(parseColor(target));
  const map = new Map<string, string>();
  if (!goal) return map;
  const group = mainGroup(swatches(body));
  if (group.length === 0) return map;
  const goalHue = goal.h ?? 0;
  const meanL = weightedMean(group, (s) => s.color.l);
  const meanHue = group.reduce((a, b) => (b.weight > a.weight ? b : a)).color.h ?? 0;
  // Already that colour (a red apple asked to be red): keep the artist's shades.
  if (goal.c >= CHROMATIC && group[0].color.c >= CHROMATIC && hueDistance(meanHue, goalHue) < 20 && Math.abs(meanL - goal.l) < 0.2) return map;
  const meanC = weightedMean(group, (s) => s.color.c);
  const neutral = meanC < CHROMATIC;
  // Hue offsets are measured from the heaviest colour so the group keeps its spread.
  const anchorHue = meanHue;
  for (const swatch of group) {
    const { l, c, h = 0 } = swatch.color;
    let offset = (h - anchorHue) % 360;
    if (offset > 180) offset -= 360;
    if (offset < -180) offset += 360;
    const next: Oklch = {
      mode: 'oklch',
      l: clamp(l + (goal.l - meanL), 0.05, 0.98),
      c: goal.c < CHROMATIC ? Math.min(c, goal.c + 0.01) : neutral ? goal.c : clamp(c * (goal.c / meanC), 0, 0.37),
      h: neutral ? goalHue : goalHue + offset * 0.5,
    };
    map.set(swatch.hex, formatHex(next));
  }
  return map;
}

export function recolor(body: string, target: string): string {
  const map = recolorMap(body, target);
  if (map.size === 0) return body;
  return body.replace(HEX, (hex) => map.get(hex.toLowerCase()) ?? hex);
}
