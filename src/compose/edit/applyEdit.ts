// Applies follow-up edits to a stored scene, changing only what was asked: every other item keeps
// its id, boxes and colour. Added things go where nothing is yet.
import { clampBox, overlapArea, roundBox, union } from '../layout/geometry.js';
import type { RelationKind } from '../parse/lexicon.js';
import { placeRelative, surfaceOf, type Relative } from '../layout/relations.js';
import { scatterBox, type Region } from '../layout/scatter.js';
import { stageFor } from '../layout/stage.js';
import { seededRandom, type Random } from '../random.js';
import { itemsFromLayout, propItems, resolveObjects, type PlanOptions } from '../plan.js';
import { retrieve } from '../retrieve/retrieve.js';
import { singular } from '../retrieve/terms.js';
import type { Box, Scene, SceneItem } from '../types.js';
import { FOCUS, type EditOp } from './parseEdit.js';

const ALL = /^(all|everything|them|they|things)$/;

/** Items a phrase refers to: by the words the user used, or by drawing ("puppy" finds the dog). */
export function findItems(scene: Scene, phrase: string, options: PlanOptions): SceneItem[] {
  const words = phrase.split(' ').filter(Boolean).map(singular);
  if (words.length === 0) return scene.items.filter((item) => item.id === scene.focus).slice(0, 1).concat(scene.focus ? [] : scene.items.filter((i) => !i.prop).slice(0, 1));
  if (words.every((w) => ALL.test(w))) return scene.items.filter((item) => !item.prop);
  const head = words.at(-1)!;
  const byWord = scene.items.filter((item) => item.concept.split(' ').map(singular).includes(head));
  if (byWord.length > 0) return byWord;
  const source = retrieve({ phrases: [words.join(' '), head], count: 1, countSaid: false, size: 1 }, options.library).source;
  return scene.items.filter((item) => item.source === source || item.source.replace(/^icon:/, '').split('-').includes(head));
}

function nextId(scene: Scene): number {
  return Math.max(0, ...scene.items.map((item) => Number(item.id.slice(1)) || 0)) + 1;
}

function refresh(item: SceneItem, boxes: Box[], width: number, height: number): SceneItem {
  const clamped = boxes.map((box) => roundBox(clampBox(box, width, height)));
  return { ...item, boxes: clamped, count: clamped.length, bbox: roundBox(union(clamped)) };
}

/** Where a new thing may go: sky things in the sky, the rest on the ground band. */
function regionFor(scene: Scene, placement: SceneItem['placement'], size: number): Region {
  const stage = stageFor(scene.height, scene.setting, scene.time, scene.weather);
  const { width, height } = scene;
  if (placement === 'sky') return { left: width * 0.03, right: width * 0.97, top: height * 0.03, bottom: stage.kind === 'ground' ? stage.horizon : height * 0.45 };
  if (stage.kind === 'ground') return { left: width * 0.02, right: width * 0.98, top: stage.horizon + (stage.front - stage.horizon) * 0.3 - size, bottom: stage.front + size * 0.02 };
  return { left: width * 0.03, right: width * 0.97, top: height * 0.08, bottom: height * 0.97 };
}

function typicalSize(scene: Scene): number {
  const sizes = scene.items.filter((item) => !item.prop && item.placement !== 'sky').flatMap((item) => item.boxes.map((box) => box[2])).sort((a, b) => a - b);
  return sizes.length > 0 ? sizes[Math.floor(sizes.length / 2)] : Math.min(scene.width, scene.height) * 0.32;
}

