import { describe, expect, it } from 'vitest';
import { compose } from '../../src/compose/compose.js';
import { parseEdit } from '../../src/compose/edit/parseEdit.js';
import type { Scene, SceneItem } from '../../src/compose/types.js';
import { overlapArea } from '../../src/compose/layout/geometry.js';
import { loadIconLibrary } from '../../src/providers/iconData.js';

const library = loadIconLibrary();
const draw = (prompt: string, previous?: Scene) => compose(prompt, { library, seed: 7, width: 512, height: 512, previous });
const byConcept = (scene: Scene, concept: string) => scene.items.find((item) => item.concept === concept);
const keep = ({ id, concept, source, color, boxes }: SceneItem) => ({ id, concept, source, color, boxes });

describe('follow-up -> edit ops', () => {
  const known = (phrase: string) => ['fox', 'foxes', 'tree', 'dog', 'cat', 'cats'].includes(phrase);
  it.each([
    ['make the fox blue', [{ op: 'color', target: 'fox', color: '#0000ff' }]],
    ['add a moon', [{ op: 'add' }]],
    ['remove the tree', [{ op: 'remove', target: 'tree' }]],
    ['two more cats', [{ op: 'more', target: 'cats', n: 2 }]],
    ['another dog', [{ op: 'more', target: 'dog', n: 1 }]],
    ['make it bigger', [{ op: 'resize', target: '', factor: 1.3 }]],
    ['smaller', [{ op: 'resize', target: '', factor: 0.75 }]],
    ['move the dog to the left', [{ op: 'move', target: 'dog', direction: 'left', amount: 1 }]],
    ['at night', [{ op: 'scene' }]],
    ['make it pastel', [{ op: 'scene' }]],
    ['replace the tree with a house', [{ op: 'replace', target: 'tree' }]],
    ['make the fox blue and add a moon', [{ op: 'color', target: 'fox' }, { op: 'add' }]],
    ['move the dog next to the tree', [{ op: 'place', target: 'dog', kind: 'beside', anchor: 'tree' }]],
    ['put the cat under the tree', [{ op: 'place', target: 'cat', kind: 'under', anchor: 'tree' }]],
    ['add a fox next to it', [{ op: 'add', near: 'beside' }]],
    ['make the dog brown and the cat grey', [{ op: 'color', target: 'dog', color: '#8b4513' }, { op: 'color', target: 'cat', color: '#808080' }]],
    ['change the fox to red and the tree to light green', [{ op: 'color', target: 'fox', color: '#ff0000' }, { op: 'color', target: 'tree' }]],
    ['make the fox red and white', [{ op: 'color', target: 'fox' }]],
    ['a castle on a hill', undefined],
    ['a blue fox', undefined],
  ])('%s', (prompt, ops) => {
    const parsed = parseEdit(prompt, known);
    if (ops === undefined) expect(parsed).toBeUndefined();
    else expect(parsed).toMatchObject(ops);
  });
});

