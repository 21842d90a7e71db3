import crypto from 'node:crypto';
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

  it('keeps names unique in any case, also for an auto name claimed without a scan of the folder', () => {
    const store = new SessionStore(tempHome());
    const blank = (name: string) => ({ ...store.create({ name: 'seed', settings }), id: crypto.randomUUID(), name, turns: [] });
    // A chosen name with capitals marks the store, so an all-lowercase claim of it then checks every case.
    store.create({ name: 'Red-Fox-ab12', settings });
    expect(() => store.writeNew(blank('red-fox-ab12'))).toThrow(/already exists/);
    // A store whose mixed-case file came from elsewhere (older svgchat, by hand) is marked when first listed.
    const other = new SessionStore(tempHome());
    other.create({ name: 'plain', settings });
    fs.copyFileSync(other.fileOf('plain'), other.fileOf('Blue-Cat-cd34'));
    expect(other.list()).toHaveLength(2);
    expect(() => other.writeNew({ ...blank('blue-cat-cd34'), id: crypto.randomUUID() })).toThrow(/already exists/);
    expect(fs.existsSync(other.fileOf('blue-cat-cd34'))).toBe(false);
  });

  it('finds the name as written first when two differ only in case (a store changed by hand)', () => {
    const store = new SessionStore(tempHome());
    store.create({ name: 'fox', settings });
    fs.writeFileSync(store.fileOf('FOX'), fs.readFileSync(store.fileOf('fox'), 'utf8').replace('"name": "fox"', '"name": "FOX"').replace(/"id": "[^"]+"/, '"id": "00000000-0000-4000-8000-00000000000f"'));
    expect(store.get('FOX').id).toBe('00000000-0000-4000-8000-00000000000f');
    expect(store.get('fox').id).not.toBe('00000000-0000-4000-8000-00000000000f');
  });

  it('a rename repeated after a crash left two files of one session does not write over the second', () => {
    const store = new SessionStore(tempHome());
    store.createWithTurn({ name: 'a', settings }, draft('first'));
    fs.copyFileSync(store.fileOf('a'), store.fileOf('b'));
    fs.cpSync(path.join(store.dir, 'a'), path.join(store.dir, 'b'), { recursive: true });
    const b = fs.readFileSync(store.fileOf('b'), 'utf8').replaceAll('"a/', '"b/').replace('"name": "a"', '"name": "b"');
    fs.writeFileSync(store.fileOf('b'), b);
    store.appendTurn('b', draft('second, only in b'));
    const before = fs.readFileSync(store.fileOf('b'), 'utf8');
    expect(() => store.rename('a', 'b')).toThrow(/already exists/);
    expect(fs.readFileSync(store.fileOf('b'), 'utf8')).toBe(before);
  });

  it('takes no names lock for an auto-named session, so a held names lock does not stop a batch', () => {
    const store = new SessionStore(tempHome(), { lock: { timeoutMs: 200 } });
    fs.mkdirSync(path.join(store.dir, '.locks'), { recursive: true });
    fs.writeFileSync(path.join(store.dir, '.locks', '.names.lock'), JSON.stringify({ pid: process.pid, host: os.hostname(), token: 'held' }));
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
