// `svgchat` with no command: the REPL on a terminal, a usage error in a pipe.
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { nearest } from '../util/suggest.js';

export async function defaultCommand(ctx: Context, program: Command, word: string | undefined): Promise<void> {
  if (word !== undefined) {
    const guess = nearest(word, program.commands.map((c) => c.name()));
    throw new UsageError(`unknown command '${word}'`, guess ? `did you mean: svgchat ${guess}?` : 'see: svgchat --help');
  }
  if (!ctx.stdin.isTTY || !ctx.stdout.isTTY) {
    throw new UsageError('no command given and no terminal to chat in', 'for scripts use: svgchat gen "a red fox" -o fox.svg (see svgchat --help)');
  }
  const { chatCommand } = await import('./chat.js');
  await chatCommand(ctx, undefined, {});
}
