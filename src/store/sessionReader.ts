// Reading sessions (SPEC §3): lookups by name or id prefix, listing, the conversation path, and the
// writes a reader may do: moving an unreadable file aside (under its lock) and saying so, and setting
// the mixed-case mark (caseMark.ts) when it lists a name with capitals.
// Reading never takes a lock otherwise: files are only ever replaced whole (atomic rename), so a reader
// sees the old version or the new one. SessionStore (sessionStore.ts) adds every change.
import fs from 'node:fs';
import path from 'node:path';
import { RuntimeFailure, UsageError } from '../errors.js';
import { nearest } from '../util/suggest.js';
import { withLock, type LockOptions } from './lock.js';
import { NewerSchemaError, UnreadableSessionError } from './migrations.js';
import { SESSION_NAME_PATTERN } from './names.js';
import type { Session, SvgRef, Turn } from './schema.js';
import { forgetSessionFile, openSessionFile } from './sessionFile.js';
import { readSvgBytes, svgFilePath } from './svgFiles.js';
import { findTurn, pathTo } from './tree.js';
import { hasCapitals, noteMixedCase } from './caseMark.js';

export interface StoreOptions {
  /** Told about files moved aside or skipped; commands pass one that writes to stderr. */
  onWarning?: (message: string) => void;
  lock?: LockOptions;
}

/** Which file holds a session id, as last seen by this process ("<dir>\0<id>" -> name); checked on use. */
const nameById = new Map<string, string>();
/** Shared ids already reported by this process (a command may list the store more than once). */
const warnedIds = new Set<string>();

export class SessionReader {
  readonly dir: string;
  readonly warn: (message: string) => void;
  readonly lockOptions: LockOptions;

  constructor(home: string, options: StoreOptions = {}) {
    this.dir = path.join(home, 'sessions');
    this.warn = options.onWarning ?? (() => {});
    this.lockOptions = options.lock ?? {};
  }

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
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(this.dir, { withFileTypes: true });
    } catch {
      return [];
    }
    // A folder is never a session file: the SVG folder of a session named "x.json" is "x.json/".
    const files = entries.filter((entry) => !entry.isDirectory() && entry.name.endsWith('.json'));
    const names = files.map((entry) => entry.name.slice(0, -5)).filter((name) => SESSION_NAME_PATTERN.test(name));
    // A store from before the mark existed, or one changed by hand, gets it the first time it is listed
    // (a store that cannot be written to is still listed: only a later claim would need the mark).
    if (names.some(hasCapitals)) {
      try {
        noteMixedCase(this.dir);
      } catch {
        // read-only: nothing can be created there either
      }
    }
    return names;
  }

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
    this.warnSharedIds(sessions);
    return sessions.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.name.localeCompare(b.name));
  }

  /** Two files with one id: a rename stopped between writing the new file and removing the old (or a copy by hand). */
  private warnSharedIds(sessions: Session[]): void {
    const byId = new Map<string, Session[]>();
    for (const session of sessions) byId.set(session.id, [...(byId.get(session.id) ?? []), session]);
    for (const [id, same] of byId) {
      if (same.length < 2 || warnedIds.has(`${this.dir}\0${id}`)) continue;
      warnedIds.add(`${this.dir}\0${id}`);
      // The copy used least recently is offered for removal (a stopped rename leaves the old name older).
      const byUse = [...same].sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.name.localeCompare(b.name));
      const described = byUse.map((session) => `"${session.name}" (${session.turns.length} turn${session.turns.length === 1 ? '' : 's'}, used ${session.updatedAt.slice(0, 16).replace('T', ' ')})`);
      this.warn(`sessions ${described.join(' and ')} have the same id (a rename that stopped half way?); keep one, e.g.: svgchat sessions rm ${byUse[0].name}`);
    }
  }

  /** By name (case-insensitive) or by id prefix (4+ characters). */
  find(ref: string): Session | undefined {
    const wanted = ref.trim().toLowerCase();
    if (!wanted) return undefined;
    // The name as written first: should two names differ only in case (a store changed by hand), each stays reachable.
    const names = this.names();
    const name = names.find((candidate) => candidate === ref.trim()) ?? names.find((candidate) => candidate.toLowerCase() === wanted);
    const byName = name === undefined ? undefined : this.readByName(name, true);
    if (byName) return byName;
    if (wanted.length < 4 || !/^[0-9a-f-]+$/.test(wanted)) return undefined;
    // A whole id this process has seen: read just that file instead of every session.
    const key = `${this.dir}\0${wanted}`;
    const known = warnedIds.has(key) ? undefined : nameById.get(key); // an id two files share is ambiguous
    const byKnownId = known === undefined ? undefined : this.readByName(known, false);
    if (byKnownId?.id.toLowerCase() === wanted) return byKnownId;
    const byId = this.list().filter((session) => session.id.toLowerCase().startsWith(wanted));
    if (byId.length > 1 && byId.every((session) => session.id === byId[0].id)) {
      throw new UsageError(`${byId.length} sessions have the id ${byId[0].id}: ${byId.map((s) => s.name).join(', ')}`, `use a name; then keep one: svgchat sessions rm NAME`, 'ambiguous_session');
    }
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

  /** Notes which file holds this session's id, so find(id) can go straight to it. */
  protected remember(session: Session): Session {
    nameById.set(`${this.dir}\0${session.id.toLowerCase()}`, session.name);
    return session;
  }

  /** The lock directory of a session (by name, case-insensitively). */
  lockOf(name: string): string {
    return path.join(this.dir, '.locks', `${name.toLowerCase()}.lock`);
  }

  /** Lock options for a session: a holder that died may have left temp files (".<file>.<pid>.<random>.tmp"). */
  protected sessionLockOptions(names: string[]): LockOptions {
    return { ...this.lockOptions, onBroken: (pid) => pid !== undefined && names.forEach((name) => this.sweepTempFiles(name, pid)) };
  }

  private sweepTempFiles(name: string, pid: number): void {
    for (const dir of [this.dir, path.join(this.dir, name)]) {
      let entries: string[] = [];
      try {
        entries = fs.readdirSync(dir);
      } catch {
        continue;
      }
      for (const entry of entries) if (entry.startsWith('.') && entry.endsWith(`.tmp`) && entry.includes(`.${pid}.`)) fs.rmSync(path.join(dir, entry), { force: true });
    }
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
    if (!session) return undefined;
    // The file name is the session's name: a file renamed by hand keeps working.
    if (session.name !== name) session.name = name;
    return this.remember(session);
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
    }, this.sessionLockOptions([name]));
  }
}

function matches(session: Session, needle: string): boolean {
  return session.name.toLowerCase().includes(needle) || session.title.toLowerCase().includes(needle) || session.turns.some((turn) => turn.prompt.toLowerCase().includes(needle));
}
