// What a card shows about a turn, and how: shared by the server (the `view` gallery, the `serve` API in
// src/pages/turnCards.ts) and the page's own script. Pure and DOM-free, so both builds compile it.

export interface BranchMarker {
  /** "A", "B", ...: one per subtree hanging off the current path, in the order they were started. */
  letter: string;
  /** The turn on the current path this branch grew from; null when it starts from the beginning (after a reset). */
  from: string | null;
  label: string;
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
  bytes: number | null;
  sha256: string | null;
  error: { code: string; message: string } | null;
  isHead: boolean;
  onHeadPath: boolean;
  branch: BranchMarker | null;
}

/** The band a score badge is coloured by. */
export function scoreBand(score: number | null): 'none' | 'low' | 'mid' | 'high' {
  if (score === null) return 'none';
  return score >= 0.7 ? 'high' : score >= 0.4 ? 'mid' : 'low';
}

/** "2026-11-25 23:57 UTC": when a turn was made, short and the same in every time zone. */
export function shortTime(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}
