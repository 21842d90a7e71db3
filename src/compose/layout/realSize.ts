// How big things are in the world, roughly, so a scene of several things draws them to scale with each other:
// a ball beside a man, a mouse beside an elephant, a bee on a flower. Every icon is drawn in the same square, so
// without this each thing said is as large as the others.

/** Size classes, each with a typical largest dimension in metres. */
export type SizeClass = 'mini' | 'tiny' | 'small' | 'medium' | 'large' | 'huge';

const METRES: Record<SizeClass, number> = { mini: 0.02, tiny: 0.1, small: 0.4, medium: 1.2, large: 3, huge: 8 };
const ORDER: SizeClass[] = ['mini', 'tiny', 'small', 'medium', 'large', 'huge'];

/** Nothing drawn next to something bigger is shrunk below this share of it (it has to stay visible). */
const MIN_SHARE = 0.3;

/** Icon names (without skin tone), by class; the first class whose pattern matches wins. */
const CLASSES: [SizeClass, RegExp][] = [
  ['mini', /^(ant|honeybee|lady-beetle|beetle|bug|fly|mosquito|cricket|cockroach|spider|scorpion|worm|microbe|snail|coin|ring|gem-stone|pill|paperclip|pushpin|round-pushpin|safety-pin|sewing-needle|nut-and-bolt|game-die|dango|peanuts|blueberries|cherries|olive|bean|beans|chestnut)$/],
  ['tiny', /^(butterfly|mouse|rat|hamster|chipmunk|baby-chick|front-facing-baby-chick|hatching-chick|frog|lizard|shrimp|fried-shrimp|oyster|spiral-shell|egg|nest-with-eggs|red-apple|green-apple|banana|grapes|lemon|tangerine|peach|pear|strawberry|kiwi-fruit|mango|avocado|tomato|coconut|lime|melon|watermelon|pineapple|carrot|broccoli|eggplant|potato|onion|garlic|ear-of-corn|cucumber|bell-pepper|hot-pepper|ginger-root|leafy-green|mushroom|brown-mushroom|hamburger|pizza|doughnut|cookie|birthday-cake|shortcake|cupcake|croissant|bread|baguette-bread|bagel|pretzel|sandwich|taco|burrito|hot-dog|cheese-wedge|ice-cream|soft-ice-cream|shaved-ice|custard|pie|pancakes|waffle|sushi|rice-ball|dumpling|french-fries|popcorn|candy|lollipop|chocolate-bar|meat-on-bone|poultry-leg|cut-of-meat|bacon|steaming-bowl|bowl-with-spoon|spaghetti|green-salad|soccer-ball|baseball|basketball|tennis|volleyball|softball|american-football|rugby-football|pool-8-ball|bowling|ping-pong|hot-beverage|teacup-without-handle|cup-with-straw|glass-of-milk|wine-glass|beer-mug|cocktail-glass|tropical-drink|tumbler-glass|bubble-tea|beverage-box|baby-bottle|bottle-with-popping-cork|sake|jar|honey-pot|teapot|key|old-key|mobile-phone|watch|stopwatch|pencil|pen|fountain-pen|crayon|paintbrush|spoon|fork-and-knife|kitchen-knife|scissors|lipstick|candle|light-bulb|envelope|maple-leaf|fallen-leaf|leaf-fluttering-in-wind|four-leaf-clover|shamrock|herb|seedling|feather|glasses|sunglasses|yo-yo|magnet|flashlight|computer-mouse|camera|lollipop|crystal-ball|trophy|bell|crown|hammer|wrench|screwdriver)$/],
  ['small', /^(cat|black-cat|rabbit|bird|blackbird|parrot|dove|owl|chicken|rooster|duck|goose|turkey|penguin|hedgehog|skunk|raccoon|badger|otter|beaver|turtle|fish|tropical-fish|blowfish|crab|lobster|octopus|squid|jellyfish|snake|koala|sloth|monkey|baby|baby-angel|closed-book|blue-book|green-book|orange-book|books|notebook|open-book|teddy-bear|top-hat|womans-hat|billed-cap|running-shoe|mans-shoe|high-heeled-shoe|hiking-boot|womans-boot|backpack|basket|bucket|package|wrapped-gift|laptop|amphora|potted-plant|skateboard|kite|balloon|tulip|rose|hibiscus|blossom|white-flower|wilted-flower|hyacinth|lotus|bouquet|cherry-blossom|cactus|lantern|red-paper-lantern|jack-o-lantern|toolbox|briefcase|handbag|purse|clutch-bag|helmet|violin|trumpet|saxophone|flute|drum|long-drum|banjo|radio|telephone|alarm-clock|mantelpiece-clock|framed-picture|world-map|globe-showing-americas|globe-showing-asia-australia|globe-showing-europe-africa|fire-extinguisher|guitar|umbrella|closed-umbrella)$/],
  ['medium', /^((man|woman|person|boy|girl|child|old-man|old-woman|older-person|people)(-.*)?|astronaut|artist|cook|construction-worker|detective|factory-worker|farmer|firefighter|guard|health-worker|judge|mechanic|office-worker|pilot|police-officer|scientist|singer|student|teacher|technologist|prince|princess|santa-claus|mrs-claus|mx-claus|ninja|superhero|supervillain|mage|elf|fairy|vampire|zombie|genie|troll|ogre|goblin|skier|snowboarder|dog|poodle|guide-dog|service-dog|fox|wolf|ewe|ram|goat|pig|boar|kangaroo|panda|gorilla|orangutan|flamingo|peacock|swan|seal|chair|seat|bicycle|kick-scooter|snowman|snowman-without-snow|door|window|ladder|manual-wheelchair|motorized-wheelchair|shopping-cart|television|sunflower|statue|musical-keyboard)$/],
  ['large', /^(horse|carousel-horse|unicorn|cow|ox|water-buffalo|bison|camel|two-hump-camel|deer|moose|donkey|llama|zebra|lion|tiger|leopard|bear|polar-bear|crocodile|dolphin|shark|automobile|oncoming-automobile|taxi|oncoming-taxi|police-car|oncoming-police-car|racing-car|sport-utility-vehicle|pickup-truck|auto-rickshaw|motorcycle|motor-scooter|tractor|canoe|sailboat|speedboat|motor-boat|deciduous-tree|evergreen-tree|palm-tree|christmas-tree|tanabata-tree|tent|couch-and-lamp|bed|piano|hut|minibus)$/],
  ['huge', /^(house|houses|house-with-garden|derelict-house|office-building|department-store|convenience-store|hospital|hotel|love-hotel|bank|post-office|japanese-post-office|school|church|mosque|synagogue|hindu-temple|shinto-shrine|kaaba|classical-building|castle|japanese-castle|factory|stadium|tokyo-tower|statue-of-liberty|ferris-wheel|roller-coaster|circus-tent|elephant|giraffe|rhinoceros|hippopotamus|mammoth|whale|spouting-whale|t-rex|sauropod|dragon|delivery-truck|articulated-lorry|fire-engine|ambulance|bus|oncoming-bus|trolleybus|locomotive|train|tram|tram-car|railway-car|high-speed-train|bullet-train|light-rail|metro|monorail|airplane|small-airplane|helicopter|ship|passenger-ship|ferry|rocket)$/],
];

