// What a card shows about a turn, shared by the `view` gallery and the `serve` API: pure, no I/O.
// Turns form a tree (SPEC §3). The path root -> head is the conversation; every other turn sits on a
// branch, named by a letter and the turn it grew from, so a reader can tell the branches apart.
import type { Session, Turn } from '../store/schema.js';
import type { BranchMarker, TurnCard } from './client/cardShape.mjs';

export { scoreBand, shortTime, type BranchMarker, type TurnCard } from './client/cardShape.mjs';

function onPath(session: Pick<Session, 'head' | 'turns'>): Set<string> {
  const byId = new Map(session.turns.map((turn) => [turn.id, turn]));
  const path = new Set<string>();
  for (let id = session.head; id !== null; ) {
    const turn = byId.get(id);
    if (!turn || path.has(id)) break;
    path.add(id);
    id = turn.parent;
  }
  return path;
}

function letterOf(index: number): string {
  let label = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) label = String.fromCharCode(65 + ((n - 1) % 26)) + label;
  return label;
}

export function turnCards(session: Pick<Session, 'head' | 'turns'>): TurnCard[] {
  const path = onPath(session);
  // Turns come parent-first (the schema guarantees it), so a turn's branch is known when its children come.
  const branchOf = new Map<string, BranchMarker>();
  let branches = 0;
  return session.turns.map((turn: Turn) => {
    let branch: BranchMarker | null = null;
    if (!path.has(turn.id)) {
      const inherited = turn.parent === null ? undefined : branchOf.get(turn.parent);
      if (inherited) branch = inherited;
      else {
        const letter = letterOf(branches++);
        const from = turn.parent;
        branch = { letter, from, label: from === null ? `branch ${letter}, from the start` : `branch ${letter}, from ${from}` };
      }
      branchOf.set(turn.id, branch);
    }
    return {
      id: turn.id,
      parent: turn.parent,
      prompt: turn.prompt,
      provider: turn.provider,
      model: turn.model,
      seed: turn.seed,
      score: turn.score,
      durationMs: turn.durationMs,
      at: turn.at,
      bytes: turn.svg?.bytes ?? null,
      sha256: turn.svg?.sha256 ?? null,
      error: turn.error ? { code: turn.error.code, message: turn.error.message } : null,
      isHead: turn.id === session.head,
      onHeadPath: path.has(turn.id),
      branch,
    };
  });
}
