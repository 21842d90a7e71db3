// --judge: an OpenAI-compatible vision model looks at the rendered PNG and answers, in one request per
// image, the multiple-choice questions, a 1-10 aesthetic rating and whether it sees text. Combined as
// Kaggle's "Drawing with LLMs" did (formula.ts). A failure becomes `error`, never a throw.
import type OpenAI from 'openai';
import { judgeScore, ocrFactor, round } from './formula.js';
import { extractJson, readJudgeReply, type TextCheck } from './judgeReplies.js';
import { parseQuestions, type Question } from './questions.js';

export interface JudgeConfig {
  baseUrl?: string;
  apiKey?: string;
  model: string;
  timeoutMs: number;
  /** Retries of a failed request (429, 5xx, network), with the SDK's backoff; default 2. */
  maxRetries?: number;
}

export interface QuestionResult {
  id: string;
  question: string;
  choices: string[];
  answer: string;
  /** The choice the judge picked, or null when its reply could not be read. */
  picked: string | null;
  correct: boolean;
}

export interface JudgeResult {
  model: string;
  /** "file" (--questions) or "generated" (from the prompt by the model). */
  questionSource?: 'file' | 'generated';
  questions?: QuestionResult[];
  vqa?: number;
  /** The judge's 1-10 rating. */
  rating?: number;
  /** rating / 10. */
  aesthetic?: number;
  text?: TextCheck;
  ocr?: number;
  score?: number;
  /** Why judging failed; the other metrics and the offline score still stand. */
  error?: string;
  /** How many of the judge's answers could not be read (each counted wrong). */
  unreadable?: number;
  /** The model's reply, when it could not be read. */
  reply?: string;
}

// No temperature: reasoning models refuse any but the default, and the questions are multiple choice anyway.
const SYSTEM = 'You judge SVG drawings rendered as images. Look only at the image. Reply with JSON only, no prose.';

export function judgePrompt(questions: Question[]): string {
  const listed = questions
    .map((q, i) => `${i + 1}. ${q.question}\n${q.choices.map((c, j) => `   ${String.fromCharCode(65 + j)}) ${c}`).join('\n')}`)
    .join('\n');
  return [
    'Answer each multiple-choice question about the image with the letter of the best choice.',
    listed,
    'Then rate the image\'s aesthetic quality from 1 (poor) to 10 (excellent), and say whether the image contains any text (letters or digits), and how many letters and digits it has.',
    `Reply exactly as: {"answers": [${questions.map(() => '"<letter>"').join(', ')}], "aesthetic": <1-10>, "text": {"present": <true|false>, "letters": <count>}}`,
  ].join('\n\n');
}

export function questionPrompt(prompt: string): string {
  return [
    `An image was drawn for this description: "${prompt}".`,
    'Write 4 multiple-choice questions that check whether an image matches the description (objects, colours, counts, positions, setting), each with 4 short choices and exactly one correct answer that the description implies.',
    'Reply exactly as: {"questions": [{"question": "...", "choices": ["...", "...", "...", "..."], "answer": "<one of the choices>"}]}',
  ].join('\n');
}

export class Judge {
  private readonly generated = new Map<string, Promise<Question[]>>();

  constructor(
    private readonly client: OpenAI,
    readonly model: string,
  ) {}

  static async create(config: JudgeConfig): Promise<Judge> {
    const { default: OpenAIClient } = await import('openai');
    // An empty key is fine for local servers; the SDK insists on a string.
    const client = new OpenAIClient({ baseURL: config.baseUrl, apiKey: config.apiKey || 'none', timeout: config.timeoutMs, maxRetries: config.maxRetries ?? 2 });
    return new Judge(client, config.model);
  }

  private async ask(content: OpenAI.Chat.ChatCompletionUserMessageParam['content'], signal?: AbortSignal): Promise<string> {
    const completion = await this.client.chat.completions.create(
      { model: this.model, messages: [{ role: 'system', content: SYSTEM }, { role: 'user', content }] },
      { signal },
    );
    return completion.choices[0]?.message?.content ?? '';
  }

  /** Questions from the prompt, asked once per distinct prompt however many files share it. */
  questionsFor(prompt: string, signal?: AbortSignal): Promise<Question[]> {
    let pending = this.generated.get(prompt);
    if (!pending) {
      pending = this.ask(questionPrompt(prompt), signal).then((reply) => {
        const json = extractJson(reply);
        try {
          return parseQuestions(JSON.stringify(json ?? reply));
        } catch (error) {
          throw new Error(`could not read the questions the judge wrote (${(error as Error).message})`);
        }
      });
      this.generated.set(prompt, pending);
    }
    return pending;
  }

  async judge(png: Buffer, input: { questions?: Question[]; prompt?: string }, signal?: AbortSignal): Promise<JudgeResult> {
    const result: JudgeResult = { model: this.model };
    let reply = '';
    try {
      const fromFile = input.questions && input.questions.length > 0;
      if (!fromFile && !input.prompt) return { ...result, error: 'nothing to ask: give --prompt or --questions' };
      const questions = fromFile ? input.questions! : await this.questionsFor(input.prompt!, signal);
      result.questionSource = fromFile ? 'file' : 'generated';
      reply = await this.ask([{ type: 'text', text: judgePrompt(questions) }, { type: 'image_url', image_url: { url: `data:image/png;base64,${png.toString('base64')}` } }], signal);
      const read = readJudgeReply(reply, questions);
      result.questions = questions.map((q, i) => {
        const pick = read.picks[i];
        const picked = pick === null || pick === undefined ? null : q.choices[pick];
        return { id: q.id, question: q.question, choices: q.choices, answer: q.answer, picked, correct: picked === q.answer };
      });
      result.vqa = round(result.questions.filter((q) => q.correct).length / questions.length);
      if (read.rating === null) return { ...result, error: 'the judge gave no readable 1-10 aesthetic rating', reply: reply.slice(0, 500) };
      if (read.text === null) return { ...result, error: 'the judge did not say whether the image contains text', reply: reply.slice(0, 500) };
      // Answers nobody can read are no verdict on the picture: all of them unreadable is a failed judge.
      const unreadable = read.picks.filter((pick) => pick === null || pick === undefined).length;
      if (unreadable === questions.length) return { ...result, error: `none of the judge's ${questions.length} answers could be read`, reply: reply.slice(0, 500) };
      result.rating = read.rating;
      result.aesthetic = round(read.rating / 10);
      result.text = read.text;
      result.ocr = round(ocrFactor(read.text.present, read.text.letters));
      result.score = judgeScore({ vqa: result.vqa, aesthetic: result.aesthetic, ocr: ocrFactor(read.text.present, read.text.letters) });
      if (unreadable > 0) Object.assign(result, { unreadable, reply: reply.slice(0, 500) });
      return result;
    } catch (error) {
      return { ...result, error: describe(error), ...(reply ? { reply: reply.slice(0, 500) } : {}) };
    }
  }
}

function describe(error: unknown): string {
  const status = (error as { status?: number }).status;
  const message = error instanceof Error ? error.message : String(error);
  return status ? `the judge endpoint answered ${status}: ${message}` : `judge failed: ${message}`;
}
