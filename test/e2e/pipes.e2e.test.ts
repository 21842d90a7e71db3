import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { binPath, cleanEnv, runCli, tempHome } from '../helpers/cli.js';

function lines(text: string): unknown[] {
  return text.trim().split('\n').map((line) => JSON.parse(line));
}

describe('svgchat in pipes', () => {
  it('-o - puts exactly one SVG on stdout and the notices on stderr', () => {
    const result = runCli(['gen', 'a cat', '-o', '-'], { home: tempHome() });
    expect(result.status).toBe(0);
    expect(result.stdout.startsWith('<svg')).toBe(true);
    expect(result.stdout.trimEnd().endsWith('</svg>')).toBe(true);
    expect(result.stdout.match(/<svg\b/g)).toHaveLength(1);
    expect(result.stderr).toMatch(/session .* turn/);
  });

  it('reads the prompt from stdin, and args first with stdin as context', () => {
    const home = tempHome();
    const piped = runCli(['gen', '--json', '--no-svg'], { home, input: 'a lighthouse\n' });
    expect(piped.status).toBe(0);
    expect(JSON.parse(piped.stdout).prompt).toBe('a lighthouse');
    const both = runCli(['gen', 'a dog', '--json', '--no-svg'], { home, input: 'in the snow' });
    expect(JSON.parse(both.stdout).prompt).toBe('a dog\n\nin the snow');
  });

  it('--json failures are one JSON document with an error, and a non-zero exit', () => {
    const result = runCli(['gen', 'a cat', '--json', '--size', 'huge'], { home: tempHome() });
    expect(result.status).toBe(2);
    const doc = JSON.parse(result.stdout);
    expect(doc).toMatchObject({ prompt: 'a cat', error: { code: 'bad_setting' } });
  });

  it('-q silences the notices', () => {
    const result = runCli(['gen', 'a cat', '-q'], { home: tempHome() });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(fs.existsSync(result.stdout.trim())).toBe(true);
  });

  it('a batch keeps input order, turns bad lines into error results and exits 1 at the end', () => {
    const home = tempHome();
    const input = ['a red apple', '{"prompt": "a cat", "name": "kitty"}', '{not json', '', `{"prompt": "${'x'.repeat(100_000)}"}`, '{"prompt": 5}', 'a dog'].join('\n');
    const result = runCli(['gen', '--batch', '-', '--out-dir', 'out', '--no-svg'], { home, input: `${input}\n` });
    expect(result.status).toBe(1);
    const results = lines(result.stdout) as { prompt: string; error?: { code: string }; file?: string }[];
    expect(results.map((r) => r.error?.code ?? 'ok')).toEqual(['ok', 'ok', 'invalid_json', 'empty_line', 'prompt_too_long', 'invalid_line', 'ok']);
    expect(results[0].prompt).toBe('a red apple');
    expect(results[6].prompt).toBe('a dog');
    expect(results[1].file).toBe(path.join(home, 'out', 'kitty.svg'));
    expect(fs.readdirSync(path.join(home, 'out')).sort()).toEqual(['0001-a-red-apple.svg', '0007-a-dog.svg', 'kitty.svg']);
    expect(result.stderr).toMatch(/7\/7 done.*3 failed|7\/7 done.*4 failed/);
  });

  it('a batch names a session file it had to move aside, as gen does', () => {
    const home = tempHome();
    runCli(['gen', '-s', 'pets', 'a cat', '-q'], { home });
    fs.writeFileSync(path.join(home, 'sessions', 'pets.json'), '{broken');
    const result = runCli(['gen', '--batch', '-', '--no-svg', '-q'], { home, input: '{"prompt": "a dog", "session": "pets"}\n' });
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/warning: session file .*pets\.json is unreadable.*moved it aside/);
    expect(fs.readdirSync(path.join(home, 'sessions')).some((f) => f.startsWith('pets.json.unreadable-'))).toBe(true);
  });

  it('a 200-line batch with concurrency 2 writes every file and every line, in order', () => {
    const home = tempHome();
    const subjects = ['a fox and two trees', 'a red car', 'a cat on a mat', 'three blue birds', 'a house at night'];
    const input = Array.from({ length: 200 }, (_, i) => JSON.stringify({ prompt: subjects[i % 5], name: `p${String(i).padStart(3, '0')}` }));
    const result = runCli(['gen', '--batch', '-', '--concurrency', '2', '--out-dir', 'out', '--no-svg', '-q'], { home, input: input.join('\n') });
    expect(result.status).toBe(0);
    const results = lines(result.stdout) as { prompt: string; file: string }[];
    expect(results.map((r) => path.basename(r.file))).toEqual(input.map((_, i) => `p${String(i).padStart(3, '0')}.svg`));
    expect(results.map((r) => r.prompt)).toEqual(input.map((_, i) => subjects[i % 5]));
    expect(fs.readdirSync(path.join(home, 'out'))).toHaveLength(200);
    for (const r of results) expect(fs.statSync(r.file).size).toBeGreaterThan(100);
    // Each prompt is its own session with one turn, its stored SVG the bytes the result names (worker processes wrote them).
    const stored = results as unknown as { session: { name: string }; sha256: string; file: string }[];
    expect(new Set(stored.map((r) => r.session.name)).size).toBe(200);
    for (const r of stored) {
      const session = JSON.parse(fs.readFileSync(path.join(home, 'sessions', `${r.session.name}.json`), 'utf8'));
      expect(session.turns).toHaveLength(1);
      expect(session.turns[0].svg.sha256).toBe(r.sha256);
      expect(createHash('sha256').update(fs.readFileSync(path.join(home, 'sessions', session.turns[0].svg.path))).digest('hex')).toBe(r.sha256);
      expect(createHash('sha256').update(fs.readFileSync(r.file)).digest('hex')).toBe(r.sha256);
    }
  });

  it('a batch scores only with --score; one gen scores unless --no-score', () => {
    const home = tempHome();
    const input = 'a red apple\n{"prompt": "three blue birds"}\n';
    type Result = { score: number | null; candidates: { score: number | null }[]; session: { name: string } };
    const plain = lines(runCli(['gen', '--batch', '-', '--no-svg', '-q'], { home, input }).stdout) as Result[];
    expect(plain.map((r) => r.score)).toEqual([null, null]);
    const scored = lines(runCli(['gen', '--batch', '-', '--no-svg', '-q', '--score'], { home, input }).stdout) as Result[];
    // Scored drawings are never blank (a blank one scores 0); the result and the stored turn agree.
    for (const r of scored) {
      expect(r.score).toBeGreaterThan(0.3);
      expect(r.candidates[0].score).toBe(r.score);
      expect(JSON.parse(fs.readFileSync(path.join(home, 'sessions', `${r.session.name}.json`), 'utf8')).turns[0].score).toBe(r.score);
    }
    const one = JSON.parse(runCli(['gen', 'a red apple', '--json', '--no-svg'], { home }).stdout) as Result;
    expect(one.score).toBeGreaterThan(0.3);
    const unscored = JSON.parse(runCli(['gen', 'a red apple', '--json', '--no-svg', '--no-score'], { home }).stdout) as Result;
    expect(unscored.score).toBeNull();
    const refused = runCli(['gen', 'a red apple', '-n', '3', '--no-score'], { home });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/^svgchat: error: --no-score cannot pick the best of 3 candidates.*\nhint: /);
    // The same when the count comes from the environment (or the config file).
    expect(runCli(['gen', 'a red apple', '--no-score'], { home, env: { SVGCHAT_CANDIDATES: '2' } }).status).toBe(2);
  });

  it('ends quietly when the reader closes the pipe', () => {
    const home = tempHome();
    const prompts = Array.from({ length: 150 }, () => 'a cat').join('\n');
    fs.writeFileSync(path.join(home, 'p.txt'), prompts);
    const script = `"${process.execPath}" "${binPath}" gen --batch p.txt -q | head -c 10 > head.out; echo "\${PIPESTATUS[0]}"`;
    const result = spawnSync('bash', ['-c', script], { cwd: home, env: cleanEnv(home), encoding: 'utf8', timeout: 60_000 });
    expect(result.stdout.trim()).toBe('0');
    expect(result.stderr).toBe('');
    expect(fs.readFileSync(path.join(home, 'head.out'), 'utf8')).toHaveLength(10);
  });

  it('Ctrl-C stops a batch cleanly with the results so far written (exit 130)', async () => {
    const home = tempHome();
    const prompts = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ prompt: 'a tree', name: `t${i}` })).join('\n');
    const child = spawn(process.execPath, [binPath, 'gen', '--batch', '-', '--no-svg', '--out-dir', 'out'], { cwd: home, env: cleanEnv(home) });
    let signalled = false;
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
      if (!signalled && stdout.split('\n').length > 5) {
        signalled = true;
        child.kill('SIGINT');
      }
    });
    child.stderr.on('data', (d) => (stderr += d));
    child.stdin.end(prompts);
    const status = await new Promise((resolve) => child.on('close', resolve));
    expect(status).toBe(130);
    expect(stderr).toMatch(/interrupted after \d+ of 3000/);
    const results = lines(stdout) as { file?: string; error?: { code: string } }[];
    expect(results.length).toBeGreaterThan(4);
    expect(results.length).toBeLessThan(3000);
    // Every prompt sent to a worker has its line, in input order: drawn, or stopped mid-way by the Ctrl-C.
    results.forEach((r, i) => (r.file ? expect(path.basename(r.file)).toBe(`t${i}.svg`) : expect(r.error?.code).toBe('interrupted')));
    const drawn = results.flatMap((r) => (r.file ? [path.basename(r.file)] : []));
    expect(fs.readdirSync(path.join(home, 'out')).sort()).toEqual(drawn.sort());
    expect(fs.readdirSync(path.join(home, 'sessions')).filter((f) => f.endsWith('.json'))).toHaveLength(drawn.length);
    expect(stderr).toContain(`interrupted after ${results.length} of 3000`);
    expect(stderr).not.toContain('error: interrupted'); // said once
  });

  it('open hands the file to $SVGCHAT_VIEWER', async () => {
    const home = tempHome();
    const viewer = path.join(home, 'viewer.sh');
    fs.writeFileSync(viewer, `#!/bin/sh\necho "$1" > "${home}/opened.txt"\n`, { mode: 0o755 });
    const made = runCli(['gen', 'a cat', '-s', 'pets', '-q'], { home });
    const opened = runCli(['open', 'pets'], { home, env: { SVGCHAT_VIEWER: viewer } });
    expect(opened.status).toBe(0);
    const target = path.join(home, 'opened.txt');
    // The viewer runs detached: wait for its whole line (the shell creates the file before it writes to it).
    for (let i = 0; i < 50 && !(fs.existsSync(target) && fs.readFileSync(target, 'utf8').endsWith('\n')); i++) await new Promise((r) => setTimeout(r, 50));
    expect(fs.readFileSync(target, 'utf8').trim()).toBe(made.stdout.trim());
    expect(runCli(['open', 'pets', '--turn', '9'], { home, env: { SVGCHAT_VIEWER: viewer } }).status).toBe(2);
  });
});

