// Our own lexicon: the words that are not objects (colours, counts, sizes, relations, settings,
// times, styles and fillers). Objects are whatever is left, looked up in the icon set.
import type { Setting, StyleWord, TimeOfDay, Weather } from '../types.js';

const words = (text: string) => new Set(text.trim().split(/\s+/));

/** Words that never name an object: articles, fillers, the medium ("a photo of"). */
export const STOPWORDS = words(`
  a an the of and or but with without in on at to for from by into onto over under some any its it this that these those
  their his her them they there here is are be been being was were has have had very really quite so too just also then
  please draw make me show create generate give render picture image illustration svg icon drawing painting sketch
  photo photograph photography scene view shot closeup close up detailed realistic high quality hd 4k 8k digital art
  artwork poster wallpaper background cartoon clipart clip vector kind sort type one other another each while as like
  what which who where when how all both either few many lot lots several single group bunch set number herd flock
  school pack swarm crowd row couple pair dozen style styled design aesthetic look front back side top bottom left right
  middle center centre edge corner out up down off away upside inside-out its`);

/** Verbs and adverbs that separate noun phrases ("a cat sitting on a mat"). */
export const VERBS = words(`
  sits sitting sat stands standing stood holds holding held wears wearing wore looks looking flies flying runs running
  jumps jumping eats eating plays playing rides riding lies lying lays laying swims swimming walks walking sleeps sleeping
  reads reading drinks drinking carries carrying chases chasing watches watching made painted drawn covered filled shaped
  written surrounded floating float floats hanging hangs hung growing grows grown perched resting rests leaning leans
  dancing dances singing sings smiling smiles waving waves driving drives parked sailing sails climbing climbs staring
  looks seen placed standing kicking kicks throwing throws catching catches pulling pulls pushing pushes reflected
  glowing shining shines burning burns melting falling falls rising rises going goes coming comes doing does made
  shows gives makes takes contains features displays says seems appears stands sits lies gets becomes wears holds`);

/**
 * Verbs whose object is in the subject's hands ("a boy holding a balloon", "a child reading a book"): the thing is
 * drawn at the holder's side, over its hand, and smaller than it, not as a second figure beside it.
 */
export const HOLD_VERBS = words(`
  holding holds carrying carries hugging hugs cuddling cuddles clutching clutches grabbing grabs gripping grips
  reading reads eating eats drinking drinks licking licks`);

/** Colour words that are also things ("an orange", "a tomato"): a colour only right before another word. */
export const AMBIGUOUS_COLORS = words(`
  rainbow orange chocolate tomato salmon olive lime plum peach coral orchid snow wheat gold silver tan navy turquoise lavender
  honeydew moccasin linen bisque crimson cherry lemon rose ivory cream mint sky teal indigo`);

/** Extra colour words CSS does not name, and CSS names that do not look like their word (CSS "brown" is a dark red). */
export const EXTRA_COLORS: Record<string, string> = {
  brown: '#8b4513', grey: '#808080', golden: '#f2b705', rainbow: '#ff4fa3', blond: '#e8c872', blonde: '#e8c872', cream: '#f3e5c0',
  mint: '#98e0b4', rose: '#f05d7e', lemon: '#f7e34a', cherry: '#c8102e', emerald: '#1fa35c', ruby: '#c3143f',
  scarlet: '#e0301e', amber: '#ffb000', sky: '#7ec8f2', charcoal: '#36454f', burgundy: '#800020', maroon: '#800000',
  bronze: '#b0713a', copper: '#b87333', beige: '#e6d3b3', magenta: '#e0218a', cyan: '#00c8e0', ochre: '#cc7722',
};

export const COLOR_MODIFIERS: Record<string, { l: number; c: number }> = {
  light: { l: 0.16, c: 0.8 }, pale: { l: 0.22, c: 0.45 }, bright: { l: 0.06, c: 1.25 }, dark: { l: -0.2, c: 0.9 },
  deep: { l: -0.14, c: 1.1 }, pastel: { l: 0.2, c: 0.45 }, neon: { l: 0.05, c: 1.4 }, vivid: { l: 0.02, c: 1.3 },
};

export const NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, hundred: 100, dozen: 12, single: 1, both: 2, several: 3, few: 3, some: 3,
  many: 6, lots: 7, numerous: 7, multiple: 3, countless: 12, another: 1, triple: 3, twin: 2, twins: 2,
};

/** Multi-word count phrases, matched before single words. */
export const COUNT_PHRASES: [string, number][] = [
  ['a pair of', 2], ['pair of', 2], ['a couple of', 2], ['couple of', 2], ['a few', 3], ['a lot of', 7], ['lots of', 7],
  ['a dozen', 12], ['a group of', 5], ['a bunch of', 5], ['a herd of', 5], ['a flock of', 5], ['a school of', 5],
  ['a pack of', 5], ['a swarm of', 8], ['a row of', 5], ['a crowd of', 6], ['a set of', 3], ['a pile of', 5],
  ['a stack of', 4], ['a handful of', 4], ['a family of', 4], ['a team of', 5], ['an army of', 8]
];

