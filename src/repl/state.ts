// What the REPL knows between inputs: the store, the current session (or the name of one not made
// yet), and the settings chosen in it. Sessions are re-read from disk on use: another terminal may
// add turns to the same session meanwhile, and the store merges them.
import path from 'node:path';
import { settingsFor } from '../config/file.js';
import type { RawSettings, Settings } from '../config/settings.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import type { Session, Turn } from '../store/schema.js';
import type { SessionStore } from '../store/sessionStore.js';
import type { PromptStreams } from '../ui/prompts.js';

export class ReplState {
  /** undefined: a new session, written at the first prompt. */
  session: Session | undefined;
  /** The name a new session gets (from `/new NAME` or `/rename` before the first prompt). */
  pendingName: string | undefined;
  /** /model and /provider choices: above every other layer until another session is resumed. */
  choices: RawSettings = {};

  constructor(
    readonly ctx: Context,
    readonly store: SessionStore,
    /** Settings flags given to `svgchat chat`. */
    readonly flags: RawSettings,
    readonly streams: PromptStreams,
    readonly options: { seed?: number; links: boolean },
  ) {}

  /**
   * defaults < config < env < the session's own settings < chat flags < REPL choices. The session's
   * model only counts when its provider is the one in effect (an offline model means nothing to openai).
   */
  settings(): Settings {
    const stored = this.session?.settings;
    const chosen = { ...this.flags, ...this.choices };
    const layer: RawSettings = stored ? { provider: stored.provider, model: stored.model, size: stored.size, profile: stored.profile } : {};
    for (const [key, value] of Object.entries(chosen)) if (value !== undefined) layer[key as keyof RawSettings] = value;
    if (stored && chosen.model === undefined && layer.provider !== stored.provider) delete layer.model;
    return settingsFor(this.ctx, layer).values;
  }

  /** The current session, fresh from disk; a usage error before the first prompt. */
  current(): Session {
    if (!this.session) throw new UsageError('this session has no turns yet', 'type a prompt first, e.g. a red fox in the snow');
    this.session = this.store.get(this.session.id);
    return this.session;
  }

  /** The current session if it exists on disk yet. */
  existing(): Session | undefined {
    return this.session ? this.current() : undefined;
  }

  label(): string {
    return this.session?.name ?? (this.pendingName ? `${this.pendingName} (new)` : 'new session');
  }

  switchTo(session: Session | undefined, name?: string): void {
    if (session?.id !== this.session?.id) this.choices = session ? {} : this.choices;
    this.session = session;
    this.pendingName = session ? undefined : name;
  }

  /** A turn of the current session by "t3" or "3", or its head when `ref` is empty. */
  turn(ref: string): Turn {
    const session = this.current();
    if (ref === '') {
      if (session.head === null) throw new UsageError('there is no current turn (after /reset or /undo to the start)', 'give a turn, e.g. t1 (see /history)');
      return this.store.turn(session, session.head);
    }
    if (!/^t?\d+$/i.test(ref)) throw new UsageError(`"${ref}" is not a turn`, 'give a turn as t3 or 3 (see /history)');
    return this.store.turn(session, ref.toLowerCase());
  }

  fileOf(turn: Turn): string {
    if (!turn.svg) throw new UsageError(`turn ${turn.id} has no SVG (${turn.error?.message ?? 'it failed'})`, 'pick another turn (see /history)');
    return path.join(this.store.dir, turn.svg.path);
  }

  /** Records settings chosen in the REPL on the session, so resuming it later draws the same way. */
  saveSettings(): void {
    if (!this.session) return;
    const { provider, model, size, profile } = this.settings();
    this.session = this.store.update(this.session.id, (session) => {
      session.settings = { provider, model, size, profile };
    });
  }
}
