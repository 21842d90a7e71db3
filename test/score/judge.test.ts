// --judge against the fake OpenAI server: the VQA share, aesthetic and OCR come from its scripted replies
// and combine as SPEC §6 says; the numbers in the comments are worked out by hand.
import { inflateSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Judge } from '../../src/score/judge.js';
import { parseQuestions } from '../../src/score/questions.js';
import { closeRenderer } from '../../src/score/render.js';
import { scoreSvg } from '../../src/score/scoreSvg.js';
import { startFakeOpenAI, type FakeServer } from '../fakes/openai-server.js';

const APPLE = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><rect width="100" height="100" fill="#e8f4e0"/><circle cx="50" cy="55" r="30" fill="#d62828"/><rect x="48" y="15" width="4" height="14" fill="#5a3b1c"/></svg>';

const QUESTIONS = parseQuestions([
  { id: 'apple', question: 'What is shown?', choices: ['an apple', 'a bicycle', 'a fox', 'a tree'], answer: 'an apple' },
  { id: 'apple', question: 'What colour is it?', choices: ['blue', 'red', 'green', 'dark red'], answer: 'red' },
  { id: 'apple', question: 'How many are there?', choices: ['one', 'two', 'three', 'four'], answer: 'one' },
  { id: 'apple', question: 'Where is it?', choices: ['on a beach', 'in space', 'on grass', 'under water'], answer: 'on grass' },
].map((q) => JSON.stringify(q)).join('\n'));

let fake: FakeServer;
let judge: Judge;

beforeAll(async () => {
  fake = await startFakeOpenAI();
  judge = await Judge.create({ baseUrl: fake.url, apiKey: 'test-key', model: 'vision-fake', timeoutMs: 5_000, maxRetries: 0 });
});
afterEach(() => {
  fake.requests.length = 0;
});
afterAll(async () => {
  closeRenderer();
  await fake.close();
});

const reply = (content: string) => ({ type: 'reply' as const, content });
const score = (options: { prompt?: string; questions?: typeof QUESTIONS } = {}) => scoreSvg(APPLE, { profile: 'default', prompt: options.prompt, judge: { judge, questions: options.questions } });

