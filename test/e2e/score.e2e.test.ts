// `svgchat score` as a user runs it: the built binary, files on disk, exit codes, stdout vs stderr.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, runCliAsync, tempHome } from '../helpers/cli.js';
import { startFakeOpenAI, type FakeServer } from '../fakes/openai-server.js';

const DRAWING = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><rect width="100" height="100" fill="#fdf6e3"/><circle cx="50" cy="50" r="30" fill="#268bd2"/><rect x="20" y="70" width="60" height="10" fill="#859900"/></svg>';
const EMPTY = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"></svg>';

let home: string;
beforeAll(() => {
  home = tempHome();
  fs.writeFileSync(path.join(home, 'drawing.svg'), DRAWING);
  fs.writeFileSync(path.join(home, 'empty.svg'), EMPTY);
  fs.writeFileSync(path.join(home, 'notes.txt'), 'not an svg');
});

describe('svgchat score', () => {
  it('prints one tab-separated line per file when stdout is not a terminal, score first', () => {
    const result = runCli(['score', 'drawing.svg', 'empty.svg'], { home });
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n').map((line) => line.split('\t'));
    expect(lines.map(([, verdict, file]) => [verdict, file])).toEqual([['valid', 'drawing.svg'], ['blank', 'empty.svg']]);
    expect(Number(lines[0][0])).toBeGreaterThan(0.5);
    expect(Number(lines[1][0])).toBe(0);
  });

  it('gives SPEC §6 JSON, one line per file in the order given, and reads stdin as -', () => {
    const result = runCli(['score', '-', 'empty.svg', '--json', '--prompt', 'a blue circle'], { home, input: DRAWING });
    expect(result.status).toBe(0);
    const [stdin, empty] = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(Object.keys(stdin)).toEqual(['file', 'valid', 'profile', 'findings', 'bytes', 'metrics', 'adherence', 'judge', 'score']);
    expect(stdin).toMatchObject({ file: '-', valid: true, profile: 'default', findings: [], bytes: DRAWING.length, judge: {}, adherence: { colors: 1 } });
    expect(stdin.metrics).toMatchObject({ blank: false, colors: 2, elements: 4, pathCommands: 0 });
    expect(empty).toMatchObject({ file: 'empty.svg', score: 0, metrics: { blank: true } });
    expect(result.stderr).toBe('');
  });

  it('exits 3 when a file scores below --min, naming it', () => {
    const result = runCli(['score', 'drawing.svg', 'empty.svg', '--min', '0.3'], { home });
    expect(result.status).toBe(3);
    expect(result.stdout.trim().split('\n')).toHaveLength(2);
    expect(result.stderr).toMatch(/svgchat: error: 1 of 2 files scored below --min 0.3\nhint: lowest: empty.svg \(0.00\)/);
  });

  it('exits 2 for files that are missing or not SVG, after scoring the rest', () => {
    const result = runCli(['score', 'notes.txt', 'drawing.svg', 'nope.svg', '--min', '0.1'], { home });
    expect(result.status).toBe(2);
    expect(result.stdout.trim().split('\n').map((line) => line.split('\t').slice(1))).toEqual([['unusable', 'notes.txt'], ['valid', 'drawing.svg'], ['unusable', 'nope.svg']]);
    expect(result.stderr).toContain('notes.txt: invalid SVG');
    expect(result.stderr).toContain('nope.svg: cannot read it: no such file');
  });

  it('names a gzipped file as gzipped, and says on stderr why a plain line reads "invalid"', () => {
    fs.writeFileSync(path.join(home, 'drawing.svgz'), gzipSync(DRAWING));
    const gz = runCli(['score', 'drawing.svgz'], { home });
    expect(gz.status).toBe(2);
    expect(gz.stderr).toContain('drawing.svgz: invalid SVG: gzip-compressed input (.svgz) is not accepted');
    fs.writeFileSync(path.join(home, 'texty.svg'), DRAWING.replace('</svg>', '<text x="5" y="5">hi</text></svg>'));
    const kaggle = runCli(['score', 'texty.svg', '--profile', 'kaggle'], { home });
    expect(kaggle.stdout).toMatch(/^0\.0000\tinvalid\ttexty\.svg$/m);
    expect(kaggle.stderr).toMatch(/texty\.svg: invalid: .*text/);
  });

  it('refuses --judge without an endpoint, and a bad --min, as usage errors', () => {
    const judge = runCli(['score', 'drawing.svg', '--judge'], { home });
    expect(judge.status).toBe(2);
    expect(judge.stderr).toMatch(/--judge needs an OpenAI-compatible vision model[\s\S]*hint: set OPENAI_API_KEY/);
    const min = runCli(['score', 'drawing.svg', '--min', '2'], { home });
    expect(min.status).toBe(2);
    expect(min.stderr).toMatch(/invalid --min "2"/);
  });

  it('says in its help that it measures craft and colour, not meaning, without --judge', () => {
    const result = runCli(['score', '--help'], { home });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/It does not understand meaning: only --judge asks a model/);
  });
});

describe('svgchat score --judge against the fake server', () => {
  let fake: FakeServer;
  beforeAll(async () => {
    fake = await startFakeOpenAI();
  });
  afterAll(() => fake.close());

  it('asks the Kaggle questions from the file and prints the combined score', async () => {
    const questions = path.join(home, 'q.jsonl');
    fs.writeFileSync(questions, [
      { id: 'drawing', question: 'What colour is the circle?', choices: ['blue', 'red'], answer: 'blue' },
      { id: 'drawing', question: 'Is there a square?', choices: ['yes', 'no'], answer: 'no' },
    ].map((q) => JSON.stringify(q)).join('\n'));
    fake.script({ type: 'reply', content: '{"answers": ["A", "A"], "aesthetic": 9, "text": {"present": false, "letters": 0}}' });
    const result = await runCliAsync(['score', 'drawing.svg', '--judge', '--questions', questions, '--json', '-m', 'vision-fake'], { home, env: { OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: 'sk-test-secret' } });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const line = JSON.parse(result.stdout);
    // vqa 1/2, aesthetic 0.9: 1.25 * 0.5 * 0.9 / (0.25 * 0.5 + 0.9) = 0.5625 / 1.025 = 0.548780
    expect(line.judge).toMatchObject({ model: 'vision-fake', vqa: 0.5, aesthetic: 0.9, ocr: 1, score: 0.5488 });
    expect(line.score).toBe(0.5488);
    expect(result.stdout).not.toContain('sk-test-secret');
  });
});
