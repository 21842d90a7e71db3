// `svgchat chat [name]` (and `svgchat` on a terminal): the REPL on a new, named or most recent session.
import { settingsFor } from '../config/file.js';
import { streamFlag, type RawSettings } from '../config/settings.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { validateSessionName } from '../store/names.js';
import { SessionStore } from '../store/sessionStore.js';
import { parseSeed } from './gen.js';

export interface ChatOptions {
  continue?: boolean;
  session?: string;
  provider?: string;
  model?: string;
  baseUrl?: string;
  seed?: string;
  candidates?: string;
  size?: string;
  profile?: string;
  quiet?: boolean;
  /** false with --no-stream: one plain request instead of a streamed reply. */
  stream?: boolean;
}

/** The chat needs a terminal on both ends; scripts are pointed at `gen`. */
export function requireTerminal(ctx: Context): void {
  if (!ctx.stdin.isTTY || !ctx.stdout.isTTY) {
    throw new UsageError('no terminal to chat in', 'for scripts use: svgchat gen "a red fox" -o fox.svg (add -s NAME to continue a session; see svgchat gen --help)', 'no_terminal');
  }
}

export async function chatCommand(ctx: Context, name: string | undefined, options: ChatOptions): Promise<void> {
  requireTerminal(ctx);
  if (name !== undefined && options.session !== undefined && name !== options.session) {
    throw new UsageError(`two sessions given: "${name}" and --session "${options.session}"`, 'give one: svgchat chat NAME');
  }
  const wanted = name ?? options.session;
  if (wanted !== undefined && options.continue) throw new UsageError('--continue resumes the most recent session; it does not take a name', `use: svgchat chat ${wanted}`);
  const flags: RawSettings = { provider: options.provider, model: options.model, baseUrl: options.baseUrl, size: options.size, profile: options.profile, candidates: options.candidates, stream: streamFlag(options.stream) };
  settingsFor(ctx, flags); // a bad flag or config is reported before the REPL starts
  const seed = parseSeed(options.seed);
  const store = new SessionStore(ctx.home);
  let session;
  if (options.continue) {
    session = store.list()[0];
    if (!session) throw new UsageError('there is no session to continue yet', 'start one with: svgchat chat');
  } else if (wanted !== undefined) {
    session = store.find(wanted);
    if (!session) validateSessionName(wanted);
  }
  const { runRepl } = await import('../repl/loop.js');
  await runRepl(ctx, { flags, seed, session, name: session ? undefined : wanted, quiet: options.quiet });
}
