// Lays out the named things: rows on the ground (counts side by side, depth by row), the sky
// above, water things in the water, then relations ("on", "under", "around") relative to their targets.
import type { ParsedRelation } from '../parse/parse.js';
import type { Random } from '../random.js';
import type { Box, Placement } from '../types.js';
import { clampBox, union } from './geometry.js';
import { placeRelative, relationTo, surfaceBox } from './relations.js';
import { placeRows, type Copy } from './rows.js';
import { realShares, relationShare } from './realSize.js';
import { scatterBox } from './scatter.js';
import type { Stage } from './stage.js';

const CELESTIAL = /^icon:(sun|sun-behind-.*|.*moon|.*star|comet|ringed-planet|cloud.*|rainbow|milky-way|snowflake|high-voltage)$/;

export interface LayoutObject {
  source: string;
  count: number;
  size: number;
  /** The size was said ("a huge whale"), so it wins over a relation's default size. */
  sizeSaid?: boolean;
  /** Its typical size in the world, in metres (realSize.ts), when known: things in one scene are drawn to scale. */
  real?: number;
  placement: Placement;
}

export interface Placed {
  boxes: Box[];
  z: number;
}

/** More copies than this are not drawn one by one (the note says so). */
export const MAX_COPIES = 30;
const ROW_KINDS = new Set(['beside', 'left', 'right']);
/** Things that sit on the water rather than in it. */
export const FLOATERS = /^icon:.*(boat|ship|canoe|ferry|duck|swan|goose)/;

/** The order things stand in a row: "a cat to the left of a dog" puts the cat first. */
function rowOrder(anchors: number[], relations: ParsedRelation[]): number[] {
  const order = anchors.filter((i) => !relations.some((r) => r.subject === i && ROW_KINDS.has(r.kind) && anchors.includes(r.target)));
  for (const relation of relations) {
    if (!ROW_KINDS.has(relation.kind) || !anchors.includes(relation.subject) || order.includes(relation.subject)) continue;
    const at = order.indexOf(relation.target);
    if (at < 0) order.push(relation.subject);
    else order.splice(relation.kind === 'left' ? at : at + 1, 0, relation.subject);
  }
  for (const i of anchors) if (!order.includes(i)) order.push(i);
  return order;
}

function skySize(object: LayoutObject, width: number): number {
  const name = object.source.replace(/^\w+:/, '');
  if (object.count > 3) return width * (object.count > 8 ? 0.06 : 0.09) * object.size;
  if (/sun|moon|star|cloud|snowflake/.test(name)) return width * 0.18 * object.size;
  return width * 0.24 * object.size;
}

