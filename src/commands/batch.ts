// `svgchat gen --batch FILE|-`: many prompts, one JSONL result per prompt on stdout, in input order.
import fs from 'node:fs';
import path from 'node:path';
import type { Settings } from '../config/settings.js';
import type { Context } from '../context.js';
import { ExitCode, SilentExit, UsageError } from '../errors.js';
import { parseBatchLine, splitBatch, type BatchItem } from '../pipeline/batchInput.js';
import { requireEndpoint } from '../providers/client.js';
import { createProgress } from '../ui/progress.js';
import { readAll } from '../util/readAll.js';
import { runBatchPool } from './batchPool.js';

export interface BatchOptions {
  outDir?: string;
  concurrency?: string;
  session?: string;
  svg?: boolean;
  quiet?: boolean;
  seed?: number;
  score?: boolean;
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

export async function batchCommand(ctx: Context, source: string, settings: Settings, options: BatchOptions): Promise<void> {
  const concurrency = parseConcurrency(options.concurrency);
  requireEndpoint(settings);
  const items: BatchItem[] = splitBatch(await readSource(ctx, source)).map(parseBatchLine);
  const outDir = options.outDir ? path.resolve(ctx.cwd, options.outDir) : undefined;
  if (outDir) fs.mkdirSync(outDir, { recursive: true });
  const progress = createProgress(ctx.stderr, items.length, { quiet: options.quiet });
  const results: (string | undefined)[] = new Array(items.length);
  let written = 0;
  let failed = 0;
  // The prompts run in worker processes (batchPool.ts); results are printed in input order: each waits for those before it.
  await runBatchPool({
    home: ctx.home,
    items,
    // Unscored unless --score: the render would cost more than drawing (best-of-N scores regardless).
    options: { settings, outDir, session: options.session, svg: options.svg !== false, seed: options.seed, score: options.score === true },
    concurrency,
    signal: ctx.signal,
    onResult: (result) => {
      if (result.failed) failed += 1;
      results[result.index] = result.text;
      progress.tick(result.failed);
      while (written < results.length && results[written] !== undefined) ctx.stdout.write(results[written++]!);
    },
  });
  progress.done();
  if (ctx.signal.aborted) {
    ctx.stderr.write(`svgchat: interrupted after ${written} of ${items.length} prompts; the results so far are written\n`);
    throw new SilentExit(ExitCode.interrupted); // said above, once
  }
  if (failed > 0) throw new SilentExit(1);
}
