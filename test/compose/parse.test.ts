import { describe, expect, it } from 'vitest';
import { colorFromWords, parsePrompt } from '../../src/compose/parse.js';
import { detectPattern } from '../../src/compose/parse/pattern.js';
import { singular } from '../../src/compose/retrieve/terms.js';

/** A compact view of a parse: "count head colour xSize" per object. */
function summary(prompt: string) {
  const parsed = parsePrompt(prompt);
  return {
    objects: parsed.objects.map((o) => [o.count > 1 ? `${o.count} ` : '', o.phrases[0], o.color ? ` ${o.color}` : '', o.size !== 1 ? ` x${o.size}` : ''].join('')),
    relations: parsed.relations.map((r) => `${r.subject} ${r.kind} ${r.target}`),
    scene: [parsed.setting, parsed.time, parsed.weather, ...parsed.style].filter(Boolean).join(' '),
  };
}

describe('parsePrompt: objects, counts, colours, sizes', () => {
  it.each([
    ['a red apple', ['apple #ff0000']],
    ['a blue bicycle', ['bicycle #0000ff']],
    ['A Light Blue car', ['car #add8e6']],
    ['a fox and a green tree', ['fox', 'tree #008000']],
    ['an apple, red', ['apple #ff0000']],
    ['draw me a picture of a hot air balloon', ['hot air balloon']],
    ['#ff8800 cat', ['cat #ff8800']],
    ['three cats', ['3 cat']],
    ['cats', ['3 cat']],
    ['12 eggs', ['12 egg']],
    ['a pair of shoes', ['2 shoe']],
    ['a pair of glasses', ['glasses']],
    ['a bunch of grapes', ['grapes']],
    ['a stack of pancakes', ['pancakes']],
    ['a stack of books', ['books']],
    ['a donut with sprinkles', ['donut']],
    ['a bunch of balloons', ['5 balloon']],
    ['two cups of coffee', ['2 cup of coffee']],
    ['a big dog and a tiny mouse', ['dog x1.35', 'mouse x0.5']],
    ['a fire truck', ['fire truck']],
    ['an orange', ['orange']],
    ['an orange cat', ['cat #ffa500']],
    ['a cat sitting on a mat', ['cat', 'mat']],
    ['a dark green car', ['car #006400']],
    ['', []],
  ])('%s', (prompt, objects) => {
    expect(summary(prompt).objects).toEqual(objects);
  });
});

describe('parsePrompt: relations', () => {
  it.each([
    ['a cat on a table', ['0 on 1']],
    ['a dog under a tree', ['0 under 1']],
    ['a bird above a house', ['0 above 1']],
    ['a cat next to a dog', ['0 beside 1']],
    ['a cat to the left of a dog', ['0 left 1']],
    ['a tree behind a house', ['0 behind 1']],
    ['a fish inside a bowl', ['0 inside 1']],
    ['stars around the moon', ['0 around 1']],
    ['a ball in front of a dog', ['0 front 1']],
    ['a cat on a box next to a dog', ['0 on 1', '0 beside 2']],
    ['a rainbow over a waterfall', ['0 above 1']],
    ['a bicycle leaning on a tree', ['0 beside 1']],
    ['a dog wearing a hat', ['1 on 0']],
    ['a cat wearing a red top hat', ['1 on 0']],
    ['a girl wearing a dress', ['0 beside 1']],
    ['a penguin wearing a scarf', ['0 beside 1']],
    ['a cowboy riding a horse', ['0 on 1']],
    // A relation after a list holds for each thing in it, not only the last.
    ['a boy and a girl on a bench', ['0 on 2', '1 on 2']],
    ['a cat, a dog and a rabbit under a tree', ['0 under 3', '1 under 3', '2 under 3']],
    ['a dog next to a cat and a bird on a mat', ['0 beside 1', '2 on 3']],
    ['a boy holding a kite and a girl on a bench', ['1 hold 0', '2 on 3']],
    ['a dog and a cat sitting on a rug', ['0 on 2', '1 on 2']],
  ])('%s', (prompt, relations) => {
    expect(summary(prompt).relations).toEqual(relations);
  });
});

