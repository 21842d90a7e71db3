// Scene -> SVG text. The scene alone decides the output, so an edited scene redraws the same way.
// Repeated drawings become one <symbol> and a <use> per copy; numbers carry one decimal at most.
import { stageFor } from '../layout/stage.js';
import { seededRandom } from '../random.js';
import type { IconLibrary } from '../retrieve/iconLibrary.js';
import type { Box, Scene, SceneItem } from '../types.js';
import { drawBackdrop, type Backdrop } from './backdrop.js';
import { n } from './numbers.js';
import { mapColors, styleTransform } from './palette.js';
import { drawPattern } from './patterns.js';
import { drawPrimitive } from './primitives.js';
import { recolor } from './recolor.js';

export interface RenderOptions {
  profile: 'default' | 'kaggle';
  /** Icon detail to drop (paths shorter than this many characters), to fit a byte budget. */
  dropDetail?: number;
}

interface Drawing {
  body: string;
  size: number;
}

/** Gives every id in a drawing a prefix so two drawings in one SVG never share an id. */
function prefixIds(body: string, prefix: string): string {
  return body.replace(/\bid="([^"]+)"/g, `id="${prefix}$1"`).replace(/url\(#([^)]+)\)/g, `url(#${prefix}$1)`).replace(/href="#([^"]+)"/g, `href="#${prefix}$1"`);
}

/** Line art: every filled shape becomes its outline in one ink colour. */
function toLineArt(body: string, ink: string, width: number): string {
  return body
    .replace(/\bfill="(?!none)[^"]*"/g, 'fill="none"')
    .replace(/<(path|circle|ellipse|rect|polygon)\b/g, `<$1 stroke="${ink}" stroke-width="${width}" stroke-linejoin="round"`);
}

function drawingFor(item: SceneItem, library: IconLibrary, scene: Scene, options: RenderOptions): Drawing {
  const [kind, name] = item.source.split(':') as [string, string];
  let body: string;
  let size = 100;
  if (kind === 'icon' && library.has(name)) {
    const icon = library.drawing(name);
    body = item.color ? recolor(icon.body, item.color) : icon.body;
    size = icon.width;
    if (options.profile === 'kaggle') body = body.replace(/<clipPath\b[\s\S]*?<\/clipPath>/g, '').replace(/ clip-path="[^"]*"/g, '').replace(/<defs><\/defs>/g, '');
    if (options.dropDetail) body = body.replace(/<path [^>]*d="([^"]*)"[^>]*\/>/g, (whole, d: string) => (d.length < options.dropDetail! ? '' : whole));
  } else {
    body = drawPrimitive(kind === 'icon' ? 'blob' : name, item.color);
  }
  if (scene.style.includes('line')) body = toLineArt(body, item.color ?? '#2b2b2b', size / 40);
  return { body, size };
}

function placeInline(drawing: Drawing, box: Box, flip: boolean | undefined, id: string): string {
  const [x, y, w] = box;
  const scale = w / drawing.size;
  const transform = flip ? `translate(${n(x + w)} ${n(y)}) scale(${-Math.round(scale * 100) / 100} ${Math.round(scale * 100) / 100})` : `translate(${n(x)} ${n(y)}) scale(${Math.round(scale * 100) / 100})`;
  return `<g transform="${transform}">${prefixIds(drawing.body, id)}</g>`;
}

function placeUse(symbolId: string, box: Box, flip: boolean | undefined): string {
  const [x, y, w, h] = box;
  const flipAttr = flip ? ` transform="matrix(-1 0 0 1 ${n(2 * x + w)} 0)"` : '';
  return `<use href="#${symbolId}" x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}"${flipAttr}/>`;
}

function lineArtBackdrop(scene: Scene, horizon: number): Backdrop {
  const line = horizon < scene.height ? `<path d="M0 ${n(horizon)}H${scene.width}" stroke="#2b2b2b" stroke-width="2"/>` : '';
  return { defs: '', sky: `<rect width="${scene.width}" height="${scene.height}" fill="#fff"/>`, far: '', ground: line, overlay: '' };
}

export function renderScene(scene: Scene, library: IconLibrary, options: RenderOptions): string {
  const { width, height } = scene;
  const stage = stageFor(height, scene.setting, scene.time, scene.weather);
  // The backdrop has its own random stream, so adding a thing never moves a star.
  const random = seededRandom(scene.seed ^ 0x5bd1e995);
  const neon = scene.style.includes('neon');
  let backdrop: Backdrop;
  if (scene.style.includes('line')) backdrop = lineArtBackdrop(scene, stage.horizon);
  else if (scene.pattern) {
    const pattern = drawPattern(scene.pattern, width, height, random);
    backdrop = { defs: pattern.defs, sky: pattern.body, far: '', ground: '', overlay: '' };
  } else backdrop = drawBackdrop(neon && stage.kind === 'plain' ? { ...scene, background: '#0e0c24' } : scene, stage, random);

  const items = [...scene.items].sort((a, b) => a.z - b.z);
  const uses = new Map<string, number>();
  const keyOf = (item: SceneItem) => `${item.source}|${item.color ?? ''}`;
  for (const item of items) uses.set(keyOf(item), (uses.get(keyOf(item)) ?? 0) + item.boxes.length);
  const symbols = new Map<string, string>();
  let defs = backdrop.defs;
  const drawItem = (item: SceneItem): string => {
    const key = keyOf(item);
    const drawing = drawingFor(item, library, scene, options);
    if ((uses.get(key) ?? 0) < 2) return item.boxes.map((box, k) => placeInline(drawing, box, item.flip, `${item.id}${k > 0 ? `c${k}` : ''}`)).join('');
    let id = symbols.get(key);
    if (!id) {
      id = `s${symbols.size + 1}`;
      symbols.set(key, id);
      defs += `<symbol id="${id}" viewBox="0 0 ${drawing.size} ${drawing.size}">${prefixIds(drawing.body, id)}</symbol>`;
    }
    return item.boxes.map((box) => placeUse(id, box, item.flip)).join('');
  };
  const back = items.filter((item) => item.z < 10).map(drawItem).join('');
  const front = items.filter((item) => item.z >= 10).map(drawItem).join('');
  if (neon) defs += '<filter id="kglow" x="-20%" y="-20%" width="140%" height="140%"><feGaussianBlur stdDeviation="4" result="b"/><feMerge><feMergeNode in="b"/><feMergeNode in="SourceGraphic"/></feMerge></filter>';
  const wrap = (content: string) => (neon && content ? `<g filter="url(#kglow)">${content}</g>` : content);
  let svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">` +
    (defs ? `<defs>${defs}</defs>` : '') +
    backdrop.sky + wrap(back) + backdrop.far + backdrop.ground + wrap(front) + backdrop.overlay +
    '</svg>\n';
  const transform = styleTransform(scene.style);
  if (transform) svg = mapColors(svg, transform);
  return svg;
}
