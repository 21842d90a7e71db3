import { describe, expect, it } from 'vitest';
import { compose } from '../../src/compose/compose.js';
import { overlapArea } from '../../src/compose/layout/geometry.js';
import { checkProfile } from '../../src/svg/profiles.js';
import { loadIconLibrary } from '../../src/providers/iconData.js';
import { distinctColors, renderPixels, shareOfHue } from '../helpers/pixels.js';

const library = loadIconLibrary();
const draw = (prompt: string, seed = 1, profile: 'default' | 'kaggle' = 'default') => compose(prompt, { library, seed, width: 512, height: 512, profile });

const TYPICAL = [
  'a red fox in a snowy forest at dusk', 'a cow and a pig on a farm', 'an astronaut and the moon in space',
  'a fox, a dog, a tree, a house and a car', 'a city at night', 'five red balloons', 'a lighthouse on a beach',
  'a spiral of hexagons', 'a mandala', 'a neon guitar', 'a robot in line art', 'two yellow ducks on a lake',
];

describe('compose', () => {
  it('is byte-identical for the same prompt and seed, and varies with the seed', () => {
    expect(draw('three cats in a garden', 5).svg).toBe(draw('three cats in a garden', 5).svg);
    expect(draw('three cats in a garden', 6).svg).not.toBe(draw('three cats in a garden', 5).svg);
  });

  it('places every object of a five-object prompt', () => {
    const { scene } = draw('a fox, a dog, a tree, a house and a car');
    expect(scene.items.map((item) => item.source)).toEqual(['icon:fox', 'icon:dog', 'icon:deciduous-tree', 'icon:house', 'icon:automobile']);
  });

  it('places counts without overlap', () => {
    for (const prompt of ['three cats', 'seven apples', 'twelve stars', 'two dogs and three cats']) {
      const boxes = draw(prompt).scene.items.flatMap((item) => item.boxes);
      for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlapArea(boxes[i], boxes[j]), `${prompt}: ${i} vs ${j}`).toBe(0);
    }
    expect(draw('twelve stars').scene.items[0].count).toBe(12);
  });

  it('puts farther rows higher and smaller (depth)', () => {
    const [item] = draw('eight sheep in a meadow').scene.items;
    const front = item.boxes.reduce((a, b) => (a[1] + a[3] > b[1] + b[3] ? a : b));
    const back = item.boxes.reduce((a, b) => (a[1] + a[3] < b[1] + b[3] ? a : b));
    expect(back[2]).toBeLessThan(front[2]);
    expect(back[1] + back[3]).toBeLessThan(front[1] + front[3]);
  });

  it('honours relations', () => {
    const cat = draw('a cat on a table').scene;
    const [c, t] = [cat.items[0].bbox, cat.items[1].bbox];
    expect(c[1] + c[3]).toBeLessThan(t[1] + t[3] * 0.6);
    const left = draw('a cat to the left of a dog').scene;
    expect(left.items[0].bbox[0]).toBeLessThan(left.items[1].bbox[0]);
    const right = draw('a cat to the right of a dog').scene;
    expect(right.items[0].bbox[0]).toBeGreaterThan(right.items[1].bbox[0]);
    const above = draw('a bird above a house').scene;
    expect(above.items[0].bbox[1] + above.items[0].bbox[3]).toBeLessThanOrEqual(above.items[1].bbox[1] + 1);
  });

  it('draws a holder and what it holds where the icon set has them apart', () => {
    const basket = draw('a basket of eggs').scene.items;
    expect(basket.map((item) => [item.source, item.count])).toEqual([['icon:basket', 1], ['icon:egg', 3]]);
    // The eggs sit in the basket: above its middle, within its width.
    const [[bx, by, bw, bh], [ex, ey, ew, eh]] = basket.map((item) => item.bbox);
    expect(ey + eh).toBeLessThan(by + bh * 0.75);
    expect(ex).toBeGreaterThanOrEqual(bx - 1);
    expect(ex + ew).toBeLessThanOrEqual(bx + bw + 1);
    // Flowers stand out of a vase's neck, said either way.
    for (const prompt of ['a vase of flowers', 'four purple flowers in a vase']) {
      const [vase, flowers] = [...draw(prompt).scene.items].sort((a) => (a.source === 'icon:amphora' ? -1 : 1));
      expect(flowers.bbox[1] + flowers.bbox[3]).toBeLessThan(vase.bbox[1] + vase.bbox[3] * 0.3);
    }
    // The icon set draws these whole: one item, no second holder.
    expect(draw('a bowl of rice').scene.items.map((item) => item.source)).toEqual(['icon:cooked-rice']);
    expect(draw('a cup of coffee').scene.items.map((item) => item.source)).toEqual(['icon:hot-beverage']);
  });

  it('draws a chess board as the pattern alone, not also a clapper board', () => {
    expect(draw('a chess board').scene).toMatchObject({ items: [], pattern: { kind: 'checkerboard' } });
  });

  it('draws rainbow patterns in the rainbow\'s colours, and lines as the pattern, not as things', () => {
    expect(draw('rainbow stripes').scene.pattern?.colors.length).toBeGreaterThanOrEqual(5);
    expect(draw('a rainbow pattern').scene.pattern?.colors.length).toBeGreaterThanOrEqual(5);
    expect(draw('wavy lines in blue and green').scene).toMatchObject({ items: [], pattern: { kind: 'waves', colors: ['#0000ff', '#008000'] } });
    expect(draw('diagonal lines').scene).toMatchObject({ items: [], pattern: { kind: 'stripes', direction: 'diagonal' } });
  });

  it('keeps the relations of the other objects when a pattern word is taken out ("stripes behind a dog next to a cat")', () => {
    // The pattern's words leave the object list; a relation must still name the objects it was said of.
    const [dog, cat] = draw('stripes behind a dog next to a cat').scene.items;
    expect([dog.concept, cat.concept]).toEqual(['dog', 'cat']);
    expect(overlapArea(dog.bbox, cat.bbox)).toBe(0);
    expect(Math.abs(dog.bbox[1] + dog.bbox[3] - (cat.bbox[1] + cat.bbox[3]))).toBeLessThan(2); // side by side, same ground line
  });

  it('shows the sun it lists for dusk and dawn: not hidden behind a forest\'s trees', () => {
    for (const prompt of ['a red fox in a snowy forest at dusk', 'a cabin in a forest at dawn', 'a lighthouse on a beach at dusk', 'a deer in a forest at dawn']) {
      for (const seed of [1, 2, 3]) {
        const { items } = draw(prompt, seed).scene;
        const sun = items.find((item) => item.concept === 'sun');
        expect(sun, prompt).toBeDefined();
        const box = sun!.bbox;
        // The share of the sun's box under the boxes of anything drawn over it (a higher z), on a 20x20 grid:
        // an upper bound of what is hidden (an icon does not fill its box).
        const over = items.filter((item) => item.z > sun!.z).flatMap((item) => item.boxes);
        let hidden = 0;
        for (let i = 0; i < 20; i++) {
          for (let j = 0; j < 20; j++) {
            const [x, y] = [box[0] + ((i + 0.5) / 20) * box[2], box[1] + ((j + 0.5) / 20) * box[3]];
            if (over.some((b) => x > b[0] && x < b[0] + b[2] && y > b[1] && y < b[1] + b[3])) hidden++;
          }
        }
        expect(hidden / 400, `${prompt} (seed ${seed})`).toBeLessThan(0.5);
      }
    }
  });

  it('paints "brown" brown: CSS brown (#a52a2a) is a dark red', () => {
    const image = renderPixels(draw('a brown dog').svg, 128);
    expect(shareOfHue(image, 15, 45)).toBeGreaterThan(0.05);
    expect(shareOfHue(image, 350, 12)).toBeLessThan(0.01);
  });

  it('paints a setting in the colour said of it: a purple forest has purple trees', () => {
    const trees = draw('a purple forest at dusk').scene.items.filter((item) => item.prop === 'setting');
    expect(trees.length).toBeGreaterThan(0);
    expect(trees.every((item) => item.color === '#800080')).toBe(true);
    const image = renderPixels(draw('a purple forest at dusk').svg, 128);
    expect(shareOfHue(image, 270, 320)).toBeGreaterThan(0.05);
  });

  it('puts a ship in a storm on the sea, not on grass', () => {
    expect(draw('a pirate ship in a storm').scene.setting).toBe('sea');
    expect(draw('a pirate ship').scene.setting).toBeUndefined();
  });

  it('fills a setting with what it implies', () => {
    expect(draw('a forest').scene.items.filter((item) => item.prop === 'setting' && item.concept === 'tree').length).toBeGreaterThan(0);
    expect(draw('a fox at night').scene.items.some((item) => item.concept === 'moon' && item.prop === 'time')).toBe(true);
  });

  it('uses <symbol> and <use> for repeated drawings', () => {
    const { svg } = draw('six apples');
    expect(svg.match(/<symbol /g)).toHaveLength(1);
    expect(svg.match(/<use /g)).toHaveLength(6);
  });

  it.each(TYPICAL)('"%s" stays under 10,000 bytes and fits the kaggle profile', (prompt) => {
    const { svg } = draw(prompt, 1, 'kaggle');
    expect(Buffer.byteLength(svg)).toBeLessThan(10_000);
    expect(checkProfile(svg, 'kaggle')).toEqual([]);
    // Coordinates carry one decimal, scale factors two: nothing longer.
    expect(svg).not.toMatch(/\d\.\d{3}/);
  });

  it('squeezes a crowded scene into the kaggle budget and says so', () => {
    const prompt = 'a fire truck, a castle, a dragon, a robot, a unicorn, a piano, a rocket, a helicopter, a ferris wheel, a volcano and a stadium in a forest at night';
    const plain = draw(prompt);
    const kaggle = draw(prompt, 1, 'kaggle');
    expect(Buffer.byteLength(plain.svg)).toBeGreaterThan(10_000);
    expect(Buffer.byteLength(kaggle.svg)).toBeLessThan(10_000);
    expect(checkProfile(kaggle.svg, 'kaggle')).toEqual([]);
    expect(kaggle.notes.join(' ')).toMatch(/kaggle/);
  });
});

