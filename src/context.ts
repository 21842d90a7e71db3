// What a command runs in: environment, working directory, the svgchat home and the three streams.
// Commands take this instead of reaching for `process`, so tests can hand in their own.
import path from 'node:path';
import envPaths from 'env-paths';

export interface Output {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface Context {
  env: Record<string, string | undefined>;
  cwd: string;
  home: string;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: Output;
  stderr: Output;
  /** Aborted on Ctrl-C. */
  signal: AbortSignal;
}

export function resolveHome(env: Record<string, string | undefined>, cwd: string): string {
  const configured = env.SVGCHAT_HOME;
  if (configured) return path.resolve(cwd, configured);
  return envPaths('svgchat', { suffix: '' }).data;
}

export function processContext(signal: AbortSignal): Context {
  const env = process.env;
  return {
    env,
    cwd: process.cwd(),
    home: resolveHome(env, process.cwd()),
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    signal,
  };
}
