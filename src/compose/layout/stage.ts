// The stage a scene is laid out on: where the horizon is, where things stand, where water is.
import type { Setting, TimeOfDay, Weather } from '../types.js';

export interface Stage {
  /** plain: a background colour, things centred; ground: sky above a horizon, things stand on the ground;
   *  floating: things float (space, underwater, sky). */
  kind: 'plain' | 'ground' | 'floating';
  horizon: number;
  /** Where the front row stands. */
  front: number;
  /** A band of water (sea, lake, beach), top and bottom. */
  water?: [number, number];
  /** Underwater: the sea floor things without fins stand on. */
  floor?: number;
}

const FLOATING: Setting[] = ['space', 'underwater', 'sky'];

export function stageFor(height: number, setting: Setting | undefined, time: TimeOfDay | undefined, weather: Weather | undefined): Stage {
  if (!setting && !time && !weather) return { kind: 'plain', horizon: height, front: height };
  if (setting && FLOATING.includes(setting)) {
    return { kind: 'floating', horizon: height, front: height * 0.94, floor: setting === 'underwater' ? height * 0.9 : undefined };
  }
  if (setting === 'sea') return { kind: 'ground', horizon: height * 0.5, front: height * 0.93, water: [height * 0.5, height] };
  if (setting === 'lake') return { kind: 'ground', horizon: height * 0.52, front: height * 0.95, water: [height * 0.56, height * 0.78] };
  if (setting === 'beach') return { kind: 'ground', horizon: height * 0.48, front: height * 0.94, water: [height * 0.48, height * 0.63] };
  if (setting === 'room' || setting === 'kitchen') return { kind: 'ground', horizon: height * 0.62, front: height * 0.93 };
  return { kind: 'ground', horizon: height * 0.58, front: height * 0.93 };
}
