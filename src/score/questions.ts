// Multiple-choice questions for the judge, in the Kaggle "Drawing with LLMs" format: items with
// id, question, choices and answer. Accepts a JSON array, {"questions": [...]}, or JSONL; choices as a
// list, a JSON string or a Python-style list string (as exported from the competition's parquet);
// and the grouped form where one row holds lists of questions, choices and answers for one id.
import { z } from 'zod';

export interface Question {
  id: string;
  question: string;
  choices: string[];
  answer: string;
}

const listOf = <T extends z.ZodTypeAny>(item: T) => z.preprocess(parseListString, z.array(item));

const itemSchema = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  question: z.preprocess(parseListString, z.union([z.string(), z.array(z.string())])),
  choices: z.preprocess(parseListString, z.array(z.union([z.string(), z.number(), listOf(z.union([z.string(), z.number()]))]))),
  answer: z.preprocess(parseListString, z.union([z.string(), z.number(), z.array(z.union([z.string(), z.number()]))])),
});

/** "['a', 'b']" or '["a", "b"]' -> ["a", "b"]; anything else is returned as it is for zod to judge. */
function parseListString(value: unknown): unknown {
  if (typeof value !== 'string' || !/^\s*\[/.test(value)) return value;
  try {
    return JSON.parse(value);
  } catch {
    const items = [...value.matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|(\[)|(\])/g)];
    // A flat Python list of quoted strings; nested lists are rebuilt from the brackets.
    const root: unknown[] = [];
    const stack: unknown[][] = [];
    for (const match of items) {
      if (match[3]) {
        const list: unknown[] = [];
        (stack.at(-1) ?? root).push(list);
        stack.push(list);
      } else if (match[4]) stack.pop();
      else (stack.at(-1) ?? root).push((match[1] ?? match[2]).replace(/\\(.)/g, '$1'));
    }
    return root.length === 1 && Array.isArray(root[0]) ? root[0] : value;
  }
}

export class QuestionFileError extends Error {}

function expand(raw: z.infer<typeof itemSchema>, index: number): Question[] {
  const id = String(raw.id ?? index + 1);
  if (Array.isArray(raw.question)) {
    const choices = raw.choices as unknown[];
    const answers = Array.isArray(raw.answer) ? raw.answer : [];
    return raw.question.map((question, i) => toQuestion(id, question, choices[i], answers[i]));
  }
  return [toQuestion(id, raw.question, raw.choices, raw.answer)];
}

function toQuestion(id: string, question: string, choices: unknown, answer: unknown): Question {
  if (!Array.isArray(choices) || choices.length < 2 || choices.some((c) => Array.isArray(c))) {
    throw new QuestionFileError(`question "${question}" needs a list of at least two choices`);
  }
  const list = choices.map(String);
  const wanted = String(answer ?? '');
  if (!list.includes(wanted)) throw new QuestionFileError(`question "${question}": the answer "${wanted}" is not one of its choices`);
  return { id, question, choices: list, answer: wanted };
}

export function parseQuestions(text: string): Question[] {
  const trimmed = text.trim();
  let rows: unknown[];
  try {
    const whole: unknown = JSON.parse(trimmed);
    rows = Array.isArray(whole) ? whole : whole && typeof whole === 'object' && 'questions' in whole ? z.array(z.unknown()).parse(whole.questions) : [whole];
  } catch (error) {
    if (error instanceof z.ZodError) throw new QuestionFileError('"questions" must be a list');
    rows = trimmed.split('\n').filter((line) => line.trim()).map((line, i) => {
      try {
        return JSON.parse(line) as unknown;
      } catch {
        throw new QuestionFileError(`line ${i + 1} is not JSON`);
      }
    });
  }
  const questions = rows.flatMap((row, i) => {
    const parsed = itemSchema.safeParse(row);
    if (!parsed.success) throw new QuestionFileError(`item ${i + 1}: ${parsed.error.issues[0]?.path.join('.') || 'item'}: ${parsed.error.issues[0]?.message}`);
    return expand(parsed.data, i);
  });
  if (questions.length === 0) throw new QuestionFileError('no questions in the file');
  return questions;
}

/**
 * Which questions belong to a file: when the file holds several ids, those whose id is the SVG's file
 * name without extension ("42.svg" gets id "42"); with a single id, all of them.
 */
export function questionsFor(questions: Question[], fileName: string): Question[] {
  const ids = new Set(questions.map((q) => q.id));
  if (ids.size <= 1) return questions;
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.svg$/i, '');
  return questions.filter((q) => q.id === base);
}
