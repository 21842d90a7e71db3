// What a person sees: colours asked for are the colours drawn (hue shares of the rendered image).
import { describe, expect, it } from 'vitest';
import { compose } from '../../src/compose/compose.js';
import { loadIconLibrary } from '../../src/providers/iconData.js';
import { renderPixels, shareNear, shareOfHue } from '../helpers/pixels.js';

const library = loadIconLibrary();
const pixels = (prompt: string) => renderPixels(compose(prompt, { library, seed: 1, width: 512, height: 512 }).svg, 128);

describe('colours in the picture', () => {
  const hueDistance = (a: number, b: number) => Math.min(Math.abs(a - b), 360 - Math.abs(a - b));
  it.each([
    ['a red car', 350, 0.05],
    ['a green apple', 95, 0.08],
    ['a blue fox', 240, 0.08],
    ['a purple bicycle', 290, 0.015],
    ['a yellow duck', 60, 0.08],
    ['an orange cat', 35, 0.08],
  ] as const)('%s: that hue, more than any other', (prompt, hue, least) => {
    const image = pixels(prompt);
    const band = (center: number) => shareOfHue(image, (center + 335) % 360, (center + 25) % 360);
    const asked = band(hue);
    expect(asked).toBeGreaterThan(least);
    for (let other = 0; other < 360; other += 30) if (hueDistance(other, hue) >= 80) expect(band(other), `hue ${other}`).toBeLessThan(asked);
  });

  it('recolouring keeps shading: a blue fox has several blues, not one flat colour', () => {
    const svg = compose('a blue fox', { library, seed: 1, width: 512, height: 512 }).svg;
    const blues = new Set((svg.match(/#[0-9a-f]{6}/g) ?? []).filter((hex) => parseInt(hex.slice(5, 7), 16) > parseInt(hex.slice(1, 3), 16) + 40));
    expect(blues.size).toBeGreaterThanOrEqual(2);
  });

  it('a black cat is black, though the icon set draws its "black cat" purple', () => {
    const image = pixels('a black cat');
    expect(shareNear(image, [20, 20, 20], 40)).toBeGreaterThan(0.05);
    expect(shareOfHue(image, 250, 310)).toBeLessThan(0.01);
  });

  it('a night sky is dark and a dusk sky warm', () => {
    const night = pixels('a house at night');
    expect(shareNear(night, [10, 15, 40], 60)).toBeGreaterThan(0.3);
    const dusk = pixels('a gradient sunset');
    expect(shareOfHue(dusk, 0, 50) + shareOfHue(dusk, 300, 360)).toBeGreaterThan(0.2);
  });

  it('line art is ink on white', () => {
    const image = pixels('a robot in line art');
    expect(shareNear(image, [255, 255, 255], 30)).toBeGreaterThan(0.7);
    expect(shareNear(image, [43, 43, 43], 80)).toBeGreaterThan(0.01);
  });

  it('pastel is light and soft', () => {
    const image = pixels('stripes in pastel colours');
    let soft = 0;
    for (let i = 0; i < image.data.length; i += 4) {
      const [r, g, b] = [image.data[i], image.data[i + 1], image.data[i + 2]];
      if (Math.max(r, g, b) > 200 && Math.max(r, g, b) - Math.min(r, g, b) < 90) soft++;
    }
    expect(soft / (image.data.length / 4)).toBeGreaterThan(0.75);
  });
});
