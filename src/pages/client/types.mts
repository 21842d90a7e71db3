// The shapes the page reads from the API (src/serve/sessionViews.ts and messagesApi.ts make them).
import type { TurnCard as CardFields } from './cardShape.mjs';

export interface SessionSummary {
  id: string;
  name: string;
  title: string;
  updatedAt: string;
  head: string | null;
  turnCount: number;
  settings: { provider: string; model: string; size: string; profile: string };
}

/** A turn as the API sends it: the card (cardShape.mts) and where its SVG is served. */
export interface TurnCard extends CardFields {
  svgUrl: string | null;
}

export interface SessionView extends SessionSummary {
  turns: TurnCard[];
}

export interface TurnResult {
  session: { id: string; name: string };
  turn: string;
  score: number | null;
  durationMs: number;
  url: string;
  notes: string[];
  /** What the model wrote besides the SVG (null offline, or when it wrote nothing else). */
  said: string | null;
}

export interface ProgressEvent {
  type: 'status' | 'tokens';
  message?: string;
  count?: number;
}
