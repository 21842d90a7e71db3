// Object -> drawing: asked-for shapes as primitives, then our concept table, exact icon names and
// the keyword index; a thing with no icon gets a drawn stand-in, never nothing.
import type { ParsedObject } from '../parse/parse.js';
import { OBJECT_SHAPES } from '../parse/lexicon.js';
import type { Placement } from '../types.js';
import { CONCEPT_ICONS, DRAWN } from './concepts.js';
import { EMOJI_WORD, USES_CLIP_PATH, type IconLibrary } from './iconLibrary.js';
import { singular } from './terms.js';

export interface Retrieved {
  /** The phrase that found the drawing ("hot air balloon", or "boat" from "wooden boat"). */
  concept: string;
  source: string;
  placement: Placement;
  /** Nothing in the icon set: a primitive stands in. */
  fallback: boolean;
  /** How an icon was found: by name (ours or the icon's), by a word of its name, or only by one of its keywords. */
  lookup?: Lookup;
}

export interface RetrieveOptions {
  /** Icons that need these row flags are avoided (kaggle: no clipPath). */
  avoidFlags?: number;
}

const SKY_ICONS = new Set('bird bat sun crescent-moon full-moon new-moon star glowing-star shooting-star comet ringed-planet cloud rainbow milky-way high-voltage snowflake sun-behind-cloud sun-behind-small-cloud sun-behind-large-cloud cloud-with-rain cloud-with-snow cloud-with-lightning balloon kite airplane small-airplane helicopter rocket flying-saucer parachute satellite dove eagle globe-showing-americas'.split(' '));
const WATER_SUBGROUPS = new Set([38, 55]);
const WATER_ICONS = new Set('crab lobster shrimp squid spiral-shell coral jellyfish duck swan goose'.split(' '));

export function placementOf(source: string, library: IconLibrary): Placement {
  const name = source.replace(/^\w+:/, '');
  if (source.startsWith('primitive:')) return name === 'hot-air-balloon' ? 'sky' : 'ground';
  if (SKY_ICONS.has(name)) return 'sky';
  if (WATER_ICONS.has(name) || WATER_SUBGROUPS.has(library.subgroup(name))) return 'water';
  return 'ground';
}

export type Lookup = 'named' | 'name-word' | 'keyword';

/** An icon for a phrase: named outright (our table, an icon's own name), or through the index,
 *  either by a word of an icon's name or by any of its keywords. */
function iconFor(phrase: string, library: IconLibrary, options: RetrieveOptions, lookup: Lookup): string | undefined {
  const usable = (name: string | undefined) => name !== undefined && library.has(name) && !(library.flags(name) & (options.avoidFlags ?? 0));
  if (lookup === 'named') {
    const listed = CONCEPT_ICONS.get(phrase) ?? CONCEPT_ICONS.get(phrase.split(' ').map(singular).join(' '));
    if (usable(listed)) return listed;
    const named = phrase.replace(/ /g, '-');
    return usable(named) ? named : undefined;
  }
  const found = library.find(phrase);
  if (!found || !usable(found.name)) return undefined;
  const nameWords = found.name.split('-').map(singular);
  return lookup === 'keyword' || phrase.split(' ').map(singular).every((w) => nameWords.includes(w)) ? found.name : undefined;
}

/**
 * Some colours are part of a name: a "red fox" is a fox as drawn, a "green apple" has its own icon. The icon
 * such a name stands for, if it is one.
 */
export function iconNamedWithColor(object: ParsedObject): string | undefined {
  return object.colorWord ? CONCEPT_ICONS.get(`${object.colorWord} ${object.phrases[0]}`) : undefined;
}

/**
 * Names whose colour word names a kind, not the colour it is drawn in: a red fox is orange, a red panda
 * russet. The scorer does not look for their colour; in "a red apple" or "a black cat" it does.
 */
const KIND_NAMES: ReadonlySet<string> = new Set(['red fox', 'red panda']);

export function colorNamesKind(object: ParsedObject): boolean {
  return object.colorWord !== undefined && KIND_NAMES.has(`${object.colorWord} ${object.phrases[0]}`);
}

export function retrieve(object: ParsedObject, library: IconLibrary, options: RetrieveOptions = {}): Retrieved & { keepsColor?: boolean } {
  const named = iconNamedWithColor(object);
  if (named && library.has(named)) return { concept: object.phrases[0], source: `icon:${named}`, placement: placementOf(`icon:${named}`, library), fallback: false, keepsColor: true };
  const emoji = new RegExp(`^${EMOJI_WORD}(\\d+)$`).exec(object.phrases[0].split(' ').at(-1)!);
  const emojiIcon = emoji ? library.nameAt(Number(emoji[1])) : undefined;
  if (emojiIcon) return { concept: emojiIcon.replace(/-/g, ' '), source: `icon:${emojiIcon}`, placement: placementOf(`icon:${emojiIcon}`, library), fallback: false };
  const head = object.phrases[0].split(' ').at(-1)!;
  const container = object.phrases[0].includes(' of ') ? object.phrases.at(-1) : undefined;
  // Head phrases ("air balloon", "balloon" in "hot air balloon") come first, then the modifiers
  // ("owl" in "owl family"), which may only name a thing outright: an adjective never hijacks
  // through a keyword. Keyword matches of the head come last, as they are the least sure.
  const heads = object.phrases.filter((p) => p.split(' ').at(-1) === head || p === container);
  const modifiers = object.phrases.filter((p) => !heads.includes(p));
  const passes: [string[], Lookup][] = [[heads, 'named'], [heads, 'name-word'], [modifiers, 'named'], [heads, 'keyword']];
  for (const [phrases, lookup] of passes) {
    for (const phrase of phrases) {
      if (OBJECT_SHAPES.has(phrase)) return { concept: phrase, source: `primitive:${phrase}`, placement: 'ground', fallback: false };
      const drawn = DRAWN.get(phrase);
      if (drawn) return { concept: phrase, source: `primitive:${drawn}`, placement: drawn === 'hot-air-balloon' ? 'sky' : 'ground', fallback: false };
      const name = iconFor(phrase, library, options, lookup);
      if (name) {
        const source = `icon:${name}`;
        // "a bowl of pho" is drawn as its contents but is still the whole thing the user named.
        return { concept: container ? object.phrases[0] : phrase, source, placement: placementOf(source, library), fallback: false, lookup };
      }
    }
  }
  return { concept: object.phrases[0], source: 'primitive:blob', placement: 'ground', fallback: true };
}

export { USES_CLIP_PATH };
