import { describe, expect, it } from 'vitest';
import { promptColors } from '../../src/score/promptColors.js';
import { colorAdherence, colorCategory } from '../../src/score/colorAdherence.js';
import { converter } from 'culori';
import { complexity } from '../../src/score/complexity.js';
import { parseSvg } from '../../src/svg/parse.js';
import { analyzeImage, renderMetrics } from '../../src/score/metrics.js';
import { renderPixels } from '../helpers/pixels.js';

const SIZE = 384;
const svg = (body: string, attrs = '') => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"${attrs}>${body}</svg>`;
const render = (text: string) => {
  const { width, height, data } = renderPixels(text, SIZE);
  return { width, height, pixels: data };
};

describe('render metrics', () => {
  it('calls an empty SVG blank', () => {
    const metrics = renderMetrics(render(svg('')));
    expect(metrics).toMatchObject({ blank: true, coverage: 0, colors: 0, contrast: 0, background: '#ffffff' });
  });

  it('calls a canvas filled with one colour blank too', () => {
    expect(renderMetrics(render(svg('<rect width="100" height="100" fill="#3366cc"/>'))).blank).toBe(true);
  });

  it('measures a half-filled red square: coverage near 0.5, one colour, high contrast', () => {
    const metrics = renderMetrics(render(svg('<rect width="50" height="100" fill="#ff0000"/>')));
    expect(metrics.blank).toBe(false);
    expect(metrics.coverage).toBeGreaterThan(0.49);
    expect(metrics.coverage).toBeLessThan(0.51);
    expect(metrics.colors).toBe(1);
    expect(metrics.background).toBe('#ffffff');
    // Luma of red is 0.2126, white is 1: half and half gives a standard deviation of (1 - 0.2126) / 2.
    expect(metrics.contrast).toBeCloseTo((1 - 0.2126) / 2, 2);
  });

  it('takes the background from the border, so a filled backdrop is not coverage', () => {
    const metrics = renderMetrics(render(svg('<rect width="100" height="100" fill="#102030"/><circle cx="50" cy="50" r="20" fill="#ffcc00"/><rect x="10" y="10" width="10" height="10" fill="#00aa00"/>')));
    expect(metrics.background).toBe('#102030');
    // Circle: pi * 20^2 / 100^2 = 0.1257, square: 0.01.
    expect(metrics.coverage).toBeCloseTo(0.1357, 2);
    expect(metrics.colors).toBe(2);
  });

  it('composites transparency onto white, as a viewer shows it', () => {
    const metrics = renderMetrics(render(svg('<rect width="100" height="50" fill="#000000" fill-opacity="0.5"/>')));
    expect(metrics.coverage).toBeCloseTo(0.5, 2);
    // Half mid-grey (luma ~0.5), half white (1): standard deviation ~0.25.
    expect(metrics.contrast).toBeCloseTo(0.25, 1);
  });

  it('does not count the blended border between two shapes as a colour of its own', () => {
    const metrics = renderMetrics(render(svg('<rect width="100" height="100" fill="#fdf6e3"/><circle cx="50" cy="50" r="30" fill="#268bd2"/><rect x="20.3" y="70.3" width="60" height="10" fill="#859900"/>')));
    expect(metrics.colors).toBe(2);
  });

  it('ignores anti-aliasing fringes when counting colours', () => {
    expect(renderMetrics(render(svg('<circle cx="50" cy="50" r="33" fill="#2255ee"/>'))).colors).toBe(1);
  });
});

describe('complexity', () => {
  it('counts elements and path commands on the tree, comments aside', () => {
    const text = svg('<!-- <rect/> --><g><path d="M0 0 L10 10 h5 v5 Z"/><path d=\'M1 1c1 1 2 2 3 3\'/></g><text>é</text>');
    expect(complexity(parseSvg(text))).toEqual({ elements: 5, pathCommands: 7 });
  });
});

describe('colour adherence', () => {
  const redCircle = render(svg('<circle cx="50" cy="50" r="30" fill="#e02020"/>'));
  const blueCircle = render(svg('<circle cx="50" cy="50" r="30" fill="#1f4fd8"/>'));

  it('fails "a blue circle" against a red circle', () => {
    const result = colorAdherence(promptColors('a blue circle'), analyzeImage(redCircle).palette);
    expect(result.fraction).toBe(0);
    expect(result.colors[0]).toMatchObject({ color: '#0000ff', present: false });
    expect(result.colors[0].distance).toBeGreaterThan(40);
  });

  it('passes "a blue circle" against a blue circle of another shade', () => {
    const result = colorAdherence(promptColors('a blue circle'), analyzeImage(blueCircle).palette);
    expect(result.fraction).toBe(1);
    expect(result.colors[0].share).toBeGreaterThan(0.25);
  });

  it('scores each named colour: a red ball and a green box against a red circle is one of two', () => {
    const result = colorAdherence(promptColors('a red ball and a green box'), analyzeImage(redCircle).palette);
    expect(result.colors.map((c) => c.present)).toEqual([true, false]);
    expect(result.fraction).toBe(0.5);
  });

  it('does not take a colour that names a kind for a colour asked for (a red fox is drawn as foxes are)', () => {
    expect(promptColors('a red fox in a snowy forest')).toEqual([]);
    expect(promptColors('a red panda')).toEqual([]);
  });

  it('checks a colour that is also in an icon name: a red apple must be red', () => {
    expect(promptColors('a red apple')).toHaveLength(1);
    expect(promptColors('a green apple and a blue car')).toHaveLength(2);
    const blueCircle = render(svg('<circle cx="50" cy="50" r="30" fill="#1f4fd8"/>'));
    expect(colorAdherence(promptColors('a red apple'), analyzeImage(blueCircle).palette).fraction).toBe(0);
  });

  it('does not apply when the prompt names no colour', () => {
    expect(colorAdherence(promptColors('a circle'), analyzeImage(redCircle).palette)).toEqual({ fraction: null, colors: [] });
  });

  it.each([
    ['#268bd2', 'blue'], ['#4169e1', 'blue'], ['#87ceeb', 'blue'], ['#000080', 'blue'], ['#1f4fd8', 'blue'],
    ['#d62828', 'red'], ['#ff4500', 'red'], ['#f57c00', 'orange'], ['#ffd700', 'yellow'], ['#2e7d32', 'green'],
    ['#800080', 'purple'], ['#ff69b4', 'pink'], ['#8b4513', 'brown'], ['#777777', 'gray'], ['#fafafa', 'white'],
  ])('puts %s in the category %s', (hex, category) => {
    expect(colorCategory(converter('lab65')(hex)!)).toBe(category);
  });

  it('does not count a speck as present', () => {
    const speck = render(svg('<rect width="100" height="100" fill="#ffffff"/><rect x="0" y="0" width="5" height="5" fill="#0000ff"/>'));
    expect(colorAdherence(['#0000ff'], analyzeImage(speck).palette).colors[0]).toMatchObject({ present: false, distance: 0 });
  });
});