function addThings(scene: Scene, op: Extract<EditOp, { op: 'add' }>, options: PlanOptions, random: Random, notes: string[]): Scene {
  const { parsed } = op;
  // A relation target that names something already there ("a hat on the cat") is that thing, not a new one.
  const existing = new Map<number, SceneItem>();
  parsed.relations.forEach((relation) => {
    const found = findItems(scene, parsed.objects[relation.target].phrases[0], options);
    if (found.length > 0) existing.set(relation.target, found[0]);
  });
  const fresh = parsed.objects.map((_, i) => i).filter((i) => !existing.has(i));
  const resolved = resolveObjects({ ...parsed, objects: fresh.map((i) => parsed.objects[i]) }, options, notes);
  const taken = scene.items.flatMap((item) => item.boxes);
  const size = typicalSize(scene);
  const placed = resolved.map((object, k) => {
    const index = fresh[k];
    const said = parsed.relations.find((r) => r.subject === index);
    const relation = said ?? (op.near && !parsed.relations.some((r) => r.target === index) ? { kind: op.near } : undefined);
    const targetItem = said ? existing.get(said.target) : relation ? findItems(scene, FOCUS, options)[0] : undefined;
    if (relation && targetItem) {
      const relative = relativeInCanvas(scene, relation.kind, targetItem, targetItem.boxes[0][2] * object.size, object.count, taken);
      taken.push(...relative.boxes);
      return { boxes: relative.boxes, z: targetItem.z + relative.zOffset * 0.5 + 0.01 * k };
    }
    const own = (object.placement === 'sky' ? Math.min(size, scene.width * 0.18) : size) * object.size;
    const boxes: Box[] = [];
    for (let c = 0; c < object.count; c++) {
      const box = scatterBox(own, regionFor(scene, object.placement, own), [...taken, ...boxes], random);
      boxes.push(box);
    }
    taken.push(...boxes);
    return { boxes, z: object.placement === 'sky' ? 6 : 100 + 0.01 * k };
  });
  const items = itemsFromLayout(resolved, placed, nextId(scene)).map((item) => refresh(item, item.boxes, scene.width, scene.height));
  const unmatched = resolved.filter((o) => o.fallback).map((o) => o.concept);
  for (const concept of unmatched) notes.push(`nothing in the icon set matched "${concept}": drew a stand-in shape`);
  return { ...scene, items: [...scene.items, ...items], unmatched: [...scene.unmatched, ...unmatched], focus: items[0]?.id ?? scene.focus };
}

function moreCopies(scene: Scene, item: SceneItem, n: number): SceneItem {
  if (n < 0) return refresh(item, item.boxes.slice(0, Math.max(0, item.boxes.length + n)), scene.width, scene.height);
  // All copies in one row at the same depth, as many as asked, shrunk only if the row would not fit.
  const total = item.boxes.length + n;
  const [, , w] = item.boxes[0];
  const bottom = Math.max(...item.boxes.map((box) => box[1] + box[3]));
  const size = Math.min(w, (scene.width * 0.94) / (total * 1.08));
  const rowWidth = total * size * 1.08 - size * 0.08;
  const [bx, , bw] = item.bbox;
  const left = Math.min(Math.max(bx + bw / 2 - rowWidth / 2, scene.width * 0.03), scene.width * 0.97 - rowWidth);
  const boxes = Array.from({ length: total }, (_, i): Box => [left + i * size * 1.08, bottom - size, size, size]);
  return refresh(item, boxes, scene.width, scene.height);
}

/** Grows or shrinks all copies together, from their feet (on the ground) or their middle (in the sky). */
function resizeGroup(scene: Scene, item: SceneItem, wanted: number): Box[] {
  const [bx, by, bw, bh] = item.bbox;
  const factor = Math.min(wanted, (scene.width * 0.98) / bw, (scene.height * 0.98) / bh);
  const cx = bx + bw / 2;
  const anchorY = item.placement === 'sky' ? by + bh / 2 : by + bh;
  return item.boxes.map(([x, y, w, h]): Box => [cx + (x - cx) * factor, anchorY + (y - anchorY) * factor, w * factor, h * factor]);
}

/**
 * Boxes for `count` copies placed `kind` an item already in the picture. Beside, left and right need room on
 * that side of the canvas and free of other things: "beside" tries the right, then the left, and a thing that
 * does not fit is drawn smaller (down to a quarter of its size) rather than over what it stands beside.
 */