/** Plural-only nouns: "a pair of glasses" is one thing. */
export const PLURAL_ONLY = words('glasses sunglasses scissors pants trousers jeans shorts overalls dungarees binoculars headphones goggles pliers tongs fries');

export const SIZES: Record<string, number> = {
  big: 1.35, large: 1.35, huge: 1.6, giant: 1.7, enormous: 1.7, massive: 1.6, tall: 1.3, gigantic: 1.7,
  small: 0.65, little: 0.7, tiny: 0.5, mini: 0.6, miniature: 0.55, short: 0.8, baby: 0.7,
};

export type RelationKind = 'on' | 'under' | 'above' | 'below' | 'beside' | 'left' | 'right' | 'front' | 'behind' | 'inside' | 'around' | 'hold' | 'hang';

/**
 * Relation phrases, longest first so "to the left of" wins over "of". Verbs of going after or looking at a thing
 * ("a dog chasing a cat", "a man walking a dog", "a cat looking at a fish bowl") put the subject to the right of
 * it: the icons face left (the emoji convention), so the chaser runs behind the chased, both the same way, and
 * the looker faces what it looks at.
 */
export const RELATIONS: [string, RelationKind][] = [
  ['chasing', 'right'], ['chases', 'right'], ['chased by', 'left'], ['running after', 'right'], ['runs after', 'right'],
  ['following', 'right'], ['follows', 'right'], ['hunting', 'right'], ['stalking', 'right'], ['walking', 'right'],
  ['walks', 'right'], ['looking at', 'right'], ['looks at', 'right'], ['staring at', 'right'], ['stares at', 'right'],
  ['watching', 'right'], ['watches', 'right'], ['gazing at', 'right'], ['sniffing', 'right'], ['barking at', 'right'],
  // "A monkey hanging from a tree": below its crown, in front of it, not on the ground beside it.
  ['hanging from', 'hang'], ['hangs from', 'hang'], ['hanging off', 'hang'], ['dangling from', 'hang'], ['swinging from', 'hang'],
  ['hanging upside down from', 'hang'], ['suspended from', 'hang'],
  ['to the left of', 'left'], ['on the left of', 'left'], ['to the right of', 'right'], ['on the right of', 'right'],
  ['in front of', 'front'], ['on top of', 'on'], ['riding on', 'on'], ['riding', 'on'], ['wearing', 'on'], ['wears', 'on'], ['leaning on', 'beside'], ['leaning against', 'beside'], ['propped against', 'beside'], ['in back of', 'behind'], ['next to', 'beside'], ['close to', 'beside'],
  ['left of', 'left'], ['right of', 'right'], ['on', 'on'], ['atop', 'on'], ['upon', 'on'], ['under', 'under'],
  ['underneath', 'under'], ['beneath', 'under'], ['above', 'above'], ['over', 'above'], ['below', 'below'],
  ['beside', 'beside'], ['besides', 'beside'], ['near', 'beside'], ['by', 'beside'], ['with', 'beside'],
  ['alongside', 'beside'], ['behind', 'behind'], ['inside', 'inside'], ['in', 'inside'], ['within', 'inside'],
  ['into', 'inside'], ['around', 'around'], ['surrounding', 'around'], ['surrounded by', 'around'], ['among', 'beside'],
  ['between', 'beside'], ['against', 'beside'], ['at', 'beside'], ['across', 'beside'], ['through', 'inside'],
];

/** Setting words; each needs a locative word before it ("in a forest") unless it is the whole prompt. */
export const SETTINGS: Record<string, Setting> = {
  forest: 'forest', woods: 'forest', wood: 'forest', jungle: 'forest', rainforest: 'forest',
  beach: 'beach', seaside: 'beach', shore: 'beach', coast: 'beach', seashore: 'beach', sand: 'beach',
  space: 'space', galaxy: 'space', universe: 'space', cosmos: 'space', orbit: 'space',
  underwater: 'underwater', seabed: 'underwater', reef: 'underwater', aquarium: 'underwater',
  city: 'city', town: 'city', downtown: 'city', skyline: 'city', metropolis: 'city',
  street: 'street', road: 'street',
  desert: 'desert', dunes: 'desert', sahara: 'desert', mars: 'desert',
  snow: 'snow', winter: 'snow', tundra: 'snow', arctic: 'snow',
  mountains: 'mountains', mountain: 'mountains', hills: 'mountains', hill: 'mountains', valley: 'mountains',
  meadow: 'meadow', field: 'meadow', grass: 'meadow', grassland: 'meadow', prairie: 'meadow', countryside: 'meadow',
  savanna: 'meadow', savannah: 'meadow',
  farm: 'farm', ranch: 'farm', patch: 'farm', garden: 'garden', park: 'park', yard: 'park', backyard: 'park',
  sky: 'sky', air: 'sky', clouds: 'sky',
  lagoon: 'lake', plain: 'meadow', plains: 'meadow',
  sea: 'sea', ocean: 'sea', water: 'sea', waves: 'sea', lake: 'lake', pond: 'lake', river: 'lake',
  room: 'room', bedroom: 'room', indoors: 'room', kitchen: 'kitchen',
  // Places that look like one of the settings above ("a kangaroo in the outback" is a desert scene).
  outback: 'desert', badlands: 'desert', pasture: 'meadow', paddock: 'meadow', pastures: 'meadow', hillside: 'mountains',
  highlands: 'mountains', wilderness: 'forest', woodland: 'forest', woodlands: 'forest', harbor: 'sea', harbour: 'sea',
  marina: 'sea', bay: 'sea', stable: 'farm', farmyard: 'farm', barnyard: 'farm', zoo: 'park', orchard: 'park',
};

