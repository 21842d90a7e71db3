// Once any session has had an uppercase letter in its name, a file in the store says so for good. Until
// then a new all-lowercase name (every auto name) can only clash with its exact file, so claiming one
// needs no read of the sessions folder; after, every claim checks every case.
import fs from 'node:fs';
import path from 'node:path';

function markFile(sessionsDir: string): string {
  return path.join(sessionsDir, '.locks', 'mixed-case-names');
}

/** Whether a name has a capital letter: what makes the mark (and the any-case check) needed. */
export function hasCapitals(name: string): boolean {
  return name !== name.toLowerCase();
}

export function mixedCaseSeen(sessionsDir: string): boolean {
  return fs.existsSync(markFile(sessionsDir));
}

export function noteMixedCase(sessionsDir: string): void {
  if (mixedCaseSeen(sessionsDir)) return;
  fs.mkdirSync(path.dirname(markFile(sessionsDir)), { recursive: true });
  fs.writeFileSync(markFile(sessionsDir), '');
}
