import { describe, expect, it } from 'vitest';
import { parsePrompt } from '../../src/compose/parse.js';
import { CONCEPT_ICONS } from '../../src/compose/retrieve/concepts.js';
import { retrieve } from '../../src/compose/retrieve/retrieve.js';
import { compose } from '../../src/compose/compose.js';
import { loadIconLibrary } from '../../src/providers/iconData.js';

const library = loadIconLibrary();
const find = (phrase: string) => retrieve(parsePrompt(phrase).objects[0], library).source;

describe('the animal or thing itself, not a neighbour of it', () => {
  it.each([
    // A chick is the baby chick, not a rooster; a "baby chick" is the name, not a baby-sized chicken.
    ['a chick', 'icon:baby-chick'], ['a baby chick', 'icon:baby-chick'],
    // Bamboo is the plant, not the panda whose keywords name it; a pirate ship has sails.
    ['bamboo', 'icon:tanabata-tree'], ['a pirate ship', 'icon:sailboat'],
  ])('%s -> %s', (prompt, source) => expect(find(prompt)).toBe(source));

  it('keeps a baby chick at its own size', () => expect(parsePrompt('a baby chick').objects[0].size).toBe(1));
});

describe('plurals find the thing', () => {
  it.each([
    ['two flamingos', 'icon:flamingo'], ['three avocados', 'icon:avocado'], ['two pandas', 'icon:panda'], ['three monkeys', 'icon:monkey'],
    ['two buses', 'icon:bus'], ['three kangaroos', 'icon:kangaroo'], ['two taxis', 'icon:taxi'], ['two scarves', 'icon:scarf'],
  ])('%s -> %s', (prompt, source) => expect(find(prompt)).toBe(source));
});

