// Colour words to #rrggbb: CSS names, our extra words, hex, and light/dark/pale... modifiers in OKLCH.
import { formatHex, oklch, parse as parseColor } from '../../util/culori.js';
import { COLOR_MODIFIERS, EXTRA_COLORS } from './lexicon.js';

const HEX_WORD = /^hex([0-9a-f]{3}|[0-9a-f]{6})$/;

function baseColor(name: string): string | undefined {
  if (EXTRA_COLORS[name]) return EXTRA_COLORS[name];
  const hex = HEX_WORD.exec(name);
  const parsed = parseColor(hex ? `#${hex[1]}` : name);
  return parsed ? formatHex(parsed) : undefined;
}

export function isColorWord(word: string): boolean {
  // culori would read "face" or "bead" as hex digits: hex only counts when written with "#".
  if (/^[0-9a-f]{3,8}$/.test(word) || !/^[a-z0-9]+$/.test(word)) return false;
  return baseColor(word) !== undefined && !['transparent', 'currentcolor', 'none'].includes(word);
}

/** Turns "light blue", "dark green", "red", "#ff8800" into #rrggbb. */
export function colorFromWords(modifier: string | undefined, name: string): string | undefined {
  const base = baseColor(name);
  if (!base) return undefined;
  if (!modifier) return base;
  // CSS has some of these itself ("lightblue", "darkgreen"): the named shade wins.
  const named = parseColor(`${modifier}${name}`);
  if (named && !EXTRA_COLORS[name]) return formatHex(named);
  const shift = COLOR_MODIFIERS[modifier];
  const lch = oklch(base);
  if (!shift || !lch) return base;
  return formatHex({ ...lch, l: Math.min(0.97, Math.max(0.12, lch.l + shift.l)), c: Math.min(0.32, lch.c * shift.c) });
}
