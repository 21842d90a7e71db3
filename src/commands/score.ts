// `svgchat score FILE...|-`: validity, render metrics, adherence and (with --judge) a vision model's
// verdict for each file, scored in parallel up to the core count. Without --judge the score measures
// craft and colour, not meaning.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import chalk from 'chalk';
import { settingsFor } from '../config/file.js';
import { DEFAULT_OPENAI_MODEL, OFFLINE_MODEL } from '../config/settings.js';
import type { Context } from '../context.js';
import { BelowMinimumError, InterruptedError, SilentExit, UsageError } from '../errors.js';
import type { Judge } from '../score/judge.js';
import { plainLine, table, toJson, type FileScore } from '../score/present.js';
import { parseQuestions, questionsFor, QuestionFileError, type Question } from '../score/questions.js';
import { scoreSvg } from '../score/scoreSvg.js';
import { sessionLookup } from '../score/sessionLookup.js';
import { SvgInputError } from '../svg/errors.js';
import { decodeSvgBytes } from '../svg/parse.js';
import type { ProfileName } from '../svg/sanitize.js';
import { createReporter } from '../ui/output.js';
import { readFailure, readSvgInput } from './svgInput.js';

export interface ScoreCommandOptions {
  prompt?: string;
  profile?: string;
  judge?: boolean;
  questions?: string;
  json?: boolean;
  min?: string;
  model?: string;
  baseUrl?: string;
  quiet?: boolean;
}

export const NOT_SEMANTIC = 'without --judge, the score measures craft and colour (and, for svgchat\'s own SVGs, which objects were drawn), not meaning';

function parseMinimum(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const min = Number(value);
  if (value.trim() === '' || !Number.isFinite(min) || min < 0 || min > 1) throw new UsageError(`invalid --min "${value}"`, 'give a score between 0 and 1, e.g. --min 0.5');
  return min;
}

