// The provider against the fake server, in-process: quick to run, and every request is visible.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OpenAIProvider, type OpenAIProviderOptions } from '../../src/providers/openai.js';
import { UnusableReplyError } from '../../src/providers/replyError.js';
import type { GenerateRequest, GenerateResult, ProgressEvent } from '../../src/providers/types.js';
import { SIMPLE_SVG, startFakeOpenAI, type FakeServer } from '../fakes/openai-server.js';

let server: FakeServer;
beforeAll(async () => {
  server = await startFakeOpenAI();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const fastRetry = { attempts: 3, baseDelayMs: 10, maxDelayMs: 40, maxRetryAfterMs: 2000 };

function provider(options: Partial<OpenAIProviderOptions> = {}) {
  return new OpenAIProvider({ baseUrl: server.url, apiKey: '', timeout: 2000, retry: fastRetry, ...options });
}

function request(overrides: Partial<GenerateRequest> = {}): GenerateRequest {
  return { prompt: 'a red fox', seed: 1, width: 512, height: 512, profile: 'default', model: 'fake-large', history: [], ...overrides };
}

async function run(p: OpenAIProvider, req: GenerateRequest, signal = new AbortController().signal) {
  const events: ProgressEvent[] = [];
  const generator = p.generate(req, signal);
  for (let step = await generator.next(); ; step = await generator.next()) {
    if (step.done) return { result: step.value as GenerateResult, events };
    events.push(step.value);
  }
}

describe('OpenAIProvider', () => {
  it('streams a reply, reports tokens as they come, and records usage', async () => {
    server.script({ type: 'reply', content: `Here:\n\`\`\`svg\n${SIMPLE_SVG}\n\`\`\``, chunkChars: 10, usage: { prompt_tokens: 321, completion_tokens: 45 } });
    const { result, events } = await run(provider(), request());
    expect(result.svg).toContain('<circle cx="50" cy="50" r="30" fill="#e53935"');
    expect(result.usage).toEqual({ promptTokens: 321, completionTokens: 45 });
    const counts = events.filter((e) => e.type === 'tokens').map((e) => (e as { count: number }).count);
    expect(counts.length).toBeGreaterThan(5);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    const [sent] = server.chatRequests();
    expect(sent.body).toMatchObject({ model: 'fake-large', seed: 1, stream: true, stream_options: { include_usage: true } });
  });

  it('works with a server that ignores stream_options (no usage)', async () => {
    server.script({ type: 'reply', content: SIMPLE_SVG, ignoreStreamOptions: true });
    const { result } = await run(provider(), request());
    expect(result.svg).toContain('<rect');
    expect(result.usage).toBeUndefined();
  });

  it('sends no Authorization header without a key, and the key only when one is configured', async () => {
    await run(provider({ apiKey: '' }), request());
    await run(provider({ apiKey: undefined }), request());
    await run(provider({ apiKey: 'sk-local-123' }), request());
    expect(server.chatRequests().map((r) => r.headers.authorization)).toEqual([undefined, undefined, 'Bearer sk-local-123']);
  });

  it('sends the history, the few-shot icons and the profile rules', async () => {
    const earlier = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle r="4" fill="#f60"/></svg>';
    await run(provider(), request({ prompt: 'now add a moon', profile: 'kaggle', history: [{ prompt: 'a fox in the snow', svg: earlier }] }));
    const messages = server.chatRequests()[0].body!.messages!;
    expect(messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(messages.slice(1)).toEqual([
      { role: 'user', content: 'a fox in the snow' },
      { role: 'assistant', content: earlier },
      { role: 'user', content: 'now add a moon' },
    ]);
    expect(messages[0].content).toMatch(/Profile "kaggle"/);
    expect(messages[0].content).toMatch(/"moon" \(icon [a-z-]*moon[a-z-]*\):\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 32 32">/);
  });

  it('retries 5xx with backoff, counted on the server', async () => {
    server.script({ type: 'error', status: 503 }, { type: 'error', status: 500 });
    const { result, events } = await run(provider(), request());
    expect(result.svg).toContain('<rect');
    expect(server.chatRequests()).toHaveLength(3);
    expect(result.notes).toEqual(['try 1 of 3 failed (HTTP 503); tried again', 'try 2 of 3 failed (HTTP 500); tried again']);
    expect(events.filter((e) => e.type === 'status').map((e) => (e as { message: string }).message)).toEqual([
      expect.stringMatching(/^HTTP 503; trying again in 0\.0 s \(try 2 of 3\)$/),
      expect.stringMatching(/^HTTP 500; trying again in 0\.0 s \(try 3 of 3\)$/),
    ]);
  });

  it('honours retry-after on 429', async () => {
    server.script({ type: 'error', status: 429, headers: { 'retry-after': '0.3' } });
    const started = performance.now();
    await run(provider(), request());
    const [first, second] = server.chatRequests();
    expect(second.receivedAt - first.receivedAt).toBeGreaterThanOrEqual(290);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('gives up after the last try with the status in the message', async () => {
    server.script(...Array.from({ length: 3 }, () => ({ type: 'error' as const, status: 502, message: 'bad gateway' })));
    await expect(run(provider(), request())).rejects.toMatchObject({ exitCode: 1, code: 'provider_error', message: expect.stringMatching(/HTTP 502 \(3 tries\): bad gateway/) });
    expect(server.chatRequests()).toHaveLength(3);
  });

  it('does not retry what another try cannot fix (401), and never prints the key', async () => {
    server.requireKey = 'sk-right';
    server.script({ type: 'error', status: 401 });
    const error = await run(provider({ apiKey: 'sk-wrong-key-value' }), request()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'auth', exitCode: 1 });
    expect(JSON.stringify({ m: (error as Error).message, h: (error as { hint?: string }).hint })).not.toContain('sk-wrong-key-value');
    expect(server.chatRequests()).toHaveLength(1);
  });

  it('times out a stall, before or during the stream, and tries again', async () => {
    server.script({ type: 'stall' }, { type: 'stall', content: SIMPLE_SVG.slice(0, 40), afterChunks: 2 });
    const { result } = await run(provider({ timeout: 300 }), request());
    expect(result.svg).toContain('<rect');
    expect(server.chatRequests()).toHaveLength(3);
  });

  it('tries again when the stream is cut mid-way', async () => {
    server.script({ type: 'cut', content: SIMPLE_SVG, afterChunks: 3 });
    const { result } = await run(provider(), request());
    expect(result.svg).toContain('<circle');
    expect(server.chatRequests()).toHaveLength(2);
  });

  it('asks again without streaming when the event stream is malformed', async () => {
    server.script({ type: 'malformed' });
    const { result } = await run(provider(), request());
    expect(result.svg).toContain('<rect');
    expect(server.chatRequests().map((r) => r.body!.stream)).toEqual([true, false]);
  });

  it('says so when the endpoint answers with a web page, not chat completions', async () => {
    server.fallback = { type: 'html' };
    const error = await run(provider(), request()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'malformed_reply', exitCode: 1, hint: expect.stringMatching(/\/v1/) });
    expect(server.chatRequests().map((r) => r.body!.stream)).toEqual([true, false, false]);
  });

  it('asks once more, with the reason, when the reply has no SVG; then keeps the raw reply as the error', async () => {
    const prose = 'I am sorry, I can only describe a fox: it is orange.';
    server.script({ type: 'reply', content: prose }, { type: 'reply', content: prose, usage: { prompt_tokens: 10, completion_tokens: 5 } });
    const error = await run(provider(), request()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnusableReplyError);
    expect(error).toMatchObject({ code: 'no_svg', raw: prose, exitCode: 1, message: expect.stringMatching(/no usable SVG: the reply contained no <svg> element/) });
    const [first, second] = server.chatRequests();
    expect(second.body!.messages!.slice(-2)).toEqual([
      { role: 'assistant', content: prose },
      { role: 'user', content: expect.stringMatching(/^That reply could not be used: the reply contained no <svg> element\./) },
    ]);
    expect(second.body!.messages!.slice(0, -2)).toEqual(first.body!.messages);
  });

  it('recovers when the second reply has the SVG', async () => {
    server.script({ type: 'reply', content: 'Sure! What colour?' }, { type: 'reply', content: SIMPLE_SVG });
    const { result } = await run(provider(), request());
    expect(result.svg).toContain('<circle');
  });

  it('ends with an interruption when the signal aborts mid-stream', async () => {
    server.script({ type: 'reply', content: SIMPLE_SVG, chunkChars: 2, chunkDelayMs: 20 });
    const controller = new AbortController();
    const p = run(provider(), request(), controller.signal);
    // Abort once the reply is streaming (however long a busy machine takes to get there).
    while (server.chatRequests()[0]?.firstByteAt === undefined) await new Promise((resolve) => setTimeout(resolve, 10));
    setTimeout(() => controller.abort(), 50);
    await expect(p).rejects.toMatchObject({ exitCode: 130 });
    expect(server.chatRequests()).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.chatRequests()[0].abandoned).toBe(true);
  });

  it('does not follow a redirect, so the key cannot leak to another host', async () => {
    const other = await startFakeOpenAI();
    try {
      server.script({ type: 'redirect', location: `${other.url}/chat/completions` });
      await expect(run(provider({ apiKey: 'sk-secret' }), request())).rejects.toMatchObject({ code: 'redirect' });
      expect(other.requests).toHaveLength(0);
    } finally {
      await other.close();
    }
  });

  it('says it cannot reach a server that is not there', async () => {
    const gone = await startFakeOpenAI();
    const url = gone.url;
    await gone.close();
    await expect(run(provider({ baseUrl: url }), request())).rejects.toMatchObject({ code: 'unreachable', message: expect.stringMatching(/cannot reach .*ECONNREFUSED.*\(3 tries\)/) });
  });
});
