// Sessions on disk (SPEC §3): one JSON file per session under $SVGCHAT_HOME/sessions/, its SVGs in a folder beside it.
//
// Reading never takes a lock: files are only ever replaced whole (atomic rename), so a reader sees the old
// version or the new one. Every change runs under the session's cross-process lock and re-reads the file
// first, so concurrent writers (two terminals, gen in a loop, the server) merge instead of losing turns.
// All methods are synchronous; src/store/README.md describes the API other modules use.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { RuntimeFailure, UsageError } from '../errors.js';
import { nearest } from '../util/suggest.js';
import { withLock, withLocks, type LockOptions } from './lock.js';
import { NewerSchemaError, UnreadableSessionError } from './migrations.js';
import { autoName, autoTitle, SESSION_NAME_PATTERN, validateSessionName } from './names.js';
import { SCHEMA_VERSION, type Session, type SessionSettings, type SvgRef, type Turn } from './schema.js';
import { copySession, forgetSessionFile, openSessionFile } from './sessionFile.js';
import { readSvgBytes, storeSvgFile, svgFilePath } from './svgFiles.js';
import { findTurn, latestChild, nextTurnNumber, pathTo, turnFileStem } from './tree.js';
import { forkSession, type ForkOptions } from './fork.js';
import { removeSession, renameSession } from './rename.js';

export { sha256 } from './svgFiles.js';

export interface StoreOptions {
  /** Told about files moved aside or skipped; commands pass one that writes to stderr. */
  onWarning?: (message: string) => void;
  lock?: LockOptions;
}

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

export class SessionStore {
  readonly dir: string;
  readonly warn: (message: string) => void;
  readonly lockOptions: LockOptions;

  constructor(home: string, options: StoreOptions = {}) {
    this.dir = path.join(home, 'sessions');
    this.warn = options.onWarning ?? (() => {});
    this.lockOptions = options.lock ?? {};
  }

  // ---- files -------------------------------------------------------------------------------------

  /** The JSON file of a session (by session or by name). */
  fileOf(session: Pick<Session, 'name'> | string): string {
    return path.join(this.dir, `${typeof session === 'string' ? session : session.name}.json`);
  }

  svgFile(ref: Pick<SvgRef, 'path'>): string {
    return svgFilePath(this.dir, ref);
  }

  readSvg(ref: Pick<SvgRef, 'path'>): string {
    return readSvgBytes(this.dir, ref).toString('utf8');
  }

  /** Names of the session files on disk (not read). */
  names(): string[] {
    let entries: string[];
    try {
      entries = fs.readdirSync(this.dir);
    } catch {
      return [];
    }
    return entries.filter((entry) => entry.endsWith('.json')).map((entry) => entry.slice(0, -5)).filter((name) => SESSION_NAME_PATTERN.test(name));
  }

  // ---- reading -----------------------------------------------------------------------------------

