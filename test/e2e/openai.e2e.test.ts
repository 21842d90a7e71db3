// The built binary against the fake OpenAI server, for every fault the server can produce: the exit
// code and message a user sees, the session on disk, and the tries the server counted.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { SaxesParser } from 'saxes';
import { describe, it, vi, type ExpectStatic, type TestContext } from 'vitest';
import { SessionStore } from '../../src/store/sessionStore.js';
import { binPath, cleanEnv, runCliAsync, tempHome, type CliResult } from '../helpers/cli.js';
import { SIMPLE_SVG, startFakeOpenAI, type FakeServer, type FakeStep } from '../fakes/openai-server.js';

/** A fake server of its own for each test (they run concurrently), closed when the test ends. */
async function setup(test: TestContext, ...steps: FakeStep[]) {
  const server: FakeServer = await startFakeOpenAI();
  test.onTestFinished(() => server.close());
  server.script(...steps);
  const home = tempHome('svgchat-openai-');
  const env = { OPENAI_BASE_URL: server.url, OPENAI_API_KEY: '' };
  const gen = (args: string[], extra: Record<string, string> = {}): Promise<CliResult> => runCliAsync(['gen', ...args], { home, env: { ...env, ...extra } });
  return { server, home, env, gen };
}

/** The session as the store reads it back: this throws if the file is not valid. */
function session(home: string, name: string) {
  return new SessionStore(home).get(name);
}

/** A session that already has one turn, written through the store's own API (quicker than another run of the binary). */
function sessionWithOneTurn(home: string, name: string) {
  const store = new SessionStore(home);
  const created = store.create({ name, prompt: 'a red circle', settings: { provider: 'openai', model: 'gpt-4o-mini', size: '512x512', profile: 'default' } });
  store.appendTurn(created.id, { prompt: 'a red circle', provider: 'openai', model: 'gpt-4o-mini', seed: null, svg: SIMPLE_SVG, scene: null, score: null, usage: null, durationMs: 1, candidates: [], error: null });
}

function expectIntact(expect: ExpectStatic, home: string, name: string, prompts: string[]) {
  const saved = session(home, name);
  expect(saved.turns.filter((turn) => turn.svg !== null).map((turn) => turn.prompt)).toEqual(prompts);
  for (const turn of saved.turns) if (turn.svg) expect(fs.readFileSync(path.join(home, 'sessions', turn.svg.path), 'utf8')).toContain('<svg');
}

/** Parse errors from a strict XML parser independent of the project's own SVG code: none means well-formed. */
function xmlErrors(xml: string): string[] {
  const errors: string[] = [];
  const parser = new SaxesParser({ xmlns: false });
  parser.on('error', (error) => errors.push(error.message));
  parser.write(xml).close();
  return errors;
}

function expectFailure(expect: ExpectStatic, result: CliResult, message: RegExp) {
  expect(result.status).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^svgchat: error: .*\nhint: .*\n$/m);
  expect(result.stderr).toMatch(message);
}

