// Sessions through the built binary: concurrent appends, names, lookups, the sessions commands.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runCli, runCliAsync, tempHome } from '../helpers/cli.js';
import { launchBrowser } from '../helpers/browser.js';
import { distinctColors, renderPixels } from '../helpers/pixels.js';

function sha(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function filesUnder(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).map(String).sort() : [];
}

function ok(args: string[], home: string, input?: string) {
  const result = runCli(args, { home, input });
  expect(result.stderr).not.toMatch(/error/);
  expect(result.status).toBe(0);
  return result;
}

describe('sessions (built binary)', () => {
  it('4 processes x 25 `gen --session same` at once give exactly 100 turns, every SVG present with its sha256', async () => {
    const home = tempHome();
    const lanes = [0, 1, 2, 3].map(async (lane) => {
      const results = [];
      for (let n = 0; n < 25; n++) results.push(await runCliAsync(['gen', '--session', 'same', `prompt ${lane}-${n}`], { home }));
      return results;
    });
    const results = (await Promise.all(lanes)).flat();
    for (const result of results) expect(result.stderr.match(/error.*/)?.[0] ?? '').toBe('');
    expect(results.map((r) => r.status)).toEqual(Array(100).fill(0));
    const session = JSON.parse(fs.readFileSync(path.join(home, 'sessions', 'same.json'), 'utf8'));
    expect(session.turns).toHaveLength(100);
    expect(new Set(session.turns.map((t: { id: string }) => t.id)).size).toBe(100);
    const expected = [0, 1, 2, 3].flatMap((lane) => Array.from({ length: 25 }, (_, n) => `prompt ${lane}-${n}`));
    expect(session.turns.map((t: { prompt: string }) => t.prompt).sort()).toEqual(expected.sort());
    // No append was lost in between: each turn follows the one before it.
    session.turns.forEach((turn: { parent: string | null }, i: number) => expect(turn.parent).toBe(i === 0 ? null : session.turns[i - 1].id));
    expect(session.head).toBe(session.turns[99].id);
    const printed = new Set(results.map((r) => r.stdout.trim()));
    expect(printed.size).toBe(100);
    for (const turn of session.turns) {
      const file = path.join(home, 'sessions', turn.svg.path);
      expect(printed.has(file)).toBe(true);
      expect(sha(file)).toBe(turn.svg.sha256);
      expect(fs.statSync(file).size).toBe(turn.svg.bytes);
    }
  }, 300_000);

  it.each([
    ['../x', /not a path/],
    ['/etc/passwd', /not a path/],
    ['', /empty/],
    ['x'.repeat(200), /200 characters/],
    ['.hidden', /starts with "\."/],
  ])('the session name %j exits 2 with a clear message and creates nothing', (name, reason) => {
    const home = tempHome();
    ok(['gen', '-s', 'cat', 'a cat'], home);
    const before = filesUnder(home);
    // Renaming and forking a session that exists, so the name check is what refuses.
    for (const args of [['gen', '-s', name, 'a cat'], ['sessions', 'rename', 'cat', name], ['sessions', 'fork', 'cat', '--name', name]]) {
      const result = runCli(args, { home });
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/^svgchat: error: .*\nhint: .*\n$/);
      if (name !== '') expect(result.stderr).toMatch(reason);
      expect(result.stdout).toBe('');
    }
    expect(filesUnder(home)).toEqual(before);
    expect(fs.existsSync(path.resolve(home, '..', 'x.json'))).toBe(false);
  });

  it('an unknown session exits 2 and suggests the nearest name; rm asks for --yes in scripts', () => {
    const home = tempHome();
    ok(['gen', '-s', 'red-fox', 'a red fox'], home);
    for (const args of [['sessions', 'show', 'red-fx'], ['sessions', 'export', 'red-fx'], ['sessions', 'rm', 'red-fx', '--yes']]) {
      const result = runCli(args, { home });
      expect(result.status).toBe(2);
    }
    const show = runCli(['sessions', 'show', 'red-fx'], { home });
    expect(show.stderr).toBe('svgchat: error: no session named "red-fx"\nhint: did you mean "red-fox"? (svgchat sessions list shows them all)\n');
    const refused = runCli(['sessions', 'rm', 'red-fox'], { home });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/hint: add --yes/);
    expect(fs.existsSync(path.join(home, 'sessions', 'red-fox.json'))).toBe(true);
    ok(['sessions', 'rm', 'RED-FOX', '--yes'], home);
    expect(filesUnder(path.join(home, 'sessions')).filter((f) => !f.startsWith('.'))).toEqual([]);
  });

  it('list, search, show, fork, rename and path', () => {
    const home = tempHome();
    ok(['gen', '-s', 'fox', 'a red fox in the snow'], home);
    ok(['gen', '-s', 'fox', 'add a moon'], home);
    ok(['gen', '-s', 'boat', 'a small boat'], home);
    expect(ok(['sessions', 'list'], home).stdout).toMatch(/^boat\t1\t\S+\ta small boat\nfox\t2\t\S+\ta red fox in the snow\n$/);
    expect(ok(['sessions', 'list', '--search', 'MOON'], home).stdout).toMatch(/^fox\t/);
    const listed = JSON.parse(ok(['sessions', 'list', '--json'], home).stdout);
    expect(listed.map((s: { name: string; turns: number }) => [s.name, s.turns])).toEqual([['boat', 1], ['fox', 2]]);
    const shown = ok(['sessions', 'show', 'fox'], home).stdout;
    expect(shown).toMatch(/\| t1 +root +a red fox in the snow/);
    expect(shown).toMatch(/\* t2 +← t1 +add a moon/);
    expect(shown).toContain(path.join(home, 'sessions', 'fox', '002.svg'));
    expect(ok(['sessions', 'fork', 'fox', '--turn', '1', '--name', 'fox-early'], home).stdout).toBe('fox-early\n');
    const fork = JSON.parse(ok(['sessions', 'show', 'fox-early', '--json'], home).stdout);
    expect(fork).toMatchObject({ name: 'fox-early', head: 't1', history: ['t1'], forkedFrom: { sessionName: 'fox', turnId: 't1' } });
    ok(['sessions', 'rename', 'fox', 'vixen'], home);
    expect(ok(['sessions', 'path', 'vixen'], home).stdout).toBe(`${path.join(home, 'sessions', 'vixen.json')}\n`);
    expect(ok(['sessions', 'path'], home).stdout).toBe(`${path.join(home, 'sessions')}\n`);
    expect(fs.existsSync(path.join(home, 'sessions', 'vixen', '002.svg'))).toBe(true);
    expect(ok(['gen', '-s', 'vixen', 'make it blue'], home).stdout.trim()).toBe(path.join(home, 'sessions', 'vixen', '003.svg'));
  });

  it('a hand-broken session file is kept aside and reported; the command goes on', () => {
    const home = tempHome();
    ok(['gen', '-s', 'good', 'a cat'], home);
    ok(['gen', '-s', 'bad', 'a dog'], home);
    const bad = path.join(home, 'sessions', 'bad.json');
    const svgs = filesUnder(path.join(home, 'sessions', 'bad')).map((f) => sha(path.join(home, 'sessions', 'bad', f)));
    const truncated = fs.readFileSync(bad, 'utf8').slice(0, 200);
    fs.writeFileSync(bad, truncated);
    const list = runCli(['sessions', 'list'], { home });
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/^good\t1\t/);
    const aside = fs.readdirSync(path.join(home, 'sessions')).find((f) => f.startsWith('bad.json.unreadable-'))!;
    expect(list.stderr).toContain(`svgchat: warning: session file ${bad} is unreadable`);
    expect(list.stderr).toContain(path.join(home, 'sessions', aside));
    expect(fs.readFileSync(path.join(home, 'sessions', aside), 'utf8')).toBe(truncated);
    expect(filesUnder(path.join(home, 'sessions', 'bad')).map((f) => sha(path.join(home, 'sessions', 'bad', f)))).toEqual(svgs);
  });

  it('export --format json then import gives an identical session', () => {
    const from = tempHome();
    ok(['gen', '-s', 'trip', 'a red fox'], from);
    ok(['gen', '-s', 'trip', 'add a moon', '-n', '2'], from);
    const exported = path.join(from, 'trip.json');
    expect(ok(['sessions', 'export', 'trip', '--format', 'json', '-o', exported], from).stdout).toBe(`${exported}\n`);
    const to = tempHome();
    expect(ok(['sessions', 'import', exported], to).stdout).toBe('trip\n');
    const original = JSON.parse(fs.readFileSync(path.join(from, 'sessions', 'trip.json'), 'utf8'));
    const imported = JSON.parse(fs.readFileSync(path.join(to, 'sessions', 'trip.json'), 'utf8'));
    expect(imported).toEqual(original);
    for (const f of filesUnder(path.join(from, 'sessions', 'trip'))) expect(sha(path.join(to, 'sessions', 'trip', f))).toBe(sha(path.join(from, 'sessions', 'trip', f)));
    // Importing again: same bytes under a new name.
    const again = runCli(['sessions', 'import', exported], { home: to });
    expect(again.stdout).toBe('trip-2\n');
    expect(again.stderr).toMatch(/a session named trip exists already/);
  });

  it('Markdown export links images that exist and render; importing it replays the prompts to the same SVGs', () => {
    const home = tempHome();
    ok(['gen', '-s', 'md', 'a green tree', '--seed', '3'], home);
    ok(['gen', '-s', 'md', 'a yellow sun'], home);
    const file = path.join(home, 'out', 'tree.md');
    ok(['sessions', 'export', 'md', '-o', file], home);
    const text = fs.readFileSync(file, 'utf8');
    const links = [...text.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => decodeURI(m[1]));
    expect(links).toEqual(['tree_files/001.svg', 'tree_files/002.svg']);
    for (const link of links) expect(distinctColors(renderPixels(fs.readFileSync(path.join(home, 'out', link), 'utf8')))).toBeGreaterThan(2);
    const other = tempHome();
    expect(ok(['sessions', 'import', file], other).stdout).toBe('md\n');
    const original = JSON.parse(fs.readFileSync(path.join(home, 'sessions', 'md.json'), 'utf8'));
    const replayed = JSON.parse(fs.readFileSync(path.join(other, 'sessions', 'md.json'), 'utf8'));
    const essentials = (s: typeof original) => s.turns.map((t: { id: string; parent: string; prompt: string; seed: number; svg: { sha256: string } }) => [t.id, t.parent, t.prompt, t.seed, t.svg.sha256]);
    expect(essentials(replayed)).toEqual(essentials(original));
  });

  it('HTML export shows every image under its CSP in a real browser', async () => {
    const home = tempHome();
    ok(['gen', '-s', 'page', 'a blue bicycle'], home);
    ok(['gen', '-s', 'page', 'a red apple'], home);
    const file = path.join(home, 'page.html');
    ok(['sessions', 'export', 'page', '-o', file], home);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const blocked: string[] = [];
      page.on('console', (message) => blocked.push(message.text()));
      await page.goto(`file://${file}`);
      const sizes = await page.$$eval('img', (images) => images.map((img) => (img as HTMLImageElement).naturalWidth));
      expect(sizes).toHaveLength(2);
      for (const width of sizes) expect(width).toBeGreaterThan(0);
      expect(blocked).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
