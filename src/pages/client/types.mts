// The shapes the page reads from the API (src/serve/sessionViews.ts and messagesApi.ts make them).

export interface SessionSummary {
  id: string;
  name: string;
  title: string;
  updatedAt: string;
  head: string | null;
  turnCount: number;
  settings: { provider: string; model: string; size: string; profile: string };
}

export interface TurnCard {
  id: string;
  parent: string | null;
  prompt: string;
  provider: string;
  model: string;
  seed: number | null;
  score: number | null;
  durationMs: number;
  at: string;
  error: { code: string; message: string } | null;
  isHead: boolean;
  onHeadPath: boolean;
  branch: { letter: string; from: string | null; label: string } | null;
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
