import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { RuntimeFailure } from '../../src/errors.js';
import { withLock, withLocks } from '../../src/store/lock.js';
import { tempHome } from '../helpers/cli.js';

/** A lock another process holds (or left): a file naming its owner; `asDirectory`, as earlier builds of svgchat made them. */
function leftLock(lockPath: string, pid: number, ageSeconds = 0, asDirectory = false): void {
  const owner = JSON.stringify({ pid, host: os.hostname(), token: 'someone-else' });
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  if (asDirectory) {
    fs.mkdirSync(lockPath);
    fs.writeFileSync(path.join(lockPath, 'owner.json'), owner);
  } else {
    fs.writeFileSync(lockPath, owner);
  }
  const then = Date.now() / 1000 - ageSeconds;
  fs.utimesSync(lockPath, then, then);
}

function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('the session lock', () => {
  it('is held while the work runs and released after, even when it throws', () => {
    const lockDir = path.join(tempHome(), '.locks', 'a.lock');
    expect(withLock(lockDir, () => fs.existsSync(lockDir))).toBe(true);
    expect(fs.existsSync(lockDir)).toBe(false);
    expect(() => withLock(lockDir, () => { throw new Error('boom'); })).toThrow('boom');
    expect(fs.existsSync(lockDir)).toBe(false);
  });

  it('is re-entrant within a process and takes several locks in one order', () => {
    const dir = tempHome();
    const [a, b] = [path.join(dir, 'b.lock'), path.join(dir, 'a.lock')];
    const seen = withLocks([a, b, a], () => withLock(a, () => [fs.existsSync(a), fs.existsSync(b)]));
    expect(seen).toEqual([true, true]);
    expect(fs.existsSync(a) || fs.existsSync(b)).toBe(false);
  });

  it.each([['a lock file', false], ['a lock directory of an earlier build', true]])('breaks %s left by a process that died', (_label, asDirectory) => {
    const lockDir = path.join(tempHome(), 'dead.lock');
    leftLock(lockDir, deadPid(), 0, asDirectory);
    const started = Date.now();
    expect(withLock(lockDir, () => 'got it', { timeoutMs: 2_000 })).toBe('got it');
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(fs.existsSync(lockDir)).toBe(false);
  });

  it('waits for a live holder of a lock directory of an earlier build too', () => {
    const lockDir = path.join(tempHome(), 'old-style.lock');
    leftLock(lockDir, process.pid, 0, true);
    expect(() => withLock(lockDir, () => 'never', { timeoutMs: 200 })).toThrow(new RegExp(`held by process ${process.pid}`));
  });

  it('waits for a live holder, then gives up with a message naming it', () => {
    const lockDir = path.join(tempHome(), 'busy.lock');
    leftLock(lockDir, process.pid);
    const started = Date.now();
    let error: unknown;
    try {
      withLock(lockDir, () => 'never', { timeoutMs: 300 });
    } catch (e) {
      error = e;
    }
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(error).toBeInstanceOf(RuntimeFailure);
    expect((error as RuntimeFailure).message).toMatch(new RegExp(`held by process ${process.pid}`));
    expect((error as RuntimeFailure).hint).toContain(lockDir);
    expect(fs.existsSync(lockDir)).toBe(true);
  });

  it('breaks a lock older than the stale limit, whoever holds it', () => {
    const lockDir = path.join(tempHome(), 'old.lock');
    leftLock(lockDir, process.pid, 120);
    expect(withLock(lockDir, () => 'got it', { timeoutMs: 2_000, staleMs: 60_000 })).toBe('got it');
  });

  it('a holder that stalled past the stale limit leaves alone the lock someone else has taken since', () => {
    const lockDir = path.join(tempHome(), 'stalled.lock');
    withLock(lockDir, () => {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 80);
      // Meanwhile another process broke the lock as stale and took it.
      fs.rmSync(lockDir, { recursive: true });
      leftLock(lockDir, process.pid);
    }, { staleMs: 100 });
    expect(JSON.parse(fs.readFileSync(lockDir, 'utf8')).token).toBe('someone-else');
  });
});
