// "A knight in the courtyard", "a tiger at the market": a phrase after "in" or "at" is where the thing is. The
// parser maps the places it knows to a setting (lexicon.ts); a place the icon set has no drawing of, or finds only
// through a keyword (the market's keyword finds a chart), is the scene around the thing, not a thing to draw as
// a stand-in blob beside it. Such a place is dropped, with a note. Pure: the prompt and the library in, a prompt out.
import { withoutObjects, type ParsedPrompt } from './parse/parse.js';
import type { IconLibrary } from './retrieve/iconLibrary.js';
import { retrieve } from './retrieve/retrieve.js';

/** Words after which a phrase names where something is, not a thing it touches. */
const PLACE_WORDS = new Set(['in', 'at', 'within', 'among', 'across', 'through', 'inside']);

export function dropUnknownPlaces(parsed: ParsedPrompt, library: IconLibrary, avoidFlags: number, notes: string[]): ParsedPrompt {
  const places = new Set<number>();
  for (const relation of parsed.relations) {
    if (relation.word === undefined || !PLACE_WORDS.has(relation.word)) continue;
    const target = parsed.objects[relation.target];
    // A place is said once and is nobody's subject ("a cat in a box on a table": the box is a thing).
    if (target.countSaid || parsed.relations.some((r) => r.subject === relation.target)) continue;
    const found = retrieve(target, library, { avoidFlags });
    if (found.fallback || found.lookup === 'keyword') places.add(relation.target);
  }
  for (const index of places) notes.push(`read "${parsed.objects[index].phrases[0]}" as the place, not a thing: drew no stand-in for it`);
  return withoutObjects(parsed, (_, index) => places.has(index));
}
