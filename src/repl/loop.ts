// The REPL: read a line, draw it or run a slash command, show what happened, repeat. Nothing typed
// ends the loop except /exit, Ctrl-D, or Ctrl-C twice at an empty prompt: every error becomes one line.
import chalk from 'chalk';
import type { RawSettings } from '../config/settings.js';
import type { Context } from '../context.js';
import { packageVersion } from '../paths.js';
import { InterruptedError } from '../errors.js';
import { claimInterrupts } from '../interrupts.js';
import type { Session } from '../store/schema.js';
import { SessionStore } from '../store/sessionStore.js';
import { supportsHyperlinks } from '../ui/link.js';
import { LineEditor, type InputStream, type OutputStream } from '../ui/prompts.js';
import { registry, runCommand } from './commands/index.js';
import { sessionStatus } from './commands/sessionCommands.js';
import { completeInput } from './complete.js';
import { count } from './format.js';
import { appendHistory, HISTORY_SIZE, loadHistory } from './inputHistory.js';
import { parseInput } from './parseInput.js';
import { drawTurn, errorLine } from './reply.js';
import { ReplState } from './state.js';
import type { CommandResult } from './types.js';

export interface ReplOptions {
  flags: RawSettings;
  seed?: number;
  /** The session to resume; undefined starts a new one (named `name` when given). */
  session?: Session;
  name?: string;
  quiet?: boolean;
}

const version = packageVersion();

export async function runRepl(ctx: Context, options: ReplOptions): Promise<void> {
  const say = (text: string) => ctx.stdout.write(`${text}\n`);
  const store = new SessionStore(ctx.home, { onWarning: (text) => say(chalk.yellow(`warning: ${text}`)) });
  const streams = { input: ctx.stdin as InputStream, output: ctx.stdout as unknown as OutputStream };
  const state = new ReplState(ctx, store, options.flags, streams, { seed: options.seed, links: supportsHyperlinks(ctx.stdout, ctx.env) });
  state.switchTo(options.session, options.name);
  const debug = ctx.env.SVGCHAT_DEBUG === '1';
  const editor = new LineEditor({
    ...streams,
    history: loadHistory(ctx.home),
    historySize: HISTORY_SIZE,
    completer: (line) => {
      try {
        return completeInput(line, registry, (command) => command.complete?.(state) ?? []);
      } catch {
        return [[], line];
      }
    },
  });
  if (ctx.signal.aborted) throw new InterruptedError();
  // SIGINT (Ctrl-C outside raw mode, or kill -INT) cancels the drawing in progress, never the REPL.
  let cancelDrawing: (() => void) | undefined;
  const releaseInterrupts = claimInterrupts(() => cancelDrawing?.());
  // An error that escapes every await (a stray event, a forgotten promise) is a bug, said in one line; the chat goes on.
  const onStray = (error: unknown) => say(errorLine(error, debug));
  process.on('uncaughtException', onStray);
  process.on('unhandledRejection', onStray);
  const setCancel = (cancel: (() => void) | undefined) => (cancelDrawing = cancel);

  const apply = async (result: CommandResult): Promise<boolean> => {
    if (result.kind === 'exit') return true;
    if (result.kind === 'message') {
      if (result.text) say(result.text);
    } else if (result.kind === 'switch') {
      state.switchTo(result.session, result.name);
      say(`${result.text}\n${chalk.dim(drawingWith(state))}`);
    } else {
      await drawTurn(state, { prompt: result.prompt, seed: result.seed ?? state.options.seed, replacing: result.replacing }, setCancel);
    }
    return false;
  };

  /** One input, start to end; true when it asks to leave. */
  const handle = async (text: string): Promise<boolean> => {
    try {
      const input = parseInput(text);
      if (input.kind === 'prompt') await drawTurn(state, { prompt: input.text, seed: state.options.seed }, setCancel);
      else if (input.kind === 'command') return await apply(await runCommand(state, input.name, input.args));
    } catch (error) {
      say(errorLine(error, debug));
    }
    return false;
  };

  if (!options.quiet) say(header(state));
  let interrupts = 0;
  try {
    for (;;) {
      const read = await editor.read(`${chalk.cyan(state.session?.name ?? state.pendingName ?? 'new')} ${chalk.bold('›')} `, `${chalk.dim('…')} `);
      if (read.kind === 'eof') break;
      if (read.kind === 'interrupt') {
        // Ctrl-C on a half-typed line clears it; two in a row on an empty line leave.
        interrupts = read.discarded ? 0 : interrupts + 1;
        if (read.discarded) continue;
        if (interrupts >= 2) break;
        say(chalk.dim('(Ctrl-C again to leave, or Ctrl-D; /help lists the commands)'));
        continue;
      }
      interrupts = 0;
      if (read.text.trim()) {
        editor.remember(read.text);
        appendHistory(ctx.home, read.text);
      }
      if (await handle(read.text)) break;
    }
  } finally {
    releaseInterrupts();
    process.off('uncaughtException', onStray);
    process.off('unhandledRejection', onStray);
  }
  say(goodbye(state));
}

function drawingWith(state: ReplState): string {
  const { provider, model, profile, candidates } = state.settings();
  return `drawing with ${provider}/${model}${profile !== 'default' ? `, ${profile} profile` : ''}${candidates > 1 ? `, best of ${candidates}` : ''}`;
}

function header(state: ReplState): string {
  const session = state.existing();
  const about = session ? sessionStatus(session) : `${state.label()}: saved at the first prompt`;
  return `${chalk.bold(`svgchat ${version}`)} · ${about} · ${drawingWith(state)}
${chalk.dim('Type what to draw. /help lists the commands; Tab completes; Ctrl-C cancels a drawing; Ctrl-D leaves.')}`;
}

function goodbye(state: ReplState): string {
  let session = state.session && state.store.find(state.session.id);
  if (!session) return 'nothing saved (no prompts in this session)';
  // The session left open is the most recently used one: `svgchat chat -c` comes back to it.
  try {
    session = state.store.update(session.id, (current) => {
      current.updatedAt = new Date().toISOString();
    });
  } catch {
    // it is saved all the same; -c may pick another one
  }
  return `session ${session.name} is saved (${count(session.turns.length, 'turn')}). Resume it with: svgchat chat ${session.name}`;
}
