// The parent side of `gen --batch`: a few batch worker processes (batchWorker.ts), each given up to its share of
// the prompts in flight. Results come back in any order; `onResult` gets each one. A worker that dies turns its
// prompts into error results and is replaced; stopping (Ctrl-C) disconnects every worker at once.
import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { itemPrompt, type BatchItem } from '../pipeline/batchInput.js';
import { builtWorker } from '../paths.js';
import { failureLine, type BatchItemOptions, type BatchItemResult } from './batchItem.js';
import type { WorkerReply, WorkerRequest } from './batchWorker.js';

interface PoolWorker {
  child: ChildProcess;
  slots: number;
  ready: boolean;
  inFlight: Map<number, BatchItem>;
}

export interface PoolRun {
  home: string;
  items: BatchItem[];
  options: BatchItemOptions;
  /** Prompts in flight at once, over all workers. */
  concurrency: number;
  signal: AbortSignal;
  onResult: (result: BatchItemResult) => void;
}

/** How many processes share `concurrency` prompts: one per core at most (a remote model's waits need no more). */
export function workerSlots(concurrency: number, cores = os.availableParallelism()): number[] {
  const count = Math.max(1, Math.min(concurrency, cores));
  return Array.from({ length: count }, (_, i) => Math.floor(concurrency / count) + (i < concurrency % count ? 1 : 0));
}

/** After Ctrl-C, how long prompts already in flight get to finish and report before their workers are stopped. */
export const STOP_GRACE_MS = 3000;

/**
 * Resolves when every item has a result, or, after `signal` aborts, when every prompt already in flight has one
 * (those still running after STOP_GRACE_MS become `interrupted` lines); prompts not yet sent get none.
 */
export function runBatchPool(run: PoolRun): Promise<void> {
  const file = builtWorker('batchWorker.js', 'commands', 'the batch worker');
  const { items, signal } = run;
  const workers = new Set<PoolWorker>();
  let next = 0;
  let finished = 0;
  return new Promise((resolve) => {
    let grace: NodeJS.Timeout | undefined;
    const settle = () => {
      if (workers.size > 0) return;
      clearTimeout(grace);
      resolve();
    };
    // A worker with nothing in flight after Ctrl-C is let go; the others are let go as they drain.
    const release = (worker: PoolWorker) => {
      if (!signal.aborted || worker.inFlight.size > 0) return;
      workers.delete(worker);
      stopWorker(worker);
      settle();
    };
    const stop = () => {
      for (const worker of workers) send(worker, { type: 'stop' });
      grace = setTimeout(() => {
        for (const worker of workers) stopWorker(worker);
      }, STOP_GRACE_MS);
      for (const worker of [...workers]) release(worker);
      settle();
    };
    const record = (result: BatchItemResult) => {
      finished += 1;
      run.onResult(result);
      if (finished === items.length) {
        for (const worker of workers) stopWorker(worker);
        workers.clear();
        resolve();
      }
    };
    const feed = (worker: PoolWorker) => {
      while (!signal.aborted && worker.ready && worker.inFlight.size < worker.slots && next < items.length) {
        const item = items[next++];
        // A line that did not parse needs no worker.
        if ('error' in item) {
          record(failureLine(item.index, item.prompt, item.error));
          continue;
        }
        worker.inFlight.set(item.index, item);
        send(worker, { type: 'item', item });
      }
    };
    const start = (slots: number) => {
      const child = fork(file, [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
      const worker: PoolWorker = { child, slots, ready: false, inFlight: new Map() };
      workers.add(worker);
      child.on('message', (reply: WorkerReply) => {
        if (!workers.has(worker)) return;
        if (reply.type === 'ready') {
          worker.ready = true;
          send(worker, { type: 'start', home: run.home, options: run.options });
          feed(worker);
        } else if (worker.inFlight.delete(reply.index)) {
          record({ index: reply.index, text: reply.text, failed: reply.failed });
          feed(worker);
          release(worker);
        }
      });
      child.on('exit', (code, sig) => {
        if (!workers.delete(worker)) return;
        for (const item of worker.inFlight.values()) {
          record(failureLine(item.index, itemPrompt(item), signal.aborted ? { code: 'interrupted', message: 'stopped by Ctrl-C before it finished' } : { code: 'internal', message: `the batch worker stopped (${sig ?? `exit code ${code}`})` }));
        }
        if (signal.aborted) return settle();
        // A worker that never came up will not the next time either: what is left fails with the reason.
        if (worker.ready) { if (next < items.length) start(slots); }
        else if (workers.size === 0) {
          while (next < items.length) {
            const item = items[next++];
            record(failureLine(item.index, itemPrompt(item), 'error' in item ? item.error : { code: 'internal', message: `the batch worker could not start (${sig ?? `exit code ${code}`})` }));
          }
        }
      });
    };
    if (items.length === 0 || signal.aborted) return resolve();
    signal.addEventListener('abort', stop, { once: true });
    for (const slots of workerSlots(run.concurrency)) start(slots);
  });
}

function send(worker: PoolWorker, request: WorkerRequest): void {
  if (worker.child.connected) worker.child.send(request);
}

function stopWorker(worker: PoolWorker): void {
  // The worker exits on disconnect, between two prompts' store writes.
  if (worker.child.connected) worker.child.disconnect();
}