describe('phrase -> drawing', () => {
  it.each([
    // synonyms and broader terms
    ['a puppy', 'icon:dog'],
    ['a sedan', 'icon:automobile'],
    ['an oak', 'icon:deciduous-tree'],
    ['a kitten', 'icon:cat'],
    ['a pine tree', 'icon:evergreen-tree'],
    ['a spaceship', 'icon:rocket'],
    ['a bunny', 'icon:rabbit'],
    // multi-word nouns
    ['a fire truck', 'icon:fire-engine'],
    ['a teddy bear', 'icon:teddy-bear'],
    ['a polar bear', 'icon:polar-bear'],
    ['a hot air balloon', 'primitive:hot-air-balloon'],
    ['a cup of coffee', 'icon:hot-beverage'],
    // full-body drawings over face-only ones
    ['a dog', 'icon:dog'],
    ['a cat', 'icon:cat'],
    ['a tiger', 'icon:tiger'],
    ['a monkey', 'icon:monkey'],
    // nearest words do not hijack
    ['a rocket', 'icon:rocket'],
    ['a rock', 'icon:rock'],
    ['a mat', 'primitive:mat'],
    ['a rug', 'primitive:mat'],
    ['a wire', 'primitive:wire'],
    ['a lily pad', 'primitive:lily-pad'],
    ['a windmill', 'primitive:windmill'],
    ['a fishbowl', 'primitive:fishbowl'],
    ['a waterfall', 'primitive:waterfall'],
    ['a starfish', 'primitive:starfish'],
    ['a tennis court', 'primitive:court'],
    ['a brick wall', 'primitive:wall'],
    ['a picnic blanket', 'primitive:mat'],
    ['a beehive', 'primitive:beehive'],
    ['a treasure chest', 'primitive:chest'],
    ['a barn', 'primitive:barn'],
    ['an igloo', 'primitive:igloo'],
    ['a snow globe', 'primitive:snow-globe'],
    ['a pillow', 'primitive:cushion'],
    ['a launch pad', 'primitive:launch-pad'],
    ['a fire hydrant', 'primitive:hydrant'],
    ['a submarine', 'primitive:submarine'],
    ['a tunnel', 'primitive:tunnel'],
    ['a cave', 'primitive:tunnel'],
    ['a saucer', 'primitive:saucer'],
    ['a flying saucer', 'icon:flying-saucer'],
    ['a trapezoid', 'primitive:trapezoid'],
    ['a toaster', 'primitive:toaster'],
    ['a refrigerator', 'primitive:fridge'],
    ['a washing machine', 'primitive:washing-machine'],
    ['a traffic light', 'primitive:traffic-light'],
    ['a hammer and a nail', 'icon:hammer'],
    ['a nail', 'primitive:nail'],
    ['a well', 'primitive:well'],
    ['a sushi roll', 'icon:sushi'],
    ['a popsicle', 'primitive:popsicle'],
    ['a stack of books', 'icon:books'],
    ['a bunch of grapes', 'icon:grapes'],
    ['a stack of pancakes', 'icon:pancakes'],
    ['a pine cone', 'primitive:pinecone'],
    ['a sandcastle', 'icon:castle'],
    ['a lightning bolt', 'icon:high-voltage'],
    ['a cone', 'primitive:cone'],
    ['corduroy overalls', 'icon:jeans'],
    ['a lemonade stand', 'primitive:stall'],
    ['a doghouse', 'primitive:doghouse'],
    ['a swing', 'primitive:swing'],
    ['a scarecrow', 'primitive:scarecrow'],
    ['a fireplace', 'primitive:fireplace'],
    ['a seagull', 'icon:bird'],
    ['a broomstick', 'icon:broom'],
    ['a box', 'icon:package'],
    ['an ice cream cone', 'icon:soft-ice-cream'],
    ['a wooden boat', 'icon:sailboat'],
    // names with a colour in them keep their own drawing
    ['a green apple', 'icon:green-apple'],
    // ...unless that drawing is not the colour named: Fluent's "black cat" is purple, so a cat is painted black
    ['a black cat', 'icon:cat'],
    // shapes asked for are drawn as shapes
    ['three blue circles', 'primitive:circle'],
    ['a hexagon', 'primitive:hexagon'],
    ['a star', 'icon:star'],
    // keywords from emojibase/emojilib find what our table does not list
    ['a hedgehog', 'icon:hedgehog'],
    ['a saxophone', 'icon:saxophone'],
    // nothing in the icon set: a stand-in, never nothing
    ['a zorblax', 'primitive:blob'],
  ])('%s -> %s', (phrase, source) => {
    expect(find(phrase)).toBe(source);
  });

  it('names the concept the user used and flags stand-ins', () => {
    expect(retrieve(parsePrompt('a puppy').objects[0], library)).toMatchObject({ concept: 'puppy', fallback: false });
    expect(retrieve(parsePrompt('a zorblax').objects[0], library)).toMatchObject({ concept: 'zorblax', fallback: true });
  });

  it('avoids icons that need a clipPath when the profile forbids it', () => {
    const withClip = [...CONCEPT_ICONS.values()].find((name) => library.flags(name) & 1);
    if (!withClip) return;
    const word = [...CONCEPT_ICONS].find(([, icon]) => icon === withClip)![0];
    expect(retrieve(parsePrompt(`a ${word}`).objects[0], library, { avoidFlags: 1 }).source).not.toBe(`icon:${withClip}`);
  });

  it('every icon our concept table names exists in the bundled set', () => {
    const missing = [...new Set(CONCEPT_ICONS.values())].filter((name) => !library.has(name));
    expect(missing).toEqual([]);
  });

  it('finds icons by emoji', () => {
    expect(library.emojiName('🦊')).toBe('fox');
    expect(library.emojiName('🌲')).toBe('evergreen-tree');
  });
});

describe('words whose keyword neighbours hijacked them', () => {
  const sources = (prompt: string) => compose(prompt, { library, seed: 1, width: 512, height: 512 }).scene.items.filter((item) => !item.prop).map((item) => [item.source, item.count]);

  it('draws what was named', () => {
    // "photo" is a keyword of the desert (and thirty other places); a photo is a framed picture.
    expect(sources('two photos')).toEqual([['icon:framed-picture', 2]]);
    // A sign of a pizza shows the pizza: no stop sign beside it.
    expect(sources('a neon sign of a pizza')).toEqual([['icon:pizza', 1]]);
    expect(sources('a logo of a fox')).toEqual([['icon:fox', 1]]);
    // Syrup had no icon at all (a blob); on pancakes it is their topping, already drawn.
    expect(sources('syrup')).toEqual([['icon:honey-pot', 1]]);
    expect(sources('a pancake with syrup')).toEqual([['icon:pancakes', 1]]);
    // A sign alone, and a stop sign, are still signs.
    expect(sources('a stop sign')).toEqual([['icon:stop-sign', 1]]);
  });
});
