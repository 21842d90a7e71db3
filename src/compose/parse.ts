// Prompt understanding for the offline composer: which words might name objects, and which colour goes with them.
import { formatHex, oklch, parse as parseColor } from 'culori';
import { COLOR_MODIFIERS, STOPWORDS, isColorName } from './lexicon.js';

export interface ParsedObject {
  /** Candidate words for this object, most specific first (e.g. ["hot air balloon", "air balloon", "balloon"]). */
  phrases: string[];
  color?: string;
}

export interface ParsedPrompt {
  objects: ParsedObject[];
  /** Lower-cased words, in order. */
  words: string[];
}

export function tokenize(prompt: string): string[] {
  return prompt
    .toLowerCase()
    .replace(/#([0-9a-f]{6}|[0-9a-f]{3})\b/g, ' hex$1 ')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Turns "light blue", "dark green", "red", "#ff8800" into #rrggbb. */
export function colorFromWords(modifier: string | undefined, name: string): string | undefined {
  const base = name.startsWith('hex') ? parseColor(`#${name.slice(3)}`) : parseColor(name === 'grey' ? 'gray' : name === 'golden' ? 'gold' : name);
  if (!base) return undefined;
  const combined = modifier ? parseColor(`${modifier}${name}`) : undefined;
  if (combined) return formatHex(combined);
  if (!modifier) return formatHex(base);
  const lch = oklch(base);
  if (!lch) return formatHex(base);
  const shift = { light: 0.18, pale: 0.22, bright: 0.08, dark: -0.2, deep: -0.14 }[modifier] ?? 0;
  return formatHex({ ...lch, l: Math.min(0.97, Math.max(0.08, lch.l + shift)), c: modifier === 'pale' ? lch.c * 0.5 : lch.c });
}

function isColorToken(word: string): boolean {
  return isColorName(word) || /^hex[0-9a-f]{3}([0-9a-f]{3})?$/.test(word);
}

/**
 * Splits a prompt into runs of content words; a colour word attaches to the run that follows it.
 * "a red apple and a blue bicycle" -> [{phrases:[apple], color:red}, {phrases:[bicycle], color:blue}].
 */
export function parsePrompt(prompt: string): ParsedPrompt {
  const words = tokenize(prompt);
  const objects: ParsedObject[] = [];
  let run: string[] = [];
  let pendingColor: string | undefined;
  const flush = () => {
    if (run.length > 0) {
      const phrases: string[] = [];
      for (let start = 0; start < run.length; start++) phrases.push(run.slice(start).join(' '));
      // Also offer each single word, head noun (last) first.
      for (let i = run.length - 2; i >= 0; i--) phrases.push(run[i]);
      objects.push({ phrases: [...new Set(phrases)], color: pendingColor });
      pendingColor = undefined;
    }
    run = [];
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const next = words[i + 1];
    if (COLOR_MODIFIERS.has(word) && next && isColorToken(next)) {
      flush();
      pendingColor = colorFromWords(word, next);
      i++;
    } else if (isColorToken(word)) {
      flush();
      pendingColor = colorFromWords(undefined, word);
    } else if (STOPWORDS.has(word) || /^\d+$/.test(word)) {
      flush();
    } else {
      run.push(word);
    }
  }
  flush();
  // A trailing colour with no object after it ("an apple, red") belongs to the previous object.
  if (pendingColor && objects.length > 0 && !objects[objects.length - 1].color) objects[objects.length - 1].color = pendingColor;
  return { objects, words };
}