/** Setting phrases that need no preposition. */
export const SETTING_PHRASES: [string, Setting][] = [
  ['outer space', 'space'], ['under the sea', 'underwater'], ['under water', 'underwater'], ['ocean floor', 'underwater'],
  ['sea floor', 'underwater'], ['bottom of the sea', 'underwater'], ['bottom of the ocean', 'underwater'],
  ['living room', 'room'], ['pine forest', 'forest'],
];

/** Setting words that are settings wherever they stand ("a turtle underwater"). */
export const ALWAYS_SETTINGS = words('underwater indoors');

/** Containers and measures: "a cup of coffee" is one thing, drawn as its contents if it can be. */
export const CONTAINERS = words('cup mug glass bowl plate slice piece bottle jar box basket bag bunch loaf pot bucket pile stack can carton tray bouquet vase');

/** Shape words drawn as primitives when they are objects; stars, hearts and diamonds have better icons. */
export const OBJECT_SHAPES = words('circle square triangle hexagon pentagon octagon rectangle oval dot rhombus ellipse sphere cube pyramid trapezoid cone crescent');

/** Settings whose word alone says the object is there too ("a mountain" is a mountain, not only a backdrop). */
export const SETTING_OBJECTS = words('mountain hill house river lake pond road street water waves clouds grass');

export const TIMES: Record<string, TimeOfDay> = {
  night: 'night', nighttime: 'night', midnight: 'night', starry: 'night', starlit: 'night', moonlit: 'night', moonlight: 'night',
  dusk: 'dusk', sunset: 'dusk', evening: 'dusk', twilight: 'dusk', golden: 'dusk',
  dawn: 'dawn', sunrise: 'dawn', morning: 'dawn', daybreak: 'dawn',
  day: 'day', daytime: 'day', noon: 'day', sunny: 'day', afternoon: 'day', daylight: 'day',
  // Seasons: a daytime landscape ("spring" alone is a coil or a well, so only "in spring" counts: tokens.ts).
  summer: 'day', summertime: 'day', springtime: 'day',
};

export const WEATHER: Record<string, Weather> = {
  rain: 'rain', rainy: 'rain', raining: 'rain', drizzle: 'rain', snowy: 'snow', snowing: 'snow', snowfall: 'snow',
  snowstorm: 'snow', blizzard: 'snow', cloudy: 'clouds', overcast: 'clouds', storm: 'storm', stormy: 'storm',
  thunderstorm: 'storm', lightning: 'storm', fog: 'fog', foggy: 'fog', mist: 'fog', misty: 'fog', hazy: 'fog',
  wintry: 'snow', wintertime: 'snow',
};

export const STYLES: Record<string, StyleWord> = {
  flat: 'flat', minimal: 'minimal', minimalist: 'minimal', minimalistic: 'minimal', simple: 'minimal',
  lineart: 'line', outline: 'line', outlined: 'line', pastel: 'pastel', pastels: 'pastel', monochrome: 'monochrome',
  monochromatic: 'monochrome', grayscale: 'monochrome', greyscale: 'monochrome', neon: 'neon', glowing: 'neon',
  cyberpunk: 'neon', synthwave: 'neon',
};

export const STYLE_PHRASES: [string, StyleWord][] = [
  ['line art', 'line'], ['line drawing', 'line'], ['line-art', 'line'], ['black and white', 'monochrome'],
  ['pastel colors', 'pastel'], ['pastel colours', 'pastel'], ['neon lights', 'neon'], ['flat design', 'flat'],
];

/** Shapes drawn as primitives rather than looked up ("three blue circles", "a spiral of hexagons"). */
export const SHAPES = words('circle square triangle hexagon pentagon octagon star heart diamond rectangle oval ring dot rhombus cross ellipse sphere cube pyramid trapezoid cone crescent');
