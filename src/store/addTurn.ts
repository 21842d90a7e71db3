// A new turn in a session: its SVGs stored as files, the turn added after the head (or a given parent).
import { autoTitle } from './names.js';
import type { Session, Turn } from './schema.js';
import type { SessionReader } from './sessionReader.js';
import { storeSvgFile } from './svgFiles.js';
import { nextTurnNumber, turnFileStem } from './tree.js';

/** What a caller has for a new turn; the store adds id, parent, files and time. */
export interface TurnDraft {
  prompt: string;
  provider: string;
  model: string;
  seed: number | null;
  svg: string | null;
  scene: unknown;
  score: number | null;
  usage: Turn['usage'];
  durationMs: number;
  candidates: { svg: string; score: number | null }[];
  error: Turn['error'];
  /** The turn this one follows; default: the head. null starts a new branch from the root. */
  parent?: string | null;
}

/** Stores the draft's SVGs and adds its turn to `current` as the new head (caller holds the session lock); returns its id. */
export function addTurn(store: SessionReader, current: Session, draft: TurnDraft): string {
  const parent = draft.parent === undefined ? current.head : draft.parent;
  if (parent !== null) store.turn(current, parent);
  const number = nextTurnNumber(current);
  const stem = turnFileStem(number);
  const turn: Turn = {
    id: `t${number}`,
    parent,
    prompt: draft.prompt,
    provider: draft.provider,
    model: draft.model,
    seed: draft.seed,
    svg: draft.svg === null ? null : storeSvgFile(store.dir, current.name, stem, draft.svg),
    scene: draft.scene ?? null,
    score: draft.score,
    usage: draft.usage,
    durationMs: draft.durationMs,
    candidates: draft.candidates.map((candidate, i) => ({ ...storeSvgFile(store.dir, current.name, `${stem}-c${i + 1}`, candidate.svg), score: candidate.score })),
    error: draft.error,
    at: new Date().toISOString(),
  };
  current.turns.push(turn);
  current.head = turn.id;
  current.updatedAt = turn.at;
  if (!current.title) current.title = autoTitle(draft.prompt);
  return turn.id;
}
