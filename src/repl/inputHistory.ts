// What was typed at the REPL prompt, kept across runs in $SVGCHAT_HOME/history (one entry a line,
// newest last, at most HISTORY_SIZE). Prompts can be private: the file is only readable by its owner.
import fs from 'node:fs';
import path from 'node:path';

export const HISTORY_SIZE = 500;

export function historyFile(home: string): string {
  return path.join(home, 'history');
}

/** The last `size` entries, oldest first; a missing or unreadable file is an empty history. */
export function loadHistory(home: string, size = HISTORY_SIZE): string[] {
  let text: string;
  try {
    text = fs.readFileSync(historyFile(home), 'utf8');
  } catch {
    return [];
  }
  const entries = text.split('\n').filter((line) => line.trim() !== '');
  // Two REPLs append to the same file; it is trimmed back to the cap when it has grown past twice that.
  if (entries.length > size * 2) rewrite(home, entries.slice(-size));
  return entries.slice(-size);
}

/** Appends one entry (newlines flattened); history is a convenience, so a failed write is ignored. */
export function appendHistory(home: string, entry: string): void {
  const line = entry.replace(/\s*\n\s*/g, ' ').trim();
  if (!line) return;
  try {
    fs.mkdirSync(home, { recursive: true });
    fs.appendFileSync(historyFile(home), `${line}\n`, { mode: 0o600 });
  } catch {
    // a read-only home still gets a working REPL
  }
}

function rewrite(home: string, entries: string[]): void {
  const file = historyFile(home);
  const temp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, `${entries.join('\n')}\n`, { mode: 0o600 });
    fs.renameSync(temp, file);
  } catch {
    fs.rmSync(temp, { force: true });
  }
}
