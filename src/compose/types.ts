// The scene graph: the offline composer's plan, stored on each turn so follow-ups can edit it.

export interface SceneItem {
  id: string;
  /** The word the user used ("fox"). */
  concept: string;
  /** Where the drawing came from: `icon:<name>` or `primitive:<shape>`. */
  source: string;
  /** Requested colour as #rrggbb, if any. */
  color?: string;
  count: number;
  /** x, y, width, height in viewBox units (of the first copy when count > 1). */
  bbox: [number, number, number, number];
}

export interface Scene {
  version: 1;
  width: number;
  height: number;
  background: string;
  items: SceneItem[];
  /** Words of the prompt nothing was found for. */
  unmatched: string[];
}
