// Installs what the tests need beyond npm: Debian's chromium for the browser tests.
// Idempotent and quick when everything is already there.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const needs = [
  { check: '/usr/bin/chromium', packages: ['chromium', 'fonts-dejavu-core'] },
  { check: '/usr/bin/tmux', packages: ['tmux'] },
];
const missing = needs.filter((need) => !existsSync(need.check)).flatMap((need) => need.packages);
if (missing.length === 0) {
  console.error('setup: everything is installed');
  process.exit(0);
}
if (process.getuid?.() !== 0) {
  // Not fatal: the tests that need these fail on their own, naming this command.
  console.error(`setup: missing ${missing.join(', ')}; run: sudo apt-get install -y ${missing.join(' ')}`);
  process.exit(0);
}
const run = (args) => spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
console.error(`setup: installing ${missing.join(', ')} with apt-get`);
if (run(['update', '-qq']).status !== 0 || run(['install', '-y', '-qq', ...missing]).status !== 0) {
  console.error(`setup: apt-get failed; run: apt-get update && apt-get install -y ${missing.join(' ')}`);
  process.exit(0);
}
