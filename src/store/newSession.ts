// New sessions: the name picked (or checked), the session written under its lock, never over another one.
import { randomBytes, randomUUID } from 'node:crypto';
import { UsageError } from '../errors.js';
import { autoName, autoTitle, validateSessionName } from './names.js';
import { SCHEMA_VERSION, type Session, type SessionSettings } from './schema.js';
import type { SessionStore } from './sessionStore.js';

export interface NewSessionOptions {
  name?: string;
  prompt?: string;
  title?: string;
  settings: SessionSettings;
}

/** Writes a new session; `prepare` changes it first, under its lock (a first turn, say). */
export function createSession(store: SessionStore, options: NewSessionOptions, prepare?: (session: Session) => void): Session {
  if (options.name === undefined) return createAutoNamed(store, options, prepare);
  return store.withDirectoryLock(() => store.writeNew(blankSession(options, pickName(store, options)), prepare));
}

/**
 * A session under a fresh auto name ("<words>-<4 hex>"), claimed under that name's own lock: no names lock
 * and no scan of the folder, which a batch of thousands would otherwise pay for every prompt. writeNew
 * re-checks the name under the lock, so a name someone else took meanwhile just means another draw.
 */
function createAutoNamed(store: SessionStore, options: NewSessionOptions, prepare?: (session: Session) => void): Session {
  for (let attempt = 0; attempt < 8; attempt++) {
    const name = randomAutoName(options);
    if (store.fileExists(name)) continue;
    try {
      return store.writeNew(blankSession(options, name), prepare);
    } catch (error) {
      if (!(error instanceof UsageError && error.code === 'name_taken')) throw error;
    }
  }
  // Eight taken draws in a row: a crowded stem; the names lock and a full scan settle it.
  return store.withDirectoryLock(() => store.writeNew(blankSession(options, pickName(store, options)), prepare));
}

function randomAutoName(options: NewSessionOptions): string {
  return autoName(options.prompt ?? '', randomBytes(2).toString('hex'));
}

/** The name asked for if it is free, else a free auto name (caller holds the names lock). */
function pickName(store: SessionStore, options: NewSessionOptions): string {
  // freeName has just checked its pick: a second scan of the folder would only lengthen the names lock.
  if (options.name === undefined) return store.freeName(randomAutoName(options));
  validateSessionName(options.name);
  if (store.nameTaken(options.name)) throw new UsageError(`a session named "${options.name}" already exists`, `continue it with --session ${options.name}, or pick another name`, 'name_taken');
  return options.name;
}

/** A session with no turns, not yet written. */
function blankSession(options: NewSessionOptions, name: string): Session {
  const now = new Date().toISOString();
  const title = options.title ?? (options.prompt ? autoTitle(options.prompt) : '');
  return { version: SCHEMA_VERSION, id: randomUUID(), name, title, createdAt: now, updatedAt: now, settings: { ...options.settings }, forkedFrom: null, head: null, turns: [] };
}