async function loadQuestions(ctx: Context, file: string | undefined): Promise<Question[] | undefined> {
  if (file === undefined) return undefined;
  const full = path.resolve(ctx.cwd, file);
  let text: string;
  try {
    text = await fs.readFile(full, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read --questions ${file}: ${(error as NodeJS.ErrnoException).code ?? 'read failed'}`, 'give a JSON or JSONL file of {id, question, choices, answer} items');
  }
  try {
    return parseQuestions(text);
  } catch (error) {
    if (error instanceof QuestionFileError) throw new UsageError(`--questions ${file}: ${error.message}`, 'each item needs question, choices (a list) and answer (one of the choices); id is optional');
    throw error;
  }
}

async function createJudge(ctx: Context, options: ScoreCommandOptions): Promise<Judge> {
  const { values: settings } = settingsFor(ctx, { model: options.model, baseUrl: options.baseUrl });
  if (settings.apiKey === undefined && settings.baseUrl === undefined) {
    throw new UsageError('--judge needs an OpenAI-compatible vision model, and none is configured', 'set OPENAI_API_KEY, or --base-url for a local server (e.g. http://127.0.0.1:11434/v1), and a vision model with --model');
  }
  const model = settings.model === OFFLINE_MODEL ? DEFAULT_OPENAI_MODEL : settings.model;
  const { Judge } = await import('../score/judge.js');
  return Judge.create({ baseUrl: settings.baseUrl, apiKey: settings.apiKey, model, timeoutMs: settings.timeout });
}


function unreadable(file: string, profile: ProfileName, error: unknown): FileScore {
  const message = `cannot read it: ${readFailure(error)}`;
  return { file, valid: false, profile, findings: [], bytes: 0, metrics: {}, adherence: {}, judge: {}, score: 0, error: { code: 'unreadable', message } };
}

/** Runs `work` over `items`, at most `limit` at a time, calling `done` in input order as results arrive. */
async function inOrder<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>, done: (result: R) => void): Promise<R[]> {
  const results: R[] = new Array(items.length);
  const finished: boolean[] = new Array(items.length).fill(false);
  let next = 0;
  let flushed = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
      finished[index] = true;
      while (flushed < items.length && finished[flushed]) done(results[flushed++]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export async function scoreCommand(ctx: Context, files: string[], options: ScoreCommandOptions): Promise<void> {
  const reporter = createReporter(ctx, { quiet: options.quiet });
  if (files.length === 0) throw new UsageError('no files to score', 'usage: svgchat score drawing.svg [more.svg ...], or - for stdin');
  if (files.filter((file) => file === '-').length > 1) throw new UsageError('stdin ("-") can be given only once');
  const profile = (options.profile ?? 'default') as ProfileName;
  const min = parseMinimum(options.min);
  const questions = await loadQuestions(ctx, options.questions);
  const judge = options.judge ? await createJudge(ctx, options) : undefined;
  if (questions && !judge) reporter.warn('--questions is only used with --judge');
  const known = sessionLookup(ctx.home);
  const display = !options.json && ctx.stdout.isTTY ? 'table' : options.json ? 'json' : 'plain';

  const scoreOne = async (file: string): Promise<FileScore> => {
    if (ctx.signal.aborted) throw new InterruptedError();
    let bytes: Uint8Array | undefined;
    let svg: string;
    try {
      // Bytes, not text, so a gzipped or UTF-16 file is named as such rather than as malformed XML.
      bytes = await readSvgInput(ctx, file);
      svg = decodeSvgBytes(bytes);
    } catch (error) {
      if (!(error instanceof SvgInputError)) return unreadable(file, profile, error);
      return { file, valid: false, profile, findings: [{ rule: 'parse', message: error.message }], bytes: bytes?.byteLength ?? 0, metrics: {}, adherence: {}, judge: {}, score: 0, error: { code: error.code, message: error.message, hint: error.hint } };
    }
    const recognised = known(svg);
    const prompt = options.prompt ?? recognised?.prompt;
    const forFile = questions ? questionsFor(questions, file) : undefined;
    const report = await scoreSvg(svg, { profile, prompt, scene: recognised?.scene, judge: judge ? { judge, questions: forFile } : undefined, signal: ctx.signal });
    return { file, ...report };
  };
  const show = (result: FileScore) => {
    if (display === 'json') ctx.stdout.write(`${JSON.stringify(toJson(result))}\n`);
    else if (display === 'plain') ctx.stdout.write(`${plainLine(result)}\n`);
    if (display !== 'table' && result.error) reporter.warn(`${result.file}: ${result.error.message}`);
    // The table lists why under each row; a plain line says only "invalid", so stderr says why.
    if (display === 'plain' && !result.error && !result.valid && result.findings.length > 0) {
      const more = result.findings.length > 1 ? ` (and ${result.findings.length - 1} more: see --json)` : '';
      reporter.warn(`${result.file}: invalid: ${result.findings[0].message}${more}`);
    }
    if (display !== 'table' && 'model' in result.judge && result.judge.error) reporter.warn(`${result.file}: judge: ${result.judge.error}`);
    else if (display !== 'table' && 'model' in result.judge && result.judge.unreadable) reporter.warn(`${result.file}: judge: ${result.judge.unreadable} of ${result.judge.questions?.length} answers could not be read (counted wrong)`);
  };

  let results: FileScore[];
  try {
    const { closeRenderer } = await import('../score/render.js');
    try {
      // Twice the cores in flight keeps the render pool fed while this process validates and measures.
      results = await inOrder(files, 2 * os.availableParallelism(), scoreOne, show);
    } finally {
      await closeRenderer();
    }
  } catch (error) {
    if (ctx.signal.aborted) throw new InterruptedError();
    throw error;
  }
  if (display === 'table') {
    const style = { bold: (t: string) => chalk.bold(t), dim: (t: string) => chalk.dim(t), bad: (t: string) => chalk.red(t) };
    ctx.stdout.write(table(results, style));
  }
  if (!judge && display === 'table') reporter.notice(NOT_SEMANTIC);

  const unusable = results.filter((result) => result.error);
  if (unusable.length > 0) {
    const what = results.length === 1 ? 'the file was' : `${unusable.length} of ${results.length} files ${unusable.length === 1 ? 'was' : 'were'}`;
    ctx.stderr.write(`svgchat: error: ${what} not usable SVG\nhint: each is named above; give SVG files (not gzipped, no DOCTYPE, under 1 MiB)\n`);
    throw new SilentExit(2);
  }
  const below = min === undefined ? [] : results.filter((result) => result.score < min);
  if (below.length > 0) {
    throw new BelowMinimumError(`${below.length} of ${results.length} ${results.length === 1 ? 'file' : 'files'} scored below --min ${min}`, `lowest: ${below.map((r) => `${r.file} (${r.score.toFixed(2)})`).slice(0, 3).join(', ')}`);
  }
}