// Concurrent: most of these wait on timers (backoff, retry-after, timeouts); a busy machine needs the longer limit.
describe.concurrent('svgchat gen -p openai against a fake server (built binary)', { timeout: 90_000 }, () => {
  it('streams a reply into an SVG file and a session turn with usage', async (test) => {
    const { expect } = test;
    const { server, home, gen } = await setup(test, { type: 'reply', content: `Here you go!\n\`\`\`svg\n${SIMPLE_SVG}\n\`\`\``, usage: { prompt_tokens: 900, completion_tokens: 60 } });
    // Credentials the SDK would pick up from the environment on its own must not reach a keyless local server.
    const result = await gen(['a red ball on blue', '-s', 'balls', '-o', 'ball.svg'], { OPENAI_ADMIN_KEY: 'sk-admin-secret', OPENAI_ORG_ID: 'org-secret', OPENAI_PROJECT_ID: 'proj-secret' });
    expect(result.stderr).not.toMatch(/error/);
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(path.join(home, 'ball.svg'));
    expect(result.stderr).toMatch(/^svgchat: the model said: Here you go!$/m);
    expect(fs.readFileSync(path.join(home, 'ball.svg'), 'utf8')).toContain('<circle cx="50" cy="50" r="30" fill="#e53935"');
    const [turn] = session(home, 'balls').turns;
    expect(turn).toMatchObject({ provider: 'openai', model: 'gpt-4o-mini', usage: { promptTokens: 900, completionTokens: 60 }, error: null });
    expect(server.chatRequests()).toHaveLength(1);
    const { headers } = server.chatRequests()[0];
    expect(headers.authorization).toBeUndefined();
    expect(JSON.stringify(headers)).not.toMatch(/secret/);
  });

  it('--no-stream (or config stream false) asks for the whole reply at once and still writes the SVG', async (test) => {
    const { expect } = test;
    const { server, home, gen } = await setup(test);
    const result = await gen(['a red ball on blue', '--no-stream', '-o', 'ball.svg']);
    expect(result.stderr).not.toMatch(/error|warning/);
    expect(result.status).toBe(0);
    expect(fs.readFileSync(path.join(home, 'ball.svg'), 'utf8')).toContain('<circle cx="50" cy="50" r="30" fill="#e53935"');
    expect(server.chatRequests()).toHaveLength(1);
    expect(server.chatRequests()[0].body).toMatchObject({ stream: false });
    expect(server.chatRequests()[0].body!.stream_options).toBeUndefined();
    // The same through the config file, and a plain gen streams again once it is unset.
    expect((await runCliAsync(['config', 'set', 'stream', 'false'], { home })).status).toBe(0);
    expect((await gen(['a red ball', '-o', '-'])).status).toBe(0);
    expect((await runCliAsync(['config', 'unset', 'stream'], { home })).status).toBe(0);
    expect((await gen(['a red ball', '-o', '-'])).status).toBe(0);
    expect(server.chatRequests().map((request) => request.body!.stream)).toEqual([false, false, true]);
  });

  it('sends the history, the few-shot icons and the kaggle rules', async (test) => {
    const { expect } = test;
    const { server, home, gen } = await setup(test);
    // Both turns through the binary: the first one's stored SVG is what the second request must carry.
    expect((await gen(['a red circle', '-s', 'night'])).status).toBe(0);
    const result = await gen(['now add a moon', '-s', 'night', '--profile', 'kaggle', '-m', 'fake-large']);
    expect(result.status).toBe(0);
    const first = session(home, 'night').turns[0];
    const storedSvg = fs.readFileSync(path.join(home, 'sessions', first.svg!.path), 'utf8');
    const { body } = server.chatRequests()[1];
    expect(body!.model).toBe('fake-large');
    expect(body!.messages!.slice(1)).toEqual([
      { role: 'user', content: 'a red circle' },
      { role: 'assistant', content: storedSvg },
      { role: 'user', content: 'now add a moon' },
    ]);
    const system = body!.messages![0].content;
    expect(system).toMatch(/Profile "kaggle"/);
    expect(system).toMatch(/At most 10000 bytes/);
    expect(system).toMatch(/"moon" \(icon [a-z-]*moon[a-z-]*\):\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 \d+ \d+"><.+<\/svg>/);
  });

  it('retries 5xx and succeeds (three tries counted by the server)', async (test) => {
    const { expect } = test;
    const { server, gen } = await setup(test, { type: 'error', status: 503 }, { type: 'error', status: 500 });
    const result = await gen(['a red ball', '-o', '-']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('<circle');
    expect(server.chatRequests()).toHaveLength(3);
    expect(result.stderr).toMatch(/try 1 of 3 failed \(HTTP 503\); tried again\n.*try 2 of 3 failed \(HTTP 500\); tried again/);
  });

  it('shows an endpoint\'s error text as text: no escape sequences reach the terminal, with or without --json', async (test) => {
    const { expect } = test;
    const { server, gen } = await setup(test);
    server.fallback = { type: 'error', status: 400, message: '\x1b]0;pwned\x07\x1b[31mbad request' };
    for (const extra of [[], ['--json']]) {
      const result = await gen(['a blue square', ...extra]);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/svgchat: error: .*\ufffd\]0;pwned\ufffd\ufffd\[31mbad request/);
      expect(result.stderr).not.toMatch(/[\x07\x1b]/);
    }
  });

  it('gives up on persistent 5xx with exit 1, keeping the session as it was', async (test) => {
    const { expect } = test;
    const { server, home, gen } = await setup(test);
    sessionWithOneTurn(home, 'kept');
    server.fallback = { type: 'error', status: 503, message: 'the model is overloaded' };
    const result = await gen(['a blue square', '-s', 'kept']);
    expectFailure(expect, result, /svgchat: error: the endpoint failed with HTTP 503 \(3 tries\): the model is overloaded/);
    expect(server.chatRequests()).toHaveLength(3);
    expectIntact(expect, home, 'kept', ['a red circle']);
  });

  it('waits out retry-after on 429, then succeeds', async (test) => {
    const { expect } = test;
    const { server, gen } = await setup(test, { type: 'error', status: 429, headers: { 'retry-after': '1.5' } });
    const result = await gen(['a red ball', '-o', '-']);
    expect(result.status).toBe(0);
    // One 429 and one try after the wait: not a third, and not a retry before the wait was over.
    expect(server.chatRequests()).toHaveLength(2);
    const [first, second] = server.chatRequests();
    // 1.5 s asked for; the server's clock sees arrivals with some jitter on a busy machine.
    expect(second.receivedAt - first.receivedAt).toBeGreaterThanOrEqual(1200);
  });

  it('does not sit out an hour-long retry-after: exit 1 at once, saying how long', async (test) => {
    const { expect } = test;
    const { server, home, gen } = await setup(test, { type: 'error', status: 429, headers: { 'retry-after': '3600' } });
    sessionWithOneTurn(home, 'limited');
    const result = await gen(['a red ball', '-s', 'limited']);
    expectFailure(expect, result, /rate limited by the endpoint \(HTTP 429\); it asks to wait 3600 s/);
    expect(server.chatRequests()).toHaveLength(1);
    expectIntact(expect, home, 'limited', ['a red circle']);
    expect(session(home, 'limited').turns).toHaveLength(1);
  });

  it('times out a server that stalls past the timeout, three times, then exit 1', async (test) => {
    const { expect } = test;
    const { server, home, gen } = await setup(test);
    sessionWithOneTurn(home, 'slow');
    server.fallback = { type: 'stall', content: '<svg viewBox="0 0 10 10">', afterChunks: 2 };
    server.script({ type: 'stall' });
    // The client's clock for a try starts when it calls fetch, and a process's first fetch first loads
    // fetch's HTTP stack and connects. On a loaded machine (load ~10 on two cores) that took 0.5 to 2 s
    // before the first request reached the server; with a 1 s timeout the client could give up on a try
    // it never sent: it said "3 tries" while the server had seen 2. 3 s leaves room for that.
    const timeoutMs = 3000;
    const result = await gen(['a green tree', '-s', 'slow'], { SVGCHAT_TIMEOUT_MS: String(timeoutMs) });
    expectFailure(expect, result, /no reply from http:\/\/127\.0\.0\.1:\d+\/v1 within 3\.0 s \(3 tries\)/);
    expect(result.stderr).toMatch(/hint: .*config set timeout/);
    // Three requests reached the server, and the client closed each one (the last close can reach the
    // server just after the process's exit does, hence the wait).
    await vi.waitFor(() => {
      expect(server.chatRequests()).toHaveLength(3);
      for (const attempt of server.chatRequests()) expect(attempt.abandonedAt).toBeDefined();
    }, { timeout: 10_000, interval: 50 });
    const tries = server.chatRequests();
    // Each try was given up only after the timeout: from one give-up to the next is the timeout plus a
    // backoff (>= 125 ms). Measured between closes, not arrivals, so a first request slow to leave the
    // client does not shorten it; the margin is for the server's own event loop on a busy machine.
    for (let i = 1; i < tries.length; i++) expect(tries[i].abandonedAt! - tries[i - 1].abandonedAt!).toBeGreaterThanOrEqual(timeoutMs - 300);
    expectIntact(expect, home, 'slow', ['a red circle']);
    expect(session(home, 'slow').turns).toHaveLength(1);
  });

  it('tries again after a stream cut mid-way', async (test) => {
    const { expect } = test;
    const { server, gen } = await setup(test, { type: 'cut', content: SIMPLE_SVG, afterChunks: 3 });
    const result = await gen(['a red ball', '-o', '-']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('<circle');
    expect(server.chatRequests()).toHaveLength(2);
  });

  it('reports a stream that is cut every time (exit 1), session intact', async (test) => {
    const { expect } = test;
    const { server, home, gen } = await setup(test);
    sessionWithOneTurn(home, 'cuts');
    server.fallback = { type: 'cut', content: SIMPLE_SVG, afterChunks: 2 };
    const result = await gen(['a red ball', '-s', 'cuts']);
    expectFailure(expect, result, /the connection dropped in the middle of the reply \(3 tries\)/);
    expect(server.chatRequests()).toHaveLength(3);
    expectIntact(expect, home, 'cuts', ['a red circle']);
  });

  it('asks again without streaming when the SSE is malformed', async (test) => {
    const { expect } = test;
    const { server, home, gen } = await setup(test, { type: 'malformed' });
    sessionWithOneTurn(home, 'retold');
    const result = await gen(['a red ball', '-s', 'retold', '-o', '-']);
    expect(result.stderr).not.toMatch(/error|Could not parse/);
    expect(result.status).toBe(0);
    expect(server.chatRequests().map((r) => r.body!.stream)).toEqual([true, false]);
    // The earlier turn, then the one the plain request drew.
    expectIntact(expect, home, 'retold', ['a red circle', 'a red ball']);
    const saved = session(home, 'retold');
    expect(saved.turns[1].error).toBeNull();
    expect(saved.head).toBe(saved.turns[1].id);
    expect(fs.readFileSync(path.join(home, 'sessions', saved.turns[1].svg!.path), 'utf8')).toBe(result.stdout.trim());
  });

  it('a base URL that serves a web page: exit 1, pointing at /v1', async (test) => {
    const { expect } = test;
    const { server, home, gen } = await setup(test);
    sessionWithOneTurn(home, 'web');
    server.fallback = { type: 'html' };
    const result = await gen(['a red ball', '-s', 'web']);
    expectFailure(expect, result, /the endpoint's reply is not a chat completion \(3 tries\)/);
    expect(result.stderr).toMatch(/hint: .*\/v1/);
    expect(server.chatRequests()).toHaveLength(3);
    expectIntact(expect, home, 'web', ['a red circle']);
    expect(session(home, 'web').turns).toHaveLength(1);
  });

  it('keeps a prose reply with no SVG on the turn as its error, after asking once more (exit 1)', async (test) => {
    const { expect } = test;
    const prose = 'I am a language model and cannot draw, but imagine a lovely red ball.';
    const { server, home, gen } = await setup(test);
    sessionWithOneTurn(home, 'prose');
    server.fallback = { type: 'reply', content: prose };
    const result = await gen(['a red ball', '-s', 'prose']);
    expectFailure(expect, result, /the model's reply had no usable SVG: the reply contained no <svg> element/);
    expect(result.stderr).toMatch(/hint: the reply is kept on turn t2 of session prose/);
    expect(server.chatRequests()).toHaveLength(2);
    expect(server.chatRequests()[1].body!.messages!.at(-1)!.content).toMatch(/could not be used: the reply contained no <svg> element/);
    const saved = session(home, 'prose');
    expect(saved.turns).toHaveLength(2);
    expect(saved.turns[1]).toMatchObject({ prompt: 'a red ball', svg: null, error: { code: 'no_svg', raw: prose } });
    expectIntact(expect, home, 'prose', ['a red circle']);
  });

  it('with --json, a failed reply is a JSON error object', async (test) => {
    const { expect } = test;
    const { gen } = await setup(test, { type: 'reply', content: 'no.' }, { type: 'reply', content: 'still no.' });
    const result = await gen(['a red ball', '--json']);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({ prompt: 'a red ball', error: { code: 'no_svg', message: expect.stringMatching(/no usable SVG/) } });
  });

  it('repairs an SVG cut off by the output token limit (finish_reason length): exit 0, open tags closed, both turns kept', async (test) => {
    const { expect } = test;
    // Cut in the middle of a <path> inside a <g>: the half tag has to go, then <g> and <svg> are closed.
    const cut = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><rect width="100" height="100" fill="#87ceeb"/><g fill="#e53935"><circle cx="50" cy="50" r="30"/><path d="M20 80 L50 6';
    const { server, home, gen } = await setup(test, { type: 'reply', content: cut, finishReason: 'length' });
    sessionWithOneTurn(home, 'cutoff');
    const result = await gen(['a red ball on blue', '-s', 'cutoff']);
    expect(result.stderr).not.toMatch(/error/);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/^svgchat: the model ran out of output tokens; repaired it by closing 2 open elements$/m);
    // Repaired, not asked for again.
    expect(server.chatRequests()).toHaveLength(1);
    const stored = fs.readFileSync(result.stdout.trim(), 'utf8');
    expect(xmlErrors(stored)).toEqual([]);
    expect(stored).toMatch(/^<svg[\s>]/);
    expect(stored).toMatch(/<g fill="#e53935"><circle cx="50" cy="50" r="30"\/><\/g><\/svg>\s*$/);
    expect(stored).not.toContain('<path');
    expectIntact(expect, home, 'cutoff', ['a red circle', 'a red ball on blue']);
    const saved = session(home, 'cutoff');
    expect(saved.turns).toHaveLength(2);
    expect(saved.turns[1]).toMatchObject({ provider: 'openai', error: null });
    expect(saved.head).toBe(saved.turns[1].id);
    expect(fs.readFileSync(path.join(home, 'sessions', saved.turns[1].svg!.path), 'utf8')).toBe(stored);
  });

  it('sanitizes a hostile SVG before storing it', async (test) => {
    const { expect } = test;
    const hostile = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" onload="fetch(\'//evil\')"><script>alert(1)</script><rect width="100" height="100" fill="#0a0"/><a href="javascript:alert(2)"><circle r="9" cx="50" cy="50"/></a></svg>';
    const { home, gen } = await setup(test, { type: 'reply', content: hostile });
    const result = await gen(['a green field', '-s', 'field']);
    expect(result.status).toBe(0);
    const stored = fs.readFileSync(result.stdout.trim(), 'utf8');
    expect(stored).toContain('<rect');
    expect(stored).not.toMatch(/script|onload|javascript|alert|evil/i);
    expect(result.stderr).toMatch(/sanitized the model's SVG/);
    expect(session(home, 'field').turns[0].error).toBeNull();
  });

  it('sends the key only when one is configured, and never writes it anywhere', async (test) => {
    const { expect } = test;
    const key = 'sk-test-0123456789abcdef';
    const { server, home, gen } = await setup(test);
    server.requireKey = key;
    const result = await gen(['a red ball', '-s', 'keyed'], { OPENAI_API_KEY: key });
    expect(result.status).toBe(0);
    expect(server.chatRequests()[0].headers.authorization).toBe(`Bearer ${key}`);
    const denied = await gen(['a red ball', '-s', 'keyed'], { OPENAI_API_KEY: 'sk-wrong-0123456789' });
    expectFailure(expect, denied, /refused the request \(HTTP 401/);
    expect(server.chatRequests()).toHaveLength(2);
    const written = fs.readdirSync(path.join(home, 'sessions'), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    for (const entry of written) expect(fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8')).not.toContain('sk-');
    expect(result.stdout + result.stderr + denied.stdout + denied.stderr).not.toMatch(/sk-test|sk-wrong/);
  });

  it('Ctrl-C during a streaming reply exits 130 and leaves the session as it was', async (test) => {
    const { expect } = test;
    const { server, home, env } = await setup(test);
    sessionWithOneTurn(home, 'calm');
    server.fallback = { type: 'reply', content: SIMPLE_SVG, chunkChars: 2, chunkDelayMs: 40 };
    const child = spawn(process.execPath, [binPath, 'gen', 'a slow drawing', '-s', 'calm'], { cwd: home, env: cleanEnv(home, env) });
    child.stdin.end();
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    // Wait until the reply is streaming, then interrupt.
    const deadline = Date.now() + 60_000;
    while (server.chatRequests()[0]?.firstByteAt === undefined && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 200));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toMatch(/svgchat: error: interrupted/);
    expect(server.chatRequests()[0].abandoned).toBe(true);
    const saved = session(home, 'calm');
    expect(saved.turns.map((turn) => turn.prompt)).toEqual(['a red circle']);
    expect(saved.head).toBe(saved.turns[0].id);
  });

  it('cannot reach a server that is not running: exit 1 with a hint', async (test) => {
    const { expect } = test;
    const { server, gen } = await setup(test);
    await server.close();
    const result = await gen(['a red ball']);
    expectFailure(expect, result, /cannot reach http:\/\/127\.0\.0\.1:\d+\/v1 \(ECONNREFUSED\) \(3 tries\)/);
    expect(result.stderr).toMatch(/hint: is the server running\?/);
  });

  it('-p openai with no endpoint configured is a usage error', async (test) => {
    const { expect } = test;
    const home = tempHome();
    const result = await runCliAsync(['gen', 'a red ball', '-p', 'openai'], { home });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/the openai provider has no endpoint configured\nhint: set OPENAI_API_KEY/);
  });
});

describe.concurrent('svgchat models (built binary)', { timeout: 90_000 }, () => {
  it('lists offline and the endpoint models', async (test) => {
    const { expect } = test;
    const { server, home, env } = await setup(test);
    server.models = ['llama3.2', 'qwen2.5-coder'];
    const result = await runCliAsync(['models'], { home, env });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('offline\nllama3.2\nqwen2.5-coder\n');
    const json = await runCliAsync(['models', '--json'], { home, env });
    expect(JSON.parse(json.stdout)).toMatchObject({ endpoint: server.url, models: [{ id: 'offline', provider: 'offline' }, { id: 'llama3.2', provider: 'openai' }, { id: 'qwen2.5-coder', provider: 'openai' }] });
  });

  it('with no endpoint lists offline and says how to configure one', async (test) => {
    const { expect } = test;
    const result = await runCliAsync(['models'], { home: tempHome() });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('offline\n');
    expect(result.stderr).toMatch(/No OpenAI-compatible endpoint is configured: set OPENAI_API_KEY .*--base-url/);
  });

  it('fails with exit 1 when the endpoint errors, after retrying', async (test) => {
    const { expect } = test;
    const { server, home, env } = await setup(test);
    server.modelsStep = { type: 'error', status: 500 };
    const result = await runCliAsync(['models'], { home, env });
    expectFailure(expect, result, /HTTP 500 \(3 tries\)/);
    expect(server.requests.filter((r) => r.path === '/v1/models')).toHaveLength(3);
  });
});
