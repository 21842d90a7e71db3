// A new scene from a parsed prompt: retrieve a drawing per object, lay them out, add what the
// setting implies, and say (in notes) whatever could not be drawn as asked.
import { splitHolders } from './holders.js';
import { dropUnknownPlaces } from './places.js';
import { FLOATERS, layoutObjects, MAX_COPIES } from './layout/layout.js';
import { propsFor } from './layout/props.js';
import { realSizeOf } from './layout/realSize.js';
import { stageFor } from './layout/stage.js';
import { EXTRA_COLORS, SHAPES } from './parse/lexicon.js';
import { withoutObjects, type ParsedPrompt } from './parse/parse.js';
import { detectPattern, patternColors } from './parse/pattern.js';
import { seededRandom, type Random } from './random.js';
import type { IconLibrary } from './retrieve/iconLibrary.js';
import { retrieve, type Retrieved } from './retrieve/retrieve.js';
import { singular } from './retrieve/terms.js';
import { SCENE_VERSION, type Scene, type SceneItem } from './types.js';
import { roundBox, union } from './layout/geometry.js';
import type { Box } from './types.js';

const VESSELS = /^icon:.*(boat|ship|canoe|ferry)/;

const BACKGROUNDS = ['#f5f1e8', '#eef4f8', '#f3f0f7', '#eef6ee', '#fbf3ec'];
const PATTERN_WORDS = /^(concentric|spiral|stripe|stripes|striped|checkerboard|checkered|chessboard|checker|mandala|polka|dot|dots|pattern|grid|tile|tiles|gradient|sunset|sunrise|wave|waves|wavy|zigzag|line|lines|band|bands|abstract|geometric|shape|color|colour|mosaic|tessellation|kaleidoscope|chess|board)$/;
/** More named things than this are not all drawn (the note says so). */
export const MAX_OBJECTS = 12;

export interface PlanOptions {
  library: IconLibrary;
  seed: number;
  width: number;
  height: number;
  avoidFlags: number;
}

export interface ResolvedObject extends Retrieved {
  color?: string;
  count: number;
  size: number;
  sizeSaid?: boolean;
  /** Typical size in the world, in metres, when known (layout draws things to scale with each other). */
  real?: number;
}

/** An icon named in the plural (socks, gloves, skis, chopsticks) draws more than one of the thing. */
function isPluralIcon(source: string): boolean {
  const last = source.replace(/^icon:/, '').split('-').at(-1)!;
  return source.startsWith('icon:') && singular(last) !== last;
}

export function resolveObjects(parsed: ParsedPrompt, options: PlanOptions, notes: string[]): ResolvedObject[] {
  const resolved: ResolvedObject[] = parsed.objects.slice(0, MAX_OBJECTS).map((object) => {
    const { keepsColor, lookup: _lookup, ...found } = retrieve(object, options.library, { avoidFlags: options.avoidFlags });
    // "A pair of socks": the socks icon is already a pair (its name is a plural), so it is drawn once.
    const count = object.pair && isPluralIcon(found.source) ? 1 : object.count;
    const real = realSizeOf(found.concept, found.source, object.phrases);
    return { ...found, color: keepsColor ? undefined : object.color, count, size: object.size, ...(object.sizeSaid ? { sizeSaid: true } : {}), ...(real !== undefined ? { real } : {}) };
  });
  if (parsed.objects.length > MAX_OBJECTS) notes.push(`the prompt names ${parsed.objects.length} things: drew the first ${MAX_OBJECTS}`);
  for (const object of resolved) {
    if (object.count > MAX_COPIES) notes.push(`drew ${MAX_COPIES} of the ${object.count} ${object.concept}s asked for`);
  }
  return resolved;
}

export function itemsFromLayout(resolved: ResolvedObject[], placed: { boxes: Box[]; z: number }[], firstId: number): SceneItem[] {
  return resolved.map((object, i): SceneItem => ({
    id: `i${firstId + i}`,
    concept: object.concept,
    source: object.source,
    ...(object.color ? { color: object.color } : {}),
    count: placed[i].boxes.length,
    bbox: roundBox(union(placed[i].boxes)),
    boxes: placed[i].boxes.map(roundBox),
    z: Math.round(placed[i].z * 1000) / 1000,
    placement: object.placement,
  }));
}

/** Props for a scene's setting and time, as items. */
export function propItems(scene: Scene, random: Random, firstId: number): SceneItem[] {
  const stage = stageFor(scene.height, scene.setting, scene.time, scene.weather);
  const named = scene.items.map((item) => item.source.replace(/^icon:/, ''));
  const taken = scene.items.flatMap((item) => item.boxes);
  return propsFor(scene, stage, named, taken, random).map((prop, i) => ({
    id: `i${firstId + i}`,
    concept: prop.concept,
    source: `icon:${prop.icon}`,
    count: prop.boxes.length,
    bbox: roundBox(union(prop.boxes)),
    boxes: prop.boxes.map(roundBox),
    z: prop.z,
    placement: prop.placement,
    prop: prop.prop,
  })).filter((item) => item.count > 0);
}

export function planScene(said: ParsedPrompt, options: PlanOptions, notes: string[]): Scene {
  const read = dropUnknownPlaces(splitHolders(said, options.library, options.avoidFlags), options.library, options.avoidFlags, notes);
  const random = seededRandom(options.seed);
  const pattern = detectPattern(read.words);
  // The pattern's own words ("spiral", "hexagons", "stripes") are the pattern, not things to place.
  // (By its head word: "a chaotic grid" is the grid too.)
  const parsed = pattern ? withoutObjects(read, (object) => { const head = object.phrases[0].split(' ').at(-1)!; return PATTERN_WORDS.test(head) || SHAPES.has(head); }) : read;
  const resolved = resolveObjects(parsed, options, notes);
  let setting = parsed.setting;
  if (setting === 'sea' && resolved.length > 0 && resolved.every((o) => o.placement === 'water' && !FLOATERS.test(o.source))) setting = 'underwater';
  // A ship in a storm or at night sails the sea: a landscape is drawn for the weather or time, and its ground is water.
  if (!setting && (parsed.weather || parsed.time) && resolved.some((o) => VESSELS.test(o.source))) setting = 'sea';
  const scene: Scene = {
    version: SCENE_VERSION,
    width: options.width,
    height: options.height,
    seed: options.seed,
    background: BACKGROUNDS[Math.floor(random() * BACKGROUNDS.length)],
    ...(setting ? { setting } : {}),
    ...(parsed.time ? { time: parsed.time } : {}),
    ...(parsed.weather ? { weather: parsed.weather } : {}),
    style: parsed.style,
    ...(pattern ? { pattern: { ...pattern, colors: patternColors(parsed.words, parsed.colors, EXTRA_COLORS.rainbow) } } : {}),
    items: [],
    unmatched: resolved.filter((o) => o.fallback).map((o) => o.concept),
  };
  const stage = stageFor(scene.height, scene.setting, scene.time, scene.weather);
  const laidOut = layoutObjects(resolved, parsed.relations.filter((r) => r.subject < resolved.length && r.target < resolved.length), stage, [scene.width, scene.height], random);
  scene.items = itemsFromLayout(resolved, laidOut, 1);
  if (!pattern) scene.items.push(...propItems(scene, random, scene.items.length + 1).map((item) => (parsed.settingColor && item.prop === 'setting' ? { ...item, color: parsed.settingColor } : item)));
  if (scene.items.length > 0) scene.focus = scene.items[0].id;
  for (const concept of scene.unmatched) notes.push(`nothing in the icon set matched "${concept}": drew a stand-in shape`);
  return scene;
}
