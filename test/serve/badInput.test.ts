// Bad input gets the right 4xx and {error: {code, message}}, and the server stays up for the next request.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { send, startTestServer, type Reply, type SendOptions, type TestServer } from './serveHelpers.js';

let server: TestServer;
let sessionId: string;

beforeAll(async () => {
  server = await startTestServer();
  sessionId = (await send(server, 'POST', '/api/sessions', { body: { name: 'target' } })).json.id;
});
afterAll(async () => {
  await server?.close();
});
// After every bad request the server still answers, and the session is untouched.
afterEach(async () => {
  const health = await send(server, 'GET', '/api/health');
  expect(health.status).toBe(200);
  expect(server.store.get('target').turns).toEqual([]);
});

function expectError(reply: Reply, status: number, code: string): void {
  expect(reply.status, reply.text).toBe(status);
  expect(reply.headers['content-type']).toMatch(/^application\/json/);
  expect(reply.json.error.code).toBe(code);
  expect(typeof reply.json.error.message).toBe('string');
  expect(reply.json.error.message.length).toBeGreaterThan(0);
}

const post = (path: string, options: SendOptions) => send(server, 'POST', path, options);

describe('bad input', () => {
  it('bad JSON: 400 invalid_json', async () => {
    expectError(await post(`/api/sessions/${sessionId}/messages`, { body: '{"prompt": "a fox",', headers: { 'content-type': 'application/json' } }), 400, 'invalid_json');
    expectError(await post('/api/score', { body: 'null', headers: { 'content-type': 'application/json' } }), 400, 'invalid_body');
  });

  it('wrong types, missing fields and unknown fields: 400 invalid_body naming the field', async () => {
    const cases: [string, object][] = [
      [`/api/sessions/${sessionId}/messages`, { prompt: 5 }],
      [`/api/sessions/${sessionId}/messages`, {}],
      [`/api/sessions/${sessionId}/messages`, { prompt: '   ' }],
      [`/api/sessions/${sessionId}/messages`, { prompt: 'a fox', candidates: 0 }],
      [`/api/sessions/${sessionId}/messages`, { prompt: 'a fox', seed: -1 }],
      [`/api/sessions/${sessionId}/messages`, { prompt: 'a fox', provider: 'skynet' }],
      [`/api/sessions/${sessionId}/messages`, { prompt: 'a fox', promt: 'typo' }],
      ['/api/sessions', { name: 42 }],
      ['/api/score', { svg: ['<svg/>'] }],
      ['/api/score', { svg: '<svg/>', profile: 'strict' }],
    ];
    for (const [path, body] of cases) {
      const reply = await post(path, { body });
      expectError(reply, 400, 'invalid_body');
    }
    expect((await post(`/api/sessions/${sessionId}/messages`, { body: { prompt: 5 } })).json.error.message).toMatch(/^prompt:/);
  });

  it('a bad session name or a taken one: 400 bad_name, 409 name_taken', async () => {
    expectError(await post('/api/sessions', { body: { name: '../../etc/passwd' } }), 400, 'bad_name');
    expectError(await post('/api/sessions', { body: { name: 'TARGET' } }), 409, 'name_taken');
  });

  it('a prompt over the limit: 400 prompt_too_long', async () => {
    expectError(await post(`/api/sessions/${sessionId}/messages`, { body: { prompt: 'fox '.repeat(10_000) } }), 400, 'prompt_too_long');
  });

  it('unknown ids: 404', async () => {
    expectError(await send(server, 'GET', '/api/sessions/0000dead-beef'), 404, 'unknown_session');
    expectError(await post('/api/sessions/no-such-session/messages', { body: { prompt: 'a fox' } }), 404, 'unknown_session');
    expectError(await post('/api/sessions/no-such-session/reset', { body: {} }), 404, 'unknown_session');
    expectError(await send(server, 'DELETE', '/api/sessions/no-such-session'), 404, 'unknown_session');
    expectError(await send(server, 'GET', `/api/sessions/${sessionId}/turns/t9/svg`), 404, 'unknown_turn');
    expectError(await send(server, 'GET', '/api/sessions/%E0%A4%A/turns/t1/svg'), 400, 'bad_path');
    expectError(await send(server, 'GET', '/api/nothing-here'), 404, 'not_found');
    const wrongMethod = await send(server, 'PUT', `/api/sessions/${sessionId}`);
    expectError(wrongMethod, 405, 'method_not_allowed');
    expect(wrongMethod.headers.allow).toBe('GET, DELETE');
  });

  it('huge bodies: 413, whether announced by Content-Length or streamed without one', async () => {
    const huge = JSON.stringify({ svg: `<svg xmlns="http://www.w3.org/2000/svg">${' '.repeat(3 * 1024 * 1024)}</svg>` });
    expectError(await post('/api/score', { body: huge, headers: { 'content-type': 'application/json' } }), 413, 'body_too_large');
    expectError(await post('/api/score', { body: huge, headers: { 'content-type': 'application/json' }, chunked: true }), 413, 'body_too_large');
  });

  it('anything but JSON: 415', async () => {
    expectError(await post(`/api/sessions/${sessionId}/messages`, { body: 'prompt=a+fox', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415, 'unsupported_media_type');
    expectError(await post('/api/sessions', { body: '{"name":"x"}', headers: { 'content-type': 'text/plain' } }), 415, 'unsupported_media_type');
    expectError(await post(`/api/sessions/${sessionId}/reset`, {}), 415, 'unsupported_media_type');
  });

  it('cross-origin POSTs and DELETEs: 403, even with a JSON body', async () => {
    const body = { prompt: 'a fox' };
    expectError(await post(`/api/sessions/${sessionId}/messages`, { body, headers: { origin: 'http://evil.example' } }), 403, 'cross_origin');
    expectError(await post(`/api/sessions/${sessionId}/messages`, { body, headers: { origin: 'null' } }), 403, 'cross_origin');
    expectError(await post(`/api/sessions/${sessionId}/messages`, { body, headers: { 'sec-fetch-site': 'cross-site' } }), 403, 'cross_origin');
    expectError(await send(server, 'DELETE', `/api/sessions/${sessionId}`, { headers: { origin: `http://127.0.0.1:${server.port + 1}` } }), 403, 'cross_origin');
    // The server's own origin is fine.
    const own = await post('/api/sessions', { body: { name: 'own-origin' }, headers: { origin: `http://127.0.0.1:${server.port}`, 'sec-fetch-site': 'same-origin' } });
    expect(own.status).toBe(201);
  });

  it('a Host that is not this loopback server (DNS rebinding): 403', async () => {
    expectError(await send(server, 'GET', '/api/sessions', { host: `attacker.example:${server.port}` }), 403, 'forbidden_host');
    expectError(await send(server, 'GET', '/', { host: 'attacker.example' }), 403, 'forbidden_host');
    expect((await send(server, 'GET', '/api/health', { host: `localhost:${server.port}` })).status).toBe(200);
  });
});
