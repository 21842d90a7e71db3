// POST /api/sessions/:id/messages: one turn through the one pipeline (generateTurn), answered as SPEC §7 JSON,
// or as server-sent events (progress..., then the turn or an error) when the client accepts text/event-stream.
// A client that goes away cancels its generation; so does stopping the server.
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { jsonResult } from '../commands/gen.js';
import { InterruptedError } from '../errors.js';
import { promptProblem } from '../pipeline/promptProblem.js';
import { generateTurn, type TurnOutcome } from '../pipeline/generateTurn.js';
import type { ProgressEvent } from '../providers/types.js';
import type { SessionStore } from '../store/sessionStore.js';
import type { Exchange, Route } from './app.js';
import { toWireError } from './errors.js';
import { ApiError, readJson, sendJson } from './http.js';
import { modelSchema, providerSchema } from './sessionsApi.js';
import { svgUrl } from './sessionViews.js';

const messageBody = z.strictObject({
  prompt: z.string().trim().min(1, 'the prompt is empty'),
  provider: providerSchema.optional(),
  model: modelSchema.optional(),
  candidates: z.number().int().min(1).max(16).optional(),
  seed: z.number().int().min(0).max(0xffffffff).optional(),
});

function wantsEvents(accept: string | undefined): boolean {
  return (accept ?? '').split(',').some((part) => part.split(';')[0].trim().toLowerCase() === 'text/event-stream');
}

function sendEvent(response: ServerResponse, event: string, data: unknown): void {
  if (!response.writableEnded && !response.destroyed) response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

async function message({ request, response, params, app }: Exchange): Promise<void> {
  const body = await readJson(request, messageBody);
  const problem = promptProblem(body.prompt);
  if (problem) throw new ApiError(400, problem.code, problem.message);
  const session = app.store.get(params[0]);
  // The session remembers how it was started; the request may change provider and model for this turn.
  const switching = body.provider !== undefined && body.provider !== session.settings.provider;
  const settings = app.settings({
    provider: body.provider ?? session.settings.provider,
    model: body.model ?? (switching ? undefined : session.settings.model),
    size: session.settings.size,
    profile: session.settings.profile,
    candidates: body.candidates,
  });

  const cancel = new AbortController();
  const onStop = () => cancel.abort(new InterruptedError('the server is stopping'));
  app.stopping.addEventListener('abort', onStop, { once: true });
  // 'close' before the reply is finished: the client went away (closed the tab, pressed stop).
  response.on('close', () => {
    if (!response.writableFinished) cancel.abort(new InterruptedError('the client went away'));
  });
  const streaming = wantsEvents(request.headers.accept);
  if (streaming) {
    response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'cross-origin-resource-policy': 'same-origin', 'x-accel-buffering': 'no' });
    response.flushHeaders();
  }
  const progress = (event: ProgressEvent) => streaming && sendEvent(response, 'progress', event);
  let release: (() => void) | undefined;
  try {
    if (app.slots.active >= app.slots.limit) progress({ type: 'status', message: 'waiting for a free slot' });
    release = await app.slots.acquire(cancel.signal);
    if (cancel.signal.aborted) throw new InterruptedError();
    progress({ type: 'status', message: 'drawing' });
    const outcome = await generateTurn(app.store, session.id, { prompt: body.prompt, seed: body.seed, settings }, cancel.signal, progress);
    const result = turnResult(app.store, outcome);
    if (streaming) {
      sendEvent(response, 'turn', result);
      response.end();
    } else {
      sendJson(response, 201, result);
    }
  } catch (error) {
    if (!streaming) throw cancel.signal.aborted ? new InterruptedError() : error;
    const wire = toWireError(cancel.signal.aborted ? new InterruptedError() : error, true);
    if (wire.unexpected) app.log(`internal error while generating: ${app.debug && error instanceof Error ? error.stack : (error as Error)?.message}`);
    sendEvent(response, 'error', { error: { code: wire.code, message: wire.message }, status: wire.status });
    response.end();
  } finally {
    release?.();
    app.stopping.removeEventListener('abort', onStop);
  }
}

/** SPEC §7, plus where the page can fetch the SVG, the notes the CLI would print and what the model said. */
export function turnResult(store: SessionStore, outcome: TurnOutcome) {
  const file = path.join(store.dir, outcome.turn.svg!.path);
  return { ...jsonResult(outcome, store, file, true), url: svgUrl(outcome.session, outcome.turn.id), notes: outcome.notes, said: outcome.said ?? null };
}

export const messageRoutes: Route[] = [{ method: 'POST', pattern: /^\/api\/sessions\/([^/]+)\/messages\/?$/, generates: true, handle: message }];
