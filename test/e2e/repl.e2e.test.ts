// The REPL as a person uses it: the built binary in a real pseudo-terminal (tmux), keys in, screen out,
// and the sessions it leaves on disk.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, type TestContext } from 'vitest';
import { SessionStore } from '../../src/store/sessionStore.js';
import { SIMPLE_SVG, startFakeOpenAI } from '../fakes/openai-server.js';
import { runCli, tempHome } from '../helpers/cli.js';
import { Terminal } from '../repl/terminal.js';

function open(test: TestContext, args: string[], env: Record<string, string> = {}) {
  const home = tempHome('svgchat-repl-');
  const terminal = Terminal.start(args, { home, env });
  test.onTestFinished(() => terminal.kill());
  return { home, terminal, store: new SessionStore(home) };
}

/** Sends a prompt and waits for its whole reply ("✓ tN  <file>", the score line, ...) up to the next prompt. */
async function draw(terminal: Terminal, prompt: string, turn: string) {
  terminal.line(prompt);
  return terminal.waitFor(new RegExp(`✓ ${turn}  \\S+\\.svg\\n  score \\d\\.\\d\\d[\\s\\S]*?\\n\\S+ ›`));
}

const shape = (session: { turns: { id: string; parent: string | null; prompt: string }[]; head: string | null }) => ({
  head: session.head,
  turns: session.turns.map(({ id, parent, prompt }) => ({ id, parent, prompt })),
});

