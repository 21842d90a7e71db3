// The npm package as a user gets it: packed, installed into an empty prefix from the local npm cache
// (--offline: no network), then `svgchat gen` run from the installed bin.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, repoRoot, tempHome } from '../helpers/cli.js';

function run(command: string, args: string[], cwd: string, env: Record<string, string>) {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 240_000 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return result.stdout;
}

/** Starts the installed `svgchat serve` on a free port; its health and the page's script, then stops it. */
async function servePage(bin: string, cwd: string, env: Record<string, string>): Promise<{ health: string; script: string }> {
  const child = spawn(bin, ['serve', '--port', '0'], { cwd, env });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        if (out.includes('\n')) resolve(out.split('\n')[0]);
      });
      child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
    });
    const health = ((await (await fetch(`${url}api/health`)).json()) as { status: string }).status;
    return { health, script: await (await fetch(`${url}assets/app.mjs`)).text() };
  } finally {
    child.kill('SIGINT');
  }
}

describe('npm package', () => {
  it('packs only what it needs, installs into an empty prefix and draws offline', async () => {
    const work = tempHome('svgchat-pack-');
    // npm runs on the Node that runs the tests (the pinned one), found first on PATH.
    const env = { ...cleanEnv(work), PATH: `${path.dirname(process.execPath)}:${process.env.PATH}` };
    // The suite has just built dist/; packing again would only repeat that.
    const packed = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], repoRoot, env)) as { filename: string; files: { path: string }[] }[];
    const files = packed[0].files.map((f) => f.path);
    expect(files).toContain('dist/app/main.js');
    expect(files).toContain('dist/app/renderWorker.js');
    expect(files).toContain('dist/data/icons.json');
    expect(files).toContain('dist/data/icons.pack');
    expect(files).toContain('bin/svgchat.js');
    expect(files).toContain('NOTICE');
    expect(files).toContain('dist/app/THIRD-PARTY-NOTICES.md');
    expect(files).toContain('dist/pages/client/app.mjs');
    expect(files.filter((f) => /^(src|test|scripts|sessions|docs)\//.test(f) || f.includes('node_modules'))).toEqual([]);
    // Only the bundle, its data and the page's script: not the plain tsc output the bundle was made from.
    expect(files.filter((f) => f.startsWith('dist/') && !/^dist\/(app|data|pages\/client)\//.test(f))).toEqual([]);

    const prefix = path.join(work, 'prefix');
    run('npm', ['install', '--global', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, path.join(work, packed[0].filename)], work, env);
    const installed = path.join(prefix, 'bin', 'svgchat');
    expect(fs.existsSync(installed)).toBe(true);
    const out = path.join(work, 'apple.svg');
    const result = JSON.parse(run(installed, ['gen', 'a red apple', '-o', out, '-q', '--json', '--no-svg'], work, env));
    expect(fs.readFileSync(out, 'utf8')).toMatch(/^<svg[^>]*viewBox=/);
    // Scored by the installed package's own render child.
    expect(result.score).toBeGreaterThan(0);
    // The commands beyond gen work from the installed files too: sessions, score, and serve with its page.
    expect(JSON.parse(run(installed, ['sessions', 'list', '--json'], work, env))).toHaveLength(1);
    expect(run(installed, ['score', out], work, env)).toMatch(/^\d\.\d{4}\tvalid\t/);
    const page = await servePage(installed, work, env);
    expect(page.health).toBe('ok');
    expect(page.script).toMatch(/^\/\/ |import /);
    // What the bundle is made of is named with its licences.
    expect(fs.readFileSync(path.join(prefix, 'lib', 'node_modules', 'svgchat', 'dist', 'app', 'THIRD-PARTY-NOTICES.md'), 'utf8')).toMatch(/## openai [\d.]+ \(Apache-2\.0\)/);
  }, 300_000);
});