describe('hostile and odd prompts give a valid SVG and a note, never a crash', () => {
  it.each([
    ['nonsense', 'blorp zizzle wumpf'],
    ['empty after trim', '   \n\t  '],
    ['a 10 KB prompt', 'a red fox jumping over a lazy dog '.repeat(300)],
    ['emoji only, none in the icon set', '🫟🪾'],
    ['non-English', '一只红色的狐狸在雪地里'],
    ['quotes and symbols', '<script>alert(1)</script> "hello" & ;; --'],
  ])('%s', (_label, prompt) => {
    const started = performance.now();
    const { svg, notes } = draw(prompt);
    expect(performance.now() - started).toBeLessThan(500);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 512 512"/);
    expect(checkProfile(svg, 'default')).toEqual([]);
    expect(notes.length).toBeGreaterThan(0);
    expect(distinctColors(renderPixels(svg, 64))).toBeGreaterThan(1);
  });

  it('draws emoji as their icons', () => {
    const { scene } = draw('🦊 in a 🌲 forest');
    expect(scene.setting).toBe('forest');
    expect(scene.items[0]).toMatchObject({ concept: 'fox', source: 'icon:fox' });
    expect(draw('🫨').scene.items[0].source).toBe('icon:shaking-face');
    expect(draw('🦊🌲🌙').scene.items.map((item) => item.source).sort()).toEqual(['icon:crescent-moon', 'icon:evergreen-tree', 'icon:fox']);
  });

  it('says how it read the emoji, and which it has no drawing of', () => {
    expect(draw('🦊🌲🌙').notes).toContain('read the emoji 🦊 as fox, 🌲 as evergreen tree, 🌙 as crescent moon');
    const { notes } = draw('🫟🪾');
    expect(notes).toContain('the icon set has no drawing of 🫟 🪾: left out');
    expect(notes.join('\n')).toMatch(/found nothing to draw in "🫟🪾"/);
  });
});