describe('shell completion', () => {
  it('bash: completes commands, flags and session names', () => {
    const home = tempHome();
    runCli(['gen', 'a cat', '-s', 'my-pets', '-q'], { home });
    const binDir = path.join(home, 'bin');
    fs.mkdirSync(binDir);
    fs.writeFileSync(path.join(binDir, 'svgchat'), `#!/bin/sh\nexec "${process.execPath}" "${binPath}" "$@"\n`, { mode: 0o755 });
    const script = runCli(['completion', 'bash'], { home }).stdout;
    fs.writeFileSync(path.join(home, 'c.bash'), script);
    const complete = (words: string[]) => {
      const body = `source c.bash; COMP_WORDS=(${words.map((w) => `"${w}"`).join(' ')}); COMP_CWORD=${words.length - 1}; _svgchat; echo "\${COMPREPLY[*]}"`;
      return spawnSync('bash', ['-c', body], { cwd: home, env: { ...cleanEnv(home), PATH: `${binDir}:${process.env.PATH}` }, encoding: 'utf8' }).stdout.trim().split(' ');
    };
    expect(complete(['svgchat', 'ge'])).toEqual(['gen']);
    expect(complete(['svgchat', 'gen', '--ou'])).toEqual(['--output', '--out-dir']);
    expect(complete(['svgchat', 'gen', '-s', 'my'])).toEqual(['my-pets']);
    expect(complete(['svgchat', 'open', 'my'])).toEqual(['my-pets']);
  });

  it.each(['zsh', 'fish'])('%s: prints a script naming every command', (shell) => {
    const result = runCli(['completion', shell], { home: tempHome() });
    expect(result.status).toBe(0);
    for (const command of ['gen', 'config', 'open', 'completion']) expect(result.stdout).toContain(command);
  });

  it('an unknown shell is a usage error', () => {
    expect(runCli(['completion', 'tcsh'], { home: tempHome() }).status).toBe(2);
  });
});
