// One session file through lowdb, with an adapter that validates on read and write and writes atomically.
// Appends stay cheap on long sessions: a file this process wrote or read is not parsed again while its
// signature (inode, size, mtime) is unchanged, each turn is validated and serialised once, and only the
// header and new turns are checked on write.
import fs from 'node:fs';
import { LowSync, type SyncAdapter } from 'lowdb';
import { writeFileAtomic } from './atomic.js';
import { sessionFromText } from './migrations.js';
import { sessionHeaderSchema, treeProblem, turnSchema, type Session, type Turn } from './schema.js';

const cache = new Map<string, { signature: string; session: Session }>();
/** Turns known to be valid; they are frozen, so they stay valid. */
const validTurns = new WeakSet<Turn>();
const turnText = new WeakMap<Turn, Buffer>();

function signatureOf(file: string): string | undefined {
  try {
    const stat = fs.statSync(file, { bigint: true });
    return `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function trusted(turn: Turn): Turn {
  validTurns.add(Object.freeze(turn));
  return turn;
}

/** A copy callers may change freely: the header and the turns array are new, the (frozen) turns are shared. */
export function copySession(session: Session): Session {
  return {
    ...session,
    settings: { ...session.settings },
    forkedFrom: session.forkedFrom && { ...session.forkedFrom },
    turns: session.turns.slice(),
  };
}

/** Validates what is about to be written: the header always, turns only if not seen valid before. */
function checkedForWrite(session: Session): Session {
  const { turns, ...header } = session;
  const parsedHeader = sessionHeaderSchema.safeParse(header);
  if (!parsedHeader.success) throw new Error(`refusing to write an invalid session: ${parsedHeader.error.issues[0].path.join('.')}: ${parsedHeader.error.issues[0].message}`);
  const checkedTurns = turns.map((turn) => {
    if (validTurns.has(turn)) return turn;
    const parsed = turnSchema.safeParse(turn);
    if (!parsed.success) throw new Error(`refusing to write an invalid turn ${turn.id}: ${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message}`);
    return trusted(parsed.data);
  });
  const checked = { ...parsedHeader.data, turns: checkedTurns };
  const problem = treeProblem(checked);
  if (problem) throw new Error(`refusing to write an invalid session: ${problem}`);
  return checked;
}

const SEPARATOR = ',\n    ';

/** One turn's line with the separator before it, encoded once: long sessions re-write old turns without re-serialising them. */
function turnLine(turn: Turn): Buffer {
  let bytes = turnText.get(turn);
  if (bytes === undefined) {
    bytes = Buffer.from(`${SEPARATOR}${JSON.stringify(turn)}`, 'utf8');
    if (Object.isFrozen(turn)) turnText.set(turn, bytes);
  }
  return bytes;
}

/** Pretty header, one line per turn (readable and diffable), as the list of byte chunks to write. */
export function serializeSession(session: Session): Buffer[] {
  const { turns, ...header } = session;
  const head = JSON.stringify(header, null, 2).slice(0, -2);
  if (turns.length === 0) return [Buffer.from(`${head},\n  "turns": []\n}\n`, 'utf8')];
  const parts = [Buffer.from(`${head},\n  "turns": [\n    `, 'utf8'), turnLine(turns[0]).subarray(SEPARATOR.length)];
  for (let i = 1; i < turns.length; i++) parts.push(turnLine(turns[i]));
  parts.push(Buffer.from('\n  ]\n}\n'));
  return parts;
}

export class SessionFileAdapter implements SyncAdapter<Session | null> {
  constructor(readonly file: string) {}

  /** null if there is no file; throws UnreadableSessionError or NewerSchemaError if it cannot be used. */
  read(): Session | null {
    const signature = signatureOf(this.file);
    if (signature === undefined) return null;
    const hit = cache.get(this.file);
    if (hit?.signature === signature) return copySession(hit.session);
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const { session } = sessionFromText(text);
    session.turns.forEach(trusted);
    cache.set(this.file, { signature, session });
    return copySession(session);
  }

  write(session: Session | null): void {
    if (!session) return;
    const checked = checkedForWrite(session);
    writeFileAtomic(this.file, serializeSession(checked));
    const signature = signatureOf(this.file);
    if (signature) cache.set(this.file, { signature, session: checked });
  }
}

export function openSessionFile(file: string): LowSync<Session | null> {
  return new LowSync<Session | null>(new SessionFileAdapter(file), null);
}

/** Drops what this process remembers about a file that was moved or removed. */
export function forgetSessionFile(file: string): void {
  cache.delete(file);
}

/** Validates and serialises a session without writing it (exports, tests). */
export function sessionText(session: Session): string {
  return Buffer.concat(serializeSession(checkedForWrite(session))).toString('utf8');
}