// A terminal session is a chain of waits; on a busy machine it needs more than the default time.
describe.concurrent('svgchat chat in a terminal (built binary, tmux)', { timeout: 90_000 }, () => {
  it('draws, undoes, branches, shows history, forks and renames; the sessions on disk hold exactly that tree', async (test) => {
    const { expect } = test;
    const { home, terminal, store } = open(test, ['chat', 'tree']);
    await terminal.waitFor(/tree \(new\): saved at the first prompt · drawing with offline\/composer-1/);
    const first = await draw(terminal, 'a red fox in the snow', 't1');
    expect(first).toContain(path.join(home, 'sessions', 'tree', '001.svg'));
    expect(first).toMatch(/placed: .*fox/);
    await draw(terminal, 'add a moon', 't2');
    terminal.line('/undo');
    await terminal.waitFor('undone: now at t1');
    await draw(terminal, 'add a pine tree', 't3');
    terminal.line('/history');
    const history = await terminal.waitFor('on other branches');
    expect(history).toMatch(/t1 +\d\.\d\d +a red fox in the snow\n +t3 +\d\.\d\d +add a pine tree\n +1 more turn on other branches/);
    terminal.line('/fork');
    await terminal.waitFor('forked tree at t3 into tree-fork: 2 turns');
    terminal.line('/rename fox-branch');
    await terminal.waitFor('renamed tree-fork to fox-branch');
    await terminal.waitFor('fox-branch ›');
    terminal.line('/exit');
    await terminal.waitFor('Resume it with: svgchat chat fox-branch');
    expect(await terminal.exitStatus()).toBe(0);

    expect(store.list().map((session) => session.name).sort()).toEqual(['fox-branch', 'tree']);
    expect(shape(store.get('tree'))).toEqual({
      head: 't3',
      turns: [
        { id: 't1', parent: null, prompt: 'a red fox in the snow' },
        { id: 't2', parent: 't1', prompt: 'add a moon' },
        { id: 't3', parent: 't1', prompt: 'add a pine tree' },
      ],
    });
    const fork = store.get('fox-branch');
    expect(shape(fork)).toEqual({
      head: 't2',
      turns: [
        { id: 't1', parent: null, prompt: 'a red fox in the snow' },
        { id: 't2', parent: 't1', prompt: 'add a pine tree' },
      ],
    });
    expect(fork.forkedFrom).toMatchObject({ sessionName: 'tree', turnId: 't3' });
    for (const session of [store.get('tree'), fork]) for (const turn of session.turns) expect(fs.readFileSync(store.svgFile(turn.svg!), 'utf8')).toMatch(/^<svg[\s\S]*<\/svg>$/);
  });

  it('Ctrl-C during a slow reply cancels that reply only; the next prompt is drawn', async (test) => {
    const { expect } = test;
    const server = await startFakeOpenAI();
    test.onTestFinished(() => server.close());
    server.script({ type: 'stall' }, { type: 'stall' }, { type: 'reply', content: `A red circle on blue, as asked.\n${SIMPLE_SVG}` });
    const { terminal, store } = open(test, ['chat', 'slow'], { OPENAI_BASE_URL: server.url, OPENAI_API_KEY: '' });
    await terminal.waitFor('drawing with openai/gpt-4o-mini');
    terminal.line('a lighthouse at night');
    await terminal.waitFor(/drawing….*\d\.\ds/);
    await expect.poll(() => server.chatRequests().length, { timeout: 10_000 }).toBe(1);
    terminal.press('C-c');
    await terminal.waitFor('cancelled; nothing was added to slow');
    await terminal.waitFor('slow ›');
    await expect.poll(() => server.chatRequests()[0].abandoned, { timeout: 10_000 }).toBe(true);
    // Ctrl-C as a signal (kill -INT) cancels a drawing the same way.
    terminal.line('a ship at sea');
    await terminal.waitFor(/drawing….*\d\.\ds/);
    await expect.poll(() => server.chatRequests().length, { timeout: 10_000 }).toBe(2);
    process.kill(terminal.programPid(), 'SIGINT');
    await terminal.waitFor('cancelled; nothing was added to slow');
    await expect.poll(() => server.chatRequests()[1].abandoned, { timeout: 10_000 }).toBe(true);
    const reply = await draw(terminal, 'a red circle on blue', 't1');
    expect(reply).toMatch(/openai\/gpt-4o-mini/);
    expect(reply).toMatch(/model: A red circle on blue, as asked\./);
    // /model without a name offers the endpoint's models; the pick is what the next request asks for.
    terminal.line('/model');
    await terminal.waitFor('Model (now gpt-4o-mini)');
    await terminal.waitFor('fake-large');
    terminal.press('Up');
    terminal.press('Enter');
    await terminal.waitFor('now drawing with openai/fake-large', { since: 'slow › /model' });
    await draw(terminal, 'make it green', 't2');
    expect(server.chatRequests().at(-1)!.body!.model).toBe('fake-large');
    terminal.press('C-d');
    await terminal.waitFor('Resume it with: svgchat chat slow');
    expect(await terminal.exitStatus()).toBe(0);
    expect(shape(store.get('slow'))).toEqual({ head: 't2', turns: [{ id: 't1', parent: null, prompt: 'a red circle on blue' }, { id: 't2', parent: 't1', prompt: 'make it green' }] });
    expect(store.get('slow').settings).toMatchObject({ provider: 'openai', model: 'fake-large' });
  });

  it('answers mistakes with one line and goes on: unknown commands get a suggestion, bad arguments an error', async (test) => {
    const { expect } = test;
    const { terminal, store } = open(test, ['chat', 'oops']);
    await terminal.waitFor('oops ›');
    const mistakes: [string, RegExp][] = [
      ['/hisotry', /error: unknown command \/hisotry · did you mean \/history\?/],
      ['/comand', /error: unknown command \/comand · /],
      ['/undo', /error: this session has no turns yet/],
      ['/', /error: unknown command \/ · /],
      ['/rename ../../etc', /error: invalid session name "..\/..\/etc": a session name is not a path/],
      ['/resume no-such-session', /error: no session named "no-such-session"/],
    ];
    for (const [input, answer] of mistakes) {
      terminal.line(input);
      const text = await terminal.waitFor(/\noops ›/);
      // The input line, one line of answer, the next prompt.
      expect(text.trim().split('\n').slice(-2, -1)[0]).toMatch(answer);
      expect(text.trim().split('\n').filter((line) => line.startsWith('error:'))).toHaveLength(1);
    }
    await draw(terminal, 'a yellow star', 't1');
    const more: [string, RegExp][] = [
      ['/fork t99', /error: session "oops" has no turn t99/],
      ['/score banana', /error: "banana" is not a turn/],
      ['/export pdf', /error: cannot export as "pdf"/],
      ['/provider martian', /error: unknown provider "martian"/],
      ['/provider openai', /error: no OpenAI-compatible endpoint is configured/],
      ['/redo', /error: nothing to redo/],
      ['/exit now', /error: \/exit takes no arguments/],
      [`/${'x'.repeat(600)}`, /error: unknown command \/x{30}…/],
    ];
    for (const [input, answer] of more) {
      terminal.line(input);
      const text = await terminal.waitFor(/\noops ›/);
      expect(text.trim().split('\n').slice(-2, -1)[0]).toMatch(answer);
    }
    await draw(terminal, 'add a blue moon', 't2');
    expect(store.get('oops').turns).toHaveLength(2);
  });

  it('Ctrl-C twice at an empty prompt leaves with exit 0 and says how to resume; Ctrl-C on typed text only clears it', async (test) => {
    const { expect } = test;
    const { terminal } = open(test, ['chat', 'leave']);
    await terminal.waitFor('leave ›');
    await draw(terminal, 'a green apple', 't1');
    terminal.type('half a prompt');
    terminal.press('C-c');
    await terminal.waitFor('half a prompt^C');
    terminal.press('C-c');
    await terminal.waitFor('Ctrl-C again to leave');
    terminal.press('C-c');
    await terminal.waitFor('session leave is saved (1 turn). Resume it with: svgchat chat leave');
    expect(await terminal.exitStatus()).toBe(0);
  });
});

