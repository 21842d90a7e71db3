// Slash commands on a real store in a temp home, without a terminal: what each does to the sessions on disk.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { runCommand } from '../../src/repl/commands/index.js';
import { ReplState } from '../../src/repl/state.js';
import { SessionStore } from '../../src/store/sessionStore.js';
import type { InputStream, OutputStream } from '../../src/ui/prompts.js';
import { fakeContext } from '../helpers/context.js';
import { tempHome } from '../helpers/cli.js';
import { draft, settings } from '../store/helpers/drafts.js';

function replOn(prompts: string[], env: Record<string, string> = {}) {
  const home = tempHome();
  const { ctx } = fakeContext(home, { env });
  const store = new SessionStore(home);
  const state = new ReplState(ctx, store, {}, { input: ctx.stdin as InputStream, output: ctx.stdout as unknown as OutputStream }, { links: false });
  if (prompts.length > 0) {
    store.create({ name: 'fox', settings });
    for (const prompt of prompts) store.appendTurn('fox', draft(prompt));
    state.switchTo(store.get('fox'));
  }
  const run = (name: string, args = '') => runCommand(state, name, args);
  const text = async (name: string, args = '') => {
    const result = await run(name, args);
    if (result.kind !== 'message') throw new Error(`expected a message, got ${result.kind}`);
    return result.text;
  };
  return { home, store, state, run, text };
}

describe('REPL slash commands on the store', () => {
  it('/undo, /redo and /reset move the head; /history shows the path to it', async () => {
    const { store, text } = replOn(['a fox', 'add a moon']);
    expect(await text('undo')).toBe('undone: now at t1   -     a fox');
    expect(store.get('fox').head).toBe('t1');
    expect(await text('redo')).toMatch(/^redone: now at t2 /);
    expect(await text('reset')).toBe('reset: the next prompt starts from scratch (2 turns kept)');
    expect(store.get('fox').head).toBeNull();
    expect(await text('history')).toBe('fox, start to current turn:\n  (at the start: the next prompt begins a new branch)\n  2 more turns on other branches (svgchat sessions show fox)');
    // After a reset, redo goes to the most recent first turn.
    expect(await text('redo')).toBe('redone: now at t1   -     a fox');
    expect(await text('history')).toBe('fox, start to current turn:\n  t1   -     a fox\n  1 more turn on other branches (svgchat sessions show fox)');
  });

  it('/regenerate asks for the head prompt again with a fresh seed, in place of the head', async () => {
    const { run } = replOn(['a fox', 'add a moon']);
    const first = await run('regenerate');
    const second = await run('regenerate');
    expect(first).toMatchObject({ kind: 'generate', prompt: 'add a moon', replacing: 't2' });
    expect(first.kind === 'generate' && second.kind === 'generate' && first.seed !== second.seed).toBe(true);
  });

  it('/fork copies the path into a new session and switches to it; /rename renames the current one', async () => {
    const { store, state, run, text } = replOn(['a fox', 'add a moon', 'add a tree']);
    const result = await run('fork', '2');
    expect(result).toMatchObject({ kind: 'switch', session: { name: 'fox-fork' } });
    expect(result.kind === 'switch' && result.session!.turns.map((turn) => turn.prompt)).toEqual(['a fox', 'add a moon']);
    state.switchTo(result.kind === 'switch' ? result.session : undefined);
    expect(await text('rename', 'night-fox')).toBe('renamed fox-fork to night-fox');
    expect(store.list().map((session) => session.name).sort()).toEqual(['fox', 'night-fox']);
    expect(state.session!.name).toBe('night-fox');
    await expect(run('rename', 'fox')).rejects.toThrow('a session named "fox" already exists');
    await expect(run('rename', '')).rejects.toThrow('/rename needs a new name');
  });

  it('before the first prompt: /rename and /new name the session to come; turn commands say there are no turns yet', async () => {
    const { store, state, run, text } = replOn([]);
    await expect(run('history')).rejects.toThrow('this session has no turns yet');
    await expect(run('fork')).rejects.toThrow('this session has no turns yet');
    expect(await text('rename', 'later')).toBe('this new session will be saved as later');
    expect(state.pendingName).toBe('later');
    expect(await run('new', 'sketch')).toMatchObject({ kind: 'switch', session: undefined, name: 'sketch' });
    await expect(run('new', '../up')).rejects.toThrow(/invalid session name/);
    expect(store.list()).toEqual([]);
  });

  it('/sessions lists the sessions, /resume switches by name and suggests near misses', async () => {
    const { run, text } = replOn(['a fox']);
    expect(await text('sessions')).toMatch(/^\* fox +1 turn /);
    expect(await run('resume', 'fox')).toMatchObject({ kind: 'switch', session: { name: 'fox' }, text: 'resumed fox: 1 turn, at t1 "a fox"' });
    await expect(run('resume', 'fxo')).rejects.toThrow(expect.objectContaining({ hint: expect.stringContaining('did you mean "fox"?') }));
  });

  it('/provider and /model change who draws and keep it on the session', async () => {
    const { store, state, run, text } = replOn(['a fox'], { OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' });
    expect(await text('model', 'fake-large')).toBe('now drawing with openai/fake-large');
    expect(store.get('fox').settings).toMatchObject({ provider: 'openai', model: 'fake-large' });
    expect(await text('provider', 'offline')).toBe('now drawing with offline/composer-1');
    expect(await text('provider', 'openai')).toBe('now drawing with openai/gpt-4o-mini');
    await expect(run('provider', 'martian')).rejects.toThrow('unknown provider "martian"');
    expect(state.settings()).toMatchObject({ provider: 'openai', model: 'gpt-4o-mini' });
  });

  it('/export writes the file into the working directory; a bad format is a usage error', async () => {
    const { home, text, run } = replOn(['a fox']);
    expect(await text('export', 'md')).toBe(`exported fox (1 turn) as md: ${path.join(home, 'fox.md')}`);
    expect(fs.readFileSync(path.join(home, 'fox.md'), 'utf8')).toContain('a fox');
    expect(fs.existsSync(path.join(home, 'fox_files'))).toBe(true);
    await expect(run('export', 'pdf')).rejects.toThrow('cannot export as "pdf"');
    await expect(run('export', 'md a.md extra')).rejects.toThrow(UsageError);
  });

  it('turn arguments are checked: not a turn, no such turn', async () => {
    const { run } = replOn(['a fox']);
    await expect(run('open', 'fox')).rejects.toThrow('"fox" is not a turn');
    await expect(run('score', 't7')).rejects.toThrow('session "fox" has no turn t7');
  });
});
