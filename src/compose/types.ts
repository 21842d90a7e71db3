// The scene graph: the offline composer's plan, stored on each turn so follow-ups can edit it.
// It holds everything the drawing is made from, so the same scene always renders to the same SVG.

/** x, y, width, height in viewBox units. */
export type Box = [number, number, number, number];

export const SCENE_VERSION = 2;

export type Setting =
  | 'forest' | 'beach' | 'space' | 'underwater' | 'city' | 'desert' | 'snow' | 'mountains'
  | 'meadow' | 'farm' | 'garden' | 'park' | 'sky' | 'sea' | 'lake' | 'room' | 'kitchen' | 'street';
export type TimeOfDay = 'day' | 'dawn' | 'dusk' | 'night';
export type Weather = 'rain' | 'snow' | 'clouds' | 'storm' | 'fog';
export type StyleWord = 'flat' | 'minimal' | 'line' | 'pastel' | 'monochrome' | 'neon';
/** Where a thing belongs in a scene: in the sky, standing on the ground, or swimming. */
export type Placement = 'sky' | 'ground' | 'water';

export interface SceneItem {
  id: string;
  /** The words the user used ("fox", "hot air balloon"). */
  concept: string;
  /** Where the drawing came from: `icon:<name>`, `primitive:<shape>` (asked-for shapes and stand-ins). */
  source: string;
  /** Requested colour as #rrggbb, if any. */
  color?: string;
  count: number;
  /** The area all copies occupy. */
  bbox: Box;
  /** One box per copy. */
  boxes: Box[];
  /** Paint order: lower is drawn first (farther away). */
  z: number;
  placement: Placement;
  /** Mirrored horizontally (faces the other way). */
  flip?: boolean;
  /** Put there by the setting ("forest" implies trees) or the time ("night" a moon), not named by the user. */
  prop?: 'setting' | 'time';
}

/** An abstract prompt drawn from primitives instead of objects. */
export interface PatternSpec {
  kind: 'concentric' | 'spiral' | 'stripes' | 'checkerboard' | 'sunset' | 'mandala' | 'dots' | 'grid' | 'waves' | 'gradient' | 'rainbow';
  /** The shape repeated by spirals, grids and mandalas. */
  shape: string;
  colors: string[];
  /** Stripes: 'horizontal' | 'vertical' | 'diagonal'. */
  direction?: string;
}

export interface Scene {
  version: typeof SCENE_VERSION;
  width: number;
  height: number;
  /** Seeds everything random in the drawing (stars, jitter), so edits keep it. */
  seed: number;
  /** Plain background colour, used when there is no setting or time of day. */
  background: string;
  setting?: Setting;
  time?: TimeOfDay;
  weather?: Weather;
  style: StyleWord[];
  pattern?: PatternSpec;
  items: SceneItem[];
  /** Words of the prompt nothing was found for. */
  unmatched: string[];
  /** The item the conversation is about ("make it bigger"): the last one named or changed. */
  focus?: string;
}
