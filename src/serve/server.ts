// `svgchat serve`'s HTTP server: node:http, the routes of SPEC §8, and a shutdown that cancels running
// generations, lets replies finish for a moment, then closes what is left and stops the render pool.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RawSettings, Settings } from '../config/settings.js';
import { SessionStore } from '../store/sessionStore.js';
import { createHandler, type ServeContext } from './app.js';
import { Guard } from './guard.js';
import { messageRoutes } from './messagesApi.js';
import { scoreRoutes } from './scoreApi.js';
import { sessionRoutes } from './sessionsApi.js';
import { GenerationSlots } from './slots.js';
import { loadAssets, staticRoutes } from './staticRoutes.js';
import { svgRoutes } from './svgRoute.js';

export interface ServerOptions {
  home: string;
  host: string;
  /** 0: any free port. */
  port: number;
  token?: string;
  settings(flags: RawSettings): Settings;
  version: string;
  log(message: string): void;
  debug?: boolean;
  /** Generations at once (default 4) and how many may wait for one (default 64). */
  concurrency?: number;
  maxWaiting?: number;
}

export interface RunningServer {
  /** http://host:port (IPv6 hosts in brackets). */
  url: string;
  port: number;
  close(): Promise<void>;
}

const GRACE_MS = 2000;

export function urlOf(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const assets = loadAssets();
  const stopping = new AbortController();
  const store = new SessionStore(options.home, { onWarning: (message) => options.log(`warning: ${message}`) });
  const server = http.createServer({ requestTimeout: 120_000, headersTimeout: 30_000 });
  // The guard needs the real port (for Host checks and the cookie name); it is filled in once listening.
  const app: ServeContext = {
    store,
    guard: new Guard({ host: options.host, port: options.port, token: options.token }),
    settings: options.settings,
    slots: new GenerationSlots(options.concurrency ?? 4, options.maxWaiting ?? 64),
    version: options.version,
    startedAt: performance.now(),
    stopping: stopping.signal,
    log: options.log,
    debug: options.debug ?? false,
  };
  const routes = [...staticRoutes(assets), ...sessionRoutes, ...messageRoutes, ...svgRoutes, ...scoreRoutes];
  const handler = createHandler(app, routes);
  server.on('request', (request, response) => void handler(request, response));
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  app.guard = new Guard({ host: options.host, port, token: options.token });
  server.on('error', (error) => options.log(`server error: ${error.message}`));

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      stopping.abort();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Replies under way may finish (cancelled generations answer at once); connections close as they go idle.
      const sweep = setInterval(() => server.closeIdleConnections(), 25);
      const grace = setTimeout(() => server.closeAllConnections(), GRACE_MS);
      server.closeIdleConnections();
      await closed;
      clearInterval(sweep);
      clearTimeout(grace);
      const { closeRenderer } = await import('../score/render.js');
      closeRenderer();
    })();
    return closing;
  };
  return { url: urlOf(options.host, port), port, close };
}
