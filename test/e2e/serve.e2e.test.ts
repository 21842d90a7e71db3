// The built binary: `svgchat serve` refuses to listen beyond 127.0.0.1 without a token (exit 2), serves the API,
// demands the token when it has one, and stops cleanly on Ctrl-C (SIGINT: exit 0); `svgchat view` writes the
// gallery, prints its path and opens it with $SVGCHAT_VIEWER unless --no-open.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { binPath, cleanEnv, runCli, runCliAsync, tempHome } from '../helpers/cli.js';

interface Served {
  child: ChildProcess;
  url: string;
  stderr: () => string;
  stop: () => Promise<number | null>;
}

function serve(home: string, args: string[], env: Record<string, string> = {}): Promise<Served> {
  const child = spawn(process.execPath, [binPath, 'serve', '--port', '0', ...args], { cwd: home, env: cleanEnv(home, env) });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      if (!out.includes('\n')) return;
      resolve({
        child,
        url: out.split('\n')[0],
        stderr: () => stderr,
        stop: () => new Promise((done) => {
          child.once('exit', (code) => done(code));
          child.kill('SIGINT');
        }),
      });
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
}

describe('svgchat serve', () => {
  it('refuses a non-default address without --token: exit 2 before listening', async () => {
    const home = tempHome();
    for (const host of ['0.0.0.0', '127.0.0.2']) {
      const result = await runCliAsync(['serve', '--host', host, '--port', '0'], { home });
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(new RegExp(`^svgchat: error: serving on ${host.replace(/\./g, '\\.')} needs a token`));
      expect(result.stderr).toMatch(/hint: add --token/);
    }
    expect(runCli(['serve', '--port', 'http'], { home }).status).toBe(2);
    expect(runCli(['serve', '--host', '127.0.0.2', '--token', 'short'], { home }).status).toBe(2);
  });

  it('serves the API on 127.0.0.1 and stops on SIGINT with exit 0', async () => {
    const home = tempHome();
    const server = await serve(home, []);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect((await (await fetch(`${server.url}api/health`)).json()).status).toBe('ok');
    const started = await fetch(`${server.url}api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"e2e"}' });
    expect(started.status).toBe(201);
    const turn = await fetch(`${server.url}api/sessions/e2e/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"prompt":"a red apple","seed":3}' });
    expect(turn.status).toBe(201);
    // The CLI sees the same session at the same time.
    const shown = await runCliAsync(['sessions', 'show', 'e2e', '--json'], { home });
    expect(JSON.parse(shown.stdout).turns.map((t: { prompt: string }) => t.prompt)).toEqual(['a red apple']);
    expect(await server.stop()).toBe(0);
    expect(server.stderr()).toMatch(/stopping/);
  });

  it('with --token on 127.0.0.2: prints the sign-in URL and refuses requests without the token', async () => {
    const home = tempHome();
    const token = 'e2e-token-0123456789abcdef';
    const server = await serve(home, ['--host', '127.0.0.2', '--token', token]);
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.2:\\d+/#token=${token}$`));
    const base = server.url.split('#')[0];
    const refused = await fetch(`${base}api/sessions`);
    expect(refused.status).toBe(401);
    expect((await refused.json()).error.code).toBe('unauthorized');
    expect((await fetch(`${base}api/sessions`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    expect(server.stderr()).not.toContain(token);
    expect(await server.stop()).toBe(0);
  });

  it('with the token from SVGCHAT_SERVE_TOKEN (a container): never prints it, still requires it', async () => {
    const home = tempHome();
    const token = 'env-token-0123456789abcdef';
    const server = await serve(home, ['--host', '127.0.0.2'], { SVGCHAT_SERVE_TOKEN: token });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.2:\d+\/$/);
    expect((await fetch(`${server.url}api/sessions`)).status).toBe(401);
    expect((await fetch(`${server.url}api/sessions`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    expect(await server.stop()).toBe(0);
    expect(server.stderr()).toContain('#token=<SVGCHAT_SERVE_TOKEN>');
    expect(server.stderr()).not.toContain(token);
  });
});

describe('svgchat view', () => {
  it('writes the gallery, prints its path and opens it with $SVGCHAT_VIEWER; --no-open only writes', async () => {
    const home = tempHome();
    expect(runCli(['view'], { home }).status).toBe(2);
    expect(runCli(['gen', 'a red fox', '-s', 'pets', '-q'], { home }).status).toBe(0);
    expect(runCli(['gen', 'add a moon', '-s', 'pets', '-q'], { home }).status).toBe(0);
    const recorder = path.join(home, 'viewer.sh');
    fs.writeFileSync(recorder, `#!/bin/sh\necho "$@" > "${path.join(home, 'opened.txt')}"\n`, { mode: 0o755 });

    const viewed = runCli(['view', 'pets'], { home, env: { SVGCHAT_VIEWER: recorder } });
    expect(viewed.status).toBe(0);
    const file = path.join(home, 'views', 'pets.html');
    expect(viewed.stdout).toBe(`${file}\n`);
    const html = fs.readFileSync(file, 'utf8');
    expect(html.match(/<li class="card/g)).toHaveLength(2);
    // The viewer runs detached: wait for its whole line (the shell creates the file before it writes to it).
    const opened = () => (fs.existsSync(path.join(home, 'opened.txt')) ? fs.readFileSync(path.join(home, 'opened.txt'), 'utf8') : '');
    for (let i = 0; i < 100 && !opened().endsWith('\n'); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fs.readFileSync(path.join(home, 'opened.txt'), 'utf8').trim()).toBe(file);

    fs.rmSync(path.join(home, 'opened.txt'));
    const quiet = runCli(['view', '-o', 'out/gallery.html', '--no-open'], { home, env: { SVGCHAT_VIEWER: recorder } });
    expect(quiet.status).toBe(0);
    expect(quiet.stdout).toBe(`${path.join(home, 'out', 'gallery.html')}\n`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fs.existsSync(path.join(home, 'opened.txt'))).toBe(false);

    const unknown = runCli(['view', 'pest', '--no-open'], { home });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/no session named "pest"[\s\S]*did you mean "pets"/);
  }, 60_000);
});
