// The tree of turns (SPEC §3): pure functions over a session, no I/O.
// Turns are kept in creation order, so "most recent" means "later in the array".
import type { Session, Turn } from './schema.js';

type Turns = Pick<Session, 'turns'>;

/** The turns from the root to `turnId`, oldest first; empty for null or an unknown id. */
export function pathTo(session: Turns, turnId: string | null): Turn[] {
  if (turnId === null) return [];
  const byId = new Map(session.turns.map((turn) => [turn.id, turn]));
  const path: Turn[] = [];
  for (let turn = byId.get(turnId); turn; turn = turn.parent === null ? undefined : byId.get(turn.parent)) path.push(turn);
  return path.reverse();
}

/** The turns that follow `turnId` (null: the roots), oldest first. */
export function childrenOf(session: Turns, turnId: string | null): Turn[] {
  return session.turns.filter((turn) => turn.parent === turnId);
}

/** Where redo goes: the most recent turn that follows `turnId`. */
export function latestChild(session: Turns, turnId: string | null): Turn | undefined {
  return childrenOf(session, turnId).at(-1);
}

export function turnNumber(turnId: string): number {
  return Number(turnId.slice(1));
}

/** The next turn's number: one more than the highest so far, so ids stay unique after branches and forks. */
export function nextTurnNumber(session: Turns): number {
  let highest = 0;
  for (const turn of session.turns) highest = Math.max(highest, turnNumber(turn.id));
  return highest + 1;
}

/** "t3", "3" or 3 -> the turn t3. */
export function findTurn(session: Turns, ref: string | number): Turn | undefined {
  const text = String(ref).trim();
  const id = /^\d+$/.test(text) ? `t${Number(text)}` : text;
  return session.turns.find((turn) => turn.id === id);
}

/** File name stem of turn N's SVG: 1 -> "001". */
export function turnFileStem(number: number): string {
  return String(number).padStart(3, '0');
}
