// A Context for calling command functions directly: temp home, captured streams, no TTY.
import { Readable } from 'node:stream';
import type { Context } from '../../src/context.js';

export interface Captured {
  ctx: Context;
  stdout: () => string;
  stderr: () => string;
}

export function fakeContext(home: string, options: { stdin?: string; tty?: boolean; env?: Record<string, string>; signal?: AbortSignal } = {}): Captured {
  let out = '';
  let err = '';
  const stdin = Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]) as Readable & { isTTY?: boolean };
  stdin.isTTY = options.tty ?? false;
  const ctx: Context = {
    env: { SVGCHAT_HOME: home, ...options.env },
    cwd: home,
    home,
    stdin,
    stdout: { write: (chunk: string) => (out += chunk), isTTY: options.tty ?? false },
    stderr: { write: (chunk: string) => (err += chunk), isTTY: options.tty ?? false },
    signal: options.signal ?? new AbortController().signal,
  };
  return { ctx, stdout: () => out, stderr: () => err };
}
