// Rename and remove: the two changes that touch a session's file name and its SVG folder.
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { validateSessionName } from './names.js';
import type { Session, SvgRef, Turn } from './schema.js';
import type { SessionStore } from './sessionStore.js';
import { svgFilePath } from './svgFiles.js';

function refsOf(session: Session): SvgRef[] {
  return session.turns.flatMap((turn) => [...(turn.svg ? [turn.svg] : []), ...turn.candidates]);
}

function sameFile(a: string, b: string): boolean {
  try {
    const [x, y] = [fs.statSync(a), fs.statSync(b)];
    return x.ino === y.ino && x.dev === y.dev;
  } catch {
    return false;
  }
}

/** Moves the SVG files to the new folder: the whole folder when it can, else file by file (never replacing one). */
function moveSvgFiles(store: SessionStore, session: Session, newName: string): (ref: SvgRef) => SvgRef {
  const from = path.join(store.dir, session.name);
  const to = path.join(store.dir, newName);
  const moved = new Map<string, string>();
  if (!fs.existsSync(to) || sameFile(from, to)) {
    if (fs.existsSync(from)) fs.renameSync(from, to);
  } else {
    fs.mkdirSync(to, { recursive: true });
    for (const ref of refsOf(session)) {
      const base = path.posix.basename(ref.path, '.svg');
      let target = `${base}.svg`;
      for (let n = 2; fs.existsSync(path.join(to, target)); n++) target = `${base}-${n}.svg`;
      fs.renameSync(svgFilePath(store.dir, ref), path.join(to, target));
      moved.set(ref.path, target);
    }
  }
  return (ref) => ({ ...ref, path: `${newName}/${moved.get(ref.path) ?? path.posix.basename(ref.path)}` });
}

export function renameSession(store: SessionStore, ref: string, newName: string): Session {
  validateSessionName(newName);
  return store.withDirectoryLock(() => {
    const session = store.get(ref);
    if (session.name === newName) return session;
    if (store.nameTaken(newName, session.id)) throw new UsageError(`a session named "${newName}" already exists`, 'pick another name, or remove that session first', 'name_taken');
    return store.withSessionLocks([session.name, newName], () => {
      const current = store.readByName(session.name, true) ?? store.get(session.id);
      // Checked again under the locks, before anything moves: an auto-named session may have just taken the name.
      store.claimable(newName, current.id);
      const oldFile = store.fileOf(current);
      const newRef = moveSvgFiles(store, current, newName);
      const turns = current.turns.map((turn): Turn => ({
        ...turn,
        svg: turn.svg && newRef(turn.svg),
        candidates: turn.candidates.map((candidate) => ({ ...newRef(candidate), score: candidate.score })),
      }));
      // The folder has moved; now the new file, then the old one goes (unless they are one file: a change of case).
      const renamed = store.writeNew({ ...current, name: newName, turns, updatedAt: new Date().toISOString() });
      if (!sameFile(oldFile, store.fileOf(newName))) fs.rmSync(oldFile, { force: true });
      store.forget(current.name);
      return renamed;
    });
  });
}

export function removeSession(store: SessionStore, ref: string): Session {
  return store.withDirectoryLock(() => {
    const session = store.get(ref);
    return store.withSessionLocks([session.name], () => {
      const current = store.readByName(session.name, true) ?? session;
      // The file first: once it is gone the session is gone, whatever happens to the SVGs after.
      fs.rmSync(store.fileOf(current), { force: true });
      store.forget(current.name);
      for (const svg of refsOf(current)) fs.rmSync(svgFilePath(store.dir, svg), { force: true });
      try {
        fs.rmdirSync(path.join(store.dir, current.name)); // only if empty: files of a session set aside stay
      } catch {
        // not empty, or never created
      }
      return current;
    });
  });
}
