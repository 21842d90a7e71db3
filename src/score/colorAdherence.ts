// Are the colours the prompt names in the picture? CIEDE2000 between each named colour and the
// rendered palette. Pure. This is colour matching, not understanding: "a blue sky" is satisfied by
// any blue area, wherever it is.
import { differenceCiede2000, modeLab65, modeRgb, useMode, type Rgb } from 'culori/fn';
import type { PaletteEntry } from './metrics.js';

useMode(modeRgb);
useMode(modeLab65);
const distance = differenceCiede2000();

/** At most this far (CIEDE2000) counts as "the same colour": shades of a recoloured icon, not a neighbouring hue. */
export const MATCH_DISTANCE = 20;
/** A named colour must cover at least this share of the image to count as present. */
export const MIN_PRESENT_SHARE = 0.01;

export interface ColorCheck {
  /** The requested colour as #rrggbb. */
  color: string;
  present: boolean;
  /** CIEDE2000 distance to the closest colour in the render that covers at least 0.1% of it. */
  distance: number;
  /** Share of the image within MATCH_DISTANCE of the colour. */
  share: number;
}

function toRgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return { mode: 'rgb', r: ((n >> 16) & 255) / 255, g: ((n >> 8) & 255) / 255, b: (n & 255) / 255 };
}

export function checkColor(color: string, palette: PaletteEntry[]): ColorCheck {
  const wanted = toRgb(color);
  let closest = Number.POSITIVE_INFINITY;
  let share = 0;
  for (const entry of palette) {
    const d = distance(wanted, { mode: 'rgb', r: entry.r / 255, g: entry.g / 255, b: entry.b / 255 });
    if (entry.share >= 0.001 && d < closest) closest = d;
    if (d <= MATCH_DISTANCE) share += entry.share;
  }
  return {
    color,
    present: share >= MIN_PRESENT_SHARE,
    distance: Number.isFinite(closest) ? Math.round(closest * 10) / 10 : 100,
    share: Math.round(share * 10000) / 10000,
  };
}

/** Checks each distinct requested colour; `null` fraction when the prompt names none. */
export function colorAdherence(colors: string[], palette: PaletteEntry[]): { fraction: number | null; colors: ColorCheck[] } {
  const distinct = [...new Set(colors.map((c) => c.toLowerCase()).filter((c) => /^#[0-9a-f]{6}$/.test(c)))];
  const checks = distinct.map((color) => checkColor(color, palette));
  return { fraction: checks.length === 0 ? null : checks.filter((c) => c.present).length / checks.length, colors: checks };
}
