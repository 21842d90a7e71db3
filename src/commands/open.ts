// `svgchat open [session] [--turn N]`: the latest (or Nth) SVG of a session, in the viewer.
import path from 'node:path';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { SessionStore } from '../store/sessionStore.js';
import { openInViewer } from '../ui/viewer.js';

export async function openCommand(ctx: Context, ref: string | undefined, options: { turn?: string }): Promise<void> {
  const store = new SessionStore(ctx.home);
  const session = ref ? store.get(ref) : store.list()[0];
  if (!session) throw new UsageError('there are no sessions yet', 'make one with: svgchat gen "a red fox"');
  let turn = session.turns.find((t) => t.id === session.head) ?? session.turns[session.turns.length - 1];
  if (options.turn !== undefined) {
    const n = Number(options.turn);
    if (!Number.isInteger(n) || n < 1 || n > session.turns.length) {
      throw new UsageError(`session ${session.name} has no turn ${options.turn}`, `use a number from 1 to ${session.turns.length}`);
    }
    turn = session.turns[n - 1];
  }
  if (!turn?.svg) throw new UsageError(`session ${session.name} has no SVG to open yet`, `add one with: svgchat gen -s ${session.name} "..."`);
  const file = path.join(store.dir, turn.svg.path);
  await openInViewer(ctx, file);
  ctx.stdout.write(`${file}\n`);
}
