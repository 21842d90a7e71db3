// Serialising a scene: background, then each item as a positioned icon or primitive.
import type { IconDrawing } from './iconLibrary.js';
import { recolor } from './recolor.js';
import type { Random } from './random.js';
import type { Scene, SceneItem } from './types.js';

export function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Gives every id in an icon body a prefix so two icons in one SVG never share an id. */
function prefixIds(body: string, prefix: string): string {
  return body.replace(/\bid="([^"]+)"/g, `id="${prefix}$1"`).replace(/url\(#([^)]+)\)/g, `url(#${prefix}$1)`).replace(/href="#([^"]+)"/g, `href="#${prefix}$1"`);
}

export function drawIcon(item: SceneItem, drawing: IconDrawing): string {
  const [x, y, w, h] = item.bbox;
  const scale = Math.min(w / drawing.width, h / drawing.height);
  const body = prefixIds(item.color ? recolor(drawing.body, item.color) : drawing.body, `${item.id}-`);
  return `<g transform="translate(${round(x)} ${round(y)}) scale(${round(scale * 1000) / 1000})">${body}</g>`;
}

/** A shape for a thing no icon exists for: concentric rings in seeded colours, never nothing. */
export function drawPlaceholder(item: SceneItem, random: Random): string {
  const [x, y, w, h] = item.bbox;
  const cx = round(x + w / 2);
  const cy = round(y + h / 2);
  const hue = Math.floor(random() * 360);
  const rings = [0.5, 0.36, 0.22].map((r, i) => {
    const fill = item.color && i === 0 ? item.color : `hsl(${(hue + i * 40) % 360} 70% ${55 + i * 10}%)`;
    return `<circle cx="${cx}" cy="${cy}" r="${round(Math.min(w, h) * r)}" fill="${fill}"/>`;
  });
  return rings.join('');
}

export function svgDocument(scene: Scene, content: string[]): string {
  const { width, height, background } = scene;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">` +
    `<rect width="${width}" height="${height}" fill="${background}"/>` +
    content.join('') +
    '</svg>\n'
  );
}
