// A model's turn through the API: the SVG it drew is stored, and what it wrote besides comes back as `said`.
import { afterEach, describe, expect, it } from 'vitest';
import { SIMPLE_SVG, startFakeOpenAI } from '../fakes/openai-server.js';
import { send, startTestServer } from './serveHelpers.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

describe('a model turn through POST /api/sessions/:id/messages', () => {
  it('answers with the turn, and what the model said besides the SVG (null when it said nothing)', async () => {
    const fake = await startFakeOpenAI();
    cleanup.push(() => fake.close());
    fake.script({ type: 'reply', content: `A red circle on sky blue.\n\`\`\`svg\n${SIMPLE_SVG}\n\`\`\`` }, { type: 'reply', content: SIMPLE_SVG });
    const server = await startTestServer({ env: { OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: '' } });
    cleanup.push(() => server.close());
    const id = (await send(server, 'POST', '/api/sessions', { body: { name: 'remote', provider: 'openai', model: 'fake-model' } })).json.id;
    const first = await send(server, 'POST', `/api/sessions/${id}/messages`, { body: { prompt: 'a red circle' } });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ turn: 't1', provider: 'openai', said: 'A red circle on sky blue.' });
    const second = await send(server, 'POST', `/api/sessions/${id}/messages`, { body: { prompt: 'again' } });
    expect(second.json).toMatchObject({ turn: 't2', said: null });
    expect(server.store.get(id).turns.map((turn) => turn.svg?.path)).toEqual(['remote/001.svg', 'remote/002.svg']);
  });
});
