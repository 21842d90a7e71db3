// One prompt of `gen --batch`: generated, stored, copied to --out-dir, and turned into its JSONL result line.
// Runs inside a batch worker process (batchWorker.ts); an error becomes a result line, never a crash.
import path from 'node:path';
import type { Settings } from '../config/settings.js';
import { SvgchatError } from '../errors.js';
import type { BatchItem } from '../pipeline/batchInput.js';
import { generateTurn } from '../pipeline/generateTurn.js';
import type { SessionStore } from '../store/sessionStore.js';
import { jsonResult, sessionFor } from './gen.js';
import { writeUserFile } from '../util/writeUserFile.js';

/** What every prompt of one batch shares (plain data: it crosses to the worker processes). */
export interface BatchItemOptions {
  settings: Settings;
  outDir?: string;
  session?: string;
  svg: boolean;
  seed?: number;
  /** Score each drawing (--score); best-of-N scores anyway. */
  score: boolean;
}

export interface BatchItemResult {
  index: number;
  text: string;
  failed: boolean;
}

function slug(prompt: string): string {
  return prompt.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean).slice(0, 4).join('-').slice(0, 40) || 'prompt';
}

export function failureLine(index: number, prompt: string, error: { code: string; message: string }): BatchItemResult {
  return { index, text: `${JSON.stringify({ prompt, error })}\n`, failed: true };
}

export async function runBatchItem(store: SessionStore, item: BatchItem, options: BatchItemOptions, signal: AbortSignal): Promise<BatchItemResult> {
  if ('error' in item) return failureLine(item.index, item.prompt, item.error);
  const { line, index } = item;
  const { settings, outDir } = options;
  try {
    const sessionRef = sessionFor(store, line.session ?? options.session, line.prompt, settings);
    const outcome = await generateTurn(store, sessionRef, { prompt: line.prompt, seed: line.seed ?? options.seed, settings, score: options.score }, signal);
    let file = path.join(store.dir, outcome.turn.svg!.path);
    if (outDir) {
      file = path.join(outDir, `${line.name ?? `${String(index + 1).padStart(4, '0')}-${slug(line.prompt)}`}.svg`);
      writeUserFile(file, outcome.svg);
    }
    return { index, text: `${JSON.stringify(jsonResult(outcome, store, file, options.svg))}\n`, failed: false };
  } catch (error) {
    // Ctrl-C reached this prompt mid-way (waiting on a model): its line says so.
    if (signal.aborted) return failureLine(index, line.prompt, { code: 'interrupted', message: 'stopped by Ctrl-C before it finished' });
    const known = error instanceof SvgchatError;
    return failureLine(index, line.prompt, { code: known ? error.code : 'internal', message: error instanceof Error ? error.message : String(error) });
  }
}