function relativeInCanvas(scene: Scene, kind: RelationKind, anchor: SceneItem, size: number, count: number, taken: Box[]): Relative {
  const box = anchor.boxes[0];
  if (kind !== 'beside' && kind !== 'left' && kind !== 'right') return placeRelative(kind, box, size, count, surfaceOf(anchor.source));
  const natural = Math.min(size, box[2] * 1.1);
  const sides = kind === 'beside' ? (['right', 'left'] as const) : [kind];
  const others = [...taken, ...anchor.boxes];
  let best: { boxes: Box[]; overlap: number } | undefined;
  const room = (side: 'left' | 'right') => (side === 'right' ? scene.width - 2 - (box[0] + box[2]) : box[0] - 2) / (count * 1.1 + 0.1);
  const scales = [1, 0.85, 0.7, 0.6, 0.5, 0.42, 0.35, ...sides.map((side) => room(side) / natural).filter((scale) => scale >= 0.25 && scale < 0.35)];
  for (const scale of scales) {
    for (const side of sides) {
      const boxes = placeRelative(side, box, natural * scale, count).boxes.map((b) => clampBox(b, scene.width, scene.height));
      const overlap = boxes.reduce((sum, b) => sum + others.reduce((area, other) => area + overlapArea(b, other), 0), 0);
      if (overlap === 0) return { boxes, zOffset: 0 };
      if (!best || overlap < best.overlap * 0.5) best = { boxes, overlap };
    }
  }
  return { boxes: best!.boxes, zOffset: 0 };
}

/**
 * "Move the cat to the right of the tree" when the two stand side by side with no room beyond the tree: they
 * change places, which is what was asked (the tree is named in it); nothing else moves.
 */
function swapInRow(scene: Scene, subject: SceneItem, anchor: SceneItem, kind: RelationKind): { subject: Box[]; anchor: Box[] } | undefined {
  if (kind !== 'left' && kind !== 'right') return undefined;
  const [s, a] = [subject.bbox, anchor.bbox];
  const bottom = (b: Box) => b[1] + b[3];
  if (Math.abs(bottom(s) - bottom(a)) > Math.max(s[3], a[3]) * 0.15) return undefined;
  const wrongSide = kind === 'right' ? s[0] + s[2] / 2 < a[0] + a[2] / 2 : s[0] + s[2] / 2 > a[0] + a[2] / 2;
  // Room up to the canvas edge or the next thing on that side at the same height.
  const beside = scene.items.filter((item) => item.id !== subject.id && item.id !== anchor.id).flatMap((item) => item.boxes).filter((b) => b[1] < bottom(a) && bottom(b) > a[1]);
  const room = kind === 'right'
    ? Math.min(scene.width - 2, ...beside.map((b) => b[0]).filter((x) => x >= a[0] + a[2])) - (a[0] + a[2])
    : a[0] - Math.max(2, ...beside.map((b) => b[0] + b[2]).filter((x) => x <= a[0]));
  if (!wrongSide || room >= s[2] * 0.6) return undefined;
  const left = Math.min(s[0], a[0]);
  const right = Math.max(s[0] + s[2], a[0] + a[2]);
  const shift = (boxes: Box[], from: Box, x: number) => boxes.map((b): Box => [b[0] - from[0] + x, b[1], b[2], b[3]]);
  return kind === 'right'
    ? { subject: shift(subject.boxes, s, right - s[2]), anchor: shift(anchor.boxes, a, left) }
    : { subject: shift(subject.boxes, s, left), anchor: shift(anchor.boxes, a, right - a[2]) };
}

function moveBoxes(scene: Scene, item: SceneItem, direction: string, amount: number): Box[] {
  const [bx, by, bw, bh] = item.bbox;
  const goal = { left: scene.width * 0.22, right: scene.width * 0.78, center: scene.width / 2 }[direction as 'left'];
  let dx = 0;
  let dy = 0;
  if (goal !== undefined) dx = (goal - (bx + bw / 2)) * amount;
  if (direction === 'left' && dx > -scene.width * 0.1) dx = -scene.width * 0.15 * amount;
  if (direction === 'right' && dx < scene.width * 0.1) dx = scene.width * 0.15 * amount;
  if (direction === 'up') dy = -scene.height * 0.18 * amount;
  if (direction === 'down') dy = scene.height * 0.18 * amount;
  if (direction === 'center') dy = (scene.height / 2 - (by + bh / 2)) * amount;
  return item.boxes.map(([x, y, w, h]): Box => [x + dx, y + dy, w, h]);
}

