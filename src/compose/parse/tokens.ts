// Prompt -> tagged tokens: multi-word phrases of our lexicon first (longest wins), then single words.
import type { Setting, StyleWord, TimeOfDay, Weather } from '../types.js';
import { COUNT_PHRASES, NUMBERS, RELATIONS, SETTING_PHRASES, STYLE_PHRASES, STYLES, TIMES, WEATHER, type RelationKind } from './lexicon.js';

export type Token =
  | { type: 'word'; word: string }
  | { type: 'count'; n: number; pair?: boolean; group?: boolean }
  | { type: 'relation'; kind: RelationKind; word: string }
  | { type: 'setting'; setting: Setting; word: string }
  | { type: 'time'; time: TimeOfDay }
  | { type: 'weather'; weather: Weather; word: string }
  | { type: 'style'; style: StyleWord }
  | { type: 'break' };

const PHRASES: [string[], Token][] = [
  ...COUNT_PHRASES.map(([text, n]): [string[], Token] => [text.split(' '), { type: 'count', n, ...(text.includes('pair') ? { pair: true } : /^(bunch|stack|pile)$/.test(text.split(' ')[1] ?? '') ? { group: true } : {}) }]),
  ...RELATIONS.filter(([text]) => text.includes(' ')).map(([text, kind]): [string[], Token] => [text.split(' '), { type: 'relation', kind, word: text }]),
  ...SETTING_PHRASES.map(([text, setting]): [string[], Token] => [text.split(' '), { type: 'setting', setting, word: text }]),
  ...STYLE_PHRASES.map(([text, style]): [string[], Token] => [text.replace('-', ' ').split(' '), { type: 'style', style }]),
  ...(['at night', 'at dusk', 'at dawn', 'at sunset', 'at sunrise', 'at midnight', 'in the evening', 'in the morning', 'during the day', 'at noon', 'by night', 'by day'] as const).map(
    (text): [string[], Token] => [text.split(' '), { type: 'time', time: TIMES[text.split(' ').at(-1)!] }],
  ),
  // "in shades of blue": the colour, not a thing called a shade.
  ...(['shades of', 'tones of', 'hues of', 'shade of', 'tone of'] as const).map((text): [string[], Token] => [text.split(' '), { type: 'break' }]),
  // A thing, though its first word is weather.
  [['lightning', 'bolt'], { type: 'word', word: 'bolt' }] as [string[], Token],
  // How a thing stands, not a thing: "a flamingo on one leg" draws no leg.
  ...(['on one leg', 'on two legs', 'on its back', 'on all fours', 'on its hind legs', 'on tiptoe'] as const).map((text): [string[], Token] => [text.split(' '), { type: 'break' }]),
  // "In spring" is a daytime landscape, not a hot spring (summer and winter are words of their own: lexicon.ts).
  ...(['in spring', 'in the spring'] as const).map((text): [string[], Token] => [text.split(' '), { type: 'time', time: 'day' }]),
  // Idioms for a night sky: "a campfire under the stars" has stars above it, not three stars beside it.
  ...(['under the stars', 'under a starry sky', 'under the night sky', 'beneath the stars', 'in the dark', 'in the darkness'] as const).map((text): [string[], Token] => [text.split(' '), { type: 'time', time: 'night' }]),
].sort((a, b) => b[0].length - a[0].length);

const SINGLE_RELATIONS = new Map(RELATIONS.filter(([text]) => !text.includes(' ')));

/** Text in quotes is words to write, which svgchat never draws as text: set aside. */
export function splitQuoted(prompt: string): { text: string; quoted: string[] } {
  const quoted: string[] = [];
  const text = prompt.replace(/["“”]([^"“”]{1,200})["“”]|(?<=^|\s)['‘]([^'‘’]{1,200})['’](?=\s|[.,;:!?]|$)/g, (_, a: string | undefined, b: string | undefined) => {
    quoted.push((a ?? b ?? '').trim());
    return ' , ';
  });
  return { text, quoted };
}

/** Lower-cased words, hex colours kept as `hexrrggbb`, punctuation that ends a phrase as ",". */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/#([0-9a-f]{6}|[0-9a-f]{3})\b/g, ' hex$1 ')
    .replace(/['’]s\b/g, '')
    .replace(/([a-z])-([a-z])/g, '$1 $2')
    .replace(/[,.;:!?()[\]{}]+/g, ' , ')
    .split(/[^a-z0-9,]+/)
    .filter(Boolean);
}

export function tokenize(list: string[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < list.length; i++) {
    const phrase = PHRASES.find(([parts]) => parts.every((part, k) => list[i + k] === part));
    if (phrase) {
      out.push(phrase[1]);
      i += phrase[0].length - 1;
      continue;
    }
    const word = list[i];
    if (word === ',') out.push({ type: 'break' });
    else if (/^\d{1,6}$/.test(word)) out.push({ type: 'count', n: Number(word) });
    else if (NUMBERS[word] !== undefined && !(word === 'one' && list[i + 1] === 'of')) out.push({ type: 'count', n: NUMBERS[word] });
    else if (STYLES[word]) out.push({ type: 'style', style: STYLES[word] });
    else if (TIMES[word] && !(word === 'golden' && list[i + 1] !== 'hour')) out.push({ type: 'time', time: TIMES[word] });
    else if (WEATHER[word]) out.push({ type: 'weather', weather: WEATHER[word], word });
    else if (SINGLE_RELATIONS.has(word)) out.push({ type: 'relation', kind: SINGLE_RELATIONS.get(word)!, word });
    else out.push({ type: 'word', word });
  }
  return out;
}
