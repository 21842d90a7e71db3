// Our own small lexicon: the words that are not objects (colours, counts, fillers).
import { colorsNamed } from 'culori';

/** Words that never name an object. */
export const STOPWORDS = new Set(
  ('a an the of and with in on at to for from by into onto over under some any its it this that these those ' +
    'is are be very really please draw make me show create picture image illustration svg icon drawing ' +
    'painting sketch style scene view').split(' '),
);

export const COLOR_MODIFIERS = new Set(['light', 'dark', 'pale', 'bright', 'deep']);

/** CSS colour names plus the plain words people use. */
export function isColorName(word: string): boolean {
  return Object.hasOwn(colorsNamed, word) || word === 'grey' || word === 'golden';
}
