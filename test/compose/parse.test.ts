import { describe, expect, it } from 'vitest';
import { parsePrompt, colorFromWords } from '../../src/compose/parse.js';
import { singular } from '../../src/compose/terms.js';

describe('parsePrompt', () => {
  it.each([
    ['a red apple', [{ head: 'apple', color: '#ff0000' }]],
    ['a blue bicycle', [{ head: 'bicycle', color: '#0000ff' }]],
    ['A Light Blue car', [{ head: 'car', color: '#add8e6' }]],
    ['a fox and a green tree', [{ head: 'fox' }, { head: 'tree', color: '#008000' }]],
    ['an apple, red', [{ head: 'apple', color: '#ff0000' }]],
    ['draw me a picture of a hot air balloon', [{ head: 'hot air balloon' }]],
    ['#ff8800 cat', [{ head: 'cat', color: '#ff8800' }]],
    ['', []],
  ])('%s', (prompt, expected) => {
    const parsed = parsePrompt(prompt);
    expect(parsed.objects.map((o) => ({ head: o.phrases[0], ...(o.color ? { color: o.color } : {}) }))).toEqual(expected);
  });

  it('offers shorter phrases after the full one, head noun first', () => {
    expect(parsePrompt('hot air balloon').objects[0].phrases).toEqual(['hot air balloon', 'air balloon', 'balloon', 'air', 'hot']);
  });
});

describe('colour words', () => {
  it.each([
    [undefined, 'red', '#ff0000'],
    ['dark', 'green', '#006400'],
    [undefined, 'grey', '#808080'],
    [undefined, 'notacolour', undefined],
  ])('%s %s -> %s', (modifier, name, hex) => {
    expect(colorFromWords(modifier, name)).toBe(hex);
  });
});

describe('singular', () => {
  it.each([
    ['foxes', 'fox'], ['puppies', 'puppy'], ['trees', 'tree'], ['bus', 'bus'], ['mice', 'mouse'],
    ['glasses', 'glass'], ['cactus', 'cactus'], ['leaves', 'leaf'], ['cat', 'cat'], ['tomatoes', 'tomato'],
  ])('%s -> %s', (word, expected) => expect(singular(word)).toBe(expected));
});