describe('judge', () => {
  it('combines VQA 3/4, aesthetic 6 and 5 letters of text as hm(0.75, 0.6) * exp(-1)', async () => {
    fake.script(reply('```json\n{"answers": ["A", "red", "A) one", "beach"], "aesthetic": 6, "text": {"present": true, "letters": 5}}\n```'));
    const result = await score({ questions: QUESTIONS });
    // hm = 1.25 * 0.75 * 0.6 / (0.25 * 0.75 + 0.6) = 0.714286; times exp(-(5 - 4)) = 0.367879 -> 0.262771
    expect(result.judge).toMatchObject({ model: 'vision-fake', questionSource: 'file', vqa: 0.75, rating: 6, aesthetic: 0.6, text: { present: true, letters: 5 }, ocr: 0.3679, score: 0.2628 });
    expect(result.score).toBe(0.2628);
    expect((result.judge as { questions: { picked: string | null; correct: boolean }[] }).questions.map((q) => [q.picked, q.correct])).toEqual([
      ['an apple', true], ['red', true], ['one', true], ['on a beach', false],
    ]);
  });

  it('sends the 384x384 render as a PNG with every question and its lettered choices', async () => {
    fake.script(reply('{"answers": ["A","B","A","C"], "aesthetic": 10, "text": {"present": false, "letters": 0}}'));
    const result = await score({ questions: QUESTIONS });
    // All right, 10/10, no text: hm(1, 1) * 1.
    expect(result.score).toBe(1);
    const [request] = fake.chatRequests();
    expect(request.body?.model).toBe('vision-fake');
    expect(request.headers.authorization).toBe('Bearer test-key');
    const content = request.body?.messages?.at(-1)?.content as unknown as { type: string; text?: string; image_url?: { url: string } }[];
    const text = content.find((part) => part.type === 'text')!.text!;
    expect(text).toContain('2. What colour is it?\n   A) blue\n   B) red\n   C) green\n   D) dark red');
    const url = content.find((part) => part.type === 'image_url')!.image_url!.url;
    expect(url).toMatch(/^data:image\/png;base64,/);
    const png = Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([384, 384]);
    // The first pixel row (after its filter byte) is the light green background.
    const raw = inflateSync(png.subarray(41, 33 + png.readUInt32BE(33) + 8));
    expect([...raw.subarray(1, 4)]).toEqual([0xe8, 0xf4, 0xe0]);
  });

  it('reads numbered lines and prose when the model ignores the JSON format', async () => {
    fake.script(reply('Sure!\n1. B\n2) The answer is (D)\n3: not sure\n4. on grass\nAesthetic rating: 8/10\nText: no text at all'));
    const result = await score({ questions: QUESTIONS });
    // Right: only 4 -> vqa 0.25; aesthetic 0.8; hm = 1.25*0.25*0.8 / (0.25*0.25 + 0.8) = 0.25 / 0.8625 = 0.289855
    expect(result.judge).toMatchObject({ vqa: 0.25, aesthetic: 0.8, ocr: 1, score: 0.2899 });
    expect((result.judge as { questions: { picked: string | null }[] }).questions.map((q) => q.picked)).toEqual(['a bicycle', 'dark red', null, 'on grass']);
  });

  it('writes the questions from the prompt first when none are given', async () => {
    fake.script(
      reply('Here you go: {"questions": [{"question": "Is there an apple?", "choices": ["yes", "no"], "answer": "yes"}, {"question": "What colour is the apple?", "choices": ["red", "blue"], "answer": "red"}]}'),
      reply('{"answers": ["yes", "B"], "aesthetic": 7, "text": {"present": false}}'),
    );
    const result = await score({ prompt: 'a red apple' });
    // vqa 1/2, aesthetic 0.7: hm = 1.25*0.5*0.7 / (0.125 + 0.7) = 0.4375 / 0.825 = 0.530303
    expect(result.judge).toMatchObject({ questionSource: 'generated', vqa: 0.5, aesthetic: 0.7, score: 0.5303 });
    const [ask, look] = fake.chatRequests();
    expect(JSON.stringify(ask.body?.messages)).toContain('a red apple');
    expect(JSON.stringify(ask.body?.messages)).not.toContain('image_url');
    expect(JSON.stringify(look.body?.messages)).toContain('image_url');
  });

  it('reports a reply with no rating as a judge error and keeps the offline score', async () => {
    fake.script(reply('I cannot evaluate images.'));
    const judged = await score({ questions: QUESTIONS, prompt: 'a red apple' });
    const offline = await scoreSvg(APPLE, { profile: 'default', prompt: 'a red apple' });
    expect(judged.judge).toMatchObject({ error: expect.stringMatching(/no readable 1-10 aesthetic rating/), reply: 'I cannot evaluate images.' });
    expect(judged.score).toBe(offline.score);
    expect(judged.score).toBeGreaterThan(0);
    expect(judged.metrics).toEqual(offline.metrics);
  });

  it('reports a reply none of whose answers can be read as a judge error, not a VQA of 0', async () => {
    fake.script(reply('Answers: 1) B 2) A 3) one. Aesthetic: 7/10. Text: none'));
    const judged = await score({ questions: QUESTIONS, prompt: 'a red apple' });
    const offline = await scoreSvg(APPLE, { profile: 'default', prompt: 'a red apple' });
    expect(judged.judge).toMatchObject({ error: "none of the judge's 4 answers could be read", reply: expect.stringContaining('Answers:') });
    expect(judged.judge).not.toHaveProperty('score');
    expect(judged.score).toBe(offline.score);
  });

  it('counts an answer it cannot read as wrong, and says how many there were', async () => {
    fake.script(reply('1. B\n2. D\n3. no idea\n4. on grass\nAesthetic: 8/10\nText: none'));
    const judged = await score({ questions: QUESTIONS, prompt: 'a red apple' });
    expect(judged.judge).toMatchObject({ unreadable: 1 });
    expect(typeof (judged.judge as { score?: number }).score).toBe('number');
  });

  it('reports an endpoint failure as a judge error, not a crash', async () => {
    fake.script({ type: 'error', status: 500, message: 'model overloaded' });
    const result = await score({ questions: QUESTIONS });
    expect(result.judge).toMatchObject({ model: 'vision-fake', error: expect.stringMatching(/500.*model overloaded/) });
    expect(result.valid).toBe(true);
    expect(result.metrics.blank).toBe(false);
  });

  it('does not judge an invalid SVG: it scores 0', async () => {
    const result = await scoreSvg('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><text>hello</text></svg>', { profile: 'kaggle', judge: { judge, questions: QUESTIONS } });
    expect(result).toMatchObject({ valid: false, score: 0, judge: { error: expect.stringMatching(/not valid/) } });
    expect(fake.chatRequests()).toHaveLength(0);
  });
});