describe.concurrent('svgchat and svgchat chat -c in a terminal (built binary, tmux)', { timeout: 90_000 }, () => {
  it('svgchat alone opens the REPL on a new session; leaving before a prompt saves nothing', async (test) => {
    const { expect } = test;
    const { terminal, store } = open(test, []);
    await terminal.waitFor('new session: saved at the first prompt · drawing with offline/composer-1');
    await terminal.waitFor('new ›');
    terminal.press('C-d');
    await terminal.waitFor('nothing saved (no prompts in this session)');
    expect(await terminal.exitStatus()).toBe(0);
    expect(store.list()).toEqual([]);
  });

  it('svgchat chat -c with no session yet is a usage error', async (test) => {
    const { expect } = test;
    const { terminal } = open(test, ['chat', '-c']);
    await terminal.waitFor('svgchat: error: there is no session to continue yet\nhint: start one with: svgchat chat');
    expect(await terminal.exitStatus()).toBe(2);
  });
});

describe('svgchat chat without a terminal', () => {
  it('exits 2 and points at gen, like svgchat alone', () => {
    const home = tempHome();
    for (const args of [['chat'], ['chat', 'fox'], []]) {
      const result = runCli(args, { home });
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/no (command given and no )?terminal to chat in\nhint: for scripts use: svgchat gen/);
    }
  });
});

