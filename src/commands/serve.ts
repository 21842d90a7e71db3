// `svgchat serve [--port 7420] [--host 127.0.0.1] [--token T]`: the HTTP API of SPEC §8 and the web chat page.
// Prints the page's URL on stdout and serves until Ctrl-C (then exits 0 once replies and the render pool are closed).
import { settingsFor } from '../config/file.js';
import type { Context } from '../context.js';
import { packageVersion } from '../paths.js';
import { RuntimeFailure, UsageError } from '../errors.js';
import { isDefaultLoopback } from '../serve/guard.js';
import { createReporter } from '../ui/output.js';

export interface ServeOptions {
  port?: string;
  host?: string;
  token?: string;
  quiet?: boolean;
}

export const DEFAULT_PORT = 7420;
export const DEFAULT_HOST = '127.0.0.1';

export function parsePort(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PORT;
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) throw new UsageError(`invalid --port "${value}"`, 'use a port from 1 to 65535 (0 picks a free one)');
  return Number(value);
}

/** The token from --token or SVGCHAT_SERVE_TOKEN (which keeps it out of `ps`); checked, never printed to stderr. */
export function parseToken(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^[\x21-\x7e]{16,512}$/.test(value)) throw new UsageError('the token must be 16-512 printable characters without spaces', 'make one with: openssl rand -hex 16');
  return value;
}

export async function serveCommand(ctx: Context, options: ServeOptions): Promise<void> {
  const reporter = createReporter(ctx, { quiet: options.quiet });
  const port = parsePort(options.port);
  const host = options.host ?? DEFAULT_HOST;
  const token = parseToken(options.token ?? (ctx.env.SVGCHAT_SERVE_TOKEN || undefined));
  if (!isDefaultLoopback(host) && token === undefined) {
    throw new UsageError(`serving on ${host} needs a token: anyone who can reach it could use and delete your sessions`, `add --token "$(openssl rand -hex 16)", or leave out --host to serve on ${DEFAULT_HOST} only`, 'token_required');
  }
  settingsFor(ctx, {}); // a broken config file or variable is reported now, not on the first request
  const version = packageVersion();
  const { startServer } = await import('../serve/server.js');
  const debug = ctx.env.SVGCHAT_DEBUG === '1';
  let server;
  try {
    server = await startServer({ home: ctx.home, host, port, token, version, debug, settings: (flags) => settingsFor(ctx, flags).values, log: (message) => ctx.stderr.write(`svgchat: ${message}\n`) });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new RuntimeFailure(`port ${port} on ${host} is already in use`, 'pick another with --port, e.g. --port 7421 (0 picks a free one)', 'port_in_use');
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') throw new UsageError(`cannot listen on ${host}: it is not an address of this machine`, 'use 127.0.0.1 (the default), or an address of one of its interfaces', 'bad_host');
    if (code === 'EACCES') throw new UsageError(`not allowed to listen on port ${port}`, 'ports below 1024 need privileges; use the default 7420', 'port_denied');
    throw error;
  }
  // A token typed as --token is handed back in the address that signs the page in. One from the environment
  // (a service, a container) is not printed: stdout there ends up in logs.
  const signIn = token && options.token !== undefined ? `#token=${encodeURIComponent(token)}` : '';
  ctx.stdout.write(`${server.url}/${signIn}\n`);
  const how = token && !signIn ? ' (token required: open it with #token=<SVGCHAT_SERVE_TOKEN> added)' : token ? ' (token required)' : '';
  reporter.notice(`serving the sessions in ${ctx.home} at ${server.url}/${how}; Ctrl-C stops`);
  await new Promise<void>((resolve) => {
    if (ctx.signal.aborted) resolve();
    else ctx.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  reporter.notice('stopping: cancelling running generations');
  await server.close();
}
