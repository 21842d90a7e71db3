// The npm package as a user gets it: packed, installed into an empty prefix from the local npm cache
// (--offline: no network), then `svgchat gen` run from the installed bin.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, repoRoot, tempHome } from '../helpers/cli.js';

function run(command: string, args: string[], cwd: string, env: Record<string, string>) {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 240_000 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return result.stdout;
}

describe('npm package', () => {
  it('packs only what it needs, installs into an empty prefix and draws offline', () => {
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
    expect(files.filter((f) => /^(src|test|scripts|sessions|docs)\//.test(f) || f.includes('node_modules'))).toEqual([]);

    const prefix = path.join(work, 'prefix');
    run('npm', ['install', '--global', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, path.join(work, packed[0].filename)], work, env);
    const installed = path.join(prefix, 'bin', 'svgchat');
    expect(fs.existsSync(installed)).toBe(true);
    const out = path.join(work, 'apple.svg');
    const result = JSON.parse(run(installed, ['gen', 'a red apple', '-o', out, '-q', '--json', '--no-svg'], work, env));
    expect(fs.readFileSync(out, 'utf8')).toMatch(/^<svg[^>]*viewBox=/);
    // Scored by the installed package's own render child.
    expect(result.score).toBeGreaterThan(0);
  }, 300_000);
});
