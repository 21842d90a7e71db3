// Best-of-N through `gen`: N candidates offline (seeds seed..seed+N-1), each scored, the highest kept as the
// turn's SVG and the rest on disk beside it; --json lists every candidate with its score.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { genCommand } from '../../src/commands/gen.js';
import { candidateSeeds, rankCandidates } from '../../src/score/bestOf.js';
import { closeRenderer } from '../../src/score/render.js';
import { scoreSvg } from '../../src/score/scoreSvg.js';
import { tempHome } from '../helpers/cli.js';
import { fakeContext } from '../helpers/context.js';
import { startFakeOpenAI } from '../fakes/openai-server.js';

afterAll(() => closeRenderer());

async function gen(home: string, words: string[], options: Record<string, unknown>, env: Record<string, string> = {}) {
  const { ctx, stdout } = fakeContext(home, { env });
  await genCommand(ctx, words, { json: true, svg: false, quiet: true, ...options });
  return JSON.parse(stdout());
}

describe('best-of-N', () => {
  it('-n 4 offline keeps the highest-scoring of four candidates and stores the other three', async () => {
    const home = tempHome();
    const result = await gen(home, ['three', 'yellow', 'ducks', 'on', 'a', 'pond'], { candidates: '4', seed: '11' });
    expect(result.candidates).toHaveLength(4);
    const scores: number[] = result.candidates.map((c: { score: number }) => c.score);
    for (const score of scores) expect(score).toBeGreaterThan(0);
    for (const score of scores) expect(score).toBeLessThanOrEqual(1);
    // The candidates really differ, so the choice is not a tie between copies.
    expect(new Set(scores).size).toBeGreaterThan(1);
    const files: string[] = result.candidates.map((c: { file: string }) => c.file);
    expect(new Set(files).size).toBe(4);
    const svgs = files.map((file) => fs.readFileSync(file, 'utf8'));
    expect(new Set(svgs).size).toBeGreaterThan(1);
    // The winner is listed first, is the turn's SVG, and has the highest score of all four.
    expect(result.candidates[0]).toEqual({ file: result.file, score: result.score });
    expect(result.score).toBe(Math.max(...scores));
    // The scores are the scorer's: re-scoring each file with the same prompt ranks them the same way.
    const rescored = await Promise.all(svgs.map(async (svg) => (await scoreSvg(svg, { profile: 'default', prompt: result.prompt })).score));
    expect(rescored.indexOf(Math.max(...rescored))).toBe(0);
    // On disk: the turn holds the winner's score and the three others, with their scores.
    const session = JSON.parse(fs.readFileSync(path.join(home, 'sessions', `${result.session.name}.json`), 'utf8'));
    const turn = session.turns[0];
    expect(turn.score).toBe(result.score);
    expect(turn.candidates.map((c: { score: number }) => c.score)).toEqual(scores.slice(1));
    expect(turn.candidates.map((c: { path: string }) => path.join(home, 'sessions', c.path))).toEqual(files.slice(1));
  });

  it('stores the winner\'s seed, so that seed alone redraws the winner byte for byte', async () => {
    const home = tempHome();
    const best = await gen(home, ['a', 'red', 'kite', 'in', 'the', 'sky'], { candidates: '3', seed: '5' });
    const session = JSON.parse(fs.readFileSync(path.join(home, 'sessions', `${best.session.name}.json`), 'utf8'));
    const { seed } = session.turns[0];
    expect(candidateSeeds(5, 3)).toContain(seed);
    const again = await gen(home, ['a', 'red', 'kite', 'in', 'the', 'sky'], { seed: String(seed) });
    expect(again.sha256).toBe(best.sha256);
  });

  it('scores a single candidate too, so every turn has a score', async () => {
    const result = await gen(tempHome(), ['a', 'green', 'apple'], {});
    expect(result.score).toBeGreaterThan(0);
    expect(result.candidates).toEqual([{ file: result.file, score: result.score }]);
  });

  it('refuses a candidate count outside 1-16 as a usage error', async () => {
    const { ctx } = fakeContext(tempHome());
    await expect(genCommand(ctx, ['a', 'cat'], { candidates: '40' })).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/candidates/) });
  });

  it('-n 3 with a model sends three requests at once and keeps the best reply', async () => {
    const fake = await startFakeOpenAI();
    try {
      const svg = (body: string) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">${body}</svg>`;
      const blank = svg('<rect width="100" height="100" fill="#ffffff"/>');
      const sketch = svg('<circle cx="50" cy="50" r="6" fill="#999999"/>');
      const drawing = svg('<rect width="100" height="100" fill="#cfe8ff"/><circle cx="50" cy="55" r="28" fill="#d62828"/><rect x="47" y="15" width="6" height="14" fill="#5a3b1c"/><path d="M53 20 q15 -10 20 2 q-12 6 -20 -2z" fill="#2e7d32"/>');
      // Each reply waits, so all three requests must be in flight together to finish in time.
      fake.script(...[blank, sketch, drawing].map((content) => ({ type: 'reply' as const, content, firstByteDelayMs: 600 })));
      const result = await gen(tempHome(), ['a', 'red', 'apple'], { candidates: '3' }, { OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: 'k', SVGCHAT_MODEL: 'fake-large' });
      const requests = fake.chatRequests();
      expect(requests).toHaveLength(3);
      const arrivals = requests.map((r) => r.receivedAt);
      expect(Math.max(...arrivals) - Math.min(...arrivals)).toBeLessThan(500);
      expect(fs.readFileSync(result.file, 'utf8')).toContain('#d62828');
      expect(result.candidates).toHaveLength(3);
      const scores = result.candidates.map((c: { score: number }) => c.score);
      expect(scores[0]).toBe(Math.max(...scores));
      expect(scores).toContain(0);
    } finally {
      await fake.close();
    }
  });

  it('ranks by score and breaks ties toward the first candidate', async () => {
    const blank = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"/>';
    const drawn = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="3" fill="#c00"/><rect x="1" y="8" width="8" height="1" fill="#06c"/></svg>';
    expect((await rankCandidates([{ svg: blank }, { svg: drawn }, { svg: drawn }], { profile: 'default', prompt: 'a red ball' })).best).toBe(1);
    expect((await rankCandidates([{ svg: blank }, { svg: blank }], { profile: 'default', prompt: '' })).best).toBe(0);
  });
});