describe('edits change only what was asked', () => {
  const base = draw('a fox, a tree and a dog').scene;
  const others = (scene: Scene, except: string[]) => scene.items.filter((item) => !except.includes(item.concept)).map(keep);

  it('"make the fox blue" recolours the fox and nothing else', () => {
    const { scene, edited } = draw('make the fox blue', base);
    expect(edited).toBe(true);
    expect(byConcept(scene, 'fox')).toMatchObject({ color: '#0000ff', boxes: byConcept(base, 'fox')!.boxes });
    expect(others(scene, ['fox'])).toEqual(others(base, ['fox']));
  });

  it('"add a moon" adds a moon in the sky, away from the others, and moves nothing', () => {
    const { scene } = draw('add a moon', base);
    const moon = byConcept(scene, 'moon')!;
    expect(moon.source).toBe('icon:crescent-moon');
    expect(moon.bbox[1]).toBeLessThan(base.height / 2);
    expect(scene.items.filter((item) => item.concept !== 'moon').map(keep)).toEqual(base.items.map(keep));
  });

  it('"remove the tree" removes only the tree', () => {
    const { scene } = draw('remove the tree', base);
    expect(byConcept(scene, 'tree')).toBeUndefined();
    expect(scene.items.map(keep)).toEqual(base.items.filter((item) => item.concept !== 'tree').map(keep));
  });

  it('"two more cats" makes three cats in a row, without overlap, others untouched', () => {
    const cats = draw('a cat and a house').scene;
    const { scene } = draw('two more cats', cats);
    const cat = byConcept(scene, 'cat')!;
    expect(cat.count).toBe(3);
    expect(cat.boxes).toHaveLength(3);
    for (let i = 1; i < 3; i++) expect(cat.boxes[i][0]).toBeGreaterThanOrEqual(cat.boxes[i - 1][0] + cat.boxes[i - 1][2]);
    expect(byConcept(scene, 'house')!.boxes).toEqual(byConcept(cats, 'house')!.boxes);
  });

  it('"make it bigger" grows the thing in focus', () => {
    const single = draw('a small dog and a house').scene;
    const { scene } = draw('make the dog bigger', single);
    expect(byConcept(scene, 'dog')!.bbox[2]).toBeGreaterThan(byConcept(single, 'dog')!.bbox[2] * 1.2);
    expect(byConcept(scene, 'house')).toEqual(byConcept(single, 'house'));
  });

  it('"move the dog to the left" moves the dog left and leaves the rest', () => {
    const { scene } = draw('move the dog to the left', base);
    expect(byConcept(scene, 'dog')!.bbox[0]).toBeLessThan(byConcept(base, 'dog')!.bbox[0]);
    expect(others(scene, ['dog'])).toEqual(others(base, ['dog']));
  });

  it('"move the cat to the right of the tree" puts the cat right of the tree, not over it; the rest stays', () => {
    const start = draw('a cat, a tree and a house').scene;
    const { scene, edited } = draw('move the cat to the right of the tree', start);
    expect(edited).toBe(true);
    const [cat, tree] = [byConcept(scene, 'cat')!, byConcept(scene, 'tree')!];
    expect(cat.bbox[0]).toBeGreaterThanOrEqual(tree.bbox[0] + tree.bbox[2] - 1);
    expect(overlapArea(cat.bbox, tree.bbox)).toBe(0);
    expect(tree.bbox.slice(1)).toEqual(byConcept(start, 'tree')!.bbox.slice(1));
    expect(byConcept(scene, 'house')).toEqual(byConcept(start, 'house'));
    const left = draw('move the house to the left of the cat', start).scene;
    expect(byConcept(left, 'house')!.bbox[0] + byConcept(left, 'house')!.bbox[2]).toBeLessThanOrEqual(byConcept(left, 'cat')!.bbox[0] + 1);
    expect(byConcept(left, 'tree')).toEqual(byConcept(start, 'tree'));
  });

  it('"add a dog next to it" stands the dog beside the thing in focus, not over it', () => {
    const start = draw('a small cat').scene;
    const { scene } = draw('add a dog next to it', start);
    const [cat, dog] = [byConcept(scene, 'cat')!, byConcept(scene, 'dog')!];
    expect(cat).toEqual(byConcept(start, 'cat'));
    expect(overlapArea(cat.bbox, dog.bbox)).toBe(0);
    expect(dog.bbox[1] + dog.bbox[3]).toBeCloseTo(cat.bbox[1] + cat.bbox[3], 0);
  });

  it('"at night" darkens the sky and adds a moon, every item keeps its place and colour', () => {
    const { scene, svg } = draw('at night', base);
    expect(scene.time).toBe('night');
    expect(byConcept(scene, 'moon')?.prop).toBe('time');
    expect(scene.items.filter((item) => !item.prop).map(keep)).toEqual(base.items.map(keep));
    expect(svg).toContain('stop-color="#060a22"');
  });

  it('a whole new scene starts over', () => {
    const { scene, edited } = draw('a castle on a hill', base);
    expect(edited).toBe(false);
    expect(scene.items.map((item) => item.concept)).toContain('castle');
    expect(byConcept(scene, 'fox')).toBeUndefined();
  });

  it('says so when the thing to change is not there', () => {
    const { notes, scene } = draw('remove the elephant', base);
    expect(notes.join(' ')).toMatch(/no elephant/);
    expect(scene.items.map(keep)).toEqual(base.items.map(keep));
  });

  it('is deterministic: the same edit of the same scene gives the same bytes', () => {
    expect(draw('add two stars', base).svg).toBe(draw('add two stars', base).svg);
  });
});
