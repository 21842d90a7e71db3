// The stored scene as read back from a session file: validated before a follow-up edits it.
// A scene from another version (or none) means the follow-up starts a new scene.
import { z } from 'zod';
import { SCENE_VERSION, type Scene } from './types.js';

const box = z.tuple([z.number(), z.number(), z.number(), z.number()]);

const itemSchema = z.object({
  id: z.string(),
  concept: z.string(),
  source: z.string(),
  color: z.string().regex(/^#[0-9a-f]{6}$/i).optional(),
  count: z.number().int().nonnegative(),
  bbox: box,
  boxes: z.array(box),
  z: z.number(),
  placement: z.enum(['sky', 'ground', 'water']),
  flip: z.boolean().optional(),
  prop: z.enum(['setting', 'time']).optional(),
});

export const sceneSchema = z.object({
  version: z.literal(SCENE_VERSION),
  width: z.number().positive(),
  height: z.number().positive(),
  seed: z.number().int(),
  background: z.string(),
  setting: z.enum(['forest', 'beach', 'space', 'underwater', 'city', 'desert', 'snow', 'mountains', 'meadow', 'farm', 'garden', 'park', 'sky', 'sea', 'lake', 'room', 'kitchen', 'street']).optional(),
  time: z.enum(['day', 'dawn', 'dusk', 'night']).optional(),
  weather: z.enum(['rain', 'snow', 'clouds', 'storm', 'fog']).optional(),
  style: z.array(z.enum(['flat', 'minimal', 'line', 'pastel', 'monochrome', 'neon'])),
  pattern: z.object({
    kind: z.enum(['concentric', 'spiral', 'stripes', 'checkerboard', 'sunset', 'mandala', 'dots', 'grid', 'waves', 'gradient', 'rainbow']),
    shape: z.string(),
    colors: z.array(z.string()),
    direction: z.string().optional(),
  }).optional(),
  items: z.array(itemSchema),
  unmatched: z.array(z.string()),
  focus: z.string().optional(),
});

/** The scene if it is one this composer can edit, else undefined. */
export function readScene(value: unknown): Scene | undefined {
  const parsed = sceneSchema.safeParse(value);
  return parsed.success ? (parsed.data as Scene) : undefined;
}
