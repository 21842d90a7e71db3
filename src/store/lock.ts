// A cross-process lock: a file created exclusively (O_EXCL, atomic on local and NFSv3+ file systems) that
// names its owner. (Earlier builds made a directory holding owner.json; such a lock is read and broken alike.)
// It is synchronous on purpose: the work done under it is short and all synchronous, so within one
// process two holders can never interleave, and across processes waiters sleep briefly and retry.
// A lock left by a process that died (SIGKILL, power loss) is detected and broken:
// its owner's pid is gone (same host), or it is older than `staleMs`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { RuntimeFailure } from '../errors.js';
import { fillNewFile } from './atomic.js';

export interface LockOptions {
  /** Give up after this long (default 20 s). */
  timeoutMs?: number;
  /** A lock older than this is abandoned whoever holds it (default 60 s; work under a lock takes milliseconds). */
  staleMs?: number;
  /** Called after breaking a lock whose holder died, with its pid: a chance to sweep what it left behind. */
  onBroken?: (pid: number | undefined) => void;
}

interface Owner {
  pid: number;
  host: string;
  token: string;
}

const DEFAULT_STALE_MS = 60_000;
const held = new Map<string, { token: string; depth: number }>();
const sleeper = new Int32Array(new SharedArrayBuffer(4));

function sleep(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

function readOwner(lockPath: string): Owner | undefined {
  try {
    return JSON.parse(fs.readFileSync(lockPath, 'utf8')) as Owner;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EISDIR') return undefined;
  }
  try {
    return JSON.parse(fs.readFileSync(path.join(lockPath, 'owner.json'), 'utf8')) as Owner;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ageMs(file: string): number | undefined {
  try {
    return Date.now() - fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

function isStale(lockPath: string, staleMs: number): boolean {
  const age = ageMs(lockPath);
  if (age === undefined) return false; // released meanwhile
  const owner = readOwner(lockPath);
  // The owner is written right after the file is made; missing for long means the holder died in between.
  if (!owner) return age > 5_000;
  if (owner.host === os.hostname() && !isAlive(owner.pid)) return true;
  return age > staleMs;
}

/** Breaks a stale lock under a second, short-lived lock, so two waiters never both break it. */
function breakIfStale(lockPath: string, staleMs: number, onBroken?: (pid: number | undefined) => void): void {
  const breaker = `${lockPath}.break`;
  try {
    fs.mkdirSync(breaker);
  } catch {
    if ((ageMs(breaker) ?? 0) > 10_000) fs.rmSync(breaker, { recursive: true, force: true });
    return;
  }
  try {
    if (isStale(lockPath, staleMs)) {
      const owner = readOwner(lockPath);
      fs.rmSync(lockPath, { recursive: true, force: true });
      onBroken?.(owner?.host === os.hostname() ? owner.pid : undefined);
    }
  } finally {
    fs.rmSync(breaker, { recursive: true, force: true });
  }
}

function acquire(lockPath: string, options: LockOptions): string {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const staleMs = options.staleMs ?? DEFAULT_STALE_MS;
  const token = randomBytes(8).toString('hex');
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    let fd: number | undefined;
    try {
      fd = fs.openSync(lockPath, 'wx');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        fs.mkdirSync(path.dirname(lockPath), { recursive: true });
        continue;
      }
      if (code !== 'EEXIST') throw error;
    }
    if (fd !== undefined) {
      fillNewFile(lockPath, fd, (owned) => fs.writeSync(owned, JSON.stringify({ pid: process.pid, host: os.hostname(), token } satisfies Owner)));
      return token;
    }
    if (isStale(lockPath, staleMs)) {
      breakIfStale(lockPath, staleMs, options.onBroken);
      continue;
    }
    if (Date.now() > deadline) {
      const owner = readOwner(lockPath);
      throw new RuntimeFailure(
        `timed out waiting for ${path.basename(lockPath)}${owner ? ` (held by process ${owner.pid} on ${owner.host})` : ''}`,
        `if no svgchat is running, remove ${lockPath}`,
        'locked',
      );
    }
    // Short, jittered waits: holders keep the lock for a few milliseconds (a batch's workers take it for every
    // prompt), so a waiter polls every 1-3 ms at first and backs off only when the wait grows long.
    sleep(Math.min(1 + attempt / 4, 25) + Math.random() * 2);
  }
}

function release(lockPath: string, token: string, heldMs: number, staleMs: number): void {
  // Only remove the lock if it is still ours: it may have been broken as stale after a long stall. Nobody
  // breaks the lock of a live process before it is `staleMs` old, so a short hold needs no check (half the
  // limit, for clocks that disagree a little); a batch takes a lock for every prompt.
  if (heldMs >= staleMs / 2 && readOwner(lockPath)?.token !== token) return;
  fs.rmSync(lockPath, { force: true });
}

/** Runs `work` holding the lock at `lockPath`. Re-entrant within a process. */
export function withLock<T>(lockPath: string, work: () => T, options: LockOptions = {}): T {
  const mine = held.get(lockPath);
  if (mine) {
    mine.depth += 1;
    try {
      return work();
    } finally {
      mine.depth -= 1;
    }
  }
  const token = acquire(lockPath, options);
  const acquiredAt = Date.now();
  held.set(lockPath, { token, depth: 1 });
  try {
    return work();
  } finally {
    held.delete(lockPath);
    release(lockPath, token, Date.now() - acquiredAt, options.staleMs ?? DEFAULT_STALE_MS);
  }
}

/** Several locks, always taken in the same (sorted) order so two processes cannot deadlock. */
export function withLocks<T>(lockPaths: string[], work: () => T, options: LockOptions = {}): T {
  const ordered = [...new Set(lockPaths)].sort();
  const run = (index: number): T => (index === ordered.length ? work() : withLock(ordered[index], () => run(index + 1), options));
  return run(0);
}
