// Sessions on disk: one JSON file per session under $SVGCHAT_HOME/sessions/, its SVGs in a folder beside it.
import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from './atomic.js';
import { autoName, autoTitle, validateSessionName } from './names.js';
import { SCHEMA_VERSION, sessionSchema, type Session, type SessionSettings, type SvgRef, type Turn } from './schema.js';

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
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export class SessionStore {
  readonly dir: string;

  constructor(home: string) {
    this.dir = path.join(home, 'sessions');
  }

  private file(name: string): string {
    return path.join(this.dir, `${name}.json`);
  }

  private read(file: string): Session {
    return sessionSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  }

  private write(session: Session): void {
    writeFileAtomic(this.file(session.name), `${JSON.stringify(sessionSchema.parse(session), null, 2)}\n`);
  }

  list(): Session[] {
    let entries: string[];
    try {
      entries = fs.readdirSync(this.dir);
    } catch {
      return [];
    }
    return entries
      .filter((entry) => entry.endsWith('.json') && !entry.startsWith('.'))
      .map((entry) => this.read(path.join(this.dir, entry)))
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  find(ref: string): Session | undefined {
    const lower = ref.toLowerCase();
    const sessions = this.list();
    return sessions.find((s) => s.name.toLowerCase() === lower) ?? (ref.length >= 4 ? sessions.find((s) => s.id.startsWith(lower)) : undefined);
  }

  get(ref: string): Session {
    const session = this.find(ref);
    if (!session) throw new UsageError(`no session named "${ref}"`, 'list them with: svgchat sessions list', 'unknown_session');
    return session;
  }

  create(options: { name?: string; prompt?: string; settings: SessionSettings }): Session {
    const name = options.name ? validateSessionName(options.name) : autoName(options.prompt ?? '', randomBytes(2).toString('hex'));
    if (this.find(name)) throw new UsageError(`a session named "${name}" already exists`, `continue it with --session ${name}, or pick another name`, 'name_taken');
    const now = new Date().toISOString();
    const session: Session = {
      version: SCHEMA_VERSION,
      id: randomUUID(),
      name,
      title: options.prompt ? autoTitle(options.prompt) : '',
      createdAt: now,
      updatedAt: now,
      settings: options.settings,
      head: null,
      turns: [],
    };
    this.write(session);
    return session;
  }

  /** Path from the root to `turnId` (default: head), oldest first. */
  path(session: Session, turnId = session.head): Turn[] {
    const byId = new Map(session.turns.map((t) => [t.id, t]));
    const out: Turn[] = [];
    for (let turn = turnId ? byId.get(turnId) : undefined; turn; turn = turn.parent ? byId.get(turn.parent) : undefined) out.unshift(turn);
    return out;
  }

  readSvg(ref: SvgRef): string {
    return fs.readFileSync(path.join(this.dir, ref.path), 'utf8');
  }

  private saveSvg(session: Session, base: string, svg: string): SvgRef {
    const rel = `${session.name}/${base}.svg`;
    writeFileAtomic(path.join(this.dir, rel), svg);
    return { path: rel, bytes: Buffer.byteLength(svg, 'utf8'), sha256: sha256(svg) };
  }

  appendTurn(ref: string, draft: TurnDraft): { session: Session; turn: Turn } {
    const session = this.get(ref);
    const number = session.turns.length + 1;
    const base = String(number).padStart(3, '0');
    const turn: Turn = {
      id: `t${number}`,
      parent: session.head,
      prompt: draft.prompt,
      provider: draft.provider,
      model: draft.model,
      seed: draft.seed,
      svg: draft.svg === null ? null : this.saveSvg(session, base, draft.svg),
      scene: draft.scene ?? null,
      score: draft.score,
      usage: draft.usage,
      durationMs: draft.durationMs,
      candidates: draft.candidates.map((c, i) => ({ ...this.saveSvg(session, `${base}-c${i + 1}`, c.svg), score: c.score })),
      error: draft.error,
      at: new Date().toISOString(),
    };
    session.turns.push(turn);
    session.head = turn.id;
    session.updatedAt = turn.at;
    if (!session.title) session.title = autoTitle(draft.prompt);
    this.write(session);
    return { session, turn };
  }
}
