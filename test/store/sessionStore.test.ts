import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { SessionStore } from '../../src/store/sessionStore.js';
import { tempHome } from '../helpers/cli.js';
import { draft, settings, svgFor } from './helpers/drafts.js';

function newStore() {
  const warnings: string[] = [];
  const store = new SessionStore(tempHome(), { onWarning: (message) => warnings.push(message) });
  return { store, warnings };
}

function onDisk(store: SessionStore, name: string) {
  return JSON.parse(fs.readFileSync(store.fileOf(name), 'utf8'));
}

function sha(file: string) {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

describe('SessionStore', () => {
  it('appends turns: SVG file beside the JSON, referenced by path, bytes and sha256', () => {
    const { store } = newStore();
    store.create({ name: 'fox', settings });
    const { session, turn } = store.appendTurn('fox', draft('a red fox', { candidates: [{ svg: svgFor('one'), score: 0.4 }, { svg: svgFor('two'), score: 0.6 }] }));
    expect(turn).toMatchObject({ id: 't1', parent: null, prompt: 'a red fox' });
    expect(turn.svg!.path).toBe('fox/001.svg');
    const file = path.join(store.dir, 'fox', '001.svg');
    expect(fs.readFileSync(file, 'utf8')).toBe(svgFor('a red fox'));
    expect(turn.svg!.sha256).toBe(sha(file));
    expect(turn.svg!.bytes).toBe(fs.statSync(file).size);
    expect(turn.candidates.map((c) => c.path)).toEqual(['fox/001-c1.svg', 'fox/001-c2.svg']);
    expect(session.title).toBe('a red fox');
    const saved = onDisk(store, 'fox');
    expect(saved).toMatchObject({ version: 2, name: 'fox', head: 't1', turns: [{ id: 't1', svg: { path: 'fox/001.svg' } }] });
  });

  it('finds sessions by name in any case, or by id prefix', () => {
    const { store } = newStore();
    const created = store.create({ name: 'MyFox', settings });
    expect(store.get('myfox').id).toBe(created.id);
    expect(store.get(created.id.slice(0, 6)).name).toBe('MyFox');
    expect(store.find('zzzz')).toBeUndefined();
    expect(store.find('abc')).toBeUndefined();
  });

  it('looks a known id up in its own file, without reading every session', () => {
    const { store, warnings } = newStore();
    const fox = store.create({ name: 'fox', settings });
    store.create({ name: 'other', settings });
    fs.writeFileSync(store.fileOf('other'), 'broken');
    expect(store.get(fox.id).name).toBe('fox');
    expect(warnings).toEqual([]); // "other" was not read, so not moved aside yet
    expect(store.list().map((s) => s.name)).toEqual(['fox']);
    expect(warnings).toHaveLength(1);
  });

  it('says which name was meant when a session is unknown', () => {
    const { store } = newStore();
    store.create({ name: 'red-fox', settings });
    const error = (() => {
      try {
        store.get('red-fx');
      } catch (e) {
        return e as UsageError;
      }
    })();
    expect(error).toBeInstanceOf(UsageError);
    expect(error!.exitCode).toBe(2);
    expect(error!.message).toBe('no session named "red-fx"');
    expect(error!.hint).toMatch(/did you mean "red-fox"/);
  });

  it('keeps names case-insensitively unique', () => {
    const { store } = newStore();
    store.create({ name: 'fox', settings });
    expect(() => store.create({ name: 'FOX', settings })).toThrow(/already exists/);
    expect(store.ensure({ name: 'Fox', settings }).name).toBe('fox');
  });

  it.each(['../x', '/etc/passwd', '', 'x'.repeat(200), '.hidden'])('refuses the name %j and creates nothing', (name) => {
    const { store } = newStore();
    expect(() => store.create({ name, settings })).toThrow(UsageError);
    expect(() => store.ensure({ name, settings })).toThrow(UsageError);
    expect(fs.existsSync(store.dir) ? fs.readdirSync(store.dir).filter((f) => !f.startsWith('.')) : []).toEqual([]);
    expect(fs.existsSync(path.resolve(store.dir, '..', 'x.json'))).toBe(false);
  });

  it('undo, a new prompt (a branch), redo, reset: nothing is thrown away', () => {
    const { store } = newStore();
    store.create({ name: 'tree', settings });
    store.appendTurn('tree', draft('a fox'));
    store.appendTurn('tree', draft('make it blue'));
    expect(store.undo('tree').head).toBe('t1');
    store.appendTurn('tree', draft('make it green'));
    let session = store.get('tree');
    expect(session.turns.map((t) => [t.id, t.parent])).toEqual([['t1', null], ['t2', 't1'], ['t3', 't1']]);
    expect(store.history(session).map((t) => t.prompt)).toEqual(['a fox', 'make it green']);
    store.undo('tree');
    expect(store.redo('tree').head).toBe('t3'); // the most recent child
    expect(() => store.redo('tree')).toThrow(/nothing to redo/);
    session = store.reset('tree');
    expect(session.head).toBeNull();
    expect(session.turns).toHaveLength(3);
    expect(() => store.undo('tree')).toThrow(/nothing to undo/);
    const { turn } = store.appendTurn('tree', draft('a cat'));
    expect(turn).toMatchObject({ id: 't4', parent: null });
    expect(store.redo(store.reset('tree').name).head).toBe('t4');
    expect(() => store.setHead('tree', 't99')).toThrow(/has no turn t99/);
    expect(store.setHead('tree', 't2').head).toBe('t2');
    expect(onDisk(store, 'tree').head).toBe('t2');
  });

  it('appends with an explicit parent (regenerate) and rejects an unknown one', () => {
    const { store } = newStore();
    store.create({ name: 'regen', settings });
    store.appendTurn('regen', draft('a fox'));
    store.appendTurn('regen', draft('a fox, again', { parent: null }));
    expect(store.get('regen').turns.map((t) => t.parent)).toEqual([null, null]);
    expect(() => store.appendTurn('regen', draft('x', { parent: 't7' }))).toThrow(/has no turn t7/);
    expect(store.get('regen').turns).toHaveLength(2);
  });

  it('update validates before writing and cannot rename', () => {
    const { store } = newStore();
    store.create({ name: 'upd', settings });
    store.appendTurn('upd', draft('a fox'));
    expect(store.update('upd', (s) => void (s.title = 'My fox')).title).toBe('My fox');
    expect(() => store.update('upd', (s) => void (s.name = 'other'))).toThrow(/rename/);
    expect(() => store.update('upd', (s) => void (s.head = 't9'))).toThrow(/invalid session/);
    expect(() => store.update('upd', (s) => void (s.turns = [{ ...s.turns[0], svg: { path: '../../etc/passwd', bytes: 1, sha256: 'x' } }]))).toThrow(/invalid turn/);
    expect(onDisk(store, 'upd')).toMatchObject({ title: 'My fox', head: 't1', name: 'upd' });
  });

  it('forks the path to a turn into a new session with copied SVG files', () => {
    const { store } = newStore();
    store.create({ name: 'src', settings });
    store.appendTurn('src', draft('one'));
    store.appendTurn('src', draft('two'));
    store.undo('src');
    store.appendTurn('src', draft('three'));
    const fork = store.fork('src', { turn: 't3' });
    expect(fork.name).toBe('src-fork');
    expect(fork.forkedFrom).toMatchObject({ sessionName: 'src', turnId: 't3' });
    expect(fork.turns.map((t) => [t.id, t.parent, t.prompt])).toEqual([['t1', null, 'one'], ['t2', 't1', 'three']]);
    expect(fork.head).toBe('t2');
    for (const turn of fork.turns) expect(sha(store.svgFile(turn.svg!))).toBe(turn.svg!.sha256);
    expect(fork.turns[1].svg!.sha256).toBe(store.get('src').turns[2].svg!.sha256);
    expect(store.fork('src').name).toBe('src-fork-2');
    expect(() => store.fork('src', { name: 'SRC' })).toThrow(/already exists/);
    store.reset('src');
    expect(() => store.fork('src')).toThrow(/no current turn/);
  });

  it('renames a session and moves its SVG folder', () => {
    const { store } = newStore();
    store.create({ name: 'old', settings });
    store.appendTurn('old', draft('a fox'));
    store.create({ name: 'taken', settings });
    expect(() => store.rename('old', 'Taken')).toThrow(/already exists/);
    expect(() => store.rename('old', '../escape')).toThrow(/not a path/);
    const renamed = store.rename('old', 'new');
    expect(renamed.turns[0].svg!.path).toBe('new/001.svg');
    expect(fs.existsSync(store.fileOf('old'))).toBe(false);
    expect(fs.existsSync(path.join(store.dir, 'old'))).toBe(false);
    expect(store.readSvg(store.get('new').turns[0].svg!)).toBe(svgFor('a fox'));
    expect(store.rename('new', 'NEW').name).toBe('NEW');
    expect(store.names().sort()).toEqual(['NEW', 'taken']);
    store.appendTurn('new', draft('again'));
    expect(store.get('NEW').turns[1].svg!.path).toBe('NEW/002.svg');
  });

  it('a rename that cannot write the new session leaves the old one whole, and a retry works', () => {
    const { store } = newStore();
    store.create({ name: 'old', settings });
    store.appendTurn('old', draft('a fox', { candidates: [{ svg: svgFor('another fox'), score: 0.4 }] }));
    const before = fs.readFileSync(store.fileOf('old'), 'utf8');
    // The disk fails just as the new session file would be written (the moment a crash would hurt most).
    const writeNew = store.writeNew.bind(store);
    store.writeNew = () => {
      throw new Error('disk full');
    };
    expect(() => store.rename('old', 'new')).toThrow(/disk full/);
    store.writeNew = writeNew;
    expect(fs.readFileSync(store.fileOf('old'), 'utf8')).toBe(before);
    const old = store.get('old');
    for (const ref of [old.turns[0].svg!, old.turns[0].candidates[0]]) expect(sha(store.svgFile(ref))).toBe(ref.sha256);
    expect(fs.readdirSync(path.join(store.dir, 'new'))).toEqual([]);
    const renamed = store.rename('old', 'new');
    expect([renamed.turns[0].svg!.path, renamed.turns[0].candidates[0].path]).toEqual(['new/001.svg', 'new/001-c1.svg']);
    for (const ref of [renamed.turns[0].svg!, renamed.turns[0].candidates[0]]) expect(sha(store.svgFile(ref))).toBe(ref.sha256);
    expect(fs.existsSync(path.join(store.dir, 'old'))).toBe(false);
  });

  it('removes a session and its files, leaving other files in the folder', () => {
    const { store } = newStore();
    store.create({ name: 'gone', settings });
    store.appendTurn('gone', draft('a fox'));
    fs.writeFileSync(path.join(store.dir, 'gone', 'notes.txt'), 'mine');
    store.create({ name: 'kept', settings });
    store.remove('gone');
    expect(store.find('gone')).toBeUndefined();
    expect(fs.readdirSync(path.join(store.dir, 'gone'))).toEqual(['notes.txt']);
    expect(store.list().map((s) => s.name)).toEqual(['kept']);
  });

  it('lists newest first and filters by text in prompts', async () => {
    const { store } = newStore();
    for (const name of ['a', 'b', 'c']) {
      store.create({ name, settings });
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    store.appendTurn('a', draft('a lighthouse at night'));
    expect(store.list().map((s) => s.name)).toEqual(['a', 'c', 'b']);
    expect(store.list({ search: 'LIGHTHOUSE' }).map((s) => s.name)).toEqual(['a']);
    expect(store.list({ search: 'nothing like this' })).toEqual([]);
  });

  it('takes no folder for a session file: the SVG folder of a session named "x.json" is not a session "x"', () => {
    const { store } = newStore();
    store.create({ name: 'fox', settings });
    fs.mkdirSync(path.join(store.dir, 'x.json'));
    expect(store.list().map((s) => s.name)).toEqual(['fox']);
    expect(store.find('x')).toBeUndefined();
    expect(() => store.get('x')).toThrow('no session named "x"');
  });

  it('never overwrites an SVG file that is already there', () => {
    const { store } = newStore();
    fs.mkdirSync(path.join(store.dir, 'fox'), { recursive: true });
    fs.writeFileSync(path.join(store.dir, 'fox', '001.svg'), 'older bytes');
    store.create({ name: 'fox', settings });
    const { turn } = store.appendTurn('fox', draft('a fox'));
    expect(turn.svg!.path).toBe('fox/001-2.svg');
    expect(fs.readFileSync(path.join(store.dir, 'fox', '001.svg'), 'utf8')).toBe('older bytes');
  });
});
