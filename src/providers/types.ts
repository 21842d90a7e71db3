// The seam between svgchat and whatever draws: one interface, swapped by configuration.
import type { Scene } from '../compose/types.js';

export interface HistoryTurn {
  prompt: string;
  svg?: string;
  scene?: Scene;
}

export interface GenerateRequest {
  prompt: string;
  seed: number;
  width: number;
  height: number;
  profile: 'default' | 'kaggle';
  model: string;
  /** The conversation so far, root to head (oldest first). */
  history: HistoryTurn[];
}

export interface Usage {
  promptTokens: number;
  completionTokens: number;
}

export interface GenerateResult {
  svg: string;
  model: string;
  scene?: Scene;
  usage?: Usage;
  notes: string[];
  /** What a model wrote besides the SVG, shortened: shown with the reply, not stored. */
  said?: string;
}

export type ProgressEvent =
  | { type: 'status'; message: string }
  | { type: 'tokens'; count: number };

export interface Provider {
  readonly id: 'offline' | 'openai';
  generate(request: GenerateRequest, signal: AbortSignal): AsyncGenerator<ProgressEvent, GenerateResult>;
}
