// Session names are data, never paths (SPEC §3).
import { UsageError } from '../errors.js';

/** 1-64 letters, digits, "-", "_" or "."; not starting with ".". Case-insensitively unique (the store checks).
 * New names may not end in ".json" either (validateSessionName); the pattern still reads sessions named so before. */
export const SESSION_NAME_PATTERN = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$/;

/** Session "x" is the file "x.json" beside the folder "x/": the folder of a session "x.json" would be the file of "x". */
const JSON_SUFFIX = /\.json$/i;

function nameProblem(name: string): string {
  if (name.length === 0) return 'it is empty';
  if (name.length > 64) return `it is ${name.length} characters long (at most 64)`;
  if (/[/\\]/.test(name)) return 'a session name is not a path';
  if (name.startsWith('.')) return 'it starts with "."';
  if (!SESSION_NAME_PATTERN.test(name)) return 'it may only hold letters, digits, "-", "_" and "."';
  return 'it ends in ".json", as session files do';
}

export function validateSessionName(name: string): string {
  if (!SESSION_NAME_PATTERN.test(name) || JSON_SUFFIX.test(name)) {
    const shown = name.length > 40 ? `${name.slice(0, 40)}…` : name;
    throw new UsageError(`invalid session name "${shown}": ${nameProblem(name)}`, 'use 1-64 letters, digits, "-", "_" or ".", not starting with "." nor ending in ".json"', 'bad_name');
  }
  return name;
}

/** A readable name from a prompt: "A red fox in the snow" -> "red-fox-snow-k3f9". */
export function autoName(prompt: string, suffix: string): string {
  const words = prompt
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 2 && !['the', 'and', 'with', 'for'].includes(w))
    .slice(0, 3);
  const stem = (words.join('-') || 'session').slice(0, 58);
  return `${stem}-${suffix}`;
}

/** The title: the first prompt, on one line, shortened. */
export function autoTitle(prompt: string): string {
  const line = prompt.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 59)}…` : line || 'untitled';
}
