// gen's progress with the openai provider, through the command function: on a terminal the spinner
// shows the tokens as they stream; off a terminal stderr stays quiet.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { genCommand } from '../../src/commands/gen.js';
import { tempHome } from '../helpers/cli.js';
import { fakeContext } from '../helpers/context.js';
import { SIMPLE_SVG, startFakeOpenAI, type FakeServer } from '../fakes/openai-server.js';

let server: FakeServer;
beforeAll(async () => {
  server = await startFakeOpenAI();
  server.fallback = { type: 'reply', content: SIMPLE_SVG, chunkChars: 6 };
});
afterAll(() => server.close());

describe('gen with the openai provider', { timeout: 60_000 }, () => {
  it('shows the token count on a terminal, then clears the line', async () => {
    const { ctx, stdout, stderr } = fakeContext(tempHome(), { tty: true, env: { OPENAI_BASE_URL: server.url, OPENAI_API_KEY: '' } });
    await genCommand(ctx, ['a', 'red', 'ball'], { output: '-' });
    expect(stdout()).toContain('<circle');
    const counts = [...stderr().matchAll(/drawing… (\d+) tokens?/g)].map((m) => Number(m[1]));
    expect(counts.length).toBeGreaterThan(10);
    expect(counts.at(-1)).toBe(Math.ceil(SIMPLE_SVG.length / 6));
    // The spinner line is wiped before the closing notice is printed.
    expect(stderr()).toMatch(/\r\x1b\[2Ksvgchat: session [^\r]*\n$/);
  });

  it('writes no spinner when stderr is not a terminal', async () => {
    const { ctx, stderr } = fakeContext(tempHome(), { env: { OPENAI_BASE_URL: server.url, OPENAI_API_KEY: '' } });
    await genCommand(ctx, ['a', 'red', 'ball'], { output: '-' });
    expect(stderr()).not.toMatch(/drawing…|\r/);
  });
});
