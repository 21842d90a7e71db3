import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { describe, expect, it } from 'vitest';
import { classifyFailure, DEFAULT_RETRY_POLICY, failureError, parseRetryAfter, retryDelay, sleep, TransportFailure, type Failure } from '../../src/providers/retry.js';

const headers = (entries: Record<string, string>) => new Headers(entries);
const policy = DEFAULT_RETRY_POLICY;

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');
  it.each([
    [{ 'retry-after': '2' }, 2000],
    [{ 'retry-after': '0.5' }, 500],
    [{ 'retry-after-ms': '150' }, 150],
    [{ 'retry-after-ms': '150', 'retry-after': '9' }, 150],
    [{ 'retry-after': 'Wed, 01 Jan 2025 00:00:03 GMT' }, 3000],
    [{ 'retry-after': 'Tue, 31 Dec 2024 00:00:00 GMT' }, 0],
    [{ 'retry-after': 'soon' }, undefined],
    [{}, undefined],
  ])('%j -> %s ms', (entries, expected) => {
    expect(parseRetryAfter(headers(entries), now)).toBe(expected);
  });
});

describe('retryDelay', () => {
  const http = (status: number, retryAfterMs?: number): Failure => ({ kind: 'http', status, message: 'x', retryAfterMs });
  it.each([
    [http(500), 1, true],
    [http(502), 2, true],
    [http(429), 1, true],
    [http(408), 1, true],
    [http(400), 1, false],
    [http(401), 1, false],
    [http(404), 1, false],
    [{ kind: 'timeout', afterMs: 1000 } as Failure, 1, true],
    [{ kind: 'cut', detail: '' } as Failure, 2, true],
    [{ kind: 'unreachable', detail: 'ECONNREFUSED' } as Failure, 1, true],
    [{ kind: 'redirect' } as Failure, 1, false],
    [http(500), policy.attempts, false],
  ])('%j after try %i: retry = %s', (failure, attempt, retries) => {
    expect(retryDelay(failure, attempt, policy) !== undefined).toBe(retries);
  });

  it('backs off exponentially with jitter between half and all of the step, capped', () => {
    const wide = { ...policy, attempts: 10 };
    const lowest = [1, 2, 3, 4].map((attempt) => retryDelay(http(503), attempt, wide, () => 0));
    const highest = [1, 2, 3, 4].map((attempt) => retryDelay(http(503), attempt, wide, () => 0.999999));
    expect(lowest).toEqual([125, 250, 500, 1000]);
    expect(highest).toEqual([250, 500, 1000, 2000]);
    expect(retryDelay(http(503), 9, wide, () => 0.999999)).toBe(policy.maxDelayMs);
  });

  it('waits what retry-after asks, but not longer than the cap', () => {
    expect(retryDelay(http(429, 1200), 1, policy)).toBe(1200);
    expect(retryDelay(http(503, 0), 1, policy)).toBe(0);
    expect(retryDelay(http(429, policy.maxRetryAfterMs + 1), 1, policy)).toBeUndefined();
  });
});

describe('classifyFailure', () => {
  it('names the SDK errors', () => {
    expect(classifyFailure(APIError.generate(503, { error: { message: 'overloaded' } }, undefined, headers({ 'retry-after': '1' })), 5000)).toEqual({ kind: 'http', status: 503, message: 'overloaded', retryAfterMs: 1000 });
    expect(classifyFailure(new APIConnectionTimeoutError(), 5000)).toEqual({ kind: 'timeout', afterMs: 5000 });
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    expect(classifyFailure(new APIConnectionError({ cause: new TypeError('fetch failed', { cause: refused }) }), 5000)).toEqual({ kind: 'unreachable', detail: 'ECONNREFUSED' });
    expect(classifyFailure(new APIConnectionError({ cause: new TypeError('fetch failed', { cause: new Error('unexpected redirect') }) }), 5000)).toEqual({ kind: 'redirect' });
    expect(classifyFailure(new TransportFailure({ kind: 'cut', detail: 'terminated' }), 5000)).toEqual({ kind: 'cut', detail: 'terminated' });
  });

  it('leaves everything else alone: a user abort or a bug is not a transport failure', () => {
    expect(classifyFailure(new APIUserAbortError(), 5000)).toBeUndefined();
    expect(classifyFailure(new TypeError('x is undefined'), 5000)).toBeUndefined();
    expect(classifyFailure('oops', 5000)).toBeUndefined();
  });
});

describe('failureError', () => {
  const context = { attempts: 3, endpoint: 'http://127.0.0.1:1/v1', model: 'm' };
  it.each([
    [{ kind: 'http', status: 503, message: 'busy' }, 'provider_error', /HTTP 503 \(3 tries\): busy/],
    [{ kind: 'http', status: 429, message: 'slow down', retryAfterMs: 60_000 }, 'rate_limited', /rate limited.*wait 60 s/],
    [{ kind: 'http', status: 401, message: 'bad key' }, 'auth', /refused the request \(HTTP 401/],
    [{ kind: 'timeout', afterMs: 1500 }, 'timeout', /within 1\.5 s \(3 tries\)/],
    [{ kind: 'unreachable', detail: 'ECONNREFUSED' }, 'unreachable', /cannot reach http:\/\/127\.0\.0\.1:1\/v1 \(ECONNREFUSED\)/],
    [{ kind: 'cut', detail: 'terminated' }, 'stream_cut', /dropped in the middle of the reply/],
  ] as [Failure, string, RegExp][])('%j', (failure, code, message) => {
    const error = failureError(failure, context);
    expect(error.code).toBe(code);
    expect(error.exitCode).toBe(1);
    expect(error.message).toMatch(message);
    expect(error.hint).toBeTruthy();
  });
});

describe('sleep', () => {
  it('ends early, as an interruption, when the signal aborts', async () => {
    const controller = new AbortController();
    const started = performance.now();
    setTimeout(() => controller.abort(), 20);
    await expect(sleep(5000, controller.signal)).rejects.toMatchObject({ exitCode: 130 });
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
