// `svgchat sessions list|show|rename|rm|fork|export|import|path` (SPEC §3). Small subcommands live here;
// listing/showing and export/import have their own files under sessions/.
import type { Context } from '../context.js';
import { InterruptedError, UsageError } from '../errors.js';
import { SessionStore } from '../store/sessionStore.js';
import { createReporter, type Reporter } from '../ui/output.js';

export { sessionsList, sessionsShow } from './sessions/show.js';

/** "1 turn", "3 turns". */
export function turnCount(count: number): string {
  return `${count} turn${count === 1 ? '' : 's'}`;
}
export { sessionsExport, sessionsImport } from './sessions/exchange.js';

/** The store, with warnings (files moved aside) going to stderr. */
export function openStore(ctx: Context, reporter: Reporter = createReporter(ctx)): SessionStore {
  return new SessionStore(ctx.home, { onWarning: (message) => reporter.warn(message) });
}

export async function sessionsPath(ctx: Context, ref: string | undefined): Promise<void> {
  const store = openStore(ctx);
  ctx.stdout.write(`${ref === undefined ? store.dir : store.fileOf(store.get(ref))}\n`);
}

export async function sessionsRename(ctx: Context, ref: string, newName: string): Promise<void> {
  const reporter = createReporter(ctx);
  const store = openStore(ctx, reporter);
  const before = store.get(ref).name;
  const renamed = store.rename(ref, newName);
  reporter.notice(`renamed ${before} to ${renamed.name}`);
}

export async function sessionsFork(ctx: Context, ref: string, options: { turn?: string; name?: string }): Promise<void> {
  const reporter = createReporter(ctx);
  const store = openStore(ctx, reporter);
  const forked = store.fork(ref, { turn: options.turn, name: options.name });
  const origin = forked.forkedFrom!;
  ctx.stdout.write(`${forked.name}\n`);
  reporter.notice(`forked ${origin.sessionName} at ${origin.turnId} into ${forked.name} (${turnCount(forked.turns.length)}; continue with: svgchat gen -s ${forked.name} "...")`);
}

async function confirmOnTerminal(ctx: Context, message: string): Promise<boolean> {
  const { confirm } = await import('@inquirer/prompts');
  try {
    return await confirm({ message, default: false }, { input: ctx.stdin, output: ctx.stderr as unknown as NodeJS.WritableStream, signal: ctx.signal });
  } catch (error) {
    if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) throw new InterruptedError();
    throw error;
  }
}

export async function sessionsRemove(ctx: Context, ref: string, options: { yes?: boolean }): Promise<void> {
  const reporter = createReporter(ctx);
  const store = openStore(ctx, reporter);
  const session = store.get(ref);
  const what = `session "${session.name}" (${turnCount(session.turns.length)} and their SVG files)`;
  if (!options.yes) {
    if (!ctx.stdin.isTTY) throw new UsageError(`not removing ${what} without confirmation`, `add --yes to remove it from a script: svgchat sessions rm ${session.name} --yes`, 'confirmation_needed');
    if (!(await confirmOnTerminal(ctx, `Remove ${what}?`))) {
      reporter.notice('nothing removed');
      return;
    }
  }
  store.remove(session.id);
  reporter.notice(`removed ${what}`);
}
