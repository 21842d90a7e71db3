// Talking to `svgchat serve`: JSON requests, {error} replies as exceptions, and generation as server-sent
// events read from a POST (EventSource can only GET). Cookies (the auth cookie, if any) go along by default.
import type { ProgressEvent, SessionSummary, SessionView, TurnResult } from './types.mjs';

export class ApiFailure extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

async function failureOf(response: Response): Promise<ApiFailure> {
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    return new ApiFailure(response.status, body.error?.code ?? 'http', body.error?.message ?? `HTTP ${response.status}`);
  } catch {
    return new ApiFailure(response.status, 'http', `HTTP ${response.status}`);
  }
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw await failureOf(response);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

const sessionPath = (id: string) => `/api/sessions/${encodeURIComponent(id)}`;

export const api = {
  /** Trades a token (from the page's #token=... fragment) for the server's HttpOnly cookie. */
  async signIn(token: string): Promise<void> {
    const response = await fetch('/api/auth', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
    if (!response.ok) throw await failureOf(response);
  },
  list: () => call<{ sessions: SessionSummary[] }>('GET', '/api/sessions').then((reply) => reply.sessions),
  get: (id: string) => call<SessionView>('GET', sessionPath(id)),
  start: () => call<SessionView>('POST', '/api/sessions', {}),
  reset: (id: string) => call<SessionView>('POST', `${sessionPath(id)}/reset`, {}),
  remove: (id: string) => call<void>('DELETE', sessionPath(id)),
};

/** One SSE message: "event: x" and "data: ..." lines, ended by a blank line. */
function parseEvent(block: string): { event: string; data: string } | undefined {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) event = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
  }
  return data.length > 0 ? { event, data: data.join('\n') } : undefined;
}

/** Generates a turn, calling `onProgress` as the server reports; aborting `signal` cancels it on the server too. */
export async function sendMessage(id: string, prompt: string, onProgress: (event: ProgressEvent) => void, signal: AbortSignal): Promise<TurnResult> {
  const response = await fetch(`${sessionPath(id)}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ prompt }),
    signal,
  });
  if (!response.ok || !response.body) throw await failureOf(response);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value.replace(/\r\n?/g, '\n');
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const message = parseEvent(buffer.slice(0, end));
      buffer = buffer.slice(end + 2);
      if (!message) continue;
      const data = JSON.parse(message.data) as unknown;
      if (message.event === 'progress') onProgress(data as ProgressEvent);
      else if (message.event === 'turn') return data as TurnResult;
      else if (message.event === 'error') {
        const failure = data as { error: { code: string; message: string }; status?: number };
        throw new ApiFailure(failure.status ?? 500, failure.error.code, failure.error.message);
      }
    }
  }
  throw new ApiFailure(502, 'stream_ended', 'the server ended the reply before the drawing was done');
}
