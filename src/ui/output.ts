// Everything that is not the product goes to stderr: notices, warnings, spinners.
import { chalkStderr } from 'chalk';
import type { Context } from '../context.js';
import { printable } from './printable.js';

export interface Reporter {
  notice(message: string): void;
  warn(message: string): void;
  /** A transient status line (spinner) on a TTY; nothing otherwise. */
  status(message: string): void;
  clearStatus(): void;
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export function createReporter(ctx: Context, options: { quiet?: boolean } = {}): Reporter {
  const err = ctx.stderr;
  const live = Boolean(err.isTTY) && !options.quiet;
  let frame = 0;
  let shown = false;
  const clearStatus = () => {
    if (shown) err.write('\r\x1b[2K');
    shown = false;
  };
  return {
    notice(message) {
      if (options.quiet) return;
      clearStatus();
      err.write(`${chalkStderr.dim('svgchat:')} ${printable(message)}\n`);
    },
    warn(message) {
      clearStatus();
      err.write(`${chalkStderr.yellow('svgchat: warning:')} ${printable(message)}\n`);
    },
    status(message) {
      if (!live) return;
      frame = (frame + 1) % FRAMES.length;
      err.write(`\r\x1b[2K${chalkStderr.cyan(FRAMES[frame])} ${printable(message)}`);
      shown = true;
    },
    clearStatus,
  };
}