describe('places after in and at', () => {
  const sources = (prompt: string) => draw(prompt).scene.items.filter((item) => !item.prop).map((item) => item.source);

  it('maps a place it knows to a setting, and draws no stand-in for one it does not', () => {
    expect(draw('a kangaroo in the outback').scene.setting).toBe('desert');
    expect(draw('a cow in the pasture').scene.setting).toBe('meadow');
    expect(draw('a fish in the harbor').scene.setting).toBe('underwater');
    expect(sources('a kangaroo in the outback')).toEqual(['icon:kangaroo']);
    // No icon for a cage, and only a keyword of food icons for a restaurant: the place is dropped, with a note.
    for (const [prompt, subject] of [['a cat in a cage', 'icon:cat'], ['a chef in the restaurant', 'icon:cook'], ['a dog at the market', 'icon:dog']]) {
      const { scene, notes } = draw(prompt);
      expect(scene.items.map((item) => item.source), prompt).toEqual([subject]);
      expect(scene.unmatched, prompt).toEqual([]);
      expect(notes.join(' '), prompt).toMatch(/as the place/);
    }
    // Places the icon set draws stay things: a cat in a box, a bird in a nest.
    expect(sources('a cat in a box')).toEqual(['icon:cat', 'icon:package']);
    expect(sources('a bird in a nest')).toEqual(['icon:bird', 'icon:nest-with-eggs']);
  });
});

