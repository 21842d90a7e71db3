// Sky, far scenery, ground and weather, from the setting and time of day. Each layer is a string
// of SVG elements; items are painted between them (sky things before the ground, the rest after).
import type { Stage } from '../layout/stage.js';
import type { Random } from '../random.js';
import type { Scene } from '../types.js';
import { shade } from './palette.js';
import { n } from './numbers.js';

export interface Backdrop {
  defs: string;
  sky: string;
  far: string;
  ground: string;
  overlay: string;
}

const SKIES: Record<string, string[]> = {
  day: ['#7cc8f8', '#d9f1ff'],
  dawn: ['#7d8fd8', '#ffb49a', '#ffe6b0'],
  dusk: ['#2d2a6e', '#b9467c', '#ff9a4d'],
  night: ['#060a22', '#1d2b5c'],
  underwater: ['#2bb3e0', '#0b4f8a', '#06305a'],
  space: ['#04040d', '#191042'],
};

const GROUNDS: Record<string, string> = {
  forest: '#4f9a3e', beach: '#f3d9a0', city: '#7d838f', street: '#7d838f', desert: '#efc982', snow: '#f3f6fb',
  mountains: '#7fb35f', meadow: '#79c257', farm: '#8cc45a', garden: '#6fbf4f', park: '#79c257', lake: '#79c257',
  sea: '#2a86c8', room: '#c7996a', kitchen: '#d8d0c2',
};

function gradient(id: string, stops: string[], vertical = true): string {
  const step = stops.length > 1 ? 1 / (stops.length - 1) : 1;
  return `<linearGradient id="${id}" x1="0" y1="0" x2="${vertical ? 0 : 1}" y2="${vertical ? 1 : 0}">${stops.map((c, i) => `<stop offset="${n(i * step)}" stop-color="${c}"/>`).join('')}</linearGradient>`;
}

/** Many small dots as one path of round-capped zero-length lines: stars, snow, bubbles. */
export function dots(count: number, region: [number, number, number, number], size: [number, number], color: string, random: Random, opacity = 1): string {
  const [x, y, w, h] = region;
  let d = '';
  for (let i = 0; i < count; i++) d += `M${n(x + random() * w)} ${n(y + random() * h)}h0`;
  const width = n(size[0] + random() * (size[1] - size[0]));
  return `<path d="${d}" stroke="${color}" stroke-width="${width}" stroke-linecap="round"${opacity < 1 ? ` opacity="${opacity}"` : ''}/>`;
}

function mountains(scene: Scene, stage: Stage, random: Random, night: number): string {
  const { width } = scene;
  const base = stage.horizon + 2;
  let out = '';
  for (const [layer, color] of [[0, '#8a9bb8'], [1, '#6d7fa0']] as const) {
    let d = `M0 ${n(base)}`;
    const peaks = 3 + layer;
    for (let i = 0; i < peaks; i++) {
      const x0 = ((i + 0.5) / peaks) * width + (random() - 0.5) * 30;
      const top = stage.horizon - (0.18 + random() * 0.16 - layer * 0.05) * scene.height;
      d += `L${n(x0)} ${n(top)}L${n(x0 + width / peaks / 2)} ${n(base - 10 - random() * 20)}`;
    }
    out += `<path d="${d}L${width} ${n(base)}z" fill="${shade(color, night)}"/>`;
  }
  return out;
}

function skyline(scene: Scene, stage: Stage, random: Random, night: number): string {
  const { width } = scene;
  let x = -4;
  let blocks = '';
  while (x < width) {
    const w = 30 + random() * 40;
    const h = 50 + random() * 130;
    blocks += `<rect x="${n(x)}" y="${n(stage.horizon - h)}" width="${n(w - 3)}" height="${n(h + 2)}"/>`;
    x += w;
  }
  const windows = night < 1 ? '#ffd66b' : '#b8d7f0';
  return `<pattern id="kw" width="12" height="16" patternUnits="userSpaceOnUse"><rect x="3" y="4" width="5" height="6" fill="${windows}"/></pattern>` +
    `<g fill="${night < 1 ? '#1f2440' : '#5d6a82'}">${blocks}</g><g fill="url(#kw)" opacity="${night < 1 ? 0.9 : 0.6}">${blocks}</g>`;
}

