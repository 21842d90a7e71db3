// Rendering hostile SVGs safely and fast (SPEC §5): a small pool of persistent resvg child processes, each job
// with a time limit and a memory cap, a dead or stuck child replaced. A bad file is an {ok:false}, never a crash.
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import nodeModule from 'node:module';
import os from 'node:os';
import { builtWorker } from '../paths.js';
import type { ImageAnalysis } from './metrics.js';
import { WARM_FLAG, type RenderJob, type RenderReply } from './renderProtocol.js';

export type RenderResult = { ok: true; width: number; height: number; pixels: Uint8Array } | { ok: false; error: string };
export type AnalysisResult = { ok: true; width: number; height: number; analysis: ImageAnalysis } | { ok: false; error: string };
export type PngResult = { ok: true; width: number; height: number; png: Uint8Array } | { ok: false; error: string };

export interface RenderOptions {
  width: number;
  height: number;
  /** Per render, from the moment a child takes the job; default 10 s. */
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
/** Resident memory a child may reach before it is killed (resvg's native allocations are not under V8's cap). */
export const MEMORY_CAP_MB = 1024;
const HEAP_CAP_MB = 256;
const MAX_SIDE = 4096;
const MEMORY_POLL_MS = 50;

interface Pending {
  job: RenderJob;
  timeoutMs: number;
  resolve: (reply: RenderReply) => void;
}

interface Worker {
  child: ChildProcess;
  ready: boolean;
  current?: Pending;
  timer?: NodeJS.Timeout;
  poller?: NodeJS.Timeout;
  stderr: string;
}

/** The bin shim turns on Node's compile cache; the children use it too (they start faster). */
const compileCacheDir = (nodeModule as { getCompileCacheDir?: () => string | undefined }).getCompileCacheDir?.(); // Node 22.1+
let nextId = 1;
const queue: Pending[] = [];
const workers = new Set<Worker>();

export function poolSize(): number {
  return Math.max(1, Math.min(os.availableParallelism(), 4));
}

export async function renderSvg(svg: string, options: RenderOptions): Promise<RenderResult> {
  const reply = await submit(svg, options, 'rgba');
  return reply.ok ? { ok: true, width: reply.width, height: reply.height, pixels: reply.data } : { ok: false, error: reply.error };
}

/** Renders and analyses the pixels in the child (the scorer's metrics and palette): many files score in parallel. */
export async function renderAnalysis(svg: string, options: RenderOptions): Promise<AnalysisResult> {
  const reply = await submit(svg, options, 'analysis');
  if (!reply.ok) return { ok: false, error: reply.error };
  if (!reply.analysis) return { ok: false, error: 'the renderer sent no analysis' };
  return { ok: true, width: reply.width, height: reply.height, analysis: reply.analysis };
}

export async function renderPng(svg: string, options: RenderOptions): Promise<PngResult> {
  const reply = await submit(svg, options, 'png');
  return reply.ok ? { ok: true, width: reply.width, height: reply.height, png: reply.data } : { ok: false, error: reply.error };
}

/** The size a score renders at (its metrics are shares of the picture). */
const SCORE_SIZE = 384;

/** The render a score needs: the pixel analysis, made in the child; the pixels themselves when a judge will look. */
export function scoreRender(svg: string, judge: boolean, timeoutMs?: number): Promise<RenderResult | AnalysisResult> {
  const options = { width: SCORE_SIZE, height: SCORE_SIZE, timeoutMs };
  return judge ? renderSvg(svg, options) : renderAnalysis(svg, options);
}

/**
 * Starts a render child now, so a caller that will score soon does not wait for a process to start then (its
 * start overlaps the caller's own work); it warms up on a throwaway job meanwhile. Does nothing when a child
 * already runs.
 */
export function warmRenderer(): void {
  if (workers.size > 0) return;
  try {
    workerPath();
  } catch {
    return; // not built: the first real render reports it
  }
  spawnWorker(true);
}

/** Stops every child; renders still waiting end as {ok:false}. Later renders start a new pool. */
export function closeRenderer(): void {
  for (const pending of queue.splice(0)) pending.resolve({ id: pending.job.id, ok: false, error: 'the renderer was closed' });
  for (const worker of [...workers]) retire(worker, 'the renderer was closed');
  handedOver();
}

async function submit(svg: string, options: RenderOptions, format: RenderJob['format']): Promise<RenderReply> {
  const { width, height } = options;
  const id = nextId++;
  workerPath(); // throws when the worker is not built: a setup problem, not a bad file
  for (const side of [width, height]) {
    if (!Number.isInteger(side) || side < 1 || side > MAX_SIDE) return { id, ok: false, error: `render size must be whole pixels from 1 to ${MAX_SIDE}, got ${width}x${height}` };
  }
  return new Promise((resolve) => {
    queue.push({ job: { id, svg, width, height, format }, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, resolve });
    dispatch();
  });
}

function dispatch(): void {
  while (queue.length > 0) {
    let worker = [...workers].find((candidate) => candidate.current === undefined);
    if (!worker && workers.size < poolSize()) worker = spawnWorker();
    if (!worker) break;
    start(worker, queue.shift() as Pending);
  }
  handedOver();
}

const handOverWaiters: (() => void)[] = [];

/**
 * Resolves once no job waits for a child that is still starting (or `limitMs` later). A caller about to be busy for
 * a while (loading the scorer) waits for this first: a child's "ready" is only read while this process is idle, and
 * its job goes out then. (Jobs queued behind busy children are not waited for: idling would not speed them.)
 */
export function rendersHandedOver(limitMs = 100): Promise<void> {
  if (!waitingForChild()) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, limitMs);
    function done() {
      clearTimeout(timer);
      resolve();
    }
    handOverWaiters.push(done);
  });
}

