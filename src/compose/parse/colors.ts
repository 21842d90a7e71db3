// Colour words to #rrggbb: CSS names, our extra words, hex, and light/dark/pale... modifiers in OKLCH.
import { colorsNamed, formatHex, oklch, parse as parseColor } from '../../util/culori.js';
import { COLOR_MODIFIERS, EXTRA_COLORS } from './lexicon.js';

const HEX_WORD = /^hex([0-9a-f]{3}|[0-9a-f]{6})$/;

/**
 * A CSS colour name as #rrggbb, looked up directly: culori's parse would try the pattern of every colour
 * syntax on each word of a prompt, and compiling those patterns cost more than composing the scene.
 */
function namedColor(name: string): string | undefined {
  return Object.hasOwn(colorsNamed, name) ? `#${(colorsNamed as Record<string, number>)[name].toString(16).padStart(6, '0')}` : undefined;
}

function baseColor(name: string): string | undefined {
  if (EXTRA_COLORS[name]) return EXTRA_COLORS[name];
  const hex = HEX_WORD.exec(name);
  if (!hex) return namedColor(name);
  const parsed = parseColor(`#${hex[1]}`);
  return parsed ? formatHex(parsed) : undefined;
}

export function isColorWord(word: string): boolean {
  // culori would read "face" or "bead" as hex digits: hex only counts when written with "#".
  if (/^[0-9a-f]{3,8}$/.test(word) || !/^[a-z0-9]+$/.test(word)) return false;
  return baseColor(word) !== undefined;
}

/** Turns "light blue", "dark green", "red", "#ff8800" into #rrggbb. */
export function colorFromWords(modifier: string | undefined, name: string): string | undefined {
  const base = baseColor(name);
  if (!base) return undefined;
  if (!modifier) return base;
  // CSS has some of these itself ("lightblue", "darkgreen"): the named shade wins.
  const named = namedColor(`${modifier}${name}`);
  if (named && !EXTRA_COLORS[name]) return named;
  const shift = COLOR_MODIFIERS[modifier];
  const lch = oklch(base);
  if (!shift || !lch) return base;
  return formatHex({ ...lch, l: Math.min(0.97, Math.max(0.12, lch.l + shift.l)), c: Math.min(0.32, lch.c * shift.c) });
}
