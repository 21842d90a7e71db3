// One chat-completion request, streamed or not, with a stall timer and the user's AbortSignal.
// Reports tokens as they arrive; turns a stall, a cut stream or broken SSE into a TransportFailure.
import type OpenAI from 'openai';
import { z } from 'zod';
import { InterruptedError } from '../errors.js';
import type { DispatchHook } from './client.js';
import type { ChatMessage } from './context.js';
import { TransportFailure } from './retry.js';
import type { ProgressEvent, Usage } from './types.js';

export interface CompletionReply {
  content: string;
  usage: Usage | null;
  /** null when the stream ended without saying why (cut off). */
  finishReason: string | null;
}

export interface CompletionRequest {
  model: string;
  messages: ChatMessage[];
  /** Passed on: servers that honour it (OpenAI, vLLM, llama.cpp, Ollama) then vary best-of-N candidates reproducibly. */
  seed?: number;
  stream: boolean;
  /** Longest wait for the reply to start, and between two chunks of it. */
  timeoutMs: number;
}

const usageSchema = z.object({ prompt_tokens: z.number(), completion_tokens: z.number() }).nullish();
const chunkSchema = z.object({
  choices: z.array(z.object({
    delta: z.object({ content: z.string().nullish(), reasoning_content: z.string().nullish(), reasoning: z.string().nullish() }).nullish(),
    finish_reason: z.string().nullish(),
  })).nullish(),
  usage: usageSchema,
});
const completionSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().nullish() }), finish_reason: z.string().nullish() })).min(1),
  usage: usageSchema,
});

function toUsage(usage: z.infer<typeof usageSchema>): Usage | null {
  return usage ? { promptTokens: usage.prompt_tokens, completionTokens: usage.completion_tokens } : null;
}

function describe(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return error instanceof Error ? `${error.message}${cause}` : String(error);
}

export async function* requestCompletion(client: OpenAI, hook: DispatchHook, request: CompletionRequest, signal: AbortSignal): AsyncGenerator<ProgressEvent, CompletionReply> {
  // One controller for this try: aborted by the user (Ctrl-C) or by the stall timer.
  const controller = new AbortController();
  let stalled = false;
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stalled = true;
      controller.abort();
    }, request.timeoutMs);
  };
  const onAbort = () => controller.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  // The SDK's own timeout only covers the wait for headers; ours also covers the gaps between chunks.
  const options = { signal: controller.signal, timeout: request.timeoutMs + 1000, maxRetries: 0 };
  const checkAborted = () => {
    if (signal.aborted) throw new InterruptedError();
    if (stalled) throw new TransportFailure({ kind: 'timeout', afterMs: request.timeoutMs });
  };
  // The clock starts when the request is handed to fetch (a busy machine can take a while to get there).
  hook.onDispatch = arm;
  let phase: 'request' | 'stream' = 'request';
  try {
    if (!request.stream) {
      const raw: unknown = await client.chat.completions.create({ model: request.model, messages: request.messages, seed: request.seed, stream: false }, options);
      checkAborted();
      const parsed = completionSchema.safeParse(raw);
      if (!parsed.success) throw new TransportFailure({ kind: 'malformed', detail: 'no choices in the reply' });
      const usage = toUsage(parsed.data.usage);
      const content = parsed.data.choices[0].message.content ?? '';
      yield { type: 'tokens', count: usage?.completionTokens ?? Math.ceil(content.length / 4) };
      return { content, usage, finishReason: parsed.data.choices[0].finish_reason ?? 'stop' };
    }
    const stream = await client.chat.completions.create(
      { model: request.model, messages: request.messages, seed: request.seed, stream: true, stream_options: { include_usage: true } },
      options,
    );
    phase = 'stream';
    let content = '';
    let tokens = 0;
    let usage: Usage | null = null;
    let finishReason: string | null = null;
    let chunks = 0;
    for await (const raw of stream) {
      arm();
      chunks += 1;
      const chunk = chunkSchema.safeParse(raw);
      if (!chunk.success) throw new TransportFailure({ kind: 'malformed', detail: 'a stream chunk is not a chat.completion.chunk' });
      usage = toUsage(chunk.data.usage) ?? usage;
      const choice = chunk.data.choices?.[0];
      const delta = choice?.delta;
      if (delta?.content || delta?.reasoning_content || delta?.reasoning) {
        content += delta.content ?? '';
        tokens += 1;
        yield { type: 'tokens', count: tokens };
      }
      finishReason = choice?.finish_reason ?? finishReason;
    }
    // The SDK ends the loop quietly when the request is aborted, so the reason is checked here.
    checkAborted();
    // Not one event: whatever answered does not speak server-sent events (a web page, a proxy's error page).
    if (chunks === 0) throw new TransportFailure({ kind: 'malformed', detail: 'the reply was not an event stream' });
    if (finishReason === null) throw new TransportFailure({ kind: 'cut', detail: 'the stream ended before the reply was finished' });
    return { content, usage, finishReason };
  } catch (error) {
    checkAborted();
    if (error instanceof TransportFailure) throw error;
    if (phase === 'stream') {
      if (error instanceof SyntaxError) throw new TransportFailure({ kind: 'malformed', detail: 'a server-sent event is not valid JSON' });
      if (error instanceof Error && error.constructor.name !== 'APIError') throw new TransportFailure({ kind: 'cut', detail: describe(error) });
    }
    throw error;
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
  }
}