  /** Every readable session, most recently used first; `search` keeps those with the text in a prompt, title or name. */
  list(options: { search?: string } = {}): Session[] {
    const needle = options.search?.trim().toLowerCase();
    const sessions: Session[] = [];
    for (const name of this.names()) {
      const session = this.readByName(name, false);
      if (!session) continue;
      if (needle && !matches(session, needle)) continue;
      sessions.push(session);
    }
    return sessions.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.name.localeCompare(b.name));
  }

  /** By name (case-insensitive) or by id prefix (4+ characters). */
  find(ref: string): Session | undefined {
    const wanted = ref.trim().toLowerCase();
    if (!wanted) return undefined;
    const name = this.names().find((candidate) => candidate.toLowerCase() === wanted);
    const byName = name === undefined ? undefined : this.readByName(name, true);
    if (byName) return byName;
    if (wanted.length < 4 || !/^[0-9a-f-]+$/.test(wanted)) return undefined;
    const byId = this.list().filter((session) => session.id.toLowerCase().startsWith(wanted));
    if (byId.length > 1) throw new UsageError(`"${ref}" is the start of ${byId.length} session ids`, `use more of the id, or a name: ${byId.map((s) => s.name).join(', ')}`, 'ambiguous_session');
    return byId[0];
  }

  /** Like find, but an unknown session is a usage error (exit 2) that suggests the nearest name. */
  get(ref: string): Session {
    const session = this.find(ref);
    if (session) return session;
    const shown = ref.length > 40 ? `${ref.slice(0, 40)}…` : ref;
    const suggestion = nearest(ref, this.names());
    throw new UsageError(
      `no session named "${shown}"`,
      suggestion ? `did you mean "${suggestion}"? (svgchat sessions list shows them all)` : 'svgchat sessions list shows them all',
      'unknown_session',
    );
  }

  /** The conversation: turns from the root to `turnId` (default: the head), oldest first. */
  path(session: Session, turnId: string | null = session.head): Turn[] {
    return pathTo(session, turnId);
  }

  /** Same as path(session): what `history` shows and what a provider gets as context. */
  history(session: Session): Turn[] {
    return pathTo(session, session.head);
  }

  /** A turn by id ("t3") or number (3); a usage error if there is none. */
  turn(session: Session, ref: string | number): Turn {
    const turn = findTurn(session, ref);
    if (!turn) throw new UsageError(`session "${session.name}" has no turn ${ref}`, `it has ${session.turns.length} turns; see: svgchat sessions show ${session.name}`, 'unknown_turn');
    return turn;
  }

  // ---- writing -----------------------------------------------------------------------------------

  create(options: { name?: string; prompt?: string; title?: string; settings: SessionSettings }): Session {
    if (options.name !== undefined) validateSessionName(options.name);
    return this.withDirectoryLock(() => {
      const name = options.name ?? this.freeName(autoName(options.prompt ?? '', randomBytes(2).toString('hex')));
      if (this.nameTaken(name)) throw new UsageError(`a session named "${name}" already exists`, `continue it with --session ${name}, or pick another name`, 'name_taken');
      const now = new Date().toISOString();
      const title = options.title ?? (options.prompt ? autoTitle(options.prompt) : '');
      return this.writeNew({ version: SCHEMA_VERSION, id: randomUUID(), name, title, createdAt: now, updatedAt: now, settings: { ...options.settings }, forkedFrom: null, head: null, turns: [] });
    });
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
    const { session, result } = this.mutate(ref, (current) => {
      const parent = draft.parent === undefined ? current.head : draft.parent;
      if (parent !== null) this.turn(current, parent);
      const number = nextTurnNumber(current);
      const stem = turnFileStem(number);
      const turn: Turn = {
        id: `t${number}`,
        parent,
        prompt: draft.prompt,
        provider: draft.provider,
        model: draft.model,
        seed: draft.seed,
        svg: draft.svg === null ? null : storeSvgFile(this.dir, current.name, stem, draft.svg),
        scene: draft.scene ?? null,
        score: draft.score,
        usage: draft.usage,
        durationMs: draft.durationMs,
        candidates: draft.candidates.map((candidate, i) => ({ ...storeSvgFile(this.dir, current.name, `${stem}-c${i + 1}`, candidate.svg), score: candidate.score })),
        error: draft.error,
        at: new Date().toISOString(),
      };
      current.turns.push(turn);
      current.head = turn.id;
      current.updatedAt = turn.at;
      if (!current.title) current.title = autoTitle(draft.prompt);
      return turn.id;
    });
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

  // ---- building blocks (for fork, rename, remove and import; not for commands) ----------------------

  lockOf(name: string): string {
    return path.join(this.dir, '.locks', `${name.toLowerCase()}.lock`);
  }

  /** Guards the set of names (create, rename, remove, fork, import). Always taken before session locks. */
  withDirectoryLock<T>(work: () => T): T {
    return withLock(path.join(this.dir, '.locks', '.names.lock'), work, this.lockOptions);
  }

  withSessionLocks<T>(names: string[], work: () => T): T {
    return withLocks(names.map((name) => this.lockOf(name)), work, this.lockOptions);
  }

  nameTaken(name: string, exceptId?: string): boolean {
    const lower = name.toLowerCase();
    const owner = this.names().find((candidate) => candidate.toLowerCase() === lower);
    if (owner === undefined) return false;
    return exceptId === undefined || this.readByName(owner, false)?.id !== exceptId;
  }

  /** `base`, or `base-2`, `base-3`, ... whichever is free; always a valid name. */
  freeName(base: string): string {
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? '' : `-${n}`;
      const name = `${base.slice(0, 64 - suffix.length)}${suffix}`;
      if (!this.nameTaken(name)) return name;
    }
  }

  idTaken(id: string): boolean {
    return this.list().some((session) => session.id === id);
  }

  /** Writes a session whose name is free (caller holds the directory lock). */
  writeNew(session: Session): Session {
    return this.withSessionLocks([session.name], () => {
      const db = openSessionFile(this.fileOf(session));
      db.data = session;
      db.write();
      db.read();
      return db.data!;
    });
  }

  /** Forgets a file this process cached (after it moved or was removed). */
  forget(name: string): void {
    forgetSessionFile(this.fileOf(name));
  }

  /** Reads `<name>.json`; an unreadable file is moved aside (under the lock) and reported. */
  readByName(name: string, strict: boolean): Session | undefined {
    const db = openSessionFile(this.fileOf(name));
    try {
      db.read();
    } catch (error) {
      if (error instanceof NewerSchemaError) {
        if (strict) throw new RuntimeFailure(`cannot read session "${name}": ${error.message}`, 'update svgchat to use it', 'newer_schema');
        this.warn(`skipped ${this.fileOf(name)}: ${error.message}`);
        return undefined;
      }
      if (!(error instanceof UnreadableSessionError)) throw error;
      return this.setAside(name, error.message);
    }
    const session = db.data;
    // The file name is the session's name: a file renamed by hand keeps working.
    if (session && session.name !== name) session.name = name;
    return session ?? undefined;
  }

  private setAside(name: string, reason: string): Session | undefined {
    return withLock(this.lockOf(name), () => {
      const file = this.fileOf(name);
      const db = openSessionFile(file);
      try {
        db.read(); // someone may have written a good version meanwhile
        return db.data ?? undefined;
      } catch (error) {
        if (!(error instanceof UnreadableSessionError)) throw error;
      }
      const stamp = new Date().toISOString().replace(/:/g, '-');
      let aside = `${file}.unreadable-${stamp}`;
      for (let n = 2; fs.existsSync(aside); n++) aside = `${file}.unreadable-${stamp}-${n}`;
      try {
        fs.renameSync(file, aside);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
      this.forget(name);
      this.warn(`session file ${file} is unreadable (${reason}); moved it aside to ${aside} (its SVG files are untouched)`);
      return undefined;
    }, this.lockOptions);
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
    }, this.lockOptions);
    if (outcome) return outcome;
    if (attempt >= 3) throw new RuntimeFailure(`session "${target.name}" kept changing name while being written`, 'run the command again', 'session_moved');
    return this.mutate(target.id, change, attempt + 1);
  }
}

function matches(session: Session, needle: string): boolean {
  return session.name.toLowerCase().includes(needle) || session.title.toLowerCase().includes(needle) || session.turns.some((turn) => turn.prompt.toLowerCase().includes(needle));
}

export { copySession };