export function applyEdits(previous: Scene, ops: EditOp[], options: PlanOptions, notes: string[]): Scene {
  const random = seededRandom(options.seed);
  let scene: Scene = { ...previous, items: [...previous.items] };
  const update = (ids: Set<string>, change: (item: SceneItem) => SceneItem | undefined) => {
    scene = { ...scene, items: scene.items.flatMap((item) => (ids.has(item.id) ? [change(item)].filter((x): x is SceneItem => x !== undefined) : [item])) };
  };
  for (const op of ops) {
    if (op.op === 'add') {
      scene = addThings(scene, op, options, random, notes);
      continue;
    }
    if (op.op === 'scene') {
      scene = changeScene(scene, op.parsed, options, random);
      continue;
    }
    const targets = findItems(scene, op.target, options);
    if (targets.length === 0) {
      notes.push(op.target === FOCUS ? 'there is nothing in the picture to change' : `there is no ${op.target} in the picture: nothing changed`);
      continue;
    }
    const ids = new Set(targets.map((item) => item.id));
    const { width, height } = scene;
    if (op.op === 'color') update(ids, (item) => ({ ...item, color: op.color }));
    else if (op.op === 'remove') update(ids, () => undefined);
    else if (op.op === 'flip') update(ids, (item) => ({ ...item, flip: !item.flip }));
    else if (op.op === 'more') update(new Set([targets[0].id]), (item) => (item.count + op.n <= 0 ? undefined : moreCopies(scene, item, op.n)));
    else if (op.op === 'move') update(ids, (item) => refresh(item, moveBoxes(scene, item, op.direction, op.amount), width, height));
    else if (op.op === 'place') {
      const anchor = findItems(scene, op.anchor, options).find((item) => !ids.has(item.id));
      if (!anchor) {
        notes.push(`there is no ${op.anchor} in the picture: nothing moved`);
        continue;
      }
      const subject = targets.find((item) => item.id !== anchor.id);
      const swapped = subject && swapInRow(scene, subject, anchor, op.kind);
      if (swapped) {
        update(new Set([subject.id]), (item) => refresh(item, swapped.subject, width, height));
        update(new Set([anchor.id]), (item) => refresh(item, swapped.anchor, width, height));
        scene.focus = subject.id;
        continue;
      }
      update(ids, (item) => {
        const own = Math.max(...item.boxes.map((box) => box[2]));
        const taken = scene.items.filter((other) => !ids.has(other.id)).flatMap((other) => other.boxes);
        return refresh(item, relativeInCanvas(scene, op.kind, anchor, own, item.boxes.length, taken).boxes, width, height);
      });
    }
    else if (op.op === 'resize') update(ids, (item) => refresh(item, resizeGroup(scene, item, op.factor), width, height));
    else if (op.op === 'replace') {
      const object = op.parsed.objects[0];
      const found = retrieve(object, options.library, { avoidFlags: options.avoidFlags });
      // The new thing takes the old one's place; it keeps no colour that was meant for the old one.
      update(ids, ({ color: _old, ...item }) => ({ ...item, concept: found.concept, source: found.source, placement: found.placement, ...(object.color ? { color: object.color } : {}) }));
      if (found.fallback) notes.push(`nothing in the icon set matched "${found.concept}": drew a stand-in shape`);
    }
    if (scene.items.some((item) => ids.has(item.id))) scene.focus = targets[0].id;
  }
  return scene;
}

/** Time of day, setting, weather, style or background: the things stay where they are. */
function changeScene(scene: Scene, parsed: EditOp extends never ? never : Extract<EditOp, { op: 'scene' }>['parsed'], options: PlanOptions, random: Random): Scene {
  let next: Scene = { ...scene };
  const changed = new Set<'time' | 'setting'>();
  if (parsed.time && parsed.time !== scene.time) {
    next.time = parsed.time;
    changed.add('time');
  }
  if (parsed.setting && parsed.setting !== scene.setting) {
    next.setting = parsed.setting;
    changed.add('setting');
    changed.add('time');
  }
  if (parsed.weather) {
    next.weather = parsed.weather;
    changed.add('time');
  }
  if (parsed.style.length > 0) next.style = [...new Set([...scene.style.filter((s) => !parsed.style.includes(s)), ...parsed.style])];
  if (parsed.words.includes('background') && parsed.colors.length > 0) {
    next.background = parsed.colors.at(-1)!;
    if (next.pattern) next.pattern = { ...next.pattern, colors: parsed.colors };
  }
  if (changed.size > 0) {
    next = { ...next, items: next.items.filter((item) => !item.prop || !changed.has(item.prop as 'time' | 'setting')) };
    const props = propItems(next, random, nextId(next)).filter((item) => changed.has(item.prop as 'time' | 'setting'));
    next.items = [...next.items, ...props];
  }
  void options;
  return next;
}
