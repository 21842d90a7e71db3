import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { binPath, cleanEnv, runCli, tempHome } from '../helpers/cli.js';
import { distinctColors, renderPixels, shareOfHue } from '../helpers/pixels.js';

describe('svgchat gen (built binary)', () => {
  it('draws a red apple to a file', () => {
    const home = tempHome();
    const result = runCli(['gen', 'a red apple', '-o', 'apple.svg'], { home });
    expect(result.stderr).not.toMatch(/error/);
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(path.join(home, 'apple.svg'));
    const svg = fs.readFileSync(path.join(home, 'apple.svg'), 'utf8');
    expect(svg).toContain('viewBox="0 0 512 512"');
    const pixels = renderPixels(svg);
    expect(shareOfHue(pixels, 345, 15)).toBeGreaterThan(0.2);
    // An apple, not any red blob: the scene says which drawing was placed.
    const json = JSON.parse(runCli(['gen', 'a red apple', '--json', '--no-svg'], { home }).stdout);
    expect(json.scene.items).toMatchObject([{ concept: 'apple', source: 'icon:red-apple', count: 1 }]);
  });

  it('with -p openai and no endpoint: a usage error, and no session is written (named, or for a batch)', () => {
    const home = tempHome();
    fs.writeFileSync(path.join(home, 'prompts.txt'), 'a cat\na dog\n');
    for (const args of [['gen', 'a cat', '-s', 't1', '-p', 'openai'], ['gen', '--batch', 'prompts.txt', '-p', 'openai']]) {
      const result = runCli(args, { home });
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/^svgchat: error: the openai provider has no endpoint configured\nhint: /);
    }
    expect(fs.existsSync(path.join(home, 'sessions'))).toBe(false);
    // An empty OPENAI_API_KEY is no key: offline, as without one.
    const empty = runCli(['gen', 'a cat', '-s', 't2', '--json', '--no-svg'], { home, env: { OPENAI_API_KEY: '' } });
    expect(empty.status).toBe(0);
    expect(JSON.parse(empty.stdout)).toMatchObject({ provider: 'offline', session: { name: 't2' } });
  });

  it('draws a blue bicycle', () => {
    const home = tempHome();
    const result = runCli(['gen', 'a blue bicycle', '-o', '-'], { home });
    expect(result.status).toBe(0);
    const pixels = renderPixels(result.stdout);
    expect(shareOfHue(pixels, 200, 260)).toBeGreaterThan(0.02);
    // The stock icon's frame is pink; none of it should be left.
    expect(shareOfHue(pixels, 330, 360)).toBeLessThan(0.005);
  });

  it('still draws something, and says so, when nothing matches', () => {
    const home = tempHome();
    const result = runCli(['gen', 'zzqx'], { home });
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/nothing in the icon set matched "zzqx"/);
    const svg = fs.readFileSync(result.stdout.trim(), 'utf8');
    expect(distinctColors(renderPixels(svg))).toBeGreaterThan(2);
  });

  it('accepts --no-stream offline, where it changes nothing', () => {
    const home = tempHome();
    const plain = runCli(['gen', 'a red apple', '--seed', '7', '-o', '-'], { home });
    const unstreamed = runCli(['gen', 'a red apple', '--seed', '7', '--no-stream', '-o', '-'], { home });
    expect(unstreamed.status).toBe(0);
    expect(unstreamed.stdout).toContain('<svg');
    expect(unstreamed.stdout).toBe(plain.stdout);
  });

  it('prints the version and help', () => {
    const home = tempHome();
    const version = runCli(['--version'], { home });
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = runCli(['gen', '--help'], { home });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--output');
    expect(help.stdout).toContain('Examples:');
    const top = runCli(['--help'], { home });
    expect(top.status).toBe(0);
    for (const command of ['gen', 'chat', 'score', 'sanitize', 'sessions', 'open', 'view', 'serve', 'config', 'models']) expect(top.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
  });

  it.each([
    [['gen', '--bogus', 'x'], /unknown option '--bogus'/],
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['gne', 'a', 'fox'], /unknown command 'gne'\nhint: did you mean: svgchat gen\?/],
    [['gen', 'cat', '--seed', 'x'], /invalid --seed/],
    [['gen', 'cat', '--size', 'huge'], /size must look like WIDTHxHEIGHT/],
  ])('%j is a usage error (exit 2, one line and a hint)', (args, message) => {
    const home = tempHome();
    const result = runCli(args, { home });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/^svgchat: error: .*\nhint: .*\n$/);
    expect(result.stdout).toBe('');
  });

  it('without a terminal and without a command, points at gen (exit 2)', () => {
    const result = runCli([], { home: tempHome() });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/svgchat gen/);
  });

  it('does not write outside SVGCHAT_HOME', () => {
    const home = tempHome();
    runCli(['gen', 'a cat'], { home });
    expect(fs.readdirSync(home).sort()).toEqual(['sessions']);
  });
});

describe('colour on a terminal', () => {
  // `script` gives the command a real pseudo-terminal, where colour is on unless NO_COLOR says otherwise.
  // The terminal is described as a user's would be (TERM set, not a CI log), whatever the runner's own env holds.
  const onTerminal = (env: Record<string, string>) => {
    const home = tempHome();
    const command = `"${process.execPath}" "${binPath}" gen zzqx -o out.svg`;
    const base = cleanEnv(home, { TERM: 'xterm-256color' });
    for (const key of ['NO_COLOR', 'FORCE_COLOR', 'CI', 'COLORTERM']) delete base[key];
    return spawnSync('script', ['-qec', command, '/dev/null'], { cwd: home, env: { ...base, ...env }, encoding: 'utf8', timeout: 60_000 }).stdout;
  };
  const SGR = /\x1b\[[0-9;]*m/;

  it('colours notices by default and not with NO_COLOR', () => {
    expect(onTerminal({})).toMatch(SGR);
    const plain = onTerminal({ NO_COLOR: '1' });
    expect(plain).toMatch(/nothing in the icon set matched/);
    expect(plain).not.toMatch(SGR);
  });
});
