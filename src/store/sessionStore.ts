// Sessions on disk (SPEC §3): one JSON file per session under $SVGCHAT_HOME/sessions/, its SVGs in a folder beside it.
//
// Every change runs under the session's cross-process lock and re-reads the file first, so concurrent
// writers (two terminals, gen in a loop, the server) merge instead of losing turns. All methods are
// synchronous; src/store/README.md describes the API other modules use.
import fs from 'node:fs';
import path from 'node:path';
import { RuntimeFailure, UsageError } from '../errors.js';
import { addTurn, type TurnDraft } from './addTurn.js';
import { hasCapitals, mixedCaseSeen, noteMixedCase } from './caseMark.js';
import { withLock, withLocks } from './lock.js';
import { validateSessionName } from './names.js';
import { createSession, type NewSessionOptions } from './newSession.js';
import type { Session, SessionSettings, Turn } from './schema.js';
import { openSessionFile } from './sessionFile.js';
import { SessionReader } from './sessionReader.js';
import { latestChild } from './tree.js';
import { forkSession, type ForkOptions } from './fork.js';
import { removeSession, renameSession } from './rename.js';

export { sha256 } from './svgFiles.js';
export { copySession } from './sessionFile.js';
export type { StoreOptions } from './sessionReader.js';
export type { TurnDraft } from './addTurn.js';
export type { NewSessionOptions } from './newSession.js';

export class SessionStore extends SessionReader {
  create(options: NewSessionOptions): Session {
    return createSession(this, options);
  }

  /**
   * A new session and its first turn in one locked write: what `gen --batch` does for every prompt, where
   * create + appendTurn would cost a second lock and a second fsynced session file.
   */
  createWithTurn(options: NewSessionOptions, draft: TurnDraft): { session: Session; turn: Turn } {
    let id = '';
    const session = createSession(this, options, (fresh) => (id = addTurn(this, fresh, draft)));
    return { session, turn: session.turns.find((turn) => turn.id === id)! };
  }

  /** The session `ref` names, created (with that name) if there is none; safe when processes race. */
  ensure(options: { name: string; prompt?: string; settings: SessionSettings }): Session {
    const existing = this.find(options.name);
    if (existing) return existing;
    validateSessionName(options.name);
    return this.withDirectoryLock(() => this.find(options.name) ?? this.create(options));
  }

  /** Adds a turn after the head (or `draft.parent`), makes it the head, and stores its SVGs. */
  appendTurn(ref: string, draft: TurnDraft): { session: Session; turn: Turn } {
    const { session, result } = this.mutate(ref, (current) => addTurn(this, current, draft));
    return { session, turn: session.turns.find((turn) => turn.id === result)! };
  }

  /**
   * The general change: `change` gets the fresh session under the lock and may set the title, settings or
   * head, or replace turns with new objects (turns are frozen: replace them, do not edit them). The result
   * is validated before it is written. Name and id are changed only by rename.
   */
  update(ref: string, change: (session: Session) => void): Session {
    return this.mutate(ref, (current) => {
      const { id, name } = current;
      change(current);
      if (current.id !== id || current.name !== name) throw new Error('update() cannot change a session id or name; use rename()');
    }).session;
  }

  /** Moves the head to a turn (or null: the next prompt starts a new branch from the root). */
  setHead(ref: string, turnId: string | null): Session {
    return this.mutate(ref, (current) => {
      current.head = turnId === null ? null : this.turn(current, turnId).id;
      current.updatedAt = new Date().toISOString();
    }).session;
  }

  /** Head to its parent; the turn stays in the tree (redo brings it back). */
  undo(ref: string): Session {
    return this.mutate(ref, (current) => {
      if (current.head === null) throw new UsageError('nothing to undo', 'the session is at its start', 'nothing_to_undo');
      current.head = this.turn(current, current.head).parent;
      current.updatedAt = new Date().toISOString();
    }).session;
  }

  /** Head to its most recent child. */
  redo(ref: string): Session {
    return this.mutate(ref, (current) => {
      const next = latestChild(current, current.head);
      if (!next) throw new UsageError('nothing to redo', 'no turn follows the current one', 'nothing_to_redo');
      current.head = next.id;
      current.updatedAt = new Date().toISOString();
    }).session;
  }

