// Fork: a new session holding copies of the turns from the root to one turn (SPEC §3).
// The copies are renumbered t1..tN along the path; the SVG files are copied, byte for byte.
import { randomUUID } from 'node:crypto';
import { UsageError } from '../errors.js';
import { validateSessionName } from './names.js';
import { SCHEMA_VERSION, type Session, type SvgRef, type Turn } from './schema.js';
import type { SessionStore } from './sessionStore.js';
import { readSvgBytes, storeSvgFile } from './svgFiles.js';
import { pathTo, turnFileStem } from './tree.js';

export interface ForkOptions {
  /** The last turn to copy: "t3" or 3; default: the head. */
  turn?: string | number;
  /** Default: "<name>-fork" (or -fork-2, ...). */
  name?: string;
}

function copySvg(store: SessionStore, ref: SvgRef, folder: string, stem: string): SvgRef {
  return storeSvgFile(store.dir, folder, stem, readSvgBytes(store.dir, ref), ref);
}

export function forkSession(store: SessionStore, ref: string, options: ForkOptions): Session {
  const source = store.get(ref);
  const last = options.turn !== undefined ? store.turn(source, options.turn) : source.head === null ? undefined : store.turn(source, source.head);
  if (!last) {
    throw new UsageError(`session "${source.name}" has no current turn to fork from`, `pick one with --turn N (see: svgchat sessions show ${source.name})`, 'nothing_to_fork');
  }
  if (options.name !== undefined) validateSessionName(options.name);
  return store.withDirectoryLock(() => {
    const name = options.name ?? store.freeName(`${source.name.slice(0, 59)}-fork`);
    if (store.nameTaken(name)) throw new UsageError(`a session named "${name}" already exists`, 'pick another name with --name', 'name_taken');
    return store.withSessionLocks([name], () => {
      // Checked again under its lock before any file is copied: an auto-named session may have just taken it.
      store.claimable(name);
      const turns = pathTo(source, last.id).map((turn, index): Turn => {
        const stem = turnFileStem(index + 1);
        return {
          ...turn,
          id: `t${index + 1}`,
          parent: index === 0 ? null : `t${index}`,
          svg: turn.svg && copySvg(store, turn.svg, name, stem),
          candidates: turn.candidates.map((candidate, i) => ({ ...copySvg(store, candidate, name, `${stem}-c${i + 1}`), score: candidate.score })),
        };
      });
      const now = new Date().toISOString();
      return store.writeNew({
        version: SCHEMA_VERSION,
        id: randomUUID(),
        name,
        title: source.title,
        createdAt: now,
        updatedAt: now,
        settings: { ...source.settings },
        forkedFrom: { sessionId: source.id, sessionName: source.name, turnId: last.id },
        head: turns.at(-1)!.id,
        turns,
      });
    });
  });
}