export function drawBackdrop(scene: Scene, stage: Stage, random: Random): Backdrop {
  const { width, height, setting, time, weather } = scene;
  const out: Backdrop = { defs: '', sky: '', far: '', ground: '', overlay: '' };
  if (stage.kind === 'plain') {
    out.sky = `<rect width="${width}" height="${height}" fill="${scene.background}"/>`;
    return out;
  }
  const skyKey = setting === 'underwater' ? 'underwater' : setting === 'space' ? 'space' : setting === 'room' || setting === 'kitchen' ? '' : (time ?? 'day');
  const night = time === 'night' ? 0.45 : time === 'dusk' ? 0.72 : time === 'dawn' ? 0.85 : 1;
  if (skyKey) {
    const stops = weather === 'storm' || weather === 'rain' ? SKIES[skyKey].map((c) => shade(c, 0.75, 0.4)) : SKIES[skyKey];
    out.defs += gradient('ksky', stops);
    out.sky = `<rect width="${width}" height="${height}" fill="url(#ksky)"/>`;
  } else {
    out.sky = `<rect width="${width}" height="${height}" fill="${shade(setting === 'kitchen' ? '#eef1f3' : '#f3e7d3', night)}"/>`;
  }
  if (time === 'night' || setting === 'space') out.sky += dots(setting === 'space' ? 60 : 40, [0, 0, width, stage.horizon * 0.85], [1.5, 3], '#fff', random, 0.9);
  if (setting === 'underwater') {
    out.sky += `<path d="M${n(width * 0.15)} 0l${n(width * 0.1)} 0l${n(width * 0.1)} ${n(height * 0.8)}l-${n(width * 0.25)} 0zM${n(width * 0.55)} 0l${n(width * 0.08)} 0l${n(width * 0.14)} ${n(height * 0.75)}l-${n(width * 0.26)} 0z" fill="#fff" opacity=".08"/>`;
    out.overlay += dots(14, [0, 0, width, height * 0.85], [5, 9], '#bfefff', random, 0.55);
    out.ground = `<path d="M0 ${n(height * 0.9)}q${n(width / 4)} -${n(height * 0.04)} ${n(width / 2)} 0t${n(width / 2)} 0V${height}H0z" fill="#e8d39a"/>`;
    return out;
  }
  if (setting === 'space' || setting === 'sky') return out;
  if (setting === 'mountains' || weather === 'snow' && setting === undefined) out.far = mountains(scene, stage, random, night);
  if (setting === 'city' || setting === 'street') out.far = skyline(scene, stage, random, night);
  const groundColor = shade(weather === 'snow' ? GROUNDS.snow : (GROUNDS[setting ?? 'meadow'] ?? GROUNDS.meadow), night);
  out.ground = `<rect y="${n(stage.horizon)}" width="${width}" height="${n(height - stage.horizon)}" fill="${groundColor}"/>`;
  if (setting === 'room' || setting === 'kitchen') out.ground += `<path d="M0 ${n(stage.horizon)}H${width}" stroke="${shade('#8c6a4a', night)}" stroke-width="6"/>`;
  if (setting === 'street' || setting === 'city') {
    out.ground += `<rect y="${n(stage.horizon + (height - stage.horizon) * 0.45)}" width="${width}" height="${n((height - stage.horizon) * 0.35)}" fill="${shade('#4a4d55', night)}"/>`;
  }
  if (stage.water) {
    const [top, bottom] = stage.water;
    out.ground += `<rect y="${n(top)}" width="${width}" height="${n(bottom - top)}" fill="${shade('#2f8fd0', night)}"/>`;
    let d = '';
    for (let i = 0; i < 6; i++) d += `M${n(random() * width * 0.9)} ${n(top + (bottom - top) * (0.2 + random() * 0.7))}q8 -5 16 0t16 0`;
    out.ground += `<path d="${d}" fill="none" stroke="#fff" stroke-width="2" opacity=".5"/>`;
  }
  if (weather === 'rain' || weather === 'storm') {
    let d = '';
    for (let i = 0; i < 45; i++) d += `M${n(random() * width)} ${n(random() * height)}l-4 14`;
    out.overlay += `<path d="${d}" stroke="#cfe6ff" stroke-width="2" opacity=".7"/>`;
  }
  if (weather === 'snow' || setting === 'snow') out.overlay += dots(45, [0, 0, width, height], [4, 7], '#fff', random, 0.9);
  if (weather === 'fog') out.overlay += `<rect y="${n(stage.horizon - height * 0.2)}" width="${width}" height="${n(height * 0.5)}" fill="#fff" opacity=".35"/>`;
  return out;
}