  /** A fresh branch from the root: head = null, every turn kept. */
  reset(ref: string): Session {
    return this.setHead(ref, null);
  }

  /** A new session holding copies of the turns from the root to `turn` (default: head). */
  fork(ref: string, options: ForkOptions = {}): Session {
    return forkSession(this, ref, options);
  }

  /** Gives a session a new name; its SVG folder moves with it. */
  rename(ref: string, newName: string): Session {
    return renameSession(this, ref, newName);
  }

  /** Deletes a session file and its SVG files. */
  remove(ref: string): Session {
    return removeSession(this, ref);
  }

  // ---- building blocks for fork, rename, remove and import (commands use the methods above) ----

  /** Guards the set of names (create, rename, remove, fork, import). Always taken before session locks. */
  withDirectoryLock<T>(work: () => T): T {
    return withLock(path.join(this.dir, '.locks', '.names.lock'), work, this.lockOptions);
  }

  withSessionLocks<T>(names: string[], work: () => T): T {
    return withLocks(names.map((name) => this.lockOf(name)), work, this.sessionLockOptions(names));
  }

  /** Whether a session has this name in any case; `self`, the current name of a session being renamed, does not count. */
  nameTaken(name: string, self?: string): boolean {
    const lower = name.toLowerCase();
    return this.names().some((candidate) => candidate.toLowerCase() === lower && candidate !== self);
  }

  /** `base`, or `base-2`, `base-3`, ... whichever is free; always a valid name. */
  freeName(base: string): string {
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? '' : `-${n}`;
      const name = `${base.slice(0, 64 - suffix.length)}${suffix}`;
      if (!this.nameTaken(name)) return name;
    }
  }

  /**
   * Throws name_taken if another session has this name (caller holds the name's lock, the same for every case
   * of it). `self` is the current name of a session being renamed (a change of case is not a clash with itself).
   * Names are unique in any case; checking that means reading the folder, which an auto-named session (all
   * lowercase) skips while no session has an uppercase letter in its name: then only its exact file can clash.
   */
  claimable(name: string, self?: string): void {
    const anyCase = hasCapitals(name) || mixedCaseSeen(this.dir);
    if (anyCase ? this.nameTaken(name, self) : name !== self && this.fileExists(name)) {
      throw new UsageError(`a session named "${name}" already exists`, 'pick another name', 'name_taken');
    }
  }

  fileExists(name: string): boolean {
    return fs.existsSync(this.fileOf(name));
  }

  idTaken(id: string): boolean {
    return this.list().some((session) => session.id === id);
  }

  /**
   * Writes a session whose name is free; `prepare` changes it first, under its lock. Never replaces another
   * session's file: the name is checked again under its lock (a file with the same id is the session itself,
   * renamed to a change of case).
   */
  writeNew(session: Session, prepare?: (session: Session) => void, self?: string): Session {
    return this.withSessionLocks([session.name], () => {
      // Marked before the check: an auto-named session waiting for this lock then checks every case.
      if (hasCapitals(session.name)) noteMixedCase(this.dir);
      this.claimable(session.name, self);
      prepare?.(session);
      const db = openSessionFile(this.fileOf(session));
      db.data = session;
      db.write();
      db.read();
      return this.remember(db.data!);
    });
  }

  /** Resolve, lock, re-read, change, validate, write atomically. Retries if the session was renamed meanwhile. */
  private mutate<T>(ref: string, change: (session: Session) => T, attempt = 0): { session: Session; result: T } {
    const target = this.get(ref);
    const outcome = withLock(this.lockOf(target.name), () => {
      const current = this.readByName(target.name, true);
      if (!current || current.id !== target.id) return undefined;
      const db = openSessionFile(this.fileOf(target.name));
      db.data = current;
      const result = change(current);
      db.write();
      db.read();
      return { session: db.data!, result };
    }, this.sessionLockOptions([target.name]));
    if (outcome) return outcome;
    if (attempt >= 3) throw new RuntimeFailure(`session "${target.name}" kept changing name while being written`, 'run the command again', 'session_moved');
    return this.mutate(target.id, change, attempt + 1);
  }
}
