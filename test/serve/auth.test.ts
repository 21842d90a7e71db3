// A server bound beyond 127.0.0.1 needs its token on every API request (SPEC §8). 127.0.0.2 is a loopback
// address that is not the default, so the tests exercise the token rule without leaving the machine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send, startTestServer, type TestServer } from './serveHelpers.js';

const TOKEN = 'c0ffee-test-token-0123456789';
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ host: '127.0.0.2', token: TOKEN });
});
afterAll(async () => {
  await server?.close();
});

const bearer = { authorization: `Bearer ${TOKEN}` };

describe('a token-protected server on 127.0.0.2', () => {
  it('refuses every API and SVG request without the token: 401 with {error} and WWW-Authenticate', async () => {
    for (const [method, path] of [['GET', '/api/health'], ['GET', '/api/sessions'], ['POST', '/api/sessions'], ['POST', '/api/score'], ['GET', '/api/sessions/x/turns/t1/svg'], ['DELETE', '/api/sessions/x'], ['GET', '/api/nowhere']]) {
      const reply = await send(server, method, path, { body: method === 'POST' ? {} : undefined });
      expect(reply.status, `${method} ${path}`).toBe(401);
      expect(reply.json.error.code).toBe('unauthorized');
      expect(reply.headers['www-authenticate']).toBe('Bearer');
    }
    const wrong = await send(server, 'GET', '/api/sessions', { headers: { authorization: `Bearer ${TOKEN}x` } });
    expect(wrong.status).toBe(401);
    const basic = await send(server, 'GET', '/api/sessions', { headers: { authorization: `Basic ${Buffer.from(`u:${TOKEN}`).toString('base64')}` } });
    expect(basic.status).toBe(401);
    expect(server.store.list()).toEqual([]);
  });

  it('serves requests that carry it', async () => {
    expect((await send(server, 'GET', '/api/health', { headers: bearer })).status).toBe(200);
    const started = await send(server, 'POST', '/api/sessions', { body: { name: 'remote' }, headers: bearer });
    expect(started.status).toBe(201);
    expect(server.store.get('remote').id).toBe(started.json.id);
  });

  it('serves the data-free page shell without it, so the page can sign in from its #token fragment', async () => {
    const page = await send(server, 'GET', '/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<script type="module" src="/assets/app.mjs">');
    expect((await send(server, 'GET', '/assets/app.mjs')).status).toBe(200);
  });

  it('trades the token for an HttpOnly, SameSite=Strict cookie that then stands in for it', async () => {
    const refused = await send(server, 'POST', '/api/auth', { body: {} });
    expect(refused.status).toBe(401);
    const signedIn = await send(server, 'POST', '/api/auth', { body: {}, headers: bearer });
    expect(signedIn.status).toBe(204);
    const cookie = String(signedIn.headers['set-cookie']);
    expect(cookie).toMatch(new RegExp(`^svgchat_auth_${server.port}=[0-9a-f]{64}; Path=/; HttpOnly; SameSite=Strict$`));
    expect(cookie).not.toContain(TOKEN);
    const pair = cookie.split(';')[0];
    const listed = await send(server, 'GET', '/api/sessions', { headers: { cookie: pair } });
    expect(listed.status).toBe(200);
    expect(listed.json.sessions.map((s: { name: string }) => s.name)).toEqual(['remote']);
    const forged = await send(server, 'GET', '/api/sessions', { headers: { cookie: `${pair.split('=')[0]}=${'0'.repeat(64)}` } });
    expect(forged.status).toBe(401);
  });

  it('still refuses cross-origin changes from a signed-in browser', async () => {
    const reply = await send(server, 'DELETE', '/api/sessions/remote', { headers: { ...bearer, origin: 'http://evil.example' } });
    expect(reply.status).toBe(403);
    expect(reply.json.error.code).toBe('cross_origin');
    expect(server.store.find('remote')).toBeDefined();
  });
});
