// Session names are data, never paths (SPEC §3).
import { UsageError } from '../errors.js';

const NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$/;

export function validateSessionName(name: string): string {
  if (!NAME.test(name)) {
    const why = name.length === 0 ? 'it is empty' : name.length > 64 ? 'it is longer than 64 characters' : name.startsWith('.') ? 'it starts with "."' : 'it may only hold letters, digits, "-", "_" and "."';
    throw new UsageError(`invalid session name "${name.slice(0, 80)}": ${why}`, 'use 1-64 letters, digits, "-", "_" or ".", not starting with "."', 'bad_name');
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
  return `${words.join('-') || 'session'}-${suffix}`.slice(0, 64);
}

/** The title: the first prompt, on one line, shortened. */
export function autoTitle(prompt: string): string {
  const line = prompt.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 59)}…` : line || 'untitled';
}
