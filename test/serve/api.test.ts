// The JSON API of SPEC §8 against a real server on 127.0.0.1: what a client gets back, and what is on disk.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/store/sessionStore.js';
import { events, send, startTestServer, type TestServer } from './serveHelpers.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><rect width="100" height="100" fill="#87ceeb"/><circle cx="50" cy="50" r="30" fill="#e53935"/></svg>';

describe('sessions: start, message, get, reset, end', () => {
  it('starts a session that is on disk and listed', async () => {
    const started = await send(server, 'POST', '/api/sessions', { body: { name: 'fox' } });
    expect(started.status).toBe(201);
    expect(started.json).toMatchObject({ name: 'fox', turnCount: 0, head: null, turns: [], settings: { provider: 'offline' } });
    expect(started.headers.location).toBe(`/api/sessions/${started.json.id}`);
    expect(server.store.get('fox').id).toBe(started.json.id);
    const listed = await send(server, 'GET', '/api/sessions');
    expect(listed.json.sessions.map((s: { name: string }) => s.name)).toContain('fox');
    const auto = await send(server, 'POST', '/api/sessions', { body: {} });
    expect(auto.status).toBe(201);
    expect(auto.json.name).toMatch(/^session-[0-9a-f]{4}$/);
  });

  it('answers a message with the turn as SPEC §7, stored with its SVG file', async () => {
    const id = server.store.get('fox').id;
    const reply = await send(server, 'POST', `/api/sessions/${id}/messages`, { body: { prompt: 'a red fox in the snow', seed: 7 } });
    expect(reply.status).toBe(201);
    const turn = reply.json;
    expect(Object.keys(turn)).toEqual(expect.arrayContaining(['session', 'turn', 'prompt', 'provider', 'model', 'file', 'bytes', 'sha256', 'score', 'candidates', 'durationMs', 'usage', 'scene', 'svg']));
    expect(turn).toMatchObject({ session: { id, name: 'fox' }, turn: 't1', prompt: 'a red fox in the snow', provider: 'offline', url: `/api/sessions/${id}/turns/t1/svg` });
    expect(turn.scene.items.map((item: { concept: string }) => item.concept)).toContain('fox');
    const bytes = fs.readFileSync(turn.file);
    expect(sha256(bytes)).toBe(turn.sha256);
    expect(bytes.toString('utf8')).toBe(turn.svg);
    const saved = server.store.get('fox');
    expect(saved.head).toBe('t1');
    expect(saved.turns[0].seed).toBe(7);
  });

  it('streams progress as server-sent events, then the turn', async () => {
    const reply = await send(server, 'POST', '/api/sessions/fox/messages', { body: { prompt: 'add a moon' }, headers: { accept: 'text/event-stream' } });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^text\/event-stream/);
    const stream = events(reply.text);
    expect(stream.length).toBeGreaterThanOrEqual(2);
    expect(stream.slice(0, -1).every((e) => e.event === 'progress' && typeof e.data.message === 'string')).toBe(true);
    expect(stream.at(-1)).toMatchObject({ event: 'turn', data: { turn: 't2', prompt: 'add a moon' } });
    expect(server.store.get('fox').turns.map((t) => [t.id, t.parent])).toEqual([['t1', null], ['t2', 't1']]);
  });

  it('gets the session with each turn as a card and serves its SVGs cleaned, as image/svg+xml with nosniff and a CSP', async () => {
    const reply = await send(server, 'GET', '/api/sessions/fox');
    expect(reply.status).toBe(200);
    expect(reply.json.turns.map((t: { id: string; isHead: boolean; onHeadPath: boolean }) => [t.id, t.isHead, t.onHeadPath])).toEqual([['t1', false, true], ['t2', true, true]]);
    const image = await send(server, 'GET', reply.json.turns[1].svgUrl);
    expect(image.status).toBe(200);
    expect(image.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(image.headers['x-content-type-options']).toBe('nosniff');
    expect(image.headers['content-security-policy']).toMatch(/^default-src 'none'; style-src 'unsafe-inline'/);
    expect(image.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(image.text).toMatch(/^<svg[\s\S]*<\/svg>$/);
    const again = await send(server, 'GET', reply.json.turns[1].svgUrl, { headers: { 'if-none-match': String(image.headers.etag) } });
    expect(again.status).toBe(304);
  });

  it('cleans a stored SVG that was changed on disk before serving it', async () => {
    const saved = server.store.get('fox');
    const file = path.join(server.store.dir, saved.turns[0].svg!.path);
    fs.writeFileSync(file, '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="alert(1)"><script>alert(2)</script><rect width="10" height="10"/></svg>');
    const image = await send(server, 'GET', `/api/sessions/${saved.id}/turns/t1/svg`);
    expect(image.status).toBe(200);
    expect(image.text).toContain('<rect');
    expect(image.text).not.toMatch(/script|onload|alert/);
  });

  it('resets: the next message starts a new branch from the root and the old turns are marked as a branch', async () => {
    const reset = await send(server, 'POST', '/api/sessions/fox/reset', { body: {} });
    expect(reset.status).toBe(200);
    expect(reset.json.head).toBeNull();
    expect(server.store.get('fox').head).toBeNull();
    const next = await send(server, 'POST', '/api/sessions/fox/messages', { body: { prompt: 'a blue bicycle' } });
    expect(next.json.turn).toBe('t3');
    const view = await send(server, 'GET', '/api/sessions/fox');
    const cards = view.json.turns.map((t: { id: string; parent: string | null; branch: { label: string } | null }) => [t.id, t.parent, t.branch?.label ?? null]);
    expect(cards).toEqual([['t1', null, 'branch A, from the start'], ['t2', 't1', 'branch A, from the start'], ['t3', null, null]]);
  });

  it('ends a session: gone from disk, then 404 with {error}', async () => {
    const saved = server.store.get('fox');
    const ended = await send(server, 'DELETE', `/api/sessions/${saved.id}`);
    expect(ended.status).toBe(204);
    expect(fs.existsSync(server.store.fileOf('fox'))).toBe(false);
    const after = await send(server, 'GET', `/api/sessions/${saved.id}`);
    expect(after.status).toBe(404);
    expect(after.json.error.code).toBe('unknown_session');
    const svg = await send(server, 'GET', `/api/sessions/${saved.id}/turns/t1/svg`);
    expect(svg.status).toBe(404);
  });
});

describe('score and health', () => {
  it('scores an SVG as SPEC §6', async () => {
    const reply = await send(server, 'POST', '/api/score', { body: { svg: SVG, prompt: 'a red circle on blue' } });
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ valid: true, profile: 'default', findings: [], bytes: Buffer.byteLength(SVG) });
    expect(reply.json.score).toBeGreaterThan(0);
    expect(reply.json.score).toBeLessThanOrEqual(1);
    expect(reply.json.metrics.coverage).toBeGreaterThan(0);
    expect(reply.json.adherence.colors).toBe(1);
  });

  it('lists what a hostile SVG would need removed, and refuses one that cannot be parsed safely (422)', async () => {
    const hostile = await send(server, 'POST', '/api/score', { body: { svg: SVG.replace('<rect', '<script>alert(1)</script><rect'), profile: 'kaggle' } });
    expect(hostile.status).toBe(200);
    expect(hostile.json.findings.length).toBeGreaterThan(0);
    const entity = await send(server, 'POST', '/api/score', { body: { svg: '<!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>' } });
    expect(entity.status).toBe(422);
    expect(entity.json.error.code).toBe('invalid_svg');
  });

  it('reports health', async () => {
    const reply = await send(server, 'GET', '/api/health');
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ status: 'ok', version: 'test', generations: { running: 0, waiting: 0 } });
  });
});

describe('the page shell', () => {
  it('is served with a strict policy: script, style and images from its own origin only, no inline script', async () => {
    const page = await send(server, 'GET', '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe');
    expect(page.headers['x-frame-options']).toBe('DENY');
    const scripts = [...page.text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    expect(scripts[0][1]).toContain('src="/assets/app.mjs"');
    expect(scripts[0][2]).toBe('');
    expect(page.text).not.toMatch(/\son[a-z]+=|style="/);
    const script = await send(server, 'GET', '/assets/app.mjs');
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.text).toContain('sendMessage');
    expect((await send(server, 'GET', '/assets/app.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await send(server, 'GET', '/assets/missing.mjs')).status).toBe(404);
  });
});
