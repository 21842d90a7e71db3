// A generation ends when its client goes away, and when the server stops: the model request is dropped
// (the fake OpenAI server sees its connection abandoned) and nothing half-made is stored.
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeServer } from '../fakes/openai-server.js';
import { send, startTestServer, type TestServer } from './serveHelpers.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function setup(): Promise<{ fake: FakeServer; server: TestServer; id: string }> {
  const fake = await startFakeOpenAI();
  cleanup.push(() => fake.close());
  fake.script({ type: 'stall', content: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">', afterChunks: 2 });
  const server = await startTestServer({ env: { OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: '' } });
  cleanup.push(() => server.close());
  const id = (await send(server, 'POST', '/api/sessions', { body: { name: 'remote', provider: 'openai', model: 'fake-model' } })).json.id;
  return { fake, server, id };
}

async function until(condition: () => boolean, what: string, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Starts a streaming message and resolves once progress has arrived; returns the request to drop. */
function startStreaming(server: TestServer, id: string): Promise<{ request: http.ClientRequest; received: () => string }> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ prompt: 'a red circle' });
    let text = '';
    const request = http.request({ host: '127.0.0.1', port: server.port, method: 'POST', path: `/api/sessions/${id}/messages`, headers: { 'content-type': 'application/json', accept: 'text/event-stream', 'content-length': Buffer.byteLength(body) } }, (response) => {
      expect(response.statusCode).toBe(200);
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('error', () => {});
      resolve({ request, received: () => text });
    });
    request.on('error', (error) => (request.destroyed ? undefined : reject(error)));
    request.end(body);
  });
}

describe('cancelling a generation', () => {
  it('drops the model request when the client disconnects, stores nothing, and frees the slot', async () => {
    const { fake, server, id } = await setup();
    const { request, received } = await startStreaming(server, id);
    await until(() => fake.chatRequests().length === 1, 'the model request');
    await until(() => received().includes('event: progress'), 'progress events');
    expect(fake.chatRequests()[0].abandoned).toBeUndefined();
    request.destroy();
    await until(() => fake.chatRequests()[0].abandoned === true, 'the model request to be dropped');
    let generations: unknown;
    for (const deadline = Date.now() + 15_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 20))) {
      generations = (await send(server, 'GET', '/api/health')).json.generations;
      if (JSON.stringify(generations) === JSON.stringify({ running: 0, waiting: 0 })) break;
    }
    expect(generations).toEqual({ running: 0, waiting: 0 });
    expect(server.store.get(id).turns).toEqual([]);
    expect(fake.chatRequests()).toHaveLength(1);
  });

  it('drops running generations when the server stops, and stops within the grace period', async () => {
    const { fake, server, id } = await setup();
    await startStreaming(server, id);
    await until(() => fake.chatRequests().length === 1, 'the model request');
    const started = Date.now();
    await server.close();
    expect(Date.now() - started).toBeLessThan(1000);
    await until(() => fake.chatRequests()[0].abandoned === true, 'the model request to be dropped');
    expect(server.store.get(id).turns).toEqual([]);
  });
});
