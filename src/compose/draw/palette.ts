// Colour transforms in OKLCH: darker for night, and the style words (pastel, monochrome, neon).
import { formatHex, oklch, parse } from '../../util/culori.js';
import type { StyleWord } from '../types.js';

export const HEX = /#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b/g;

/** Scales lightness (and chroma) of a colour: shade('#79c257', 0.45) is the same grass at night. */
export function shade(hex: string, lightness: number, chroma = 1): string {
  if (lightness === 1 && chroma === 1) return hex;
  const color = oklch(parse(hex));
  if (!color) return hex;
  return formatHex({ ...color, l: color.l * lightness, c: color.c * chroma });
}

/** The colour transform a set of style words asks for, or undefined when colours stay as drawn. */
export function styleTransform(style: StyleWord[], tint?: string): ((hex: string) => string) | undefined {
  const tintHue = tint ? oklch(parse(tint))?.h : undefined;
  let transform: ((l: number, c: number, h: number) => [number, number, number]) | undefined;
  if (style.includes('monochrome')) transform = (l) => [l, tintHue === undefined ? 0 : 0.06, tintHue ?? 0];
  else if (style.includes('pastel')) transform = (l, c, h) => [0.8 + l * 0.16, Math.min(c, 0.085), h];
  else if (style.includes('neon')) transform = (l, c, h) => (c < 0.04 || l < 0.3 ? [l, c, h] : [Math.max(0.66, Math.min(0.86, l + 0.1)), Math.max(c, 0.24), h]);
  if (!transform) return undefined;
  const cache = new Map<string, string>();
  const apply = transform;
  return (hex: string) => {
    const key = hex.toLowerCase();
    let out = cache.get(key);
    if (out === undefined) {
      const color = oklch(parse(key));
      if (!color) return hex;
      const [l, c, h] = apply(color.l, color.c, color.h ?? 0);
      out = formatHex({ mode: 'oklch', l, c, h });
      cache.set(key, out);
    }
    return out;
  };
}

export function mapColors(svg: string, transform: (hex: string) => string): string {
  return svg.replace(HEX, (hex) => transform(hex));
}