function waitingForChild(): boolean {
  return [...workers].some((worker) => worker.current !== undefined && !worker.ready);
}

function handedOver(): void {
  if (!waitingForChild()) for (const done of handOverWaiters.splice(0)) done();
}

function start(worker: Worker, pending: Pending): void {
  worker.current = pending;
  setBusy(worker, true);
  worker.timer = setTimeout(() => fail(worker, `render timed out after ${pending.timeoutMs} ms`), pending.timeoutMs);
  if (worker.ready) worker.child.send(pending.job);
  worker.poller = setInterval(() => {
    const rss = residentMegabytes(worker.child.pid);
    if (rss !== undefined && rss > MEMORY_CAP_MB) fail(worker, `render used more than ${MEMORY_CAP_MB} MB of memory`);
  }, MEMORY_POLL_MS);
  worker.poller.unref();
}

function finish(worker: Worker, reply: RenderReply): void {
  const pending = worker.current;
  clearTimeout(worker.timer);
  clearInterval(worker.poller);
  worker.current = undefined;
  setBusy(worker, false);
  pending?.resolve({ ...reply, id: pending.job.id });
  dispatch();
}

/** The job ends as an error and its child is killed (it may be stuck in native code); a fresh one replaces it. */
function fail(worker: Worker, error: string): void {
  const pending = worker.current;
  retire(worker, error);
  if (pending) pending.resolve({ id: pending.job.id, ok: false, error });
  dispatch();
}

function retire(worker: Worker, error: string): void {
  clearTimeout(worker.timer);
  clearInterval(worker.poller);
  workers.delete(worker);
  const pending = worker.current;
  worker.current = undefined;
  worker.child.removeAllListeners('close');
  worker.child.kill('SIGKILL');
  if (pending) pending.resolve({ id: pending.job.id, ok: false, error });
}

function spawnWorker(warm = false): Worker {
  const child = fork(workerPath(), warm ? [WARM_FLAG] : [], {
    execArgv: [`--max-old-space-size=${HEAP_CAP_MB}`],
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    // Nothing of svgchat's environment (keys) reaches the child, only where compiled code is cached.
    env: compileCacheDir ? { NODE_COMPILE_CACHE: compileCacheDir } : {},
  });
  const worker: Worker = { child, ready: false, stderr: '' };
  workers.add(worker);
  child.stderr?.on('data', (chunk: Buffer) => (worker.stderr = (worker.stderr + chunk.toString()).slice(-2000)));
  (child.stderr as { unref?: () => void } | null)?.unref?.();
  child.on('message', (message: RenderReply | { ready: true }) => {
    if ('ready' in message) {
      worker.ready = true;
      if (worker.current) child.send(worker.current.job);
      handedOver();
    } else if (worker.current && message.id === worker.current.job.id) finish(worker, message);
  });
  child.on('error', (error) => fail(worker, `the renderer could not run: ${error.message}`));
  // 'close', not 'exit': by then the child's last words (a Rust panic message) have been read from stderr.
  child.on('close', (code, signal) => fail(worker, `the renderer crashed (${signal ?? `exit code ${code}`})${crashDetail(worker.stderr)}`));
  setBusy(worker, false);
  return worker;
}

/** An idle child must not keep svgchat alive; a busy one must (its reply is on the way). */
function setBusy(worker: Worker, busy: boolean): void {
  const channel = worker.child.channel as { ref?: () => void; unref?: () => void } | null | undefined;
  if (busy) {
    worker.child.ref();
    channel?.ref?.();
  } else {
    worker.child.unref();
    channel?.unref?.();
  }
}

/** A Rust panic prints "thread ... panicked at FILE:" and then its message: the message is what helps. */
function crashDetail(stderr: string): string {
  const lines = stderr.split('\n').map((line) => line.trim());
  const panicAt = lines.findIndex((line) => /panicked at/.test(line));
  const message = panicAt >= 0 ? lines[panicAt + 1] || lines[panicAt] : lines.find((line) => /error/i.test(line));
  return message ? `: ${message.slice(0, 200)}` : '';
}

function residentMegabytes(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined; // not Linux, or the child is already gone: the time limit still applies
  }
}

let workerFile: string | undefined;
function workerPath(): string {
  workerFile ??= builtWorker('renderWorker.js', 'score', 'the renderer');
  return workerFile;
}
