import { describe, expect, it } from 'vitest';
import { compose } from '../../src/compose/compose.js';
import { loadIconLibrary } from '../../src/providers/iconData.js';
import type { SceneItem } from '../../src/compose/types.js';

const library = loadIconLibrary();
const items = (prompt: string): SceneItem[] => compose(prompt, { library, seed: 1, width: 512, height: 512, profile: 'default' }).scene.items.filter((item) => !item.prop);
/** The drawn size of each named thing (one copy's box side). */
const sizes = (prompt: string) => items(prompt).map((item) => item.boxes[0][2]);

describe('things of different real sizes in one scene', () => {
  it('draws the small thing smaller than the big one beside it, never below 30% of it', () => {
    const smaller: [string, number][] = [
      ['a man kicking a football', 0.5], ['a dog playing with a ball', 0.5], ['a mouse next to an elephant', 0.45], ['a cat and a house', 0.45],
      ['a car next to a truck', 0.8], ['a child and a giraffe', 0.6], ['a horse and a dog', 0.8], ['a snail next to a turtle', 0.6],
      ['a coin and a cup', 0.6], ['a man standing next to a house', 0.6], ['a whale and a fish underwater', 0.5],
    ];
    for (const [prompt, most] of smaller) {
      const [a, b] = sizes(prompt);
      const [small, big] = a < b ? [a, b] : [b, a];
      expect(small / big, prompt).toBeLessThan(most);
      expect(small / big, prompt).toBeGreaterThanOrEqual(0.29);
    }
    // The one that is small in the world is the one drawn small, whichever is said first.
    const [man, ball] = sizes('a man kicking a football');
    expect(ball).toBeLessThan(man);
    const [mouse, elephant] = sizes('a mouse next to an elephant');
    expect(mouse).toBeLessThan(elephant);
    // A young animal is drawn smaller than the grown one, though both are the duck icon.
    const [duck, ducklings] = sizes('a duck followed by three ducklings');
    expect(ducklings).toBeLessThan(duck * 0.7);
    // A toy car is a toy's size, not a car's.
    const [teddy, toyCar] = sizes('a teddy bear to the right of a toy car');
    expect(teddy).toBeCloseTo(toyCar, 5);
  });

  it('keeps a size said ("a huge mouse") over the real sizes', () => {
    const [mouse, elephant] = sizes('a huge mouse next to an elephant');
    expect(mouse).toBeGreaterThan(elephant);
    const [tinyElephant, bigMouse] = sizes('a tiny elephant and a big mouse');
    expect(tinyElephant).toBeLessThan(bigMouse);
    const [bigElephant, smallMouse] = sizes('a big elephant and a small mouse');
    expect(bigElephant).toBeGreaterThan(smallMouse);
  });

  it('draws a thing much smaller than what it is on smaller than the relation alone would', () => {
    const [bee, flower] = sizes('a bee on a flower');
    expect(bee).toBeLessThan(flower * 0.45);
    const [cup, table] = sizes('a cup of coffee on a table');
    expect(cup).toBeLessThan(table * 0.55);
    const [bird, tree] = sizes('a bird on a tree');
    expect(bird).toBeLessThan(tree * 0.55);
    // The relations' caps still hold for things of like size, and a held thing stays in the hand.
    const [cat, catTable] = sizes('a cat on a table');
    expect(cat).toBeLessThanOrEqual(catTable * 0.63);
    expect(cat).toBeGreaterThan(catTable * 0.5);
    const [boy, balloon] = sizes('a boy holding a balloon');
    expect(balloon).toBeLessThan(boy * 0.6);
    const [apple, appleTree] = sizes('an apple hanging from a tree');
    expect(apple).toBeLessThanOrEqual(appleTree * 0.4);
    expect(apple).toBeGreaterThanOrEqual(appleTree * 0.29);
  });

  it('leaves a single thing, and things of like size, as they were', () => {
    expect(sizes('an elephant')[0]).toBeCloseTo(sizes('a ball')[0], 5);
    const [pizza, hamburger] = sizes('a pizza and a hamburger');
    expect(pizza).toBeCloseTo(hamburger, 5);
    // Things of unknown size are not shrunk next to known ones.
    const [robot, mouse] = sizes('a robot and a mouse');
    expect(mouse).toBeCloseTo(robot, 5);
  });
});

describe('a row of things of different sizes', () => {
  it('gives its biggest thing the room the smaller ones leave, rather than sizing it for a row of equals', () => {
    const [manWithBall] = sizes('a man and a ball');
    const [manWithWoman] = sizes('a man and a woman');
    expect(manWithBall).toBeGreaterThan(manWithWoman * 1.2);
    const [elephant] = sizes('a big elephant and a small mouse');
    const [elephantWithElephant] = sizes('a big elephant and a big elephant');
    expect(elephant).toBeGreaterThan(elephantWithElephant * 1.2);
    // Still within the picture, and rows of equals are as they were.
    for (const prompt of ['a man and a ball', 'a big elephant and a small mouse', 'a giraffe, a mouse, a bee and a car']) {
      for (const item of items(prompt)) for (const [x, , w] of item.boxes) expect(x + w, prompt).toBeLessThanOrEqual(512);
    }
  });
});
