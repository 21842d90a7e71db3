// What src/score/render.ts and its child (renderWorker.ts) say to each other. Kept apart from the worker, whose
// import loads resvg: the parent needs only these names.
import type { ImageAnalysis } from './metrics.js';

export interface RenderJob {
  id: number;
  svg: string;
  width: number;
  height: number;
  /** 'analysis': the scorer's pixel analysis is done here, so only a small summary crosses back. */
  format: 'rgba' | 'png' | 'analysis';
}

export type RenderReply =
  | { id: number; ok: true; width: number; height: number; data: Uint8Array; analysis?: ImageAnalysis }
  | { id: number; ok: false; error: string };

/** Asks a child to do one throwaway job before it reports ready, so its first real job runs warm. */
export const WARM_FLAG = '--warm';
