// The offline composer's entry point: prompt -> scene -> SVG.
import { drawIcon, drawPlaceholder, svgDocument } from './draw.js';
import type { IconLibrary } from './iconLibrary.js';
import { parsePrompt } from './parse.js';
import { seededRandom } from './random.js';
import type { Scene, SceneItem } from './types.js';

export interface ComposeOptions {
  library: IconLibrary;
  seed: number;
  width: number;
  height: number;
}

export interface Composition {
  scene: Scene;
  svg: string;
  /** Things worth telling the user (on stderr), e.g. that nothing matched. */
  notes: string[];
}

const BACKGROUNDS = ['#f5f1e8', '#eef4f8', '#f3f0f7', '#eef6ee', '#fbf3ec'];

export function compose(prompt: string, options: ComposeOptions): Composition {
  const { library, width, height } = options;
  const random = seededRandom(options.seed);
  const parsed = parsePrompt(prompt);
  const notes: string[] = [];
  const items: SceneItem[] = [];
  const unmatched: string[] = [];

  for (const object of parsed.objects) {
    const hit = object.phrases.map((phrase) => ({ phrase, match: library.find(phrase) })).find((candidate) => candidate.match);
    if (!hit?.match) {
      unmatched.push(object.phrases[0]);
      continue;
    }
    if (items.length > 0) continue; // one object for now: the main noun
    const size = Math.min(width, height) * 0.7;
    items.push({
      id: `i${items.length + 1}`,
      concept: hit.phrase,
      source: `icon:${hit.match.name}`,
      color: object.color,
      count: 1,
      bbox: [(width - size) / 2, (height - size) / 2, size, size],
    });
  }

  const background = BACKGROUNDS[Math.floor(random() * BACKGROUNDS.length)];
  if (items.length === 0) {
    const size = Math.min(width, height) * 0.6;
    items.push({
      id: 'i1',
      concept: parsed.objects[0]?.phrases[0] ?? 'abstract',
      source: 'primitive:rings',
      color: parsed.objects[0]?.color,
      count: 1,
      bbox: [(width - size) / 2, (height - size) / 2, size, size],
    });
    notes.push(prompt.trim() === '' ? 'empty prompt: drew an abstract placeholder' : `nothing in the icon set matched "${prompt.trim().slice(0, 60)}": drew an abstract placeholder`);
  }

  const scene: Scene = { version: 1, width, height, background, items, unmatched };
  const content = items.map((item) =>
    item.source.startsWith('icon:') ? drawIcon(item, library.drawing(item.source.slice(5))) : drawPlaceholder(item, random),
  );
  return { scene, svg: svgDocument(scene, content), notes };
}
