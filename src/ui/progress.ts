// Batch progress on stderr: a redrawn bar on a terminal, a plain line at most once a second otherwise.
import type { Output } from '../context.js';

export interface Progress {
  tick(failed: boolean): void;
  done(): void;
}

function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  return seconds >= 60 ? `${Math.floor(seconds / 60)}m${String(Math.round(seconds % 60)).padStart(2, '0')}s` : `${Math.round(seconds)}s`;
}

export function createProgress(stderr: Output, total: number, options: { quiet?: boolean; now?: () => number } = {}): Progress {
  const now = options.now ?? (() => performance.now());
  const started = now();
  let count = 0;
  let failures = 0;
  let lastPlain = started;
  const line = () => {
    const elapsed = (now() - started) / 1000;
    const rate = elapsed > 0 ? count / elapsed : 0;
    const eta = rate > 0 ? (total - count) / rate : Infinity;
    return { rate, eta, text: `${count}/${total} ${rate.toFixed(1)}/s eta ${formatSeconds(eta)}${failures ? `, ${failures} failed` : ''}` };
  };
  return {
    tick(failed) {
      count += 1;
      if (failed) failures += 1;
      if (options.quiet) return;
      const { text } = line();
      if (stderr.isTTY) {
        const width = Math.max(10, Math.min(30, (stderr.columns ?? 80) - text.length - 4));
        const filled = Math.round((count / Math.max(1, total)) * width);
        stderr.write(`\r\x1b[2K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}`);
      } else if (now() - lastPlain >= 1000) {
        lastPlain = now();
        stderr.write(`svgchat: ${text}\n`);
      }
    },
    done() {
      if (options.quiet) return;
      const elapsed = (now() - started) / 1000;
      if (stderr.isTTY) stderr.write('\r\x1b[2K');
      stderr.write(`svgchat: ${count}/${total} done in ${formatSeconds(elapsed)}${failures ? `, ${failures} failed` : ''}\n`);
    },
  };
}
