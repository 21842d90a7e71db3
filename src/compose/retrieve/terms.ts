// Term normalisation shared by the build-time index and run-time queries (the index is only
// searchable with the same processing it was built with).

const IRREGULAR: Record<string, string> = {
  mice: 'mouse', geese: 'goose', people: 'person', children: 'child', men: 'man', women: 'woman',
  feet: 'foot', teeth: 'tooth', leaves: 'leaf', wolves: 'wolf', knives: 'knife', loaves: 'loaf',
  octopi: 'octopus', cacti: 'cactus', fungi: 'fungus', dice: 'die', oxen: 'ox', puppies: 'puppy',
  shoes: 'shoe', toes: 'toe', canoes: 'canoe', oboes: 'oboe', horseshoes: 'horseshoe', hoes: 'hoe',
};
const KEEP = /(ss|us|is|os|ys|as)$/;
/** Words whose singular ends in "ie", not "y": "cookies" -> "cookie" (not "cooky"). */
const IE_NOUNS = new Set('cookie movie pie tie zombie brownie smoothie hippie selfie rookie calorie genie goalie birdie hoodie veggie beanie collie budgie sweetie pixie magpie lassie doggie'.split(' '));

/** Singular, lower-case form of a word: "foxes" -> "fox", "puppies" -> "puppy", "bus" -> "bus". */
export function singular(word: string): string {
  const w = word.toLowerCase();
  if (IRREGULAR[w]) return IRREGULAR[w];
  if (w.length <= 3 || KEEP.test(w)) return w;
  if (w.endsWith('ies') && IE_NOUNS.has(w.slice(0, -1))) return w.slice(0, -1);
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(x|ch|sh|ss|zz)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('oes') && w.length > 4) return w.slice(0, -2);
  if (w.endsWith('s')) return w.slice(0, -1);
  return w;
}

export function processTerm(term: string): string | null {
  const w = term.toLowerCase();
  if (w.length === 0) return null;
  return singular(w);
}