describe.concurrent('svgchat chat: input and the rest of the slash commands (built binary, tmux)', { timeout: 90_000 }, () => {
  it('completes commands and session names with Tab, takes multi-line prompts, and keeps input history across runs', async (test) => {
    const { expect } = test;
    const home = tempHome('svgchat-repl-');
    expect(runCli(['gen', 'a zebra', '-s', 'zebra-stripes'], { home }).status).toBe(0);
    const terminal = Terminal.start(['chat', 'words'], { home });
    test.onTestFinished(() => terminal.kill());
    await terminal.waitFor('words ›');
    terminal.type('a blue whale \\');
    terminal.press('Enter');
    await terminal.waitFor('\n…');
    await draw(terminal, 'under a yellow sun', 't1');
    terminal.paste('two red apples\non a green table');
    await terminal.waitFor('… on a green table');
    terminal.press('Enter');
    await terminal.waitFor(/✓ t2 /);
    terminal.type('/his');
    terminal.press('Tab');
    await terminal.waitFor('words › /history');
    terminal.press('Enter');
    await terminal.waitFor(/t2 +\d\.\d\d +two red apples on a green table/);
    terminal.type('/resume zeb');
    terminal.press('Tab');
    await terminal.waitFor('/resume zebra-stripes');
    terminal.press('Enter');
    await terminal.waitFor('resumed zebra-stripes: 1 turn, at t1 "a zebra"');
    terminal.press('C-d');
    await terminal.waitFor('Resume it with: svgchat chat zebra-stripes');
    expect(await terminal.exitStatus()).toBe(0);
    const store = new SessionStore(home);
    expect(store.get('words').turns.map((turn) => turn.prompt)).toEqual(['a blue whale\nunder a yellow sun', 'two red apples\non a green table']);
    expect(fs.readFileSync(path.join(home, 'history'), 'utf8')).toBe('a blue whale under a yellow sun\ntwo red apples on a green table\n/history\n/resume zebra-stripes\n');

    const again = Terminal.start(['chat', '-c'], { home });
    test.onTestFinished(() => again.kill());
    await again.waitFor('zebra-stripes: 1 turn, at t1 "a zebra"');
    again.press('Up');
    again.press('Up');
    await again.waitFor('zebra-stripes › /history');
  });

  it('runs every other command against the real store: regenerate, reset, redo, open, view, export, score, edit, provider, new, delete', async (test) => {
    const { expect } = test;
    const home = tempHome('svgchat-repl-');
    const opened = path.join(home, 'opened.txt');
    fs.writeFileSync(path.join(home, 'viewer.sh'), `#!/bin/sh\necho "$1" >> '${opened}'\n`, { mode: 0o755 });
    fs.writeFileSync(path.join(home, 'editor.sh'), '#!/bin/sh\nprintf "a purple umbrella\\nin the rain\\n" > "$1"\n', { mode: 0o755 });
    const terminal = Terminal.start(['chat', 'cmds'], { home, env: { SVGCHAT_VIEWER: path.join(home, 'viewer.sh'), EDITOR: path.join(home, 'editor.sh') } });
    test.onTestFinished(() => terminal.kill());
    const store = new SessionStore(home);
    await terminal.waitFor('cmds ›');
    await draw(terminal, 'a red apple', 't1');
    await draw(terminal, '/regenerate', 't2');
    const [t1, t2] = store.get('cmds').turns;
    expect([t2.parent, t2.prompt]).toEqual([null, 'a red apple']);
    expect(t2.seed).not.toBe(t1.seed);
    terminal.line('/reset');
    await terminal.waitFor('reset: the next prompt starts from scratch (2 turns kept)');
    expect(store.get('cmds').head).toBeNull();
    terminal.line('/redo');
    await terminal.waitFor(/redone: now at t2 /);
    terminal.line('/open 1');
    await terminal.waitFor(`opened ${path.join(home, 'sessions', 'cmds', '001.svg')}`);
    terminal.line('/view');
    const gallery = (await terminal.waitFor(/gallery of cmds: \S+/)).split('gallery of cmds: ')[1];
    expect(fs.readFileSync(gallery, 'utf8')).toMatch(/^<!doctype html>/i);
    terminal.line('/export json');
    await terminal.waitFor(`exported cmds (2 turns) as json: ${path.join(home, 'cmds.json')}`);
    expect(JSON.parse(fs.readFileSync(path.join(home, 'cmds.json'), 'utf8'))).toMatchObject({ format: 'svgchat-session', session: { name: 'cmds' } });
    terminal.line('/score');
    await terminal.waitFor(/score +valid +cover[\s\S]*002\.svg/);
    await draw(terminal, '/edit', 't3');
    expect(store.get('cmds').turns[2]).toMatchObject({ parent: 't2', prompt: 'a purple umbrella\nin the rain' });
    expect(fs.readFileSync(opened, 'utf8').trim().split('\n')).toEqual([path.join(home, 'sessions', 'cmds', '001.svg'), gallery]);
    terminal.line('/provider');
    await terminal.waitFor('Provider (now offline)');
    terminal.press('Enter');
    await terminal.waitFor('now drawing with offline/composer-1', { since: 'cmds › /provider' });
    terminal.line('/new');
    await terminal.waitFor('new session: it is saved at the first prompt');
    terminal.line('/delete cmds');
    await terminal.waitFor('Delete session "cmds" (3 turns and their SVG files)?');
    terminal.type('y');
    terminal.press('Enter');
    await terminal.waitFor('deleted session "cmds"', { since: '/delete cmds' });
    terminal.line('/exit');
    await terminal.waitFor('nothing saved (no prompts in this session)');
    expect(await terminal.exitStatus()).toBe(0);
    expect(store.list()).toEqual([]);
  });
});