describe('a relation after a list of subjects', () => {
  it('holds for each of them, side by side on the target', () => {
    const { scene } = draw('a boy and a girl on a bench');
    const [boy, girl, bench] = scene.items.map((item) => item.bbox);
    for (const person of [boy, girl]) {
      // Standing on the bench's seat, within its width.
      expect(person[1] + person[3]).toBeLessThan(bench[1] + bench[3] * 0.6);
      expect(person[0]).toBeGreaterThanOrEqual(bench[0] - 1);
      expect(person[0] + person[2]).toBeLessThanOrEqual(bench[0] + bench[2] + 1);
    }
    expect(overlapArea(boy, girl)).toBe(0);
    const under = draw('a cat, a dog and a rabbit under a tree').scene.items;
    const tree = under[3].bbox;
    for (const animal of under.slice(0, 3)) expect(animal.bbox[1] + animal.bbox[3], animal.concept).toBeGreaterThan(tree[1] + tree[3] * 0.8);
  });

  it('keeps every copy on a sofa, not on its lamp', () => {
    const [cats, sofa] = draw('two cats on a sofa').scene.items;
    expect(cats.count).toBe(2);
    for (const box of cats.boxes) expect(box[0] + box[2]).toBeLessThanOrEqual(sofa.bbox[0] + sofa.bbox[2] * 0.8);
  });
});

describe('sizes said with a relation', () => {
  it('win over the relation’s default size', () => {
    const [whale, boat] = draw('a huge whale under a tiny boat').scene.items.map((item) => item.bbox);
    expect(whale[2]).toBeGreaterThan(boat[2] * 1.4);
    // Below the boat, not drawn over it.
    expect(whale[1]).toBeGreaterThan(boat[1] + boat[3] * 0.6);
    const [cat, car] = draw('a giant cat on a tiny car').scene.items.map((item) => item.bbox);
    expect(cat[2]).toBeGreaterThan(car[2] * 1.4);
    const [elephant, ball] = draw('a tiny elephant on a huge ball').scene.items.map((item) => item.bbox);
    expect(elephant[2]).toBeLessThan(ball[2] * 0.3);
    // Unsaid sizes keep the relation's default (a whale under a boat is half its width).
    const [plainWhale, plainBoat] = draw('a whale under a boat').scene.items.map((item) => item.bbox);
    expect(plainWhale[2]).toBeCloseTo(plainBoat[2] * 0.5, 0);
  });
});

describe('a pair of things whose icon is a pair', () => {
  it('draws the pair once; a pair of single things twice', () => {
    const count = (prompt: string) => draw(prompt).scene.items.filter((item) => !item.prop).map((item) => [item.source, item.count]);
    expect(count('a pair of socks')).toEqual([['icon:socks', 1]]);
    expect(count('a pair of gloves')).toEqual([['icon:gloves', 1]]);
    expect(count('a pair of skis')).toEqual([['icon:skis', 1]]);
    expect(count('a pair of shoes')).toEqual([['icon:running-shoe', 2]]);
    expect(count('a pair of penguins')).toEqual([['icon:penguin', 2]]);
    // Two said outright are two of the drawing.
    expect(count('two socks')).toEqual([['icon:socks', 2]]);
  });
});

