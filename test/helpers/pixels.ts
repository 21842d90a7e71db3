// Renders an SVG to pixels in the test process (trusted, svgchat-made input) to assert what a person would see.
import { Resvg } from '@resvg/resvg-js';

export interface Pixels {
  width: number;
  height: number;
  data: Uint8Array;
}

export function renderPixels(svg: string, size = 128): Pixels {
  const image = new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } }).render();
  return { width: image.width, height: image.height, data: new Uint8Array(image.pixels) };
}

/** Share of pixels close to a colour (plain RGB distance), optionally inside a central box. */
export function shareNear(pixels: Pixels, rgb: [number, number, number], tolerance = 60): number {
  let near = 0;
  const total = pixels.width * pixels.height;
  for (let i = 0; i < total; i++) {
    const d = Math.hypot(pixels.data[i * 4] - rgb[0], pixels.data[i * 4 + 1] - rgb[1], pixels.data[i * 4 + 2] - rgb[2]);
    if (d <= tolerance) near++;
  }
  return near / total;
}

/** How many distinct (quantised) colours the image has: 1 means blank. */
export function distinctColors(pixels: Pixels): number {
  const seen = new Set<number>();
  for (let i = 0; i < pixels.data.length; i += 4) seen.add(((pixels.data[i] >> 4) << 8) | ((pixels.data[i + 1] >> 4) << 4) | (pixels.data[i + 2] >> 4));
  return seen.size;
}

/** Share of saturated pixels whose hue (degrees) lies in [from, to] (wrapping past 360). */
export function shareOfHue(pixels: Pixels, from: number, to: number): number {
  let hits = 0;
  const total = pixels.width * pixels.height;
  for (let i = 0; i < total; i++) {
    const r = pixels.data[i * 4] / 255;
    const g = pixels.data[i * 4 + 1] / 255;
    const b = pixels.data[i * 4 + 2] / 255;
    const max = Math.max(r, g, b);
    const min = Math.min(r, g, b);
    if (max === 0 || (max - min) / max < 0.35 || max < 0.2) continue;
    const d = max - min;
    let h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
    h = (h * 60 + 360) % 360;
    if (from <= to ? h >= from && h <= to : h >= from || h <= to) hits++;
  }
  return hits / total;
}
