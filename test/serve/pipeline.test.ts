// A handler that throws (a bug) gives a generic 500 with {error}, the details go to the server's log, and
// the server keeps serving; a stream that fails half-way is ended, not left hanging.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandler, type Route, type ServeContext } from '../../src/serve/app.js';
import { Guard } from '../../src/serve/guard.js';
import { send } from './serveHelpers.js';

const logs: string[] = [];
let server: http.Server;
let target: { host: string; port: number };

const routes: Route[] = [
  { method: 'GET', pattern: /^\/boom$/, handle: () => { throw new TypeError("Cannot read properties of undefined (reading 'secret-detail')"); } },
  { method: 'GET', pattern: /^\/async-boom$/, handle: async () => { await Promise.resolve(); throw new RangeError('secret-detail'); } },
  {
    method: 'GET',
    pattern: /^\/half-stream$/,
    handle: ({ response }) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write('event: progress\ndata: {}\n\n');
      throw new Error('secret-detail');
    },
  },
  { method: 'GET', pattern: /^\/ok$/, handle: ({ response }) => void response.end('fine') },
];

beforeAll(async () => {
  server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  target = { host: '127.0.0.1', port };
  const app = { guard: new Guard({ host: '127.0.0.1', port }), log: (message: string) => logs.push(message), debug: true } as unknown as ServeContext;
  server.on('request', createHandler(app, routes));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('a handler that throws', () => {
  it('answers 500 {error: internal} without the details, logs them, and keeps serving', async () => {
    for (const path of ['/boom', '/async-boom']) {
      const reply = await send(target, 'GET', path);
      expect(reply.status).toBe(500);
      expect(reply.json.error.code).toBe('internal');
      expect(reply.text).not.toContain('secret-detail');
      expect((await send(target, 'GET', '/ok')).text).toBe('fine');
    }
    expect(logs.filter((line) => line.includes('secret-detail'))).toHaveLength(2);
    // With debug on, the log has the stack.
    expect(logs[0]).toMatch(/TypeError[\s\S]*\n\s+at /);
  });

  it('ends a stream that was already under way', async () => {
    const reply = await send(target, 'GET', '/half-stream');
    expect(reply.status).toBe(200);
    expect(reply.text).toBe('event: progress\ndata: {}\n\n');
    expect((await send(target, 'GET', '/ok')).text).toBe('fine');
  });
});
