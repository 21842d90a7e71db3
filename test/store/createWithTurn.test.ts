import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { SessionStore } from '../../src/store/sessionStore.js';
import { tempHome } from '../helpers/cli.js';
import { draft, settings, svgFor } from './helpers/drafts.js';

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('SessionStore.createWithTurn (a batch prompt: new session and first turn in one write)', () => {
  it('writes one session file whose head is t1, its SVG and candidates on disk with matching sha256', () => {
    const store = new SessionStore(tempHome());
    const { session, turn } = store.createWithTurn({ prompt: 'a red fox in a forest', settings }, draft('a red fox in a forest', { candidates: [{ svg: svgFor('other'), score: 0.2 }] }));
    expect(session.name).toMatch(/^red-fox-forest-[0-9a-f]{4}$/);
    expect(turn).toMatchObject({ id: 't1', parent: null, prompt: 'a red fox in a forest' });
    const saved = JSON.parse(fs.readFileSync(store.fileOf(session.name), 'utf8'));
    expect(saved).toMatchObject({ name: session.name, title: 'a red fox in a forest', head: 't1', turns: [{ id: 't1' }], settings });
    for (const ref of [turn.svg!, turn.candidates[0]]) {
      const file = path.join(store.dir, ref.path);
      expect(sha(file)).toBe(ref.sha256);
      expect(fs.statSync(file).size).toBe(ref.bytes);
    }
    expect(fs.readFileSync(path.join(store.dir, turn.svg!.path), 'utf8')).toBe(svgFor('a red fox in a forest'));
    // Nothing else was written: one session file and its folder, no lock left behind.
    expect(fs.readdirSync(store.dir).filter((entry) => !entry.startsWith('.')).sort()).toEqual([session.name, `${session.name}.json`]);
    expect(fs.readdirSync(path.join(store.dir, '.locks'))).toEqual([]);
    // A later append continues the same session.
    expect(store.appendTurn(session.name, draft('now at night')).turn).toMatchObject({ id: 't2', parent: 't1' });
  });

  it('refuses a name that is taken (any case) and writes nothing', () => {
    const store = new SessionStore(tempHome());
    store.create({ name: 'fox', settings });
    expect(() => store.createWithTurn({ name: 'FOX', settings }, draft('a fox'))).toThrow(UsageError);
    expect(store.get('fox').turns).toEqual([]);
    expect(fs.existsSync(path.join(store.dir, 'fox'))).toBe(false);
  });

  it('never replaces another session\'s file, even one that appears after its name was picked', () => {
    const store = new SessionStore(tempHome());
    const first = store.createWithTurn({ prompt: 'a cat', settings }, draft('a cat')).session;
    const before = fs.readFileSync(store.fileOf(first.name), 'utf8');
    // A second session under the same name reaching the write (as a racing auto-named create or rename would).
    const intruder = { ...first, id: '00000000-0000-4000-8000-000000000000', turns: [] };
    expect(() => store.writeNew(intruder)).toThrow(/already exists/);
    expect(() => store.rename(store.create({ name: 'dog', settings }).name, first.name)).toThrow(/already exists/);
    expect(fs.readFileSync(store.fileOf(first.name), 'utf8')).toBe(before);
    expect(store.get('dog').name).toBe('dog');
  });

  it('takes no names lock for an auto-named session, so a held names lock does not stop a batch', () => {
    const store = new SessionStore(tempHome(), { lock: { timeoutMs: 200 } });
    fs.mkdirSync(path.join(store.dir, '.locks', '.names.lock'), { recursive: true });
    fs.writeFileSync(path.join(store.dir, '.locks', '.names.lock', 'owner.json'), JSON.stringify({ pid: process.pid, host: os.hostname(), token: 'held' }));
    const { session } = store.createWithTurn({ prompt: 'a red fox', settings }, draft('a red fox'));
    expect(store.get(session.name).turns).toHaveLength(1);
    // A name chosen by the user still waits for the names lock (it must scan every name, in any case).
    expect(() => store.createWithTurn({ name: 'chosen', settings }, draft('a fox'))).toThrow(/timed out/);
  });

  it('gives each of many same-prompt sessions its own free name', () => {
    const store = new SessionStore(tempHome());
    const names = Array.from({ length: 20 }, () => store.createWithTurn({ prompt: 'a cat', settings }, draft('a cat')).session.name);
    expect(new Set(names).size).toBe(20);
    expect(store.list()).toHaveLength(20);
  });
});
