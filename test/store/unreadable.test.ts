// A session file that fails to parse or validate is kept aside, reported, and never overwritten;
// the session's SVG files and every other session stay as they were.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SessionStore } from '../../src/store/sessionStore.js';
import { tempHome } from '../helpers/cli.js';
import { draft, settings } from './helpers/drafts.js';

function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files[path.relative(dir, path.join(entry.parentPath, entry.name))] = fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
  }
  return files;
}

function twoSessions() {
  const warnings: string[] = [];
  const store = new SessionStore(tempHome(), { onWarning: (message) => warnings.push(message) });
  store.create({ name: 'broken', settings });
  store.appendTurn('broken', draft('a fox'));
  store.appendTurn('broken', draft('a moon'));
  store.create({ name: 'fine', settings });
  store.appendTurn('fine', draft('a cat'));
  return { store, warnings };
}

const breakages: [string, (text: string) => string][] = [
  ['truncated mid-write', (text) => text.slice(0, Math.floor(text.length / 2))],
  ['empty', () => ''],
  ['hand-edited into invalid JSON', (text) => text.replace('"head"', 'head')],
  ['valid JSON, invalid session', (text) => text.replace(/"sha256":"[0-9a-f]+"/, '"sha256":"nope"')],
  ['a head that is not a turn', (text) => text.replace('"head": "t2"', '"head": "t7"')],
];

describe('an unreadable session file', () => {
  it.each(breakages)('%s: moved aside, reported, the rest untouched', (_, breakIt) => {
    const { store, warnings } = twoSessions();
    const file = store.fileOf('broken');
    const broken = breakIt(fs.readFileSync(file, 'utf8'));
    fs.writeFileSync(file, broken);
    const svgsBefore = snapshot(path.join(store.dir, 'broken'));
    const fineBefore = fs.readFileSync(store.fileOf('fine'), 'utf8');

    // The command goes on: the other session is still listed.
    expect(store.list().map((s) => s.name)).toEqual(['fine']);

    const aside = fs.readdirSync(store.dir).filter((f) => f.startsWith('broken.json.unreadable-'));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(store.dir, aside[0]), 'utf8')).toBe(broken);
    expect(fs.existsSync(file)).toBe(false);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(path.join(store.dir, aside[0]));
    expect(snapshot(path.join(store.dir, 'broken'))).toEqual(svgsBefore);
    expect(fs.readFileSync(store.fileOf('fine'), 'utf8')).toBe(fineBefore);
  });

  it('a new session under the same name never overwrites the old SVG files', () => {
    const { store, warnings } = twoSessions();
    fs.writeFileSync(store.fileOf('broken'), '{"version": 2, "id": ');
    const before = snapshot(path.join(store.dir, 'broken'));
    const fresh = store.ensure({ name: 'broken', settings });
    const { turn } = store.appendTurn(fresh.id, draft('a new start'));
    expect(warnings[0]).toMatch(/moved it aside/);
    expect(turn.svg!.path).toBe('broken/001-2.svg');
    const after = snapshot(path.join(store.dir, 'broken'));
    for (const [name, text] of Object.entries(before)) expect(after[name]).toBe(text);
  });

  it('get() on it reports it and then says the session is unknown (exit 2)', () => {
    const { store, warnings } = twoSessions();
    fs.writeFileSync(store.fileOf('broken'), 'garbage');
    expect(() => store.get('broken')).toThrow(/no session named "broken"/);
    expect(warnings[0]).toMatch(/broken\.json is unreadable \(it is not valid JSON/);
  });

  it('a file from a newer svgchat is skipped, not moved', () => {
    const { store, warnings } = twoSessions();
    const file = store.fileOf('broken');
    const future = fs.readFileSync(file, 'utf8').replace('"version": 2', '"version": 3');
    fs.writeFileSync(file, future);
    expect(store.list().map((s) => s.name)).toEqual(['fine']);
    expect(warnings[0]).toMatch(/newer svgchat \(schema version 3/);
    expect(fs.readFileSync(file, 'utf8')).toBe(future);
    expect(() => store.get('broken')).toThrow(/newer svgchat/);
    expect(() => store.appendTurn('broken', draft('x'))).toThrow(/newer svgchat/);
    expect(fs.readFileSync(file, 'utf8')).toBe(future);
  });

  it('two files with one id (a rename stopped between its two steps): both listed, reported once, reachable by name', () => {
    const { store, warnings } = twoSessions();
    // What a rename leaves when killed after writing the new file and before removing the old one.
    const left = JSON.parse(fs.readFileSync(store.fileOf('fine'), 'utf8'));
    fs.writeFileSync(path.join(store.dir, 'fine-renamed.json'), JSON.stringify({ ...left, name: 'fine-renamed', updatedAt: '2099-01-01T00:00:00.000Z' }, null, 2));
    const before = snapshot(store.dir);
    expect(store.list().map((s) => s.name).sort()).toEqual(['broken', 'fine', 'fine-renamed']);
    store.list();
    expect(warnings).toEqual([`sessions "fine" (1 turn, used ${left.updatedAt.slice(0, 16).replace('T', ' ')}) and "fine-renamed" (1 turn, used 2099-01-01 00:00) have the same id (a rename that stopped half way?); keep one, e.g.: svgchat sessions rm fine`]);
    expect(() => store.get(left.id)).toThrow(`2 sessions have the id ${left.id}: `);
    expect(store.get('fine-renamed').turns).toHaveLength(1);
    expect(snapshot(store.dir)).toEqual(before); // nothing removed or rewritten on its own
    store.remove('fine');
    expect(store.get(left.id).name).toBe('fine-renamed');
  });
});
