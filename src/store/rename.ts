// Rename and remove: the two changes that touch a session's file name and its SVG folder.
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { validateSessionName } from './names.js';
import type { Session, SvgRef, Turn } from './schema.js';
import type { SessionStore } from './sessionStore.js';
import { syncDirectory } from './atomic.js';
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

/** Hard-links `from` as `to` (a copy where links are not possible); EEXIST if `to` exists. */
function linkOrCopy(from: string, to: string): void {
  try {
    fs.linkSync(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw error;
    try {
      fs.copyFileSync(from, to, fs.constants.COPYFILE_EXCL);
      const fd = fs.openSync(to, 'r');
      try {
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
    } catch (copyError) {
      // A half-made copy (a full disk) is ours to remove; a file that was already there is not.
      if ((copyError as NodeJS.ErrnoException).code !== 'EEXIST') fs.rmSync(to, { force: true });
      throw copyError;
    }
  }
}

interface SvgPlacement {
  newRef: (ref: SvgRef) => SvgRef;
  /** The old files go, once the new session file is written. */
  removeOld: () => void;
  /** The new names go, when the new session file could not be written. */
  undo: () => void;
}

/**
 * The SVG files under the new folder's name, as links beside the old files (never replacing a file there):
 * until the new session file is written, the old session still has every file it names, so a crash at any
 * point leaves at least one whole session. A change of case on a case-insensitive disk is the same folder.
 */
function placeSvgFiles(store: SessionStore, session: Session, newName: string): SvgPlacement {
  const from = path.join(store.dir, session.name);
  const to = path.join(store.dir, newName);
  const renamed = (ref: SvgRef, file = path.posix.basename(ref.path)): SvgRef => ({ ...ref, path: `${newName}/${file}` });
  if (sameFile(from, to)) return { newRef: (ref) => renamed(ref), removeOld: () => {}, undo: () => {} };
  fs.mkdirSync(to, { recursive: true });
  const placed = new Map<string, string>();
  const undo = () => placed.forEach((file) => fs.rmSync(path.join(to, file), { force: true }));
  try {
    for (const ref of refsOf(session)) {
      if (placed.has(ref.path)) continue;
      const base = path.posix.basename(ref.path, '.svg');
      for (let n = 1; ; n++) {
        const file = `${base}${n === 1 ? '' : `-${n}`}.svg`;
        try {
          linkOrCopy(svgFilePath(store.dir, ref), path.join(to, file));
          placed.set(ref.path, file);
          break;
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'ENOENT' && !fs.existsSync(svgFilePath(store.dir, ref))) break; // already missing: the ref keeps its file name
          if (code !== 'EEXIST') throw error;
        }
      }
    }
    syncDirectory(to);
  } catch (error) {
    undo();
    throw error;
  }
  return {
    newRef: (ref) => renamed(ref, placed.get(ref.path)),
    removeOld: () => {
      for (const ref of placed.keys()) fs.rmSync(path.join(store.dir, ...ref.split('/')), { force: true });
      try {
        fs.rmdirSync(from); // only if empty: files of a session set aside stay
      } catch {
        // not empty, or never created
      }
    },
    undo,
  };
}

export function renameSession(store: SessionStore, ref: string, newName: string): Session {
  validateSessionName(newName);
  return store.withDirectoryLock(() => {
    const session = store.get(ref);
    if (session.name === newName) return session;
    if (store.nameTaken(newName, session.name)) throw new UsageError(`a session named "${newName}" already exists`, 'pick another name, or remove that session first', 'name_taken');
    return store.withSessionLocks([session.name, newName], () => {
      const current = store.readByName(session.name, true) ?? store.get(session.id);
      // Checked again under the locks, before anything moves: an auto-named session may have just taken the name.
      store.claimable(newName, current.name);
      const oldFile = store.fileOf(current);
      const { newRef, removeOld, undo } = placeSvgFiles(store, current, newName);
      const turns = current.turns.map((turn): Turn => ({
        ...turn,
        svg: turn.svg && newRef(turn.svg),
        candidates: turn.candidates.map((candidate) => ({ ...newRef(candidate), score: candidate.score })),
      }));
      let renamed: Session;
      try {
        renamed = store.writeNew({ ...current, name: newName, turns, updatedAt: new Date().toISOString() }, undefined, current.name);
      } catch (error) {
        undo();
        throw error;
      }
      // The new session is whole; now the old file goes (unless they are one file: a change of case), then its SVGs.
      if (!sameFile(oldFile, store.fileOf(newName))) fs.rmSync(oldFile, { force: true });
      store.forget(current.name);
      removeOld();
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
