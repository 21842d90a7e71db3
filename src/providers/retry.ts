// What went wrong talking to an endpoint, whether another try can help, and how long to wait first
// (exponential backoff with jitter, or what `retry-after` asks for). Pure apart from the abortable sleep.
import { InterruptedError, RuntimeFailure, UsageError, type SvgchatError } from '../errors.js';

export type Failure =
  | { kind: 'http'; status: number; message: string; retryAfterMs?: number }
  | { kind: 'timeout'; afterMs: number }
  | { kind: 'unreachable'; detail: string }
  | { kind: 'redirect' }
  | { kind: 'cut'; detail: string }
  | { kind: 'malformed'; detail: string }
  /** An error object sent inside an otherwise fine stream. */
  | { kind: 'reported'; message: string };

/** Thrown by the request code for failures the SDK does not name (a stall, a cut stream, broken SSE). */
export class TransportFailure extends Error {
  constructor(readonly failure: Failure) {
    super(failure.kind);
  }
}

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A `retry-after` longer than this is not waited out: the command fails and says how long. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 3, baseDelayMs: 250, maxDelayMs: 4000, maxRetryAfterMs: 30_000 };

interface HeaderBag {
  get(name: string): string | null;
}

/** `retry-after-ms` (OpenAI's), else `retry-after` in seconds or as an HTTP date. */
export function parseRetryAfter(headers: HeaderBag | undefined, now = Date.now()): number | undefined {
  const ms = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers?.get('retry-after');
  if (!value) return undefined;
  const seconds = Number.parseFloat(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function causes(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error; e instanceof Error && parts.length < 5; e = e.cause) parts.push(`${(e as NodeJS.ErrnoException).code ?? ''} ${e.message}`);
  return parts.join(' | ');
}

/** Names an error from the SDK or from our own request code; undefined for anything else (a bug, not a transport failure). */
export function classifyFailure(error: unknown, timeoutMs: number): Failure | undefined {
  if (error instanceof TransportFailure) return error.failure;
  if (!(error instanceof Error)) return undefined;
  const status = (error as { status?: unknown }).status;
  if (typeof status === 'number') {
    const body = (error as { error?: { message?: unknown } }).error;
    const message = typeof body?.message === 'string' ? body.message : error.message;
    return { kind: 'http', status, message, retryAfterMs: parseRetryAfter((error as { headers?: HeaderBag }).headers) };
  }
  // The SDK's error classes do not set `name`; their constructors are named.
  const type = error.constructor.name;
  if (type === 'APIConnectionTimeoutError') return { kind: 'timeout', afterMs: timeoutMs };
  if (type === 'APIConnectionError') {
    const detail = causes(error.cause);
    if (/redirect/i.test(detail)) return { kind: 'redirect' };
    return { kind: 'unreachable', detail: /\b(E[A-Z]{3,}|UND_ERR_\w+)\b/.exec(detail)?.[1] ?? 'connection failed' };
  }
  if (type === 'APIError') return { kind: 'reported', message: error.message };
  return undefined;
}

export function isRetryable(failure: Failure): boolean {
  if (failure.kind === 'http') return [408, 409, 429].includes(failure.status) || failure.status >= 500;
  return failure.kind !== 'redirect';
}

/** Milliseconds to wait before try `attempt + 1`, or undefined to give up now. */
export function retryDelay(failure: Failure, attempt: number, policy: RetryPolicy, random: () => number = Math.random): number | undefined {
  if (attempt >= policy.attempts || !isRetryable(failure)) return undefined;
  if (failure.kind === 'http' && failure.retryAfterMs !== undefined) {
    return failure.retryAfterMs > policy.maxRetryAfterMs ? undefined : failure.retryAfterMs;
  }
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  // Jitter in [50%, 100%] of the backoff, so many clients do not retry in step.
  return Math.round(backoff * (0.5 + random() * 0.5));
}

export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new InterruptedError());
    const onAbort = () => {
      clearTimeout(timer);
      reject(new InterruptedError());
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function tries(attempts: number): string {
  return attempts === 1 ? '' : ` (${attempts} tries)`;
}

/** The error the user sees once no try is left: what happened, and what to do about it. */
export function failureError(failure: Failure, context: { attempts: number; endpoint: string; model: string }): SvgchatError {
  const { attempts, endpoint, model } = context;
  switch (failure.kind) {
    case 'http': {
      const { status, message } = failure;
      if (status === 401 || status === 403) return new RuntimeFailure(`the endpoint refused the request (HTTP ${status}: ${message})`, 'check the API key: svgchat config list shows where OPENAI_API_KEY comes from', 'auth');
      if (status === 404) {
        const hint = model ? `check the model name "${model}" (svgchat models lists them) and the base URL (it usually ends in /v1)` : 'check the base URL: it usually ends in /v1';
        return new RuntimeFailure(`HTTP 404 from ${endpoint}: ${message}`, hint, 'not_found');
      }
      if (status === 429) {
        const wait = failure.retryAfterMs !== undefined ? `; it asks to wait ${Math.ceil(failure.retryAfterMs / 1000)} s` : '';
        return new RuntimeFailure(`rate limited by the endpoint (HTTP 429)${tries(attempts)}${wait}`, 'wait a little and try again, or use a different model with -m', 'rate_limited');
      }
      if (status >= 500) return new RuntimeFailure(`the endpoint failed with HTTP ${status}${tries(attempts)}: ${message}`, 'the server had a problem; try again later', 'provider_error');
      return new RuntimeFailure(`the endpoint rejected the request (HTTP ${status}: ${message})`, `check the model "${model}" and the endpoint ${endpoint}`, 'bad_request');
    }
    case 'timeout':
      return new RuntimeFailure(`no reply from ${endpoint} within ${(failure.afterMs / 1000).toFixed(1)} s${tries(attempts)}`, 'a slow or busy model? raise the limit: svgchat config set timeout 120000', 'timeout');
    case 'unreachable':
      return new RuntimeFailure(`cannot reach ${endpoint} (${failure.detail})${tries(attempts)}`, 'is the server running? check --base-url or OPENAI_BASE_URL', 'unreachable');
    case 'redirect':
      return new UsageError(`${endpoint} redirects elsewhere; svgchat does not follow redirects, so the API key only goes where you configured it`, 'set --base-url (or OPENAI_BASE_URL) to the final address', 'redirect');
    case 'cut':
      return new RuntimeFailure(`the connection dropped in the middle of the reply${tries(attempts)}: ${failure.detail}`, 'try again; if it keeps happening, check the server or a proxy in between', 'stream_cut');
    case 'reported':
      return new RuntimeFailure(`the endpoint reported an error${tries(attempts)}: ${failure.message}`, 'try again later, or another model with -m', 'provider_error');
    case 'malformed':
      return new RuntimeFailure(`the endpoint's reply is not a chat completion${tries(attempts)}: ${failure.detail}`, 'is --base-url an OpenAI-compatible endpoint (usually ending in /v1)?', 'malformed_reply');
  }
}