export function layoutObjects(objects: LayoutObject[], relations: ParsedRelation[], stage: Stage, canvas: [number, number], random: Random, taken: Box[] = []): Placed[] {
  const [width, height] = canvas;
  const placed: Placed[] = objects.map(() => ({ boxes: [], z: 0 }));
  const dependent = new Set(relations.filter((r) => !ROW_KINDS.has(r.kind)).map((r) => r.subject));
  const anchors = objects.map((_, i) => i).filter((i) => !dependent.has(i));
  const hasGroundThing = anchors.some((i) => objects[i].placement !== 'sky');
  const inSky = (i: number) => objects[i].placement === 'sky' && (stage.kind === 'ground' || (stage.kind === 'plain' && hasGroundThing));
  const inWater = (i: number) => objects[i].placement === 'water' && stage.water !== undefined;
  const rowMembers = rowOrder(anchors.filter((i) => !inSky(i) && !inWater(i)), relations);

  // Things side by side are drawn to scale with each other (a ball beside a man, a mouse beside an elephant).
  const rowShares = realShares(objects, rowMembers);
  const copies: Copy[] = rowMembers.flatMap((owner) => Array.from({ length: Math.min(objects[owner].count, MAX_COPIES) }, () => ({ owner, size: objects[owner].size * rowShares.get(owner)! })));
  const ground = stage.kind === 'ground';
  const depth = stage.front - stage.horizon;
  const rows = placeRows(
    copies,
    {
      width,
      maxSize: ground ? Math.min(width * 0.44, depth * 1.2) : Math.min(width, height) * (stage.kind === 'plain' && hasGroundThing && anchors.some(inSky) ? 0.5 : copies.length === 1 ? 0.7 : 0.62),
      bottoms: ground ? [stage.front, stage.front - depth * 0.42, stage.horizon + depth * 0.2] : undefined,
      middle: stage.kind === 'plain' && anchors.some(inSky) ? height * 0.62 : height / 2,
      jitter: ground || stage.kind === 'floating',
    },
    random,
  );
  rows.forEach(({ box, row }, k) => {
    const target = placed[copies[k].owner];
    target.boxes.push(box);
    target.z = 100 - row * 10 + copies[k].owner * 0.01;
  });
  const all = () => [...taken, ...placed.flatMap((p) => p.boxes)];

  for (const i of anchors.filter(inSky)) {
    const object = objects[i];
    const size = skySize(object, width);
    const bottom = stage.kind === 'ground' ? stage.horizon - height * 0.04 : height * 0.42;
    for (let k = 0; k < Math.min(object.count, MAX_COPIES); k++) {
      placed[i].boxes.push(scatterBox(size, { left: width * 0.04, right: width * 0.96, top: height * 0.04, bottom }, all(), random));
    }
    // Sun, moon, stars and clouds hang behind far hills and skylines; a balloon or a plane flies in front.
    placed[i].z = (CELESTIAL.test(object.source) ? 5 : 95) + i * 0.01;
  }
  const waterShares = realShares(objects, anchors.filter(inWater));
  for (const i of anchors.filter(inWater)) {
    const object = objects[i];
    const [top, bottom] = stage.water!;
    const size = Math.min(width * 0.24 * object.size * waterShares.get(i)!, (bottom - top) * 1.1);
    const floats = FLOATERS.test(object.source);
    for (let k = 0; k < Math.min(object.count, MAX_COPIES); k++) {
      const region = floats ? { left: width * 0.04, right: width * 0.96, top: top + (bottom - top) * 0.6 - size, bottom: top + (bottom - top) * 0.6 } : { left: width * 0.04, right: width * 0.96, top, bottom };
      placed[i].boxes.push(scatterBox(size, region, all(), random));
    }
    placed[i].z = 60 + i * 0.01;
  }
  // Relations, in the order said, so chains ("a cat on a box on a table") build up; a second pass places those
  // whose target was placed after them ("a basket of eggs on a table": the eggs follow the basket).
  for (const relation of [...relations, ...relations]) {
    if (ROW_KINDS.has(relation.kind) && !dependent.has(relation.subject)) continue;
    const target = placed[relation.target];
    if (target.boxes.length === 0 || placed[relation.subject].boxes.length > 0) continue;
    const anchor = target.boxes[0];
    // "A boy and a girl on a bench": everything said in the same relation to the same target shares one row.
    const sharing = ROW_KINDS.has(relation.kind)
      ? [relation.subject]
      : relations
          .filter((r) => r.target === relation.target && r.kind === relation.kind && placed[r.subject].boxes.length === 0)
          .map((r) => r.subject)
          .filter((subjectIndex, k, all) => all.indexOf(subjectIndex) === k);
    const counts = sharing.map((i) => Math.min(objects[i].count, MAX_COPIES));
    const count = counts.reduce((a, b) => a + b, 0);
    // A thing much smaller than its target in the world is smaller than the relation's cap (a bee on a flower).
    const natural = anchor[2] * Math.max(...sharing.map((i) => objects[i].size * relationShare(objects[i], objects[relation.target])));
    const how = relationTo(relation.kind, objects[relation.target].source);
    // Sizes said ("a huge whale under a tiny boat") set the ratio of the two instead of the relation's cap.
    const targetObject = objects[relation.target];
    const ratio = sharing.some((i) => objects[i].sizeSaid) || targetObject.sizeSaid ? Math.max(...sharing.map((i) => objects[i].size)) / targetObject.size : undefined;
    if (how.kind === 'hold') {
      // Each holder holds its share: "two boys holding three balloons" gives the first two, the second one.
      const i = relation.subject;
      const holders = target.boxes.length;
      const held = Math.min(objects[i].count, MAX_COPIES);
      const boxes: Box[] = [];
      for (let h = 0; h < Math.min(holders, held); h++) {
        const share = Math.floor(held / holders) + (h < held % holders ? 1 : 0);
        const hand = target.boxes[h];
        boxes.push(...placeRelative('hold', hand, hand[2] * objects[i].size * relationShare(objects[i], targetObject), share, how.surface, undefined, ratio, objects[i].placement === 'sky').boxes);
      }
      placed[i] = { boxes, z: target.z + 0.5 + i * 0.001 };
      continue;
    }
    const relative = placeRelative(how.kind, surfaceBox(how.kind, targetObject.source, anchor), natural, count, how.surface, how.floor, ratio);
    let next = 0;
    sharing.forEach((i, k) => {
      placed[i] = { boxes: relative.boxes.slice(next, next + counts[k]), z: target.z + relative.zOffset * 0.5 + i * 0.001 };
      next += counts[k];
    });
  }
  // Anything a broken relation left unplaced still gets drawn.
  for (let i = 0; i < objects.length; i++) {
    if (placed[i].boxes.length > 0) continue;
    const size = Math.min(width, height) * 0.25 * objects[i].size;
    for (let k = 0; k < Math.min(objects[i].count, MAX_COPIES); k++) placed[i].boxes.push(scatterBox(size, { left: 0, top: height * 0.1, right: width, bottom: height * 0.95 }, all(), random));
    placed[i].z = 90;
  }
  if (stage.kind !== 'ground') recentre(placed, width, height);
  for (const p of placed) p.boxes = p.boxes.map((box) => clampBox(box, width, height));
  return placed;
}

/** With nothing to stand on, the whole group sits in the middle (a cat on a table is centred together). */
function recentre(placed: Placed[], width: number, height: number): void {
  const boxes = placed.flatMap((p) => p.boxes);
  if (boxes.length === 0) return;
  const [x, y, w, h] = union(boxes);
  const fit = Math.min(1, (width * 0.94) / w, (height * 0.94) / h);
  const cx = x + w / 2;
  const cy = y + h / 2;
  for (const p of placed) {
    p.boxes = p.boxes.map(([bx, by, bw, bh]): Box => [width / 2 + (bx - cx) * fit, height / 2 + (by - cy) * fit, bw * fit, bh * fit]);
  }
}