/** Drawn shapes that stand for things (a table, a bench); asked-for shapes and stand-ins have no size. */
const PRIMITIVES: Record<string, SizeClass> = {
  table: 'medium', bench: 'medium', cushion: 'small', saucer: 'tiny', 'lily-pad': 'small', doghouse: 'medium', fireplace: 'medium', stall: 'large', windmill: 'huge',
};

/** Words for a young animal, drawn with the grown animal's icon one class smaller ("a duck and three ducklings"). */
const YOUNG = /^(duckling|puppy|puppie|kitten|kitty|chick|calf|foal|cub|lamb|piglet|fawn|joey|gosling|cygnet)$/;

/** Classes for things named by the user, where the icon is shared with a thing of another size. */
const WORDS: Record<string, SizeClass> = { pony: 'medium', toddler: 'small', infant: 'small' };

/** A toy or model of a thing is hand-sized, whatever the thing ("a teddy bear next to a toy car"). */
const TOY = /\b(toy|model|miniature)\s/;

function sizeClassOf(concept: string, source: string, phrases: string[] = []): SizeClass | undefined {
  if (phrases.some((phrase) => TOY.test(phrase))) return 'small';
  const word = concept.trim().split(/\s+/).at(-1)?.toLowerCase() ?? '';
  if (WORDS[word]) return WORDS[word];
  if (source.startsWith('primitive:')) return PRIMITIVES[source.slice(10)];
  if (!source.startsWith('icon:')) return undefined;
  const name = source.slice(5).replace(/-(medium-dark|medium-light|dark|light|medium)$/, '');
  const found = CLASSES.find(([, pattern]) => pattern.test(name))?.[0];
  if (!found) return undefined;
  if (YOUNG.test(word)) return ORDER[Math.max(0, ORDER.indexOf(found) - 1)];
  return found;
}

/** A thing's typical largest dimension in metres, or undefined when its size is not known. */
export function realSizeOf(concept: string, source: string, phrases: string[] = []): number | undefined {
  const found = sizeClassOf(concept, source, phrases);
  return found ? METRES[found] : undefined;
}

/**
 * How big a thing of real size `size` is drawn beside one of real size `largest`, as a share of it: sizes are
 * compressed (square root: a cat is not a twentieth of a house in a picture), never below MIN_SHARE, never above 1.
 */
function shareOf(size: number | undefined, largest: number | undefined): number {
  if (size === undefined || largest === undefined || size >= largest) return 1;
  return Math.max(MIN_SHARE, Math.sqrt(size / largest));
}

interface Sized {
  real?: number;
  sizeSaid?: boolean;
}

/**
 * The share of its natural size each of `members` is drawn at, so they are to scale with the largest of them. A
 * size said ("a huge mouse") wins: that thing keeps its said size. A thing alone, or of unknown size, keeps 1.
 */
export function realShares(objects: Sized[], members: number[]): Map<number, number> {
  const known = members.map((i) => objects[i].real).filter((r): r is number => r !== undefined);
  const largest = known.length > 1 ? Math.max(...known) : undefined;
  return new Map(members.map((i) => [i, objects[i].sizeSaid ? 1 : shareOf(objects[i].real, largest)]));
}

/** The share of its target a related thing is drawn at (a bee on a flower), 1 if either's size was said or is unknown. */
export function relationShare(subject: Sized, target: Sized): number {
  if (subject.sizeSaid || target.sizeSaid) return 1;
  return shareOf(subject.real, target.real);
}
