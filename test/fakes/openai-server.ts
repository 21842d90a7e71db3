// A fake OpenAI-compatible server (chat completions + models) on 127.0.0.1 and a random port.
// Each test scripts what the next requests get (a reply, an HTTP error, a stall, a cut stream, broken SSE)
// and afterwards reads `requests` to assert what the client sent and how often it retried.
// Erasable TypeScript only, so `node scripts/bench-stream.mjs` can import it directly.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type FakeStep =
  /** A normal answer; streamed when the request asked for it. */
  | { type: 'reply'; content: string; chunkChars?: number; chunkDelayMs?: number; firstByteDelayMs?: number; finishReason?: string; usage?: { prompt_tokens: number; completion_tokens: number } | false; ignoreStreamOptions?: boolean }
  /** An HTTP error with an OpenAI-style error body. */
  | { type: 'error'; status: number; message?: string; headers?: Record<string, string> }
  /** Accepts the request and never finishes it (after streaming `content` in `afterChunks` chunks, if given). */
  | { type: 'stall'; content?: string; afterChunks?: number }
  /** Streams `afterChunks` chunks of `content`, then destroys the socket. */
  | { type: 'cut'; content: string; afterChunks: number }
  /** Streams a chunk of invalid JSON. */
  | { type: 'malformed' }
  | { type: 'redirect'; location: string }
  /** 200 with a web page, as a wrong base URL pointing at some web server gives. */
  | { type: 'html' };

/** What a chat-completion request carries, as far as the tests look at it. */
export interface RecordedBody {
  model?: string;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  messages?: { role: string; content: string }[];
  [key: string]: unknown;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  /** Parsed JSON body, or undefined for GET. */
  body: RecordedBody | undefined;
  receivedAt: number;
  /** performance.now() when the first response byte (headers included) was written. */
  firstByteAt?: number;
  /** The connection closed before the response was complete: the client cancelled, or the script cut it. */
  abandoned?: boolean;
  /** performance.now() when that close was seen: when the client gave up, for a try that stalls. */
  abandonedAt?: number;
}

export interface FakeServer {
  /** Base URL including /v1, as OPENAI_BASE_URL expects. */
  readonly url: string;
  readonly port: number;
  readonly requests: RecordedRequest[];
  /** Chat-completion requests only: the number of tries the client made. */
  chatRequests(): RecordedRequest[];
  /** Queues what the next chat-completion requests get, in order; afterwards `fallback` answers. */
  script(...steps: FakeStep[]): void;
  fallback: FakeStep;
  models: string[];
  /** When set, GET /models answers with this step instead. */
  modelsStep?: FakeStep;
  /** When set, requests without `Authorization: Bearer <key>` get 401. */
  requireKey?: string;
  /** Back to a fresh server: nothing queued, nothing recorded, default replies, no key required. */
  reset(): void;
  close(): Promise<void>;
}

export const SIMPLE_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><rect width="100" height="100" fill="#87ceeb"/><circle cx="50" cy="50" r="30" fill="#e53935"/></svg>';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function chunks(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

function chunkEvent(id: string, model: string, delta: object, finishReason: string | null = null): string {
  const chunk = { id, object: 'chat.completion.chunk', created: 1_700_000_000, model, choices: [{ index: 0, delta, finish_reason: finishReason }] };
  return `data: ${JSON.stringify(chunk)}\n\n`;
}

