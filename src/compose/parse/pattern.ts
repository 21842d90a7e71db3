// Abstract prompts ("concentric circles", "a spiral of hexagons", "a checkerboard"): which pattern, of which shape.
import type { PatternSpec } from '../types.js';
import { SHAPES } from './lexicon.js';
import { singular } from '../retrieve/terms.js';

const KINDS: [RegExp, PatternSpec['kind']][] = [
  [/^concentric$/, 'concentric'],
  [/^spiral(s|ing)?$/, 'spiral'],
  [/^(stripes?|striped|stripy|lines|bands)$/, 'stripes'],
  [/^(checkerboard|checkered|chequered|chessboard|checker|checkers|checks|gingham|plaid|tartan)$/, 'checkerboard'],
  [/^(mandala|kaleidoscope|rosette)s?$/, 'mandala'],
  [/^(polka|dots|dotted|spotted|spots)$/, 'dots'],
  [/^(grid|tiles|tiling|tessellation|mosaic|pattern|repeating|lattice)$/, 'grid'],
  [/^(wavy|zigzag|squiggly|squiggles)$/, 'waves'],
  [/^(gradient|ombre|fade)$/, 'gradient'],
];

export function detectPattern(words: string[]): Omit<PatternSpec, 'colors'> | undefined {
  let kind: PatternSpec['kind'] | undefined;
  for (const word of words) {
    const hit = KINDS.find(([pattern]) => pattern.test(word));
    if (hit && (!kind || kind === 'grid' || kind === 'gradient')) kind = hit[1];
  }
  if (kind === 'gradient' && words.some((w) => /^(sunset|sunrise|dusk|dawn)$/.test(w))) kind = 'sunset';
  if (!kind && words.includes('abstract') && words.includes('geometric')) kind = 'mandala';
  // "a chess board" (two words) is the board; "a dragon playing chess" is not a pattern.
  if (!kind && words.some((word, i) => word === 'chess' && words[i + 1] === 'board')) kind = 'checkerboard';
  // "Waves in shades of blue" is a pattern; "a boat on the waves" is the sea.
  if (!kind && /^(waves|ripples)$/.test(words[0] ?? '')) kind = 'waves';
  if (!kind) return undefined;
  const shape = words.map(singular).find((w) => SHAPES.has(w)) ?? (kind === 'spiral' || kind === 'concentric' || kind === 'dots' ? 'circle' : 'square');
  const direction = words.find((w) => /^(vertical|horizontal|diagonal)$/.test(w)) ?? (kind === 'stripes' ? 'vertical' : undefined);
  return { kind, shape, ...(direction ? { direction } : {}) };
}

/** The colours of the rainbow, for "rainbow stripes" (one colour would be a single pink). */
const RAINBOW = ['#e53935', '#fb8c00', '#fdd835', '#43a047', '#1e88e5', '#5e35b1'];

/** A pattern's colours: those named, with "rainbow" (or "multicoloured") standing for all of the rainbow's. */
export function patternColors(words: string[], colors: string[], rainbowHex: string): string[] {
  const many = words.some((w) => /^(rainbow|multicolou?red|multicolou?r|colou?rful)$/.test(w));
  const named = [...new Set(colors)];
  if (!many) return named;
  const at = named.indexOf(rainbowHex);
  return at < 0 ? [...RAINBOW, ...named] : [...named.slice(0, at), ...RAINBOW, ...named.slice(at + 1)];
}