describe('verbs that place', () => {
  const items = (prompt: string) => draw(prompt).scene.items.filter((item) => !item.prop);
  const overlaps = (a: number[], b: number[]) => overlapArea(a as [number, number, number, number], b as [number, number, number, number]) > 0;

  it('puts what is held at the holder\'s side, over its hand, smaller, and keeps its colour and count', () => {
    for (const prompt of ['a woman carrying an umbrella', 'a child reading a book', 'a chef holding a pizza', 'a girl holding a red balloon', 'a child hugging a teddy bear']) {
      const [holder, held] = items(prompt);
      const [hx, hy, hw, hh] = holder.bbox;
      const [x, y, w] = held.bbox;
      expect(w, prompt).toBeLessThan(hw * 0.6);
      expect(overlaps(held.bbox, holder.bbox), prompt).toBe(true);
      expect(x + w / 2, prompt).toBeGreaterThan(hx + hw / 2);
      expect(y, prompt).toBeGreaterThan(hy - hh * 0.5);
      expect(held.z, prompt).toBeGreaterThan(holder.z);
    }
    const [, balloon] = items('a girl holding a red balloon');
    expect(balloon.color).toBeDefined();
    const [boys, balloons] = items('two boys holding three balloons');
    expect([boys.count, balloons.count]).toEqual([2, 3]);
    // Each boy holds some: the balloons are not all by the first.
    expect(boys.boxes.every((box) => balloons.boxes.some((b) => overlaps(b, box)))).toBe(true);
  });

  it('moves the holder, not what it holds, when a place follows ("reading a book under a tree")', () => {
    const [woman, book, tree] = items('a woman reading a book under a tree');
    expect([woman.source, book.source, tree.source]).toEqual(['icon:woman-standing', 'icon:closed-book', 'icon:deciduous-tree']);
    expect(woman.bbox[1] + woman.bbox[3]).toBeLessThanOrEqual(tree.bbox[1] + tree.bbox[3] + 1);
    expect(overlaps(book.bbox, woman.bbox)).toBe(true);
  });

  it('puts a chaser behind what it chases, both facing the way the icons face (left)', () => {
    for (const [prompt, chaser, chased] of [['a dog chasing a cat', 0, 1], ['a cat chasing a mouse', 0, 1], ['a man walking a dog', 0, 1], ['a wolf following a deer', 0, 1], ['a police car chasing a red car', 0, 1], ['three dogs chasing a ball', 0, 1]] as const) {
      const scene = items(prompt);
      const ahead = Math.max(...scene[chased].boxes.map((box) => box[0] + box[2]));
      for (const box of scene[chaser].boxes) expect(box[0], prompt).toBeGreaterThanOrEqual(ahead - 1);
      expect(scene[chaser].flip ?? false, prompt).toBe(false);
    }
    const [dogs, ball] = items('three dogs chasing a ball');
    expect([dogs.count, ball.count]).toEqual([3, 1]);
    expect(items('a police car chasing a red car')[1].color).toBeDefined();
  });

  it('hangs a thing from the middle of what holds it, in front of it, not beside it on the ground', () => {
    for (const prompt of ['a monkey hanging from a tree', 'a sloth hanging from a tree', 'two monkeys hanging from a tree in the jungle']) {
      const [hanging, tree] = items(prompt);
      const [tx, ty, tw, th] = tree.bbox;
      for (const [x, y, w] of hanging.boxes) {
        expect(x + w / 2, prompt).toBeGreaterThan(tx);
        expect(x + w / 2, prompt).toBeLessThan(tx + tw);
        expect(y, prompt).toBeGreaterThan(ty + th * 0.2);
        expect(y, prompt).toBeLessThan(ty + th * 0.6);
      }
      expect(hanging.z, prompt).toBeGreaterThan(tree.z);
    }
    expect(items('two monkeys hanging from a tree in the jungle')[0].count).toBe(2);
  });
});
