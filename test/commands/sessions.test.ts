import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sessionsExport, sessionsFork, sessionsImport, sessionsList, sessionsPath, sessionsRemove, sessionsShow } from '../../src/commands/sessions.js';
import { ago } from '../../src/commands/sessions/show.js';
import { SessionStore } from '../../src/store/sessionStore.js';
import { fakeContext } from '../helpers/context.js';
import { tempHome } from '../helpers/cli.js';
import { draft, settings } from '../store/helpers/drafts.js';

function homeWithSessions() {
  const home = tempHome();
  const store = new SessionStore(home);
  store.create({ name: 'fox', settings });
  store.appendTurn('fox', draft('a red fox in the snow', { score: 0.75 }));
  store.appendTurn('fox', draft('add a moon', { candidates: [{ svg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>', score: 0.1 }] }));
  store.create({ name: 'boat', settings });
  store.appendTurn('boat', draft('a small boat'));
  return { home, store };
}

describe('sessions commands', () => {
  it('list: a table on a terminal, colourless with NO_COLOR, newest first', async () => {
    const { home } = homeWithSessions();
    const { ctx, stdout } = fakeContext(home, { tty: true, env: { NO_COLOR: '1' } });
    await sessionsList(ctx, {});
    const lines = stdout().split('\n');
    expect(lines[0]).toMatch(/^NAME +TURNS +UPDATED +TITLE$/);
    expect(lines[1]).toMatch(/^boat +1 +just now +a small boat$/);
    expect(lines[2]).toMatch(/^fox +2 +just now +a red fox in the snow$/);
    expect(stdout()).not.toContain('\x1b[');
  });

  it('list and show print a prompt holding escape sequences as text (an imported file cannot drive the terminal)', async () => {
    const home = tempHome();
    const store = new SessionStore(home);
    store.create({ name: 'odd', title: 'a fox \x1b]0;pwned\x07', settings });
    store.appendTurn('odd', draft('a fox \x1b[2J\x1b]8;;http://x\x07link'));
    for (const tty of [true, false]) {
      const list = fakeContext(home, { tty, env: { NO_COLOR: '1' } });
      await sessionsList(list.ctx, {});
      const show = fakeContext(home, { tty, env: { NO_COLOR: '1' } });
      await sessionsShow(show.ctx, 'odd', {});
      for (const out of [list.stdout(), show.stdout()]) {
        expect(out).not.toMatch(/[\x07\x1b]/);
        expect(out).toContain('\ufffd');
      }
    }
  });

  it('list --json and --search', async () => {
    const { home } = homeWithSessions();
    const { ctx, stdout } = fakeContext(home);
    await sessionsList(ctx, { json: true, search: 'moon' });
    const listed = JSON.parse(stdout());
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ name: 'fox', turns: 2, head: 't2', file: path.join(home, 'sessions', 'fox.json') });
  });

  it('show: turns with prompts, files, scores and the head', async () => {
    const { home } = homeWithSessions();
    const { ctx, stdout } = fakeContext(home);
    await sessionsShow(ctx, 'FOX', {});
    expect(stdout()).toContain(`| t1    root     a red fox in the snow\n                 ${path.join(home, 'sessions', 'fox', '001.svg')} · score 0.75`);
    expect(stdout()).toMatch(/\* t2 +← t1 +add a moon\n.*best of 2/);
    expect(stdout()).toContain('history (root to head): t1 → t2');
  });

  it('rm asks on a terminal and removes nothing without a yes; scripts need --yes', async () => {
    const { home, store } = homeWithSessions();
    const script = fakeContext(home);
    await expect(sessionsRemove(script.ctx, 'fox', {})).rejects.toThrow(/without confirmation/);
    const answeredNo = fakeContext(home, { tty: true, stdin: 'n\n' });
    await sessionsRemove(answeredNo.ctx, 'fox', {}).catch(() => {});
    expect(store.find('fox')).toBeDefined();
    const yes = fakeContext(home);
    await sessionsRemove(yes.ctx, 'fox', { yes: true });
    expect(store.find('fox')).toBeUndefined();
    expect(yes.stderr()).toMatch(/removed session "fox" \(2 turns/);
  });

  it('fork prints the new name; path prints files', async () => {
    const { home } = homeWithSessions();
    const fork = fakeContext(home);
    await sessionsFork(fork.ctx, 'fox', { turn: '1' });
    expect(fork.stdout()).toBe('fox-fork\n');
    const where = fakeContext(home);
    await sessionsPath(where.ctx, 'fox-fork');
    expect(where.stdout()).toBe(`${path.join(home, 'sessions', 'fox-fork.json')}\n`);
  });

  it.each([
    ['out.md', undefined, /^# /],
    ['out.markdown', undefined, /^# /],
    ['out.htm', undefined, /^<!doctype html>/],
    ['out.json', undefined, /^\{\n {2}"format": "svgchat-session"/],
    ['out.txt', 'json', /^\{/],
  ])('export -o %s (format %s)', async (file, format, start) => {
    const { home } = homeWithSessions();
    const { ctx, stdout } = fakeContext(home);
    await sessionsExport(ctx, 'fox', { output: file, format });
    expect(stdout()).toBe(`${path.join(home, file)}\n`);
    expect(fs.readFileSync(path.join(home, file), 'utf8')).toMatch(start);
  });

  it('export refuses an unknown format; md on stdout is self-contained', async () => {
    const { home } = homeWithSessions();
    await expect(sessionsExport(fakeContext(home).ctx, 'fox', { output: 'x.pdf' })).rejects.toThrow(/unknown export format "pdf"/);
    const { ctx, stdout } = fakeContext(home);
    await sessionsExport(ctx, 'fox', {});
    expect(stdout()).toMatch(/!\[turn t1\]\(data:image\/svg\+xml;base64,/);
  });

  it('import reads a JSON export from stdin', async () => {
    const { home } = homeWithSessions();
    const exported = fakeContext(home);
    await sessionsExport(exported.ctx, 'fox', { format: 'json' });
    const other = tempHome();
    const imported = fakeContext(other, { stdin: exported.stdout() });
    await sessionsImport(imported.ctx, '-', {});
    expect(imported.stdout()).toBe('fox\n');
    expect(new SessionStore(other).get('fox').turns.map((t) => t.prompt)).toEqual(['a red fox in the snow', 'add a moon']);
  });

  it('import stores a hostile SVG from an export sanitized, and warns which turn it cleaned', async () => {
    const home = tempHome();
    const store = new SessionStore(home);
    store.create({ name: 'fox', settings });
    store.appendTurn('fox', draft('a red fox'));
    store.appendTurn('fox', draft('hostile', { svg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><script>alert(1)</script><circle r="4" onload="alert(2)"/></svg>' }));
    const exported = fakeContext(home);
    await sessionsExport(exported.ctx, 'fox', { format: 'json' });
    expect(exported.stdout()).toContain('<script>');
    const other = tempHome();
    const imported = fakeContext(other, { stdin: exported.stdout() });
    await sessionsImport(imported.ctx, '-', {});
    expect(imported.stdout()).toBe('fox\n');
    const target = new SessionStore(other);
    const stored = target.readSvg(target.get('fox').turns[1].svg!);
    expect(stored).not.toMatch(/script|onload|alert/);
    expect(stored).toContain('<circle r="4"/>');
    expect(imported.stderr()).toMatch(/warning: turn t2: its SVG was sanitized before it was stored \(.*script/);
    expect(imported.stderr()).not.toMatch(/turn t1/);
  });

  it('import refuses files that are not exports', async () => {
    const { home } = homeWithSessions();
    fs.writeFileSync(path.join(home, 'notes.md'), '# just notes\n\nnothing here');
    await expect(sessionsImport(fakeContext(home).ctx, 'notes.md', {})).rejects.toThrow(/no turns found/);
    await expect(sessionsImport(fakeContext(home).ctx, 'missing.json', {})).rejects.toThrow(/cannot read missing.json: ENOENT/);
  });

  it.each([
    [0, 'just now'],
    [59_000, 'just now'],
    [5 * 60_000, '5 min ago'],
    [3 * 3_600_000, '3 h ago'],
    [2 * 86_400_000, '2 d ago'],
    [40 * 86_400_000, '2026-01-01'],
  ])('%i ms ago reads %j', (ms, text) => {
    const then = Date.parse('2026-01-01T00:00:00Z');
    expect(ago(new Date(then).toISOString(), then + ms)).toBe(text);
  });
});
