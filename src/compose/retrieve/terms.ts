// Term normalisation shared by the build-time index and run-time queries (the index is only
// searchable with the same processing it was built with).

const IRREGULAR: Record<string, string> = {
  mice: 'mouse', geese: 'goose', people: 'person', children: 'child', men: 'man', women: 'woman',
  feet: 'foot', teeth: 'tooth', leaves: 'leaf', wolves: 'wolf', knives: 'knife', loaves: 'loaf',
  octopi: 'octopus', cacti: 'cactus', fungi: 'fungus', dice: 'die', oxen: 'ox', puppies: 'puppy',
  shoes: 'shoe', toes: 'toe', canoes: 'canoe', oboes: 'oboe', horseshoes: 'horseshoe', hoes: 'hoe',
  scarves: 'scarf', calves: 'calf', halves: 'half', shelves: 'shelf', elves: 'elf', thieves: 'thief', hooves: 'hoof',
  wives: 'wife', lives: 'life', dwarves: 'dwarf', emus: 'emu', gnus: 'gnu', menus: 'menu', tutus: 'tutu', haikus: 'haiku',
  fuses: 'fuse',
};
/** Endings of words that are already singular ("glass", "cactus", "oasis"). */
const KEEP = /(ss|us|sis)$/;
/**
 * Singular words ending in -is, -os or -as: most such words are plurals ("kiwis", "flamingos", "pandas"),
 * so only these stay as they are.
 */
const SINGULAR_S = new Set(`
  iris tennis axis pelvis trellis ibis chassis penis glottis elvis
  cosmos chaos rhinoceros thermos asbestos pathos ethos kudos mythos barbados adios calvados albatros
  atlas canvas bias alias christmas pancreas texas kansas arkansas vegas fracas madras pampas`.trim().split(/\s+/));
/** Words whose singular ends in "ie", not "y": "cookies" -> "cookie" (not "cooky"). */
const IE_NOUNS = new Set('cookie movie pie tie zombie brownie smoothie hippie selfie rookie calorie genie goalie birdie hoodie veggie beanie collie budgie sweetie pixie magpie lassie doggie'.split(' '));

/** Singular, lower-case form of a word: "foxes" -> "fox", "puppies" -> "puppy", "bus" -> "bus", "flamingos" -> "flamingo". */
export function singular(word: string): string {
  const w = word.toLowerCase();
  if (IRREGULAR[w]) return IRREGULAR[w];
  if (w.length <= 3 || KEEP.test(w) || SINGULAR_S.has(w)) return w;
  if (w.endsWith('ies') && IE_NOUNS.has(w.slice(0, -1))) return w.slice(0, -1);
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(x|ch|sh|ss|zz)es$/.test(w)) return w.slice(0, -2);
  // "buses", "walruses", "octopuses" (but "houses", "blouses", "causes" lose only the s).
  if (/[^aeiou]uses$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('oes') && w.length > 4) return w.slice(0, -2);
  if (w.endsWith('s')) return w.slice(0, -1);
  return w;
}

export function processTerm(term: string): string | null {
  const w = term.toLowerCase();
  if (w.length === 0) return null;
  return singular(w);
}
