import { describe, expect, it } from 'vitest';
import { requestedCount, sceneAdherence } from '../../src/score/sceneAdherence.js';

const item = (concept: string, source: string, count = 1) => ({ concept, source, count });

describe('requested counts', () => {
  it.each([
    ['three cats on a mat', 'cat', 3],
    ['3 red balloons', 'balloon', 3],
    ['a red apple', 'apple', 1],
    ['two small brown dogs', 'dog', 2],
    ['a pack of dogs', 'dog', null],
    ['apples', 'apple', null],
    ['a cat and five fish', 'fish', 5],
    ['a fox', 'hot dog', null],
  ])('%s / %s -> %s', (prompt, concept, expected) => {
    expect(requestedCount(prompt, concept)).toBe(expected);
  });
});

describe('scene adherence', () => {
  it('counts icons as matched and stand-ins for missing icons as not', () => {
    const result = sceneAdherence({ items: [item('cat', 'icon:cat-face'), item('zorblax', 'primitive:blob'), item('quux', 'primitive:rings')], unmatched: [] }, 'a cat, a zorblax and a quux');
    expect(result.items.map((i) => i.matched)).toEqual([true, false, false]);
    expect(result.objects).toBeCloseTo(1 / 3, 5);
  });

  it('counts a primitive as a stand-in when the scene lists its concept as unmatched', () => {
    expect(sceneAdherence({ items: [item('gizmo', 'primitive:circle')], unmatched: ['gizmo'] }, 'a gizmo').objects).toBe(0);
  });

  it('counts shapes and things drawn on purpose from primitives as the real thing', () => {
    expect(sceneAdherence({ items: [item('circles', 'primitive:circles'), item('lighthouse', 'primitive:lighthouse')], unmatched: [] }, 'blue circles and a lighthouse').objects).toBe(1);
  });

  it('counts named things nothing was drawn for against objects', () => {
    const result = sceneAdherence({ items: [item('fox', 'icon:fox')], unmatched: ['moon'] }, 'a fox under a moon');
    expect(result.missing).toEqual(['moon']);
    expect(result.objects).toBe(0.5);
  });

  it('checks the drawn count against the asked count', () => {
    const result = sceneAdherence({ items: [item('cat', 'icon:cat', 3), item('dog', 'icon:dog', 1)], unmatched: [] }, 'three cats and two dogs');
    expect(result.items.map((i) => i.requestedCount)).toEqual([3, 2]);
    expect(result.counts).toBe(0.5);
  });

  it('leaves counts out when the prompt names no number', () => {
    expect(sceneAdherence({ items: [item('cat', 'icon:cat', 2)], unmatched: [] }, 'cats').counts).toBeNull();
  });
});

describe('scene adherence and props', () => {
  it('leaves out things the setting brought that the user did not name', () => {
    const result = sceneAdherence({ items: [item('fox', 'icon:fox'), { ...item('tree', 'icon:tree', 4), prop: 'setting' }], unmatched: [] }, 'a fox in a forest');
    expect(result.items.map((i) => i.concept)).toEqual(['fox']);
    expect(result.objects).toBe(1);
  });
});