export async function startFakeOpenAI(): Promise<FakeServer> {
  const queue: FakeStep[] = [];
  const sockets = new Set<Socket>();
  const requests: RecordedRequest[] = [];
  let counter = 0;

  const state = {
    fallback: { type: 'reply', content: SIMPLE_SVG } as FakeStep,
    models: ['gpt-4o-mini', 'fake-large'],
    modelsStep: undefined as FakeStep | undefined,
    requireKey: undefined as string | undefined,
  };

  function markFirstByte(record: RecordedRequest) {
    record.firstByteAt ??= performance.now();
  }

  function sendJson(res: http.ServerResponse, record: RecordedRequest, status: number, body: unknown, headers: Record<string, string> = {}) {
    markFirstByte(record);
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  }

  async function streamText(res: http.ServerResponse, record: RecordedRequest, id: string, model: string, parts: string[], delayMs: number) {
    for (const part of parts) {
      if (res.destroyed) return;
      res.write(chunkEvent(id, model, { content: part }));
      if (delayMs > 0) await sleep(delayMs);
    }
  }

  function startSse(res: http.ServerResponse, record: RecordedRequest, id: string, model: string) {
    markFirstByte(record);
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    res.write(chunkEvent(id, model, { role: 'assistant', content: '' }));
  }

  async function answer(step: FakeStep, record: RecordedRequest, res: http.ServerResponse) {
    const body = record.body ?? {};
    const model: string = body.model ?? 'fake';
    const id = `chatcmpl-${++counter}`;
    const wantsStream = body.stream === true;
    switch (step.type) {
      case 'error':
        return sendJson(res, record, step.status, { error: { message: step.message ?? `fake error ${step.status}`, type: 'server_error', code: null } }, step.headers);
      case 'redirect':
        markFirstByte(record);
        res.writeHead(307, { location: step.location });
        return res.end();
      case 'stall':
        if (wantsStream && step.content) {
          startSse(res, record, id, model);
          const parts = chunks(step.content, Math.ceil(step.content.length / (step.afterChunks ?? 1)));
          await streamText(res, record, id, model, parts, 0);
        }
        return; // never ends; close() destroys the socket
      case 'cut': {
        startSse(res, record, id, model);
        const parts = chunks(step.content, Math.max(1, Math.ceil(step.content.length / (step.afterChunks * 2))));
        await streamText(res, record, id, model, parts.slice(0, step.afterChunks), 5);
        // Let the written chunks reach the client before the connection drops.
        await sleep(20);
        res.socket?.destroy();
        return;
      }
      case 'html':
        markFirstByte(record);
        res.writeHead(200, { 'content-type': 'text/html' });
        return res.end('<!doctype html><html><body><h1>Welcome to nginx!</h1></body></html>');
      case 'malformed':
        startSse(res, record, id, model);
        res.write('data: {"id":"x","choices":[{"delta":{"content":"<svg\n\n');
        res.write('data: [DONE]\n\n');
        return res.end();
      case 'reply': {
        const usage = step.usage === false ? undefined : (step.usage ?? { prompt_tokens: Math.ceil(JSON.stringify(body.messages ?? []).length / 4), completion_tokens: Math.ceil(step.content.length / 4) });
        if (step.firstByteDelayMs) await sleep(step.firstByteDelayMs);
        if (!wantsStream) {
          return sendJson(res, record, 200, {
            id, object: 'chat.completion', created: 1_700_000_000, model,
            choices: [{ index: 0, message: { role: 'assistant', content: step.content }, finish_reason: step.finishReason ?? 'stop' }],
            ...(usage ? { usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } } : {}),
          });
        }
        startSse(res, record, id, model);
        await streamText(res, record, id, model, chunks(step.content, step.chunkChars ?? 16), step.chunkDelayMs ?? 0);
        if (res.destroyed) return;
        res.write(chunkEvent(id, model, {}, step.finishReason ?? 'stop'));
        if (usage && body.stream_options?.include_usage && !step.ignoreStreamOptions) {
          const last = { id, object: 'chat.completion.chunk', created: 1_700_000_000, model, choices: [], usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } };
          res.write(`data: ${JSON.stringify(last)}\n\n`);
        }
        res.write('data: [DONE]\n\n');
        return res.end();
      }
    }
  }

  const server = http.createServer((req, res) => {
    // Recorded on arrival, so a try the client gives up on before its body is read still counts.
    const record: RecordedRequest = { method: req.method ?? 'GET', path: (req.url ?? '/').split('?')[0], headers: req.headers, body: undefined, receivedAt: performance.now() };
    requests.push(record);
    res.on('close', () => {
      if (res.writableEnded) return;
      record.abandoned = true;
      record.abandonedAt = performance.now();
    });
    const raw: Buffer[] = [];
    req.on('data', (chunk: Buffer) => raw.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(raw).toString('utf8');
      try {
        record.body = text ? (JSON.parse(text) as RecordedBody) : undefined;
      } catch {
        record.body = { unparsed: text };
      }
      if (state.requireKey !== undefined && req.headers.authorization !== `Bearer ${state.requireKey}`) {
        sendJson(res, record, 401, { error: { message: 'Incorrect API key provided', type: 'invalid_request_error', code: 'invalid_api_key' } });
        return;
      }
      if (record.method === 'POST' && record.path === '/v1/chat/completions') {
        void answer(queue.shift() ?? state.fallback, record, res);
      } else if (record.method === 'GET' && record.path === '/v1/models') {
        if (state.modelsStep) void answer(state.modelsStep, record, res);
        else sendJson(res, record, 200, { object: 'list', data: state.models.map((id) => ({ id, object: 'model', created: 1_700_000_000, owned_by: 'fake' })) });
      } else {
        sendJson(res, record, 404, { error: { message: `no route ${record.method} ${record.path}`, type: 'not_found' } });
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    chatRequests: () => requests.filter((r) => r.path === '/v1/chat/completions'),
    script: (...steps) => void queue.push(...steps),
    get fallback() { return state.fallback; },
    set fallback(step) { state.fallback = step; },
    get models() { return state.models; },
    set models(list) { state.models = list; },
    get modelsStep() { return state.modelsStep; },
    set modelsStep(step) { state.modelsStep = step; },
    get requireKey() { return state.requireKey; },
    reset: () => {
      queue.length = 0;
      requests.length = 0;
      state.fallback = { type: 'reply', content: SIMPLE_SVG };
      state.models = ['gpt-4o-mini', 'fake-large'];
      state.modelsStep = undefined;
      state.requireKey = undefined;
    },
    set requireKey(key) { state.requireKey = key; },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
