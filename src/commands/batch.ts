// `svgchat gen --batch FILE|-`: many prompts, one JSONL result per prompt on stdout, in input order.
import fs from 'node:fs';
import path from 'node:path';
import type { Settings } from '../config/settings.js';
import type { Context } from '../context.js';
import { InterruptedError, SilentExit, SvgchatError, UsageError } from '../errors.js';
import { parseBatchLine, splitBatch, type BatchItem } from '../pipeline/batchInput.js';
import { generateTurn } from '../pipeline/generateTurn.js';
import { SessionStore } from '../store/sessionStore.js';
import { createProgress } from '../ui/progress.js';
import { readAll } from '../util/readAll.js';
import { jsonResult, sessionFor, writeOutput } from './gen.js';

export interface BatchOptions {
  outDir?: string;
  concurrency?: string;
  session?: string;
  svg?: boolean;
  quiet?: boolean;
  seed?: number;
}

async function readSource(ctx: Context, source: string): Promise<string> {
  if (source === '-') return readAll(ctx.stdin, ctx.signal);
  try {
    return fs.readFileSync(path.resolve(ctx.cwd, source), 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read batch file ${source}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`, 'give a file with one prompt per line, or - for stdin');
  }
}

function parseConcurrency(value: string | undefined): number {
  if (value === undefined) return 2;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 64) throw new UsageError(`invalid --concurrency "${value}"`, 'use a whole number from 1 to 64');
  return Number(value);
}

function slug(prompt: string): string {
  return prompt.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean).slice(0, 4).join('-').slice(0, 40) || 'prompt';
}

export async function batchCommand(ctx: Context, source: string, settings: Settings, options: BatchOptions): Promise<void> {
  const concurrency = parseConcurrency(options.concurrency);
  const items: BatchItem[] = splitBatch(await readSource(ctx, source)).map(parseBatchLine);
  const outDir = options.outDir ? path.resolve(ctx.cwd, options.outDir) : undefined;
  if (outDir) fs.mkdirSync(outDir, { recursive: true });
  const store = new SessionStore(ctx.home);
  const progress = createProgress(ctx.stderr, items.length, { quiet: options.quiet });
  const results: (string | undefined)[] = new Array(items.length);
  let written = 0;
  let failed = 0;
  // Results are printed in input order: each one waits for those before it.
  const flush = () => {
    while (written < results.length && results[written] !== undefined) ctx.stdout.write(results[written++]!);
  };

  const failure = (prompt: string, error: { code: string; message: string }) => ({ text: `${JSON.stringify({ prompt, error })}\n`, failed: true });
  const runItem = async (item: BatchItem): Promise<{ text: string; failed: boolean }> => {
    if ('error' in item) return failure(item.prompt, item.error);
    const { line } = item;
    try {
      const sessionRef = sessionFor(store, line.session ?? options.session, line.prompt, settings);
      const outcome = await generateTurn(store, sessionRef, { prompt: line.prompt, seed: line.seed ?? options.seed, settings }, ctx.signal);
      let file = path.join(store.dir, outcome.turn.svg!.path);
      if (outDir) {
        file = path.join(outDir, `${line.name ?? `${String(item.index + 1).padStart(4, '0')}-${slug(line.prompt)}`}.svg`);
        writeOutput(file, outcome.svg);
      }
      return { text: `${JSON.stringify(jsonResult(outcome, store, file, options.svg !== false))}\n`, failed: false };
    } catch (error) {
      if (ctx.signal.aborted) throw new InterruptedError();
      const known = error instanceof SvgchatError;
      return failure(line.prompt, { code: known ? error.code : 'internal', message: error instanceof Error ? error.message : String(error) });
    }
  };

  let next = 0;
  const worker = async () => {
    while (next < items.length && !ctx.signal.aborted) {
      const index = next++;
      let result: { text: string; failed: boolean };
      try {
        result = await runItem(items[index]);
      } catch (error) {
        if (error instanceof InterruptedError) return;
        throw error;
      }
      if (result.failed) failed += 1;
      results[index] = result.text;
      progress.tick(result.failed);
      flush();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(1, items.length)) }, worker));
  progress.done();
  if (ctx.signal.aborted) {
    ctx.stderr.write(`svgchat: interrupted after ${written} of ${items.length} prompts; the results so far are written\n`);
    throw new InterruptedError();
  }
  if (failed > 0) throw new SilentExit(1);
}
