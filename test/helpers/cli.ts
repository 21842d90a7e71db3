// Runs the built bin/svgchat.js as a user would, with a temp SVGCHAT_HOME and no network.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const binPath = path.join(repoRoot, 'bin', 'svgchat.js');

const homes = new Set<string>();

/** Removes every temp home made so far (test/helpers/tempCleanup.ts runs it after each test file; SVGCHAT_KEEP_TEMP=1 keeps them). */
export function removeTempHomes(): void {
  if (process.env.SVGCHAT_KEEP_TEMP === '1') return;
  for (const home of homes) fs.rmSync(home, { recursive: true, force: true });
  homes.clear();
}

export function tempHome(prefix = 'svgchat-test-'): string {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  homes.add(home);
  return home;
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function cleanEnv(home: string, extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !/^(OPENAI_|SVGCHAT_)/.test(key)) env[key] = value;
  }
  return { ...env, SVGCHAT_HOME: home, SVGCHAT_VIEWER: 'true', NO_COLOR: '1', HOME: home, ...extra };
}

export function runCli(args: string[], options: { home: string; input?: string; cwd?: string; env?: Record<string, string> }): CliResult {
  const result = spawnSync(process.execPath, [binPath, ...args], {
    cwd: options.cwd ?? options.home,
    env: cleanEnv(options.home, options.env),
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Same as runCli but asynchronous, for running several processes at once. */
export function runCliAsync(args: string[], options: { home: string; input?: string; env?: Record<string, string> }): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binPath, ...args], { cwd: options.home, env: cleanEnv(options.home, options.env) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}
