// Things a setting or time of day implies: a forest has trees, a night has a moon, a beach a palm.
import type { Random } from '../random.js';
import type { Box, Scene, SceneItem } from '../types.js';
import { overlapArea } from './geometry.js';
import { scatterBox } from './scatter.js';
import type { Stage } from './stage.js';

export interface PropPlan {
  concept: string;
  icon: string;
  boxes: Box[];
  z: number;
  placement: SceneItem['placement'];
  prop: 'setting' | 'time';
}

/** Row of background things along the horizon (trees of a forest), avoiding the middle of the main subjects. */
function backRow(count: number, sizeRange: [number, number], stage: Stage, width: number, random: Random): Box[] {
  const boxes: Box[] = [];
  const step = width / count;
  for (let i = 0; i < count; i++) {
    const size = sizeRange[0] + random() * (sizeRange[1] - sizeRange[0]);
    const cx = step * (i + 0.5) + (random() - 0.5) * step * 0.5;
    const bottom = stage.horizon + (random() * 0.5 + 0.15) * (stage.front - stage.horizon) * 0.3;
    boxes.push([cx - size / 2, bottom - size, size, size]);
  }
  return boxes;
}

function sideThings(count: number, size: number, stage: Stage, width: number, taken: Box[], random: Random): Box[] {
  const boxes: Box[] = [];
  const depth = stage.front - stage.horizon;
  for (let i = 0; i < count; i++) {
    const left = i % 2 === 0;
    const region = { left: left ? 0 : width * 0.72, right: left ? width * 0.28 : width, top: stage.horizon + depth * 0.25 - size, bottom: stage.front + size * 0.05 };
    boxes.push(scatterBox(size, region, [...taken, ...boxes], random));
  }
  return boxes;
}

export function propsFor(scene: Pick<Scene, 'setting' | 'time' | 'weather' | 'style' | 'width' | 'height'>, stage: Stage, named: string[], taken: Box[], random: Random): PropPlan[] {
  const { setting, time, width, height } = scene;
  if (scene.style.includes('minimal')) return [];
  const has = (icon: string) => named.includes(icon);
  const out: PropPlan[] = [];
  const add = (concept: string, icon: string, boxes: Box[], z: number, placement: SceneItem['placement'], prop: PropPlan['prop']) => {
    if (!has(icon)) out.push({ concept, icon, boxes, z, placement, prop });
  };
  const depth = stage.front - stage.horizon;
  if (setting === 'forest') {
    const trees = backRow(6, [depth * 0.75, depth * 1.05], stage, width, random);
    add('tree', 'evergreen-tree', trees.filter((_, i) => i % 2 === 0), 20, 'ground', 'setting');
    add('tree', 'deciduous-tree', trees.filter((_, i) => i % 2 === 1), 21, 'ground', 'setting');
  } else if (setting === 'park' || setting === 'farm') {
    add('tree', 'deciduous-tree', backRow(3, [depth * 0.7, depth * 0.9], stage, width, random), 20, 'ground', 'setting');
    if (setting === 'farm') add('barn', 'house', sideThings(1, depth * 0.7, stage, width, taken, random), 21, 'ground', 'setting');
  } else if (setting === 'snow') {
    add('tree', 'evergreen-tree', backRow(4, [depth * 0.6, depth * 0.8], stage, width, random), 20, 'ground', 'setting');
  } else if (setting === 'beach') {
    add('palm tree', 'palm-tree', sideThings(1, depth * 1.1, stage, width, taken, random), 30, 'ground', 'setting');
  } else if (setting === 'desert') {
    add('cactus', 'cactus', sideThings(2, depth * 0.5, stage, width, taken, random), 30, 'ground', 'setting');
  } else if (setting === 'garden' || setting === 'meadow') {
    const n = setting === 'garden' ? 5 : 3;
    const flowers: Box[] = [];
    for (let i = 0; i < n; i++) flowers.push(scatterBox(depth * 0.22, { left: 0, right: width, top: stage.horizon + depth * 0.45, bottom: stage.front + depth * 0.05 }, [...taken, ...flowers], random));
    add('flower', setting === 'garden' ? 'tulip' : 'blossom', flowers.filter((box) => !taken.some((t) => overlapArea(box, t) > 0)), 110, 'ground', 'setting');
  } else if (setting === 'underwater') {
    add('coral', 'coral', [[width * 0.02, height * 0.8, width * 0.18, width * 0.18], [width * 0.8, height * 0.82, width * 0.16, width * 0.16]], 8, 'ground', 'setting');
  } else if (setting === 'space') {
    add('planet', 'ringed-planet', [scatterBox(width * 0.2, { left: width * 0.05, right: width * 0.95, top: height * 0.04, bottom: height * 0.32 }, taken, random)], 4, 'sky', 'setting');
  } else if (setting === 'room' || setting === 'kitchen') {
    add('window', 'window', [[width * 0.68, stage.horizon * 0.18, width * 0.22, width * 0.22]], 4, 'ground', 'setting');
  }
  const outdoor = stage.kind === 'ground' && setting !== 'room' && setting !== 'kitchen';
  const skyTop = { left: width * 0.55, right: width * 0.95, top: height * 0.04, bottom: Math.max(height * 0.3, stage.horizon * 0.45) };
  if ((time === 'night' && (outdoor || setting === 'sky')) || (time === 'night' && setting === undefined)) {
    add('moon', 'crescent-moon', [scatterBox(width * 0.15, skyTop, taken, random)], 3, 'sky', 'time');
  } else if ((time === 'dusk' || time === 'dawn') && outdoor) {
    const size = width * 0.22;
    const x = width * (time === 'dusk' ? 0.62 : 0.2);
    // Half set on the horizon; where the setting stands in front of its middle (a forest's trees), just over their tops.
    const middle = x + size / 2;
    const tops = out.filter((p) => p.prop === 'setting').flatMap((p) => p.boxes).filter((b) => b[0] < middle && b[0] + b[2] > middle).map((b) => b[1]);
    add('sun', 'sun', [[x, Math.min(stage.horizon, ...tops) - size * 0.55, size, size]], 2, 'sky', 'time');
  } else if ((time === 'day' || (time === undefined && setting !== undefined)) && outdoor && !['city', 'street', 'forest'].includes(setting ?? '')) {
    add('sun', 'sun', [scatterBox(width * 0.16, skyTop, taken, random)], 3, 'sky', 'time');
  }
  if (scene.weather === 'rain' || scene.weather === 'storm' || scene.weather === 'clouds') {
    const clouds: Box[] = [];
    for (let i = 0; i < 3; i++) clouds.push(scatterBox(width * 0.24, { left: 0, right: width, top: height * 0.02, bottom: height * 0.3 }, [...taken, ...clouds], random));
    add('cloud', 'cloud', clouds, 4, 'sky', 'time');
  }
  return out;
}
