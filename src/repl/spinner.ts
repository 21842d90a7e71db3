// The line shown while a turn is drawn: a spinner, what is happening, and the seconds so far.
import type { Output } from '../context.js';
import { printable } from '../ui/printable.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export interface Spinner {
  update(status: string): void;
  stop(): void;
}

export function startSpinner(stream: Output, status: string, paint: (frame: string) => string = (frame) => frame): Spinner {
  const started = performance.now();
  let frame = 0;
  let current = status;
  const draw = () => {
    const elapsed = ((performance.now() - started) / 1000).toFixed(1);
    frame = (frame + 1) % FRAMES.length;
    stream.write(`\r\x1b[2K${paint(FRAMES[frame])} ${printable(current)} ${elapsed}s  (Ctrl-C cancels)`);
  };
  stream.write('\x1b[?25l');
  draw();
  const timer = setInterval(draw, 100);
  return {
    update(next) {
      current = next;
    },
    stop() {
      clearInterval(timer);
      stream.write('\r\x1b[2K\x1b[?25h');
    },
  };
}
