// The request pipeline of `svgchat serve`: guard (host, token, origin) -> route -> handler, and whatever a
// handler throws becomes a 4xx/5xx JSON reply. Nothing a client sends can take the server down.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RawSettings, Settings } from '../config/settings.js';
import type { SessionStore } from '../store/sessionStore.js';
import { toWireError } from './errors.js';
import { Guard } from './guard.js';
import { ApiError, sendError } from './http.js';
import type { GenerationSlots } from './slots.js';

export interface ServeContext {
  store: SessionStore;
  guard: Guard;
  /** defaults < config file < environment < these flags (SPEC §2). */
  settings(flags: RawSettings): Settings;
  slots: GenerationSlots;
  version: string;
  startedAt: number;
  /** Aborted when the server stops: running generations end with it. */
  stopping: AbortSignal;
  log(message: string): void;
  debug: boolean;
}

export interface Exchange {
  request: IncomingMessage;
  response: ServerResponse;
  url: URL;
  params: string[];
  app: ServeContext;
}

export interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  pattern: RegExp;
  /** The page shell and its assets: no data, so no token needed. */
  public?: boolean;
  /** Generates a turn: a runtime failure inside is the provider's (502), not the server's. */
  generates?: boolean;
  handle(exchange: Exchange): Promise<void> | void;
}

function decodeParams(match: RegExpExecArray): string[] {
  try {
    return match.slice(1).map((part) => decodeURIComponent(part));
  } catch {
    throw new ApiError(400, 'bad_path', 'the path has a broken %-encoding');
  }
}

export function createHandler(app: ServeContext, routes: Route[]) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    let duringGeneration = false;
    try {
      const url = new URL(request.url ?? '/', 'http://svgchat.invalid');
      const onPath = routes.map((route) => ({ route, match: route.pattern.exec(url.pathname) })).filter((found) => found.match);
      const method = request.method === 'HEAD' ? 'GET' : request.method;
      const found = onPath.find(({ route }) => route.method === method);
      app.guard.check(request, Boolean(found?.route.public ?? onPath[0]?.route.public));
      if (!found) {
        if (onPath.length === 0) throw new ApiError(404, 'not_found', `no such endpoint: ${request.method} ${url.pathname.slice(0, 200)}`);
        const allowed = [...new Set(onPath.map(({ route }) => route.method))].join(', ');
        throw new ApiError(405, 'method_not_allowed', `${url.pathname.slice(0, 200)} takes ${allowed}`, { allow: allowed });
      }
      duringGeneration = Boolean(found.route.generates);
      await found.route.handle({ request, response, url, params: decodeParams(found.match!), app });
    } catch (error) {
      const wire = toWireError(error, duringGeneration);
      if (wire.unexpected) app.log(`internal error on ${request.method} ${request.url}: ${app.debug && error instanceof Error ? error.stack : String((error as Error)?.message ?? error)}`);
      if (response.headersSent) {
        // A stream already under way (SSE) reports its own errors; here it can only be ended.
        response.end();
        return;
      }
      sendError(response, wire.status, wire.code, wire.message, wire.headers);
    }
  };
}
