// SIGKILL in the middle of writing leaves the previous version readable: nothing half-written, no turn lost.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SessionStore } from '../../src/store/sessionStore.js';
import { tempHome } from '../helpers/cli.js';

const loop = path.join(path.dirname(fileURLToPath(import.meta.url)), 'helpers', 'append-loop.mjs');

/** Starts the append loop, lets it write for `ms` after its first append, kills it; returns the last count it printed. */
function runAndKill(home: string, ms: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [loop, home, 'crashy'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk) => {
      out += chunk;
      timer ??= setTimeout(() => child.kill('SIGKILL'), ms);
    });
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`append loop ended by itself (${code}): ${err}`));
      if (err) return reject(new Error(`append loop warned: ${err}`));
      const counts = out.trim().split('\n').filter(Boolean).map(Number);
      resolve(counts.at(-1) ?? 0);
    });
  });
}

describe('a writer killed with SIGKILL', () => {
  it('leaves the last complete version readable, with every SVG it names', async () => {
    const home = tempHome();
    let previous = 0;
    for (let round = 0; round < 6; round++) {
      const printed = await runAndKill(home, 20 + Math.floor(Math.random() * 150));
      const warnings: string[] = [];
      const store = new SessionStore(home, { onWarning: (message) => warnings.push(message) });
      const session = store.get('crashy');
      expect(warnings).toEqual([]);
      // Everything the killed process had finished is there (one more if it died between rename and print).
      expect(session.turns.length).toBeGreaterThanOrEqual(printed);
      expect(session.turns.length).toBeGreaterThanOrEqual(previous);
      expect(new Set(session.turns.map((t) => t.id)).size).toBe(session.turns.length);
      for (const turn of session.turns) {
        const bytes = fs.readFileSync(store.svgFile(turn.svg!));
        expect(createHash('sha256').update(bytes).digest('hex')).toBe(turn.svg!.sha256);
      }
      previous = session.turns.length;
    }
    // It kept going across kills: each new process broke the dead one's lock and appended.
    expect(previous).toBeGreaterThanOrEqual(6);
    // Breaking the last dead writer's lock sweeps the temp files it left; earlier ones were swept the same way.
    const store = new SessionStore(home);
    store.appendTurn('crashy', { ...store.get('crashy').turns[0], svg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>', candidates: [] });
    const leftovers = [...fs.readdirSync(path.join(home, 'sessions')), ...fs.readdirSync(path.join(home, 'sessions', 'crashy'))].filter((f) => f.endsWith('.tmp'));
    expect(leftovers).toEqual([]);
    expect(fs.readdirSync(path.join(home, 'sessions')).filter((f) => f.includes('unreadable'))).toEqual([]);
  }, 180_000);
});
