// Batch input: one prompt per line, or JSONL objects with `prompt` and optional name, seed, session.
// Pure: a bad line becomes an item with an error, never an exception, so the rest of the batch runs.
import { z } from 'zod';
import { promptProblem } from './promptProblem.js';

const lineSchema = z.object({
  prompt: z.string(),
  name: z.string().regex(/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$/, 'name: 1-64 letters, digits, "-", "_", "." not starting with "."').optional(),
  seed: z.number().int().min(0).max(0xffffffff).optional(),
  session: z.string().optional(),
});

export type BatchLine = z.infer<typeof lineSchema>;
export type BatchItem = { index: number; line: BatchLine } | { index: number; prompt: string; error: { code: string; message: string } };

/** The prompt of an item, parsed or not (for its result line). */
export function itemPrompt(item: BatchItem): string {
  return 'line' in item ? item.line.prompt : item.prompt;
}

export function parseBatchLine(text: string, index: number): BatchItem {
  const trimmed = text.trim();
  const preview = trimmed.slice(0, 200);
  if (trimmed === '') return { index, prompt: '', error: { code: 'empty_line', message: `line ${index + 1} is empty` } };
  let line: BatchLine;
  if (trimmed.startsWith('{')) {
    let data: unknown;
    try {
      data = JSON.parse(trimmed);
    } catch (error) {
      return { index, prompt: preview, error: { code: 'invalid_json', message: `line ${index + 1}: ${(error as Error).message}` } };
    }
    const parsed = lineSchema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { index, prompt: preview, error: { code: 'invalid_line', message: `line ${index + 1}: ${issue.path.join('.') || 'line'}: ${issue.message}` } };
    }
    line = parsed.data;
  } else {
    line = { prompt: trimmed };
  }
  const problem = promptProblem(line.prompt);
  if (problem) return { index, prompt: line.prompt.slice(0, 200), error: { ...problem, message: `line ${index + 1}: ${problem.message}` } };
  if (line.prompt.trim() === '') return { index, prompt: '', error: { code: 'empty_prompt', message: `line ${index + 1} has an empty prompt` } };
  return { index, line };
}

/** Splits the input into lines; a final newline does not make an extra empty line. */
export function splitBatch(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