describe('parsePrompt: setting, time, weather, style', () => {
  it.each([
    ['a red fox in a snowy forest at dusk', ['fox #ff0000'], 'forest dusk snow'],
    ['a forest', [], 'forest'],
    ['a city at night', [], 'city night'],
    ['a turtle underwater', ['turtle'], 'underwater'],
    ['a rocket in outer space', ['rocket'], 'space'],
    ['a boat on the lake on a rainy day', ['boat'], 'lake day rain'],
    ['a lighthouse on a beach', ['lighthouse'], 'beach'],
    ['a beach ball', ['beach ball'], ''],
    ['a snowy mountain', ['mountain'], 'snow'],
    ['a cat in flat style', ['cat'], 'flat'],
    ['a minimal line art owl', ['owl'], 'minimal line'],
    ['stripes in pastel colours', ['3 stripe'], 'pastel'],
    ['a neon monochrome skull', ['skull'], 'neon monochrome'],
    ['a bird above a house', ['bird', 'house'], ''],
    ['a campfire under the stars', ['campfire'], 'night'],
    ['an ice cream cone on a hot day', ['ice cream cone'], 'day'],
    ['a cherry blossom tree in spring', ['cherry blossom tree'], 'day'],
    ['a cabin in winter', ['cabin'], 'snow'],
    ['a turtle on a rock by the sea', ['turtle', 'rock'], 'sea'],
    ['a lion in the savanna at sunset', ['lion'], 'meadow dusk'],
    ['a pink flamingo on one leg in the water', ['flamingo #ffc0cb'], 'sea'],
    ['a sunflower field under a blue sky', ['3 sunflower'], 'meadow'],
    ['a rose garden', ['3 rose'], 'garden'],
    ['a city park', ['city park'], ''],
    ['waves in shades of blue', [], ''],
    ['a robot on mars', ['robot'], 'desert'],
    ['a koi pond', ['3 koi'], 'lake'],
    ['a fairy in a mushroom forest', ['fairy', '3 mushroom'], 'forest'],
    ['a pumpkin patch', ['3 pumpkin'], 'farm'],
    ['a lantern in the dark', ['lantern'], 'night'],
    ['a green lagoon under a cloudy sky', [], 'lake clouds'],
    ['a snowy plain', [], 'meadow snow'],
    // Kaggle's "Drawing with LLMs" examples: materials and small parts are not things of their own.
    ['orange corduroy overalls', ['overalls #ffa500'], ''],
    ['burgundy corduroy pants with patch pockets and silver buttons', ['pants #800020'], ''],
    ['a purple silk scarf with tassel trim', ['scarf #800080'], ''],
    ['a shell on the sand', ['shell'], 'beach'],
    ['a cherry red car', ['car #c8102e'], ''],
    ['a red and white lighthouse', ['lighthouse #ff0000'], ''],
    ['a rainbow over a waterfall', ['rainbow', 'waterfall'], ''],
  ])('%s', (prompt, objects, scene) => {
    const result = summary(prompt);
    expect(result.objects).toEqual(objects);
    expect(result.scene).toBe(scene);
  });

  it('sets quoted text aside: svgchat never draws words', () => {
    const parsed = parsePrompt('a robot holding a sign with "Let\'s PAINT!" written on it');
    expect(parsed.quoted).toEqual(["Let's PAINT!"]);
    expect(parsed.objects.map((o) => o.phrases[0])).not.toContain('paint');
  });
});

describe('abstract patterns', () => {
  it.each([
    ['concentric circles', 'concentric', 'circle'],
    ['a spiral of hexagons', 'spiral', 'hexagon'],
    ['stripes in pastel colours', 'stripes', 'square'],
    ['a checkerboard', 'checkerboard', 'square'],
    ['a chess board', 'checkerboard', 'square'],
    ['a dragon playing chess', undefined, undefined],
    ['waves in shades of blue', 'waves', 'square'],
    ['a gradient sunset', 'sunset', 'square'],
    ['a mandala', 'mandala', 'square'],
    ['polka dots', 'dots', 'dot'],
    ['a red car', undefined, undefined],
  ])('%s -> %s', (prompt, kind, shape) => {
    const pattern = detectPattern(parsePrompt(prompt).words);
    expect(pattern?.kind).toBe(kind);
    expect(pattern?.shape).toBe(shape);
  });
});

describe('colour words', () => {
  it.each([
    [undefined, 'red', '#ff0000'],
    ['dark', 'green', '#006400'],
    [undefined, 'grey', '#808080'],
    [undefined, 'hexff8800', '#ff8800'],
    [undefined, 'notacolour', undefined],
  ])('%s %s -> %s', (modifier, name, hex) => {
    expect(colorFromWords(modifier, name)).toBe(hex);
  });

  it('makes "pale" and "deep" shades in OKLCH when CSS has no name for them', () => {
    const pale = colorFromWords('pale', 'red')!;
    const deep = colorFromWords('deep', 'red')!;
    expect(pale).toMatch(/^#[0-9a-f]{6}$/);
    expect(parseInt(pale.slice(3, 5), 16)).toBeGreaterThan(parseInt(deep.slice(3, 5), 16));
  });
});

describe('singular', () => {
  it.each([
    ['foxes', 'fox'], ['puppies', 'puppy'], ['cookies', 'cookie'], ['cherries', 'cherry'], ['trees', 'tree'], ['bus', 'bus'], ['mice', 'mouse'],
    ['glasses', 'glass'], ['cactus', 'cactus'], ['leaves', 'leaf'], ['cat', 'cat'], ['tomatoes', 'tomato'],
    // Plurals in -os, -as, -is, -ys and -uses are plurals; a few words so spelt are singular.
    ['flamingos', 'flamingo'], ['avocados', 'avocado'], ['kangaroos', 'kangaroo'], ['pandas', 'panda'], ['llamas', 'llama'],
    ['kiwis', 'kiwi'], ['taxis', 'taxi'], ['monkeys', 'monkey'], ['boys', 'boy'], ['buses', 'bus'], ['walruses', 'walrus'],
    ['octopuses', 'octopus'], ['houses', 'house'], ['horses', 'horse'], ['scarves', 'scarf'], ['calves', 'calf'],
    ['rhinoceros', 'rhinoceros'], ['cosmos', 'cosmos'], ['iris', 'iris'], ['oasis', 'oasis'], ['canvas', 'canvas'], ['octopus', 'octopus'],
  ])('%s -> %s', (word, expected) => expect(singular(word)).toBe(expected));
});
