// Classes of words the parser treats specially: names of several words, materials, small parts, settings full
// of things, words for the day. Pure data and predicates (parse.ts reads them).
import { CONCEPT_ICONS, DRAWN } from '../retrieve/concepts.js';
import { singular } from '../retrieve/terms.js';
import { AMBIGUOUS_COLORS } from './lexicon.js';

const ING_NOUNS = new Set('building ring king wing string ceiling swing pudding dumpling wedding bowling skiing sling spring earring clothing icing ping painting stocking duckling seedling sapling'.split(' '));
const LY_NOUNS = new Set('butterfly dragonfly firefly fly lily jelly belly holly family bully dolly trolley'.split(' '));
export const LOCATIVE = new Set(['in', 'on', 'at', 'into', 'inside', 'across', 'through', 'within', 'among', 'under', 'over', 'above', 'by', 'near', 'beside']);

/** Names of two or more words ("ice cream", "cherry blossom"): a colour word inside one is part of the name. */
export const COMPOUNDS = new Set([...CONCEPT_ICONS.keys(), ...DRAWN.keys()].filter((name) => name.includes(' ')));

/**
 * "cream" in "ice cream" and "cherry" in "cherry blossom" are not colours. A basic colour before a name stays
 * one ("a red apple" asks for red), so only a thing-named colour ("cherry", "lemon") is read into what follows.
 */
export function inCompound(previous: string | undefined, word: string, next: string | undefined): boolean {
  if (previous !== undefined && COMPOUNDS.has(`${previous} ${word}`)) return true;
  return AMBIGUOUS_COLORS.has(word) && next !== undefined && COMPOUNDS.has(`${word} ${singular(next)}`);
}

/** Parts of clothes and things, too small to draw beside them. */
export const DETAILS = new Set('pocket button collar trim tassel fringe hem cuff lining stitching stitch zipper buckle sleeve lapel seam ruffle pleat sprinkle frosting topping glaze syrup'.split(' '));

/** Things that show another thing: "a neon sign of a pizza", "a logo of a fox" draw the pizza, the fox. */
export const DEPICTIONS = new Set('sign logo emblem symbol sticker badge mascot silhouette'.split(' '));

/** What a thing is made of ("a silk scarf", "corduroy overalls"): not a thing to draw on its own. */
export const MATERIALS = new Set('corduroy silk silken wool woolen woollen cotton denim velvet satin faux suede tweed cashmere fleece nylon polyester lace'.split(' '));

/** Things whose icon is already a bunch or a stack. */
export const DRAWN_AS_GROUP = new Set(['grapes', 'pancakes', 'books']);

/** Settings named after what fills them ("a sunflower field"). */
export const FULL_OF = new Set(['field', 'garden', 'meadow', 'pond', 'forest', 'patch']);

/** A word the concept table names as a thing ("mushroom"), not an adjective ("deep"). */
export function isThing(word: string): boolean {
  return CONCEPT_ICONS.has(word) || CONCEPT_ICONS.has(singular(word)) || DRAWN.has(word);
}

/** Words that describe the day, not a thing: "on a hot day" draws no "hot". */
export const DAY_ADJECTIVES = new Set('hot cold warm chilly sunny cloudy windy foggy misty beautiful lovely nice fine clear bright'.split(' '));

export function isFiller(word: string): boolean {
  if (word.length > 4 && word.endsWith('ing') && !ING_NOUNS.has(word)) return true;
  if (word.length > 4 && word.endsWith('ly') && !LY_NOUNS.has(word)) return true;
  if (word.length > 4 && word.endsWith('ed') && !word.endsWith('eed')) return true;
  return word === 'hour';
}

/** Relation words whose object is on the subject ("a dog wearing a hat": the hat on the dog). */
export const WORN = new Set(['wearing', 'wears']);

/** What is worn on top, so drawn on the wearer; other things worn are drawn beside. */
export const HEADWEAR = new Set('hat cap crown helmet tiara wig beanie beret bonnet sombrero halo'.split(' '));
